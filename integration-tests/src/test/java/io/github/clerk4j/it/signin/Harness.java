package io.github.clerk4j.it.signin;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.TokenStore;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One emulator on loopback and one SDK client talking to it through the OkHttp transport (found
 * by ServiceLoader, as in an app), sharing a clock the test can move.
 */
final class Harness implements AutoCloseable {

  /** A clock tests move forward, to expire codes without waiting. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  /** Every retry wait of the SDK; waiting moves the shared clock instead of sleeping. */
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final TokenStore tokens = TokenStore.inMemory();
  final ClerkEmulator emulator;
  final Clerk clerk;

  Harness(UnaryOperator<ClerkEmulator.Builder> settings, EmulatorUser... users) {
    ClerkEmulator.Builder b = ClerkEmulator.builder().clock(clock);
    for (EmulatorUser u : users) {
      b.user(u);
    }
    emulator = settings.apply(b).build().start();
    clerk = newClerk(RetryPolicy.builder());
  }

  /** Another SDK client of the same emulator, with this retry policy (its waits move the clock). */
  Clerk newClerk(RetryPolicy.Builder retry) {
    RetryPolicy policy = retry.sleeper(d -> {
      waits.add(d);
      clock.advance(d);
    }).build();
    return Clerk.builder().publishableKey(emulator.publishableKey()).tokenStore(tokens)
        .retryPolicy(policy).build();
  }

  Harness(EmulatorUser... users) {
    this(b -> b, users);
  }

  /** The latest code the emulator sent to this e-mail address or phone number. */
  String code(String recipient) {
    return emulator.outbox().latestCodeFor(recipient);
  }

  int sentTo(String recipient) {
    return emulator.outbox().messagesFor(recipient).size();
  }

  @Override
  public void close() {
    try {
      clerk.close();
    } finally {
      emulator.close();
    }
  }
}
