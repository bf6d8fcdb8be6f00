package io.github.clerk4j.samples;

import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TestClock;

/** What a flow needs of the embedded emulator: its users and instance settings. */
final class EmulatorSetup {

  private final ClerkEmulator.Builder builder;
  private final TestClock clock = TestClock.system();

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
  TestClock clock() {
    return clock;
  }
}
