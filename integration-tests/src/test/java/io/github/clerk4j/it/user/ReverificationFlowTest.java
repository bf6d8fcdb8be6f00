package io.github.clerk4j.it.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.AttemptFirstFactorParams;
import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ReverificationHandler;
import io.github.clerk4j.ReverificationPrompt;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionVerification;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.Totp;
import io.github.clerk4j.User;
import io.github.clerk4j.VerificationLevel;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.OutboxMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sensitive calls after the last verification grew old: the emulator demands reverification, and
 * the SDK completes it by password, by an e-mail code, by an SMS code and by the authenticator app.
 */
class ReverificationFlowTest {

  static final String EMAIL = "hedy@example.com";
  static final String PASSWORD = "frequency-Hopping-1942";
  static final String MFA_PHONE = "+15555550163";
  static final String SECRET = "JBSWY3DPEHPK3PXP";

  final List<ReverificationPrompt> prompts = new ArrayList<>();

  /** A handler that records each prompt and answers with {@code answer}, or gives up on null. */
  ReverificationHandler answering(Function<ReverificationPrompt, String> answer) {
    return prompt -> {
      prompts.add(prompt);
      return Optional.ofNullable(answer.apply(prompt));
    };
  }

  @Test
  void demandedAfterTheMaxAgeAndCompletedByPassword() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      User user = a.signIn(EMAIL, PASSWORD);
      a.letVerificationGrowOld();
      assertThatThrownBy(user::createTOTP)
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isReverificationRequired()).isTrue();
            assertThat(e.httpStatus()).isEqualTo(403);
          })
          .hasMessageContaining("withReverification");

      Totp totp = a.clerk.withReverification(user::createTOTP, answering(p -> PASSWORD));

      assertThat(totp.secret()).isNotBlank();
      assertThat(prompts).hasSize(1);
      assertThat(prompts.get(0).strategy()).isEqualTo(Strategy.PASSWORD);
      assertThat(prompts.get(0).secondFactor()).as("no second factor: the server fell back").isFalse();
      assertThat(prompts.get(0).factors()).extracting(f -> f.strategy()).contains(Strategy.PASSWORD, Strategy.EMAIL_CODE);
      // verified again: the next sensitive call goes through without asking
      assertThat(user.verifyTOTP(a.totp(totp.secret())).verified()).isTrue();
      assertThat(prompts).hasSize(1);
    }
  }

  @Test
  void aWrongPasswordIsAskedAgainWithTheError() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      User user = a.signIn(EMAIL, PASSWORD);
      a.letVerificationGrowOld();
      Deque<String> answers = new ArrayDeque<>(List.of("not-the-password", PASSWORD));
      Totp totp = a.clerk.withReverification(user::createTOTP, answering(p -> answers.poll()));
      assertThat(totp.uri()).startsWith("otpauth://");
      assertThat(prompts).hasSize(2);
      assertThat(prompts.get(0).error()).isEmpty();
      assertThat(prompts.get(1).error()).hasValueSatisfying(e -> assertThat(e.isPasswordIncorrect()).isTrue());
      assertThat(prompts.get(1).attempt()).isEqualTo(2);
    }
  }

  @Test
  void whenTheUserCancelsTheOriginalRefusalReachesTheCaller() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      User user = a.signIn(EMAIL, PASSWORD);
      a.letVerificationGrowOld();
      assertThatThrownBy(() -> a.clerk.withReverification(user::createTOTP, answering(p -> null)))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isReverificationRequired()).isTrue());
      assertThat(prompts).hasSize(1);
      // nothing changed: the call is still refused
      assertThatThrownBy(user::createTOTP).isInstanceOf(ClerkApiException.class);
    }
  }

  @Test
  void byAnEmailCodeForAUserWithoutPassword() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).build())) {
      SignIn signIn = a.clerk.signIn().emailCode().sendCode(EMAIL);
      signIn.emailCode().verifyCode(a.code(EMAIL)).finalize((s, d) -> {});
      User user = a.clerk.user().orElseThrow();
      a.letVerificationGrowOld();
      int sentBefore = a.emulator.outbox().messagesFor(EMAIL).size();

      Totp totp = a.clerk.withReverification(user::createTOTP, answering(p -> {
        // the SDK sent the code before asking
        assertThat(a.emulator.outbox().messagesFor(EMAIL)).hasSize(sentBefore + 1).last()
            .extracting(OutboxMessage::purpose).isEqualTo(OutboxMessage.Purpose.REVERIFICATION);
        return a.code(EMAIL);
      }));

      assertThat(totp.secret()).isNotBlank();
      assertThat(prompts).extracting(ReverificationPrompt::strategy).containsExactly(Strategy.EMAIL_CODE);
      assertThat(prompts.get(0).safeIdentifier()).isPresent();
    }
  }

  @Test
  void bySmsCodeAsTheDefaultSecondFactor() {
    EmulatorUser hedy = EmulatorUser.builder().email(EMAIL).password(PASSWORD).mfaPhone(MFA_PHONE).build();
    try (Account a = new Account(hedy)) {
      SignIn signIn = a.clerk.signIn().password(EMAIL, PASSWORD).mfa().sendPhoneCode();
      signIn.mfa().verifyPhoneCode(a.code(MFA_PHONE)).finalize((s, d) -> {});
      User user = a.clerk.user().orElseThrow();
      a.letVerificationGrowOld();

      BackupCodes codes = a.clerk.withReverification(user::createBackupCode, answering(p -> a.code(MFA_PHONE)));

      assertThat(codes.codes()).hasSize(10);
      assertThat(prompts).hasSize(1);
      assertThat(prompts.get(0).strategy()).isEqualTo(Strategy.PHONE_CODE);
      assertThat(prompts.get(0).secondFactor()).isTrue();
      assertThat(prompts.get(0).level()).isEqualTo(VerificationLevel.SECOND_FACTOR);
      assertThat(a.emulator.outbox().messagesFor(MFA_PHONE)).last()
          .extracting(OutboxMessage::purpose).isEqualTo(OutboxMessage.Purpose.REVERIFICATION);
    }
  }

  @Test
  void byTheAuthenticatorApp() {
    EmulatorUser hedy = EmulatorUser.builder().email(EMAIL).password(PASSWORD).totpSecret(SECRET).build();
    try (Account a = new Account(hedy)) {
      User user = a.signIn(EMAIL, PASSWORD, SECRET);
      a.letVerificationGrowOld();
      User disabled = a.clerk.withReverification(user::disableTOTP, answering(p -> a.totp(SECRET)));
      assertThat(disabled.totpEnabled()).isFalse();
      assertThat(prompts).extracting(ReverificationPrompt::strategy).containsExactly(Strategy.TOTP);
    }
  }

  @Test
  void stepByStepWithTheSessionVerification() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      User user = a.signIn(EMAIL, PASSWORD);
      a.letVerificationGrowOld();
      Session session = a.clerk.session().orElseThrow();
      SessionVerification v = session.startVerification(VerificationLevel.FIRST_FACTOR);
      assertThat(v.status()).isEqualTo(SessionVerification.Status.NEEDS_FIRST_FACTOR);
      assertThat(v.level()).isEqualTo(VerificationLevel.FIRST_FACTOR);
      assertThat(v.supportedFirstFactors()).extracting(f -> f.strategy()).contains(Strategy.PASSWORD);
      SessionVerification done = v.attemptFirstFactor(AttemptFirstFactorParams.password(PASSWORD));
      assertThat(done.status()).isEqualTo(SessionVerification.Status.COMPLETE);
      assertThat(user.createTOTP().secret()).isNotBlank();
    }
  }
}
