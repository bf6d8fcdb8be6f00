package io.github.clerk4j.it.support;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TestClock;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * An emulator on loopback, started with seeded users on a {@link TestClock}, and the SDK client
 * a test drives against it; closing the fixture closes both. The test packages' fixtures ({@code
 * it.signin.Harness}, {@code it.user.Account}) add their own defaults and helpers on top.
 */
public abstract class EmulatorFixture implements AutoCloseable {

  /** The emulator's clock. */
  public final TestClock clock;
  public final ClerkEmulator emulator;

  /**
   * @param start the clock's first instant
   * @param defaults the fixture's emulator settings, applied before the users are added
   * @param settings the test's own settings, applied last so that they win
   */
  protected EmulatorFixture(Instant start, UnaryOperator<ClerkEmulator.Builder> defaults,
      UnaryOperator<ClerkEmulator.Builder> settings, EmulatorUser... users) {
    this.clock = TestClock.at(start);
    ClerkEmulator.Builder b = defaults.apply(ClerkEmulator.builder().clock(clock));
    for (EmulatorUser u : users) {
      b.user(u);
    }
    this.emulator = settings.apply(b).build().start();
  }

  /**
   * The SDK client closed with the fixture. Subclasses create it after this constructor, as it
   * may need their own state (a token store, a recording sleeper).
   */
  protected abstract Clerk mainClerk();

  /** The latest code the emulator sent to this e-mail address or phone number. */
  public String code(String recipient) {
    return emulator.outbox().latestCodeFor(recipient);
  }

  /** How many messages the emulator sent to this e-mail address or phone number. */
  public int sentTo(String recipient) {
    return emulator.outbox().messagesFor(recipient).size();
  }

  @Override
  public void close() {
    try {
      mainClerk().close();
    } finally {
      emulator.close();
    }
  }
}
