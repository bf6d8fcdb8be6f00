package io.github.clerk4j.samples.harness;

import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TestClock;
import java.util.List;

/** What a flow needs of the embedded emulator: its users and instance settings. */
final class EmulatorSetup {

  private final ClerkEmulator.Builder builder;
  private final TestClock clock = TestClock.system();

  EmulatorSetup() {
    builder = ClerkEmulator.builder().clock(clock);
  }

  /** Seeds a user. */
  EmulatorSetup user(EmulatorUser.Builder user) {
    builder.user(user.build());
    return this;
  }

  /**
   * The flow signs in as on a device its users already know: a correct password completes
   * without a Client Trust code.
   */
  EmulatorSetup trustedDevice() {
    builder.clientTrust(false);
    return this;
  }

  /** The instance requires MFA: new sessions of users without it get the {@code setup-mfa} task. */
  EmulatorSetup requireMfa() {
    builder.mfaRequired(true);
    return this;
  }

  /** New passwords the emulator refuses as found in a data breach ({@code form_password_pwned}). */
  EmulatorSetup pwnedPasswords(String... passwords) {
    builder.pwnedPasswords(List.of(passwords));
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
