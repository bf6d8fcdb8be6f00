package io.github.clerk4j.it.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.Environment;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpMode;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.UserAttribute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-up end to end: SDK + OkHttp + emulator over loopback, every branch and refusal of issue 11. */
class SignUpTest {

  static final String EMAIL = "grace@example.com";
  static final String PHONE = "+14155550142";
  static final String PASSWORD = "compiler-Pioneer-1952";
  static final String TAKEN = "ada@example.com";

  static EmulatorUser ada() {
    return EmulatorUser.builder().email(TAKEN).phone("+14155550100").username("ada_l").password("analytical-1843")
        .build();
  }

  static SignUpParams emailAndPassword(String email, String password) {
    return SignUpParams.builder().emailAddress(email).password(password).build();
  }

  // ---------------------------------------------------------------- e-mail + password + e-mail code

  @Test
  void emailPasswordAndEmailCodeMakeAUserWhoSignsInAfterwards() {
    try (SignUpFixture f = new SignUpFixture(ada())) {
      Environment env = f.clerk.environment();
      assertThat(env.requiredSignUpFields()).containsExactly("email_address", "password");
      assertThat(env.optionalSignUpFields()).contains("phone_number", "first_name");
      assertThat(env.passwordSettings().minLength()).isEqualTo(8);

      SignUp s = f.clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL).password(PASSWORD)
          .firstName("Grace").unsafeMetadata(Map.of("plan", "pro", "seats", 3)).build());
      assertThat(s.status()).isEqualTo(SignUpStatus.MISSING_REQUIREMENTS);
      assertThat(s.requiredFields()).containsExactly("email_address", "password");
      assertThat(s.missingFields()).isEmpty();
      assertThat(s.unverifiedFields()).containsExactly("email_address");
      assertThat(s.hasPassword()).isTrue();
      assertThat(f.clerk.signUp().id()).as("the client's current sign-up").isEqualTo(s.id());

      s = s.verifications().sendEmailCode();
      assertThat(s.verifications().emailAddress()).hasValueSatisfying(v -> {
        assertThat(v.status()).isEqualTo(VerificationStatus.UNVERIFIED);
        assertThat(v.nextAction()).contains("needs_attempt");
      });
      assertThat(f.emulator.outbox().messagesFor(EMAIL)).singleElement()
          .satisfies(m -> assertThat(m.purpose()).isEqualTo(OutboxMessage.Purpose.SIGN_UP));
      s = s.verifications().verifyEmailCode(f.code(EMAIL));
      assertThat(s.status()).isEqualTo(SignUpStatus.COMPLETE);
      assertThat(f.clerk.client().signUp()).as("dropped from the client once complete").isEmpty();

      List<Session> navigated = new ArrayList<>();
      Session session = s.finalize((sess, decorate) -> navigated.add(sess));
      assertThat(navigated).containsExactly(session);
      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(session.id()).isEqualTo(s.createdSessionId().orElseThrow());
      User user = f.clerk.user().orElseThrow();
      assertThat(user.id()).isEqualTo(s.createdUserId().orElseThrow());
      assertThat(user.firstName()).contains("Grace");
      assertThat(user.reload().primaryEmailAddress()).hasValueSatisfying(e -> assertThat(e.emailAddress()).isEqualTo(EMAIL));
      assertThat(session.getToken().split("\\.")).hasSize(3);

      // Signed out, the new user signs in with the password; the client is new, so Client Trust asks for a code.
      f.clerk.signOut();
      SignIn signIn = f.clerk.signIn().password(EMAIL, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
      signIn = signIn.mfa().sendEmailCode().mfa().verifyEmailCode(f.code(EMAIL));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void asyncCompletesTheSameFlow() throws Exception {
    try (SignUpFixture f = new SignUpFixture()) {
      SignUp s = f.clerk.signUp().async(x -> x.password(emailAndPassword(EMAIL, PASSWORD))
          .verifications().sendEmailCode()).get();
      SignUp done = s.async(x -> x.verifications().verifyEmailCode(f.code(EMAIL))).get();
      assertThat(done.status()).isEqualTo(SignUpStatus.COMPLETE);
    }
  }

  // ---------------------------------------------------------------- phone + SMS

  @Test
  void phoneAndSmsCodeMakeAUserWhoSignsInByPhoneCode() {
    try (SignUpFixture f = new SignUpFixture(b -> b.attribute(UserAttribute.PHONE_NUMBER, AttributeSetting.REQUIRED)
        .attribute(UserAttribute.EMAIL_ADDRESS, AttributeSetting.OFF).attribute(UserAttribute.PASSWORD, AttributeSetting.OFF))) {
      assertThat(f.clerk.environment().requiredSignUpFields()).containsExactly("phone_number");
      SignUp s = f.clerk.signUp().create(SignUpParams.builder().phoneNumber(PHONE).build());
      assertThat(s.unverifiedFields()).containsExactly("phone_number");
      s = s.verifications().sendPhoneCode();
      assertThat(s.verifications().phoneNumber()).map(v -> v.rawStrategy()).contains("phone_code");
      s = s.verifications().verifyPhoneCode(f.code(PHONE));
      assertThat(s.status()).isEqualTo(SignUpStatus.COMPLETE);
      s.finalize(Navigate.none());
      assertThat(f.clerk.user().orElseThrow().reload().phoneNumbers()).singleElement()
          .satisfies(p -> assertThat(p.phoneNumber()).isEqualTo(PHONE));

      f.clerk.signOut();
      SignIn signIn = f.clerk.signIn().phoneCode().sendCode(PHONE);
      assertThat(signIn.phoneCode().verifyCode(f.code(PHONE)).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void createWithThePhoneCodeStrategySendsTheCodeInTheSameCall() {
    try (SignUpFixture f = new SignUpFixture(b -> b.attribute(UserAttribute.PHONE_NUMBER, AttributeSetting.REQUIRED)
        .attribute(UserAttribute.EMAIL_ADDRESS, AttributeSetting.OPTIONAL))) {
      SignUp s = f.clerk.signUp().create(SignUpParams.builder().phoneNumber(PHONE).password(PASSWORD)
          .strategy(Strategy.PHONE_CODE).build());
      assertThat(f.sentTo(PHONE)).isEqualTo(1);
      assertThat(s.verifications().verifyPhoneCode(f.code(PHONE)).status()).isEqualTo(SignUpStatus.COMPLETE);
    }
  }

  // ---------------------------------------------------------------- missing fields, legal consent, MFA

  @Test
  void anEmailFirstThenTheMissingFields() {
    try (SignUpFixture f = new SignUpFixture(b -> b.attribute(UserAttribute.FIRST_NAME, AttributeSetting.REQUIRED)
        .attribute(UserAttribute.LAST_NAME, AttributeSetting.REQUIRED).legalConsent(true))) {
      assertThat(f.clerk.environment().requiredSignUpFields())
          .containsExactly("email_address", "password", "first_name", "last_name", "legal_accepted");
      SignUp s = f.clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).build());
      assertThat(s.missingFields()).containsExactly("password", "first_name", "last_name", "legal_accepted");
      s = s.verifications().sendEmailCode().verifications().verifyEmailCode(f.code(EMAIL));
      assertThat(s.status()).as("verified, but fields are missing").isEqualTo(SignUpStatus.MISSING_REQUIREMENTS);
      assertThatThrownBy(() -> f.clerk.signUp().finalize(Navigate.none()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing [password, first_name");

      s = s.password(SignUpParams.builder().password(PASSWORD).firstName("Grace").build());
      assertThat(s.missingFields()).containsExactly("last_name", "legal_accepted");
      s = s.update(SignUpParams.builder().lastName("Hopper").legalAccepted(true).build());
      assertThat(s.status()).isEqualTo(SignUpStatus.COMPLETE);
      assertThat(s.legalAcceptedAt()).isPresent();
      s.finalize(Navigate.none());
      assertThat(f.clerk.user().orElseThrow().lastName()).contains("Hopper");
    }
  }

  @Test
  void anInstanceThatRequiresMfaGivesTheNewUserTheSetupMfaTask() {
    try (SignUpFixture f = new SignUpFixture(b -> b.mfaRequired(true))) {
      SignUp s = f.clerk.signUp().password(emailAndPassword(EMAIL, PASSWORD)).verifications().sendEmailCode();
      s = s.verifications().verifyEmailCode(f.code(EMAIL));
      Session session = s.finalize(Navigate.none());
      assertThat(session.status()).isEqualTo(SessionStatus.PENDING);
      assertThat(session.currentTask()).map(SessionTask::key).contains(SessionTask.Key.SETUP_MFA);
    }
  }

  @Test
  void startOverForgetsTheSignUpAndANewOneTakesItsPlace() {
    try (SignUpFixture f = new SignUpFixture()) {
      SignUp first = f.clerk.signUp().password(emailAndPassword(EMAIL, PASSWORD));
      SignUp fresh = first.reset();
      assertThat(f.clerk.signUp().id()).isNull();
      SignUp second = fresh.password(emailAndPassword("other@example.com", PASSWORD));
      assertThat(second.id()).isNotEqualTo(first.id());
      // The old one can no longer change: only the client's current sign-up can.
      assertThatThrownBy(() -> first.update(SignUpParams.builder().firstName("x").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.hasCode("resource_forbidden")).isTrue());
    }
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void anEmailThatExistsIsRefusedAndTheAppSignsInInstead() {
    try (SignUpFixture f = new SignUpFixture(b -> b.clientTrust(false), ada())) {
      assertThatThrownBy(() -> f.clerk.signUp().password(emailAndPassword(TAKEN, PASSWORD)))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isIdentifierExists()).isTrue();
            assertThat(e.fieldErrors()).containsKey("email_address");
            assertThat(e.getMessage()).contains("sign in with clerk.signIn() instead");
          });
      assertThatThrownBy(() -> f.clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).phoneNumber("+14155550100").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.fieldErrors()).containsKey("phone_number"));
      assertThatThrownBy(() -> f.clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).username("ADA_L").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.fieldErrors()).containsKey("username"));
      // Transfer is for OAuth sign-ups; an existing e-mail address signs in.
      assertThat(f.clerk.signIn().password(TAKEN, "analytical-1843").status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void passwordsThatBreakThePolicyAreRefusedByTheServer() {
    try (SignUpFixture f = new SignUpFixture(b -> b.pwnedPasswords(List.of("password-in-a-breach"))
        .passwordMinLength(10).passwordMinStrength(3))) {
      SignUp empty = f.clerk.signUp();
      assertThatThrownBy(() -> empty.password(emailAndPassword(EMAIL, "too-short")))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isPasswordTooShort()).isTrue();
            assertThat(e.fieldErrors()).containsKey("password");
          }).hasMessageContaining("10 characters");
      assertThatThrownBy(() -> empty.password(emailAndPassword(EMAIL, "password-in-a-breach")))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isPasswordPwned()).isTrue());
      assertThatThrownBy(() -> empty.password(emailAndPassword(EMAIL, "zzzzzzzzzzzz")))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isPasswordNotStrongEnough()).isTrue())
          .hasMessageContaining("send another one");
      assertThat(empty.password(emailAndPassword(EMAIL, PASSWORD)).hasPassword()).isTrue();
    }
  }

  @Test
  void usernamesEmailsAndPhonesMustBeWellFormed() {
    try (SignUpFixture f = new SignUpFixture()) {
      SignUp empty = f.clerk.signUp();
      assertThatThrownBy(() -> empty.create(SignUpParams.builder().emailAddress(EMAIL).username("abc").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isUsernameInvalidLength()).isTrue());
      assertThatThrownBy(() -> empty.create(SignUpParams.builder().emailAddress(EMAIL).username("grace hopper").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isUsernameInvalidCharacter()).isTrue());
      assertThatThrownBy(() -> empty.create(SignUpParams.builder().emailAddress("grace.example.com").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isFormatInvalid("email_address")).isTrue())
          .hasMessageContaining("not an e-mail address");
      assertThatThrownBy(() -> empty.create(SignUpParams.builder().emailAddress(EMAIL).phoneNumber("555-0142").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isFormatInvalid("phone_number")).isTrue())
          .hasMessageContaining("E.164");
    }
  }

  @Test
  void codeErrorsNameTheNextStep() {
    try (SignUpFixture f = new SignUpFixture(b -> b.rateLimits(RateLimits.disabled()))) {
      SignUp s = f.clerk.signUp().password(emailAndPassword(EMAIL, PASSWORD));
      assertThatThrownBy(() -> s.verifications().verifyEmailCode("000000"))
          .hasMessageContaining("no code was sent yet: call verifications().sendEmailCode() first");
      SignUp sent = s.verifications().sendEmailCode();
      String right = f.code(EMAIL);
      String wrong = right.equals("000000") ? "111111" : "000000";
      assertThatThrownBy(() -> sent.verifications().verifyEmailCode(wrong))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isCodeIncorrect()).isTrue());
      assertThatThrownBy(() -> sent.verifications().verifyEmailCode(wrong)).isInstanceOf(ClerkApiException.class);
      assertThatThrownBy(() -> sent.verifications().verifyEmailCode(wrong))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isVerificationFailed()).isTrue())
          .hasMessageContaining("call verifications().sendEmailCode() for a new code");

      SignUp again = sent.verifications().sendEmailCode();
      f.clock.advance(Duration.ofMinutes(11));
      assertThatThrownBy(() -> again.verifications().verifyEmailCode(f.code(EMAIL)))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isVerificationExpired()).isTrue())
          .hasMessageContaining("code expired: call verifications().sendEmailCode() again");

      // "Send a new code" after all of that still works.
      SignUp last = again.verifications().sendEmailCode();
      assertThat(last.verifications().verifyEmailCode(f.code(EMAIL)).status()).isEqualTo(SignUpStatus.COMPLETE);
    }
  }

  @Test
  void aLoadedEnvironmentStopsBadFormsBeforeTheServerSeesThem() {
    try (SignUpFixture f = new SignUpFixture(b -> b.attribute(UserAttribute.USERNAME, AttributeSetting.OFF)
        .passwordMinLength(12))) {
      f.clerk.environment();
      assertThatThrownBy(() -> f.clerk.signUp().password(emailAndPassword(EMAIL, "eleven-char")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum of 12");
      assertThatThrownBy(() -> f.clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).username("grace").build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username is not enabled");
      assertThat(f.clerk.client().id()).as("no request made a client").isEmpty();
    }
  }

  @Test
  void theServerRefusesAnAttributeItDoesNotUse() {
    try (SignUpFixture f = new SignUpFixture(b -> b.attribute(UserAttribute.USERNAME, AttributeSetting.OFF))) {
      assertThatThrownBy(() -> f.clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).username("grace").build()))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.hasCode("form_param_unknown")).isTrue();
            assertThat(e.fieldErrors()).containsKey("username");
          }).hasMessageContaining("does not enable username");
    }
  }

  @Test
  void aRestrictedInstanceTakesNoSignUps() {
    try (SignUpFixture f = new SignUpFixture(b -> b.signUpMode(io.github.clerk4j.testing.SignUpMode.RESTRICTED))) {
      assertThat(f.clerk.environment().signUpMode()).isEqualTo(SignUpMode.RESTRICTED);
      assertThatThrownBy(() -> f.clerk.signUp().password(emailAndPassword(EMAIL, PASSWORD)))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isSignUpRestricted()).isTrue())
          .hasMessageContaining("invitation");
    }
  }

  @Test
  void createsAreRateLimited() {
    try (SignUpFixture f = new SignUpFixture()) {
      for (int i = 0; i < 5; i++) {
        f.clerk.signUp().reset().create(SignUpParams.builder().emailAddress("user" + i + "@example.com").build());
      }
      SignUp empty = f.clerk.signUp().reset();
      SignUpParams sixth = SignUpParams.builder().emailAddress("user5@example.com").build();
      // Clerk's limit: 5 creates per 10 s. The wait is longer than the SDK waits out by itself.
      assertThatThrownBy(() -> empty.create(sixth))
          .isInstanceOfSatisfying(ClerkRateLimitException.class,
              e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive()))
          .hasMessageContaining("too many sign-up attempts from here: wait");
      f.clock.advance(Duration.ofSeconds(10));
      assertThat(empty.create(sixth).emailAddress()).contains("user5@example.com");
    }
  }

  // ---------------------------------------------------------------- transfer (§13)

  @Test
  void withoutOAuthNothingIsTransferableEitherWay() {
    try (SignUpFixture f = new SignUpFixture()) {
      SignUp s = f.clerk.signUp().password(emailAndPassword(EMAIL, PASSWORD));
      assertThat(s.isTransferable()).isFalse();
      assertThatThrownBy(s::transferToSignIn)
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isAccountTransferInvalid()).isTrue())
          .hasMessageContaining("isTransferable()");
      assertThat(f.clerk.signIn().isTransferable()).isFalse();
      assertThatThrownBy(() -> f.clerk.signIn().transferToSignUp())
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isAccountTransferInvalid()).isTrue());
      // The sign-up is still there to finish.
      assertThat(s.verifications().sendEmailCode().verifications().verifyEmailCode(f.code(EMAIL)).status())
          .isEqualTo(SignUpStatus.COMPLETE);
    }
  }
}
