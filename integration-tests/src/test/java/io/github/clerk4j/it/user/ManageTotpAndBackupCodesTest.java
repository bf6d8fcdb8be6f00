package io.github.clerk4j.it.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Factor;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.Totp;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.EmulatorUser;
import org.junit.jupiter.api.Test;

/** Clerk's "manage TOTP-based MFA" and backup-code guides end to end. */
class ManageTotpAndBackupCodesTest {

  static final String EMAIL = "mary@example.com";
  static final String PASSWORD = "analytical-Engine-1843";
  static final String SEEDED_SECRET = "JBSWY3DPEHPK3PXP";

  @Test
  void enrolVerifySignInWithTheAppThenDisable() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      User user = a.signIn(EMAIL, PASSWORD);
      Totp created = user.createTOTP();
      assertThat(created.verified()).isFalse();
      assertThat(created.secret()).isNotBlank();
      assertThat(created.uri()).startsWith("otpauth://totp/").contains("secret=" + created.secret());
      assertThat(created.toString()).doesNotContain(created.secret());

      Totp verified = user.verifyTOTP(a.totp(created.secret()));
      assertThat(verified.verified()).isTrue();
      assertThat(verified.backupCodes()).as("first MFA method: backup codes issued").hasSize(10);
      assertThat(a.clerk.user().orElseThrow().totpEnabled()).isTrue();
      assertThat(a.clerk.user().orElseThrow().twoFactorEnabled()).isTrue();

      a.clerk.signOut();
      SignIn signIn = a.clerk.signIn().password(EMAIL, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
      assertThat(signIn.mfa().factors()).extracting(Factor::strategy).contains(Strategy.TOTP);
      signIn = signIn.mfa().verifyTOTP(a.totp(created.secret()));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      signIn.finalize((s, d) -> {});

      User disabled = a.clerk.user().orElseThrow().disableTOTP();
      assertThat(disabled.totpEnabled()).isFalse();
      assertThat(disabled.twoFactorEnabled()).isFalse();
      assertThat(a.clerk.user().orElseThrow().totpEnabled()).isFalse();
    }
  }

  @Test
  void aWrongAppCodeIsRefusedWithAHintAndASecondEnrolmentIsRefused() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      User user = a.signIn(EMAIL, PASSWORD);
      Totp created = user.createTOTP();
      String right = a.totp(created.secret());
      String wrong = right.equals("000000") ? "111111" : "000000";
      assertThatThrownBy(() -> user.verifyTOTP(wrong))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.fieldErrors()).containsKey("code"))
          .hasMessageContaining("authenticator app");
      user.verifyTOTP(right);
      assertThatThrownBy(user::createTOTP)
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.hasCode("totp_already_enabled")).isTrue())
          .hasMessageContaining("disableTOTP()");
    }
  }

  @Test
  void newBackupCodesSignInOnceEach() {
    EmulatorUser mary = EmulatorUser.builder().email(EMAIL).password(PASSWORD).totpSecret(SEEDED_SECRET).build();
    try (Account a = new Account(mary)) {
      User user = a.signIn(EMAIL, PASSWORD, SEEDED_SECRET);
      BackupCodes codes = user.createBackupCode();
      assertThat(codes.codes()).hasSize(10).doesNotHaveDuplicates();
      assertThat(codes.toString()).doesNotContain(codes.codes().get(0));
      assertThat(user.reload().backupCodeEnabled()).isTrue();
      a.clerk.signOut();

      SignIn first = a.clerk.signIn().password(EMAIL, PASSWORD).mfa().verifyBackupCode(codes.codes().get(0));
      assertThat(first.status()).isEqualTo(SignInStatus.COMPLETE);
      first.finalize((s, d) -> {});
      a.clerk.signOut();

      SignIn again = a.clerk.signIn().password(EMAIL, PASSWORD);
      assertThatThrownBy(() -> again.mfa().verifyBackupCode(codes.codes().get(0)))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isCodeIncorrect()).isTrue());
      assertThat(again.mfa().verifyBackupCode(codes.codes().get(1)).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void backupCodesNeedAnotherSecondFactor() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      User user = a.signIn(EMAIL, PASSWORD);
      assertThatThrownBy(user::createBackupCode)
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.hasCode("backup_codes_not_available")).isTrue())
          .hasMessageContaining("enrol TOTP");
    }
  }
}
