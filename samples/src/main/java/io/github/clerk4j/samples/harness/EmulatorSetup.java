package io.github.clerk4j.samples.harness;

import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.UserAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** What a flow needs of the embedded emulator: its users and instance settings. */
final class EmulatorSetup {

  private final ClerkEmulator.Builder builder;
  private final TestClock clock = TestClock.system();
  private int loopbackPort;

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

  /** How the instance uses a user attribute at sign-up (off, optional or required). */
  EmulatorSetup attribute(UserAttribute attribute, AttributeSetting setting) {
    builder.attribute(attribute, setting);
    return this;
  }

  /** A sign-up needs the user's consent to the terms ({@code legal_accepted}). */
  EmulatorSetup legalConsent() {
    builder.legalConsent(true);
    return this;
  }

  /** The fewest characters a new password may have. */
  EmulatorSetup passwordMinLength(int length) {
    builder.passwordMinLength(length);
    return this;
  }

  /**
   * The instance takes browser sign-ins back on a loopback redirect URL, allowlisted as on a
   * production instance: {@code http://127.0.0.1:<port>/sso-callback} on a port that was free, so
   * that flows running side by side on one machine do not collide.
   */
  EmulatorSetup loopbackRedirect() {
    loopbackPort = freePort();
    builder.allowRedirectUrl("http://127.0.0.1:" + loopbackPort + "/sso-callback");
    return this;
  }

  /** An OAuth provider ({@code google}) with these accounts on its fake sign-in page. */
  EmulatorSetup oauthProvider(String name, IdpAccount... accounts) {
    builder.oauthProvider(name, accounts);
    return this;
  }

  /** An enterprise SSO connection for the addresses of {@code domain}. */
  EmulatorSetup enterpriseConnection(String name, String domain, IdpAccount... accounts) {
    builder.enterpriseConnection(name, domain, accounts);
    return this;
  }

  /** The instance sends e-mail links. */
  EmulatorSetup emailLinks() {
    builder.emailLinks(true);
    return this;
  }

  /** The loopback port of {@link #loopbackRedirect()}, or 0. */
  int loopbackPort() {
    return loopbackPort;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ClerkEmulator start() {
    return builder.build().start();
  }

  /** The emulator's clock, which a flow may move forward (for example to age a verification). */
  TestClock clock() {
    return clock;
  }
}
