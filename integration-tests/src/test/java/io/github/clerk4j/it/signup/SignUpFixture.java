package io.github.clerk4j.it.signup;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.it.support.EmulatorFixture;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * An emulator with the instance settings a sign-up test asks for (Clerk's defaults otherwise,
 * rate limits included) and one SDK client over OkHttp; the SDK's retry waits move the emulator's
 * clock instead of sleeping.
 */
final class SignUpFixture extends EmulatorFixture {

  final Clerk clerk;

  SignUpFixture(UnaryOperator<ClerkEmulator.Builder> settings, EmulatorUser... users) {
    super(Instant.parse("2026-05-12T10:00:00Z"), b -> b, settings, users);
    RetryPolicy retries = RetryPolicy.builder().sleeper(clock::advance).build();
    clerk = Clerk.builder().publishableKey(emulator.publishableKey()).retryPolicy(retries).build();
  }

  SignUpFixture(EmulatorUser... users) {
    this(b -> b, users);
  }

  @Override
  protected Clerk mainClerk() {
    return clerk;
  }
}
