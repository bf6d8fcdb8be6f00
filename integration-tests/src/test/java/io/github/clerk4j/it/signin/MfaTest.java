package io.github.clerk4j.it.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Factor;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TotpGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** MFA sign-in by SMS, authenticator app and backup code, with the failure branches. */
class MfaTest {

  static final String EMAIL = "grace@example.com";
  static final String MFA_PHONE = "+15555550177";
  static final String PASSWORD = "compiler-Cobol-1959";
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
  static final String BACKUP = "bkp1-2345";

  static EmulatorUser grace() {
    return EmulatorUser.builder().email(EMAIL).password(PASSWORD).mfaPhone(MFA_PHONE)
        .totpSecret(TOTP_SECRET).backupCodes(BACKUP, "bkp2-6789").build();
  }

  @Test
  void theOfferedFactorsNameTheirDestinationAndTheDefault() {
    try (Harness h = new Harness(grace())) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
      assertThat(signIn.mfa().factors()).extracting(Factor::strategy)
          .contains(Strategy.PHONE_CODE, Strategy.TOTP, Strategy.BACKUP_CODE);
      Factor phone = signIn.mfa().factors().stream().filter(f -> f.strategy() == Strategy.PHONE_CODE)
          .findFirst().orElseThrow();
      assertThat(phone.phoneNumberId()).isNotBlank();
      assertThat(phone.safeIdentifier()).isNotBlank();
      assertThat(signIn.mfa().defaultFactor()).isPresent();
    }
  }

  @Test
  void smsCodeWrongThenRight() {
    try (Harness h = new Harness(grace())) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD).mfa().sendPhoneCode();
      String code = h.code(MFA_PHONE);
      String wrong = code.equals("000000") ? "111111" : "000000";
      SignIn sent = signIn;
      assertThatThrownBy(() -> sent.mfa().verifyPhoneCode(wrong))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isCodeIncorrect()).isTrue();
            assertThat(e.fieldErrors()).containsKey("code");
          });
      signIn = sent.mfa().verifyPhoneCode(code);
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.finalize((s, d) -> {}).status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }

  @Test
  void expiredSmsCodeThenResend() {
    try (Harness h = new Harness(grace())) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD).mfa().sendPhoneCode();
      String stale = h.code(MFA_PHONE);
      h.clock.advance(Duration.ofMinutes(11));
      SignIn sent = signIn;
      assertThatThrownBy(() -> sent.mfa().verifyPhoneCode(stale))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isVerificationExpired()).isTrue();
            assertThat(e.getMessage()).contains("call mfa().sendPhoneCode() again");
          });
      signIn = sent.mfa().sendPhoneCode();
      assertThat(h.sentTo(MFA_PHONE)).isEqualTo(2);
      assertThat(signIn.mfa().verifyPhoneCode(h.code(MFA_PHONE)).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void totpFromTheSecret() {
    try (Harness h = new Harness(grace())) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD);
      signIn = signIn.mfa().verifyTOTP(TotpGenerator.code(TOTP_SECRET, h.clock.instant()));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.finalize((s, d) -> {}).status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }

  @Test
  void aBackupCodeWorksOnce() {
    try (Harness h = new Harness(grace())) {
      SignIn first = h.clerk.signIn().password(EMAIL, PASSWORD).mfa().verifyBackupCode(BACKUP);
      assertThat(first.status()).isEqualTo(SignInStatus.COMPLETE);
      first.finalize((s, d) -> {});
      h.clerk.signOut();

      SignIn again = h.clerk.signIn().password(EMAIL, PASSWORD);
      assertThat(again.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
      assertThatThrownBy(() -> again.mfa().verifyBackupCode(BACKUP))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isCodeIncorrect()).isTrue();
            assertThat(e.getMessage()).contains("each works once");
          });
      assertThat(again.mfa().verifyBackupCode("bkp2-6789").status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }
}
