package io.github.clerk4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;

/**
 * A test of a {@link Clerk} over a {@link FakeTransport}'s script: after each test every scripted
 * answer must have been requested (an answer left over means a call the flow should have made and
 * did not), and the Clerk is closed.
 */
abstract class ScriptedClerkTest {

  final FakeTransport fake = new FakeTransport();
  final Clerk clerk;

  /** @param clerkOver builds the Clerk under test over the fake transport */
  ScriptedClerkTest(Function<FakeTransport, Clerk> clerkOver) {
    this.clerk = clerkOver.apply(fake);
  }

  @AfterEach
  void scriptUsedUp() {
    assertThat(fake.scriptDone()).as("every scripted answer was requested").isTrue();
    clerk.close();
  }
}
