package io.github.clerk4j.it.signin;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.TokenStore;
import io.github.clerk4j.it.support.EmulatorFixture;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One emulator on loopback and one SDK client talking to it through the OkHttp transport (found
 * by ServiceLoader, as in an app), sharing a clock the test can move.
 */
final class Harness extends EmulatorFixture {

  /** Every retry wait of the SDK; waiting moves the shared clock instead of sleeping. */
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final TokenStore tokens = TokenStore.inMemory();
  final Clerk clerk;

  Harness(UnaryOperator<ClerkEmulator.Builder> settings, EmulatorUser... users) {
    super(Instant.now(), b -> b, settings, users);
    clerk = newClerk(RetryPolicy.builder());
  }

  Harness(EmulatorUser... users) {
    this(b -> b, users);
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

  @Override
  protected Clerk mainClerk() {
    return clerk;
  }
}
