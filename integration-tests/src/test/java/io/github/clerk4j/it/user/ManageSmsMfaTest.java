package io.github.clerk4j.it.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.Client;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkListener;
import io.github.clerk4j.Factor;
import io.github.clerk4j.PhoneNumber;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clerk's "manage SMS-based MFA" guide end to end: add, verify, reserve, default, sign in with it, remove. */
class ManageSmsMfaTest {

  static final String EMAIL = "katherine@example.com";
  static final String PASSWORD = "orbital-Mechanics-1962";
  static final String PHONE = "+15555550161";
  static final String OTHERS_PHONE = "+15555550162";

  static EmulatorUser katherine() {
    return EmulatorUser.builder().email(EMAIL).password(PASSWORD).build();
  }

  static EmulatorUser dorothy() {
    return EmulatorUser.builder().email("dorothy@example.com").phone(OTHERS_PHONE).build();
  }

  /** Adds {@link #PHONE} and verifies it with the code from the outbox. */
  static PhoneNumber addVerifiedPhone(Account a, User user) {
    PhoneNumber created = user.createPhoneNumber(PHONE);
    assertThat(created.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    PhoneNumber sent = created.prepareVerification();
    assertThat(a.emulator.outbox().messagesFor(PHONE)).last()
        .extracting(OutboxMessage::purpose).isEqualTo(OutboxMessage.Purpose.VERIFY_PHONE);
    PhoneNumber verified = sent.attemptVerification(a.code(PHONE));
    assertThat(verified.verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    return verified;
  }

  @Test
  void addVerifyReserveMakeDefaultThenSignInWithAnSmsCode() {
    try (Account a = new Account(katherine())) {
      User user = a.signIn(EMAIL, PASSWORD);
      List<Client> changes = new ArrayList<>();
      a.clerk.addListener(ClerkListener.onClient(changes::add));

      PhoneNumber phone = addVerifiedPhone(a, user);
      assertThat(a.clerk.user().orElseThrow().phoneNumbers()).extracting(PhoneNumber::phoneNumber)
          .as("the piggybacked client updated the state").containsExactly(PHONE);
      assertThat(changes).as("listeners were told").isNotEmpty();

      PhoneNumber reserved = phone.setReservedForSecondFactor(true);
      assertThat(reserved.reservedForSecondFactor()).isTrue();
      assertThat(reserved.backupCodes()).as("first MFA method: backup codes issued").hasSize(10);
      PhoneNumber byDefault = reserved.makeDefaultSecondFactor();
      assertThat(byDefault.defaultSecondFactor()).isTrue();
      assertThat(byDefault.backupCodes()).as("issued once only").isEmpty();

      User reloaded = user.reload();
      assertThat(reloaded.twoFactorEnabled()).isTrue();
      assertThat(reloaded.backupCodeEnabled()).isTrue();
      assertThat(a.clerk.user().orElseThrow().twoFactorEnabled()).isTrue();
      assertThat(user.twoFactorEnabled()).as("the old value stays as it was").isFalse();

      a.clerk.signOut();
      assertThat(a.clerk.user()).isEmpty();

      SignIn signIn = a.clerk.signIn().password(EMAIL, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
      assertThat(signIn.mfa().defaultFactor()).map(Factor::strategy).contains(Strategy.PHONE_CODE);
      signIn = signIn.mfa().sendPhoneCode();
      signIn = signIn.mfa().verifyPhoneCode(a.code(PHONE));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void aWrongCodeIsAFieldErrorAndTheRightOneStillWorks() {
    try (Account a = new Account(katherine())) {
      PhoneNumber sent = a.signIn(EMAIL, PASSWORD).createPhoneNumber(PHONE).prepareVerification();
      String code = a.code(PHONE);
      String wrong = code.equals("000000") ? "111111" : "000000";
      assertThatThrownBy(() -> sent.attemptVerification(wrong))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isCodeIncorrect()).isTrue();
            assertThat(e.fieldErrors()).containsKey("code");
            assertThat(e.getMessage()).contains("prepareVerification()");
          });
      assertThat(sent.attemptVerification(code).verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    }
  }

  @Test
  void malformedNumbersNeverLeaveAndServerRefusalsAreFieldErrors() {
    try (Account a = new Account(katherine(), dorothy())) {
      User user = a.signIn(EMAIL, PASSWORD);
      assertThatThrownBy(() -> user.createPhoneNumber("555-0161")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> user.createPhoneNumber("+1 555 CALL-NOW")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> user.createPhoneNumber(OTHERS_PHONE))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.fieldErrors().get("phone_number").code())
              .isEqualTo("form_identifier_exists"));
      assertThat(user.reload().phoneNumbers()).isEmpty();
      // formatting characters are fine: the number is sent compact
      assertThat(user.createPhoneNumber("+1 (555) 555-0161").phoneNumber()).isEqualTo(PHONE);
    }
  }

  @Test
  void anUnverifiedNumberCannotBeReserved() {
    try (Account a = new Account(katherine())) {
      PhoneNumber created = a.signIn(EMAIL, PASSWORD).createPhoneNumber(PHONE);
      assertThatThrownBy(() -> created.setReservedForSecondFactor(true))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.hasCode("identification_update_second_factor_unverified")).isTrue())
          .hasMessageContaining("verify the phone number first");
    }
  }

  @Test
  void removingTheLastSecondFactorTurnsMfaOffAsTheServerAllows() {
    try (Account a = new Account(katherine())) {
      User user = a.signIn(EMAIL, PASSWORD);
      PhoneNumber reserved = addVerifiedPhone(a, user).setReservedForSecondFactor(true);
      assertThat(user.reload().twoFactorEnabled()).isTrue();

      reserved.destroy();

      User after = user.reload();
      assertThat(after.phoneNumbers()).isEmpty();
      assertThat(after.twoFactorEnabled()).isFalse();
      assertThat(after.backupCodeEnabled()).as("backup codes go with the last second factor").isFalse();
      assertThat(a.clerk.user().orElseThrow().twoFactorEnabled()).isFalse();
      a.clerk.signOut();
      assertThat(a.clerk.signIn().password(EMAIL, PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }
}
