package io.github.clerk4j.samples;

import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What a flow needs of the embedded emulator: its users and instance settings. */
final class EmulatorSetup {

  private final ClerkEmulator.Builder builder;
  private final TravelClock clock = new TravelClock();

  EmulatorSetup() {
    builder = ClerkEmulator.builder().clock(clock);
  }

  /**
   * Seeds a user. {@code trustedDevice}: the flow signs in as on a device the user already knows,
   * so a correct password completes without a Client Trust code.
   */
  EmulatorSetup user(EmulatorUser.Builder user, boolean trustedDevice) {
    builder.user(user.build());
    if (trustedDevice) {
      builder.clientTrust(false);
    }
    return this;
  }

  /** The instance requires MFA: new sessions of users without it get the {@code setup-mfa} task. */
  EmulatorSetup requireMfa() {
    builder.mfaRequired(true);
    return this;
  }

  ClerkEmulator start() {
    return builder.build().start();
  }

  /** The emulator's clock, which a flow may move forward (for example to age a verification). */
  TravelClock clock() {
    return clock;
  }

  /** The system clock plus an offset that only grows. */
  static final class TravelClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration d) {
      offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the emulator's clock is UTC");
    }
  }
}
