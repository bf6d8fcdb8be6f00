package io.github.clerk4j.it.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TotpGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forgot password by e-mail and by SMS, including a pwned new password and MFA afterwards. */
class ResetPasswordTest {

  static final String EMAIL = "barbara@example.com";
  static final String PHONE = "+15555550164";
  static final String OLD_PASSWORD = "liskov-Substitution-87";
  static final String PWNED = "password123456";
  static final String NEW_PASSWORD = "clu-Abstraction-1974";

  @Test
  void byEmailWithAPwnedPasswordThenAGoodOne() {
    EmulatorUser user = EmulatorUser.builder().email(EMAIL).password(OLD_PASSWORD).build();
    try (Harness h = new Harness(b -> b.pwnedPasswords(List.of(PWNED)).clientTrust(false), user)) {
      SignIn signIn = h.clerk.signIn().resetPasswordEmailCode().sendCode(EMAIL);
      signIn = signIn.resetPasswordEmailCode().verifyCode(h.code(EMAIL));
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_NEW_PASSWORD);

      SignIn needsPassword = signIn;
      assertThatThrownBy(() -> needsPassword.resetPasswordEmailCode().submitPassword(PWNED))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isPasswordPwned()).isTrue();
            assertThat(e.fieldErrors()).containsKey("password");
          });
      signIn = needsPassword.resetPasswordEmailCode().submitPassword(NEW_PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.finalize((s, d) -> {}).status()).isEqualTo(SessionStatus.ACTIVE);

      h.clerk.signOut();
      assertThatThrownBy(() -> h.clerk.signIn().password(EMAIL, OLD_PASSWORD))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.isPasswordIncorrect()).as(e.getMessage()).isTrue());
      assertThat(h.clerk.signIn().password(EMAIL, NEW_PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void bySmsKeepingOtherSessions() {
    EmulatorUser user = EmulatorUser.builder().phone(PHONE).password(OLD_PASSWORD).build();
    try (Harness h = new Harness(b -> b.clientTrust(false), user)) {
      SignIn signIn = h.clerk.signIn().resetPasswordPhoneCode().sendCode(PHONE);
      signIn = signIn.resetPasswordPhoneCode().verifyCode(h.code(PHONE));
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_NEW_PASSWORD);
      signIn = signIn.resetPasswordPhoneCode().submitPassword(NEW_PASSWORD, false);
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void resetContinuesIntoMfa() {
    String secret = "KRSXG5CTMVRXEZLU";
    EmulatorUser user = EmulatorUser.builder().email(EMAIL).password(OLD_PASSWORD).totpSecret(secret).build();
    try (Harness h = new Harness(user)) {
      SignIn signIn = h.clerk.signIn().resetPasswordEmailCode().sendCode(EMAIL);
      signIn = signIn.resetPasswordEmailCode().verifyCode(h.code(EMAIL));
      signIn = signIn.resetPasswordEmailCode().submitPassword(NEW_PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
      signIn = signIn.mfa().verifyTOTP(TotpGenerator.code(secret, h.clock.instant()));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.finalize((s, d) -> {}).status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }
}
