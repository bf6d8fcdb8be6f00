package io.github.clerk4j.it.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.User;
import io.github.clerk4j.it.support.EmulatorFixture;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.TotpGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A signed-in account on an emulator: the emulator (client trust off, so that a password signs a
 * user without MFA straight in; no rate limits), one SDK client over OkHttp, and the emulator's
 * clock, which tests move to age verifications and to reach the next TOTP step.
 */
final class Account extends EmulatorFixture {

  /** Reverification is demanded once the last verification is older than this. */
  static final Duration MAX_AGE = Duration.ofMinutes(10);

  final Clerk clerk;

  Account(UnaryOperator<ClerkEmulator.Builder> settings, EmulatorUser... users) {
    super(Instant.parse("2026-05-12T10:00:00Z"),
        b -> b.clientTrust(false).rateLimits(RateLimits.disabled()).reverificationMaxAge(MAX_AGE),
        settings, users);
    clerk = Clerk.builder().publishableKey(emulator.publishableKey()).build();
  }

  Account(EmulatorUser... users) {
    this(b -> b, users);
  }

  /** Signs in with a password (and a TOTP code when the user has MFA); returns the active user. */
  User signIn(String identifier, String password, String totpSecret) {
    SignIn signIn = clerk.signIn().password(identifier, password);
    if (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
      signIn = signIn.mfa().verifyTOTP(totp(totpSecret));
    }
    assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    Session session = signIn.finalize((s, d) -> {});
    assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
    return clerk.user().orElseThrow();
  }

  User signIn(String identifier, String password) {
    return signIn(identifier, password, null);
  }

  /**
   * The authenticator's code now. Moves the clock to the next 30-second step first: the emulator,
   * like Clerk, refuses a code of a step that was already used.
   */
  String totp(String secret) {
    clock.advance(Duration.ofSeconds(TotpGenerator.PERIOD_SECONDS));
    return TotpGenerator.code(secret, clock.instant());
  }

  /** Ages the session's last verification past {@link #MAX_AGE}. */
  void letVerificationGrowOld() {
    clock.advance(MAX_AGE.plusMinutes(1));
  }

  @Override
  protected Clerk mainClerk() {
    return clerk;
  }
}
