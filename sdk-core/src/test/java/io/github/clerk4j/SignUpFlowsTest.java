package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.clientWithSignUp;
import static io.github.clerk4j.Fixtures.session;
import static io.github.clerk4j.Fixtures.signIn;
import static io.github.clerk4j.Fixtures.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.internal.wire.EnvironmentResource;
import io.github.clerk4j.internal.wire.EnvironmentResource.Attribute;
import io.github.clerk4j.internal.wire.EnvironmentResource.PasswordSettings;
import io.github.clerk4j.internal.wire.EnvironmentResource.SignUpSettings;
import io.github.clerk4j.internal.wire.EnvironmentResource.UsernameSettings;
import io.github.clerk4j.internal.wire.SignInResource;
import io.github.clerk4j.internal.wire.SignUpResource;
import io.github.clerk4j.spi.Endpoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every sign-up call's request sequence and form fields (wire spec §12.4, §12.5, §13). */
class SignUpFlowsTest extends ScriptedClerkTest {

  static final String EMAIL = "ada@example.com";
  static final String PHONE = "+15555550100";
  static final String PASSWORD = "correct-horse-9";
  static final String CODE = "482913";

  SignUpFlowsTest() {
    super(Fixtures::clerk);
  }

  static SignUpResource needsEmailVerification() {
    return signUp("sua_1", "missing_requirements").emailAddress(EMAIL).unverified("email_address").build();
  }

  static SignUpResource complete() {
    return signUp("sua_1", "complete").emailAddress(EMAIL).emailVerification("verified", "")
        .created("sess_1", "user_1").build();
  }

  static ClerkApiException refusal(int status, String code, String param) {
    return new ClerkApiException(status, List.of(new ClerkError(code, "is invalid", "The request was refused.",
        param == null ? Map.of() : Map.of("param_name", param))), "trace_1");
  }

  static SignUpParams emailAndPassword() {
    return SignUpParams.builder().emailAddress(EMAIL).password(PASSWORD).build();
  }

  // ---------------------------------------------------------------- empty and current

  @Test
  void emptySignUpMissesRequirementsAndSendsNothing() {
    SignUp s = clerk.signUp();
    assertThat(s.id()).isNull();
    assertThat(s.status()).isEqualTo(SignUpStatus.MISSING_REQUIREMENTS);
    assertThat(s.requiredFields()).isEmpty();
    assertThat(s.verifications().emailAddress()).isEmpty();
    assertThat(s.isTransferable()).isFalse();
    assertThatThrownBy(s::reload).isInstanceOf(IllegalStateException.class).hasMessageContaining("password(");
    assertThatThrownBy(() -> s.update(emailAndPassword())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.verifications().sendEmailCode()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.finalize(Navigate.none())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("continue the sign-up");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void theClientsSignUpIsTheCurrentOneUntilItCompletes() {
    fake.thenRespond(needsEmailVerification(), clientWithSignUp("client_1", Fixtures.T0, needsEmailVerification(), null), null);
    clerk.signUp().password(emailAndPassword());
    assertThat(clerk.client().signUp()).map(SignUp::id).contains("sua_1");
    assertThat(clerk.signUp().id()).isEqualTo("sua_1");
    assertThat(clerk.signUp().unverifiedFields()).containsExactly("email_address");

    // Clerk drops the sign-up from the client once it completes.
    fake.thenRespond(complete(), clientWithSignUp("client_1", Fixtures.T0.plusSeconds(1), null, "sess_1",
        session("sess_1", "active")), null);
    SignUp done = clerk.signUp().verifications().verifyEmailCode(CODE);
    assertThat(done.createdSessionId()).contains("sess_1");
    assertThat(clerk.client().signUp()).isEmpty();
    assertThat(clerk.signUp().id()).isNull();
  }

  // ---------------------------------------------------------------- password (§12.5)

  @Test
  void passwordCreatesWhenNoSignUpExistsAndUpdatesWhenOneDoes() {
    fake.thenRespond(needsEmailVerification()).thenRespond(needsEmailVerification());
    SignUp created = clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL).password(PASSWORD)
        .firstName("Ada").lastName("Lovelace").legalAccepted(true).unsafeMetadata(Map.of("plan", "pro")).build());
    assertThat(fake.request(0).endpoint()).isEqualTo(Endpoint.CREATE_SIGN_UP);
    assertThat(fake.request(0).id()).isNull();
    assertThat(fake.form(0)).containsExactly(entry("strategy", "password"), entry("email_address", EMAIL),
        entry("password", PASSWORD), entry("first_name", "Ada"), entry("last_name", "Lovelace"),
        entry("legal_accepted", "true"), entry("unsafe_metadata", "{\"plan\":\"pro\"}"));
    assertThat(created.status()).isEqualTo(SignUpStatus.MISSING_REQUIREMENTS);

    created.password(SignUpParams.builder().password("another-horse-10").build());
    assertThat(fake.request(1).endpoint()).isEqualTo(Endpoint.UPDATE_SIGN_UP);
    assertThat(fake.request(1).id()).isEqualTo("sua_1");
    assertThat(fake.form(1)).containsExactly(entry("strategy", "password"), entry("password", "another-horse-10"));
  }

  @Test
  void passwordNeedsAPassword() {
    assertThatThrownBy(() -> clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing was sent");
    assertThat(fake.requests()).isEmpty();
  }

  // ---------------------------------------------------------------- create, update, reload

  @Test
  void createUpdateAndReloadSendTheirFieldsAsGiven() {
    fake.thenRespond(signUp("sua_1", "missing_requirements").missing("first_name", "last_name").build())
        .thenRespond(needsEmailVerification())
        .thenRespond(needsEmailVerification());
    SignUp s = clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).strategy(Strategy.EMAIL_CODE)
        .locale("en-GB").build());
    assertThat(s.missingFields()).containsExactly("first_name", "last_name");
    s = s.update(SignUpParams.builder().firstName("Ada").lastName("").build());
    s.reload();
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_UP, Endpoint.UPDATE_SIGN_UP, Endpoint.GET_SIGN_UP);
    assertThat(fake.form(0)).containsExactly(entry("email_address", EMAIL), entry("strategy", "email_code"),
        entry("locale", "en-GB"));
    assertThat(fake.form(1)).containsExactly(entry("first_name", "Ada"), entry("last_name", ""));
    assertThat(fake.request(1).id()).isEqualTo("sua_1");
    assertThat(fake.form(2)).isEmpty();
    assertThat(fake.request(2).id()).isEqualTo("sua_1");
  }

  // ---------------------------------------------------------------- verifications (§12.4)

  @Test
  void emailCodeSendAndVerifyThenFinalize() {
    fake.thenRespond(needsEmailVerification())
        .thenRespond(signUp("sua_1", "missing_requirements").emailAddress(EMAIL).unverified("email_address")
            .emailVerification("unverified", "needs_attempt").build())
        .thenRespond(complete(), clientWithSignUp("client_1", Fixtures.T0, null, "sess_1", session("sess_1", "active")), null)
        .thenRespond(session("sess_1", "active"));
    SignUp s = clerk.signUp().password(emailAndPassword());
    s = s.verifications().sendEmailCode();
    assertThat(s.verifications().emailAddress()).hasValueSatisfying(v -> {
      assertThat(v.status()).isEqualTo(VerificationStatus.UNVERIFIED);
      assertThat(v.nextAction()).contains("needs_attempt");
      assertThat(v.supportedStrategies()).containsExactly("email_code");
    });
    s = s.verifications().verifyEmailCode(CODE);
    assertThat(s.status()).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(s.createdUserId()).contains("user_1");
    Session session = s.finalize(Navigate.none());

    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_UP, Endpoint.PREPARE_SIGN_UP_VERIFICATION,
        Endpoint.ATTEMPT_SIGN_UP_VERIFICATION, Endpoint.TOUCH_SESSION);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "email_code"));
    assertThat(fake.request(1).id()).isEqualTo("sua_1");
    assertThat(fake.form(2)).containsExactly(entry("strategy", "email_code"), entry("code", CODE));
    assertThat(fake.request(3).sessionId()).isEqualTo("sess_1");
    assertThat(session.id()).isEqualTo("sess_1");
  }

  @Test
  void phoneCodeSendsTheSmsChannelAsClerkJsDoes() {
    SignUpResource withPhone = signUp("sua_1", "missing_requirements").phoneNumber(PHONE).unverified("phone_number").build();
    fake.thenRespond(withPhone).thenRespond(withPhone).thenRespond(withPhone);
    SignUp s = clerk.signUp().create(SignUpParams.builder().phoneNumber(PHONE).build());
    s = s.verifications().sendPhoneCode();
    s.verifications().verifyPhoneCode(CODE);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "phone_code"), entry("channel", "sms"));
    assertThat(fake.form(2)).containsExactly(entry("strategy", "phone_code"), entry("code", CODE));
  }

  @Test
  void theOlderCallsSendOnlyTheStrategy() {
    SignUpResource both = signUp("sua_1", "missing_requirements").emailAddress(EMAIL).phoneNumber(PHONE).build();
    fake.thenRespond(both).thenRespond(both).thenRespond(both).thenRespond(both).thenRespond(both);
    SignUp s = clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).phoneNumber(PHONE).build());
    s.prepareEmailAddressVerification();
    s.attemptEmailAddressVerification(CODE);
    s.preparePhoneNumberVerification();
    s.attemptPhoneNumberVerification(CODE);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "email_code"));
    assertThat(fake.form(2)).containsExactly(entry("strategy", "email_code"), entry("code", CODE));
    assertThat(fake.form(3)).containsExactly(entry("strategy", "phone_code"));
    assertThat(fake.form(4)).containsExactly(entry("strategy", "phone_code"), entry("code", CODE));
  }

  @Test
  void aCodeNeedsTheIdentifierOnTheSignUp() {
    fake.thenRespond(signUp("sua_1", "missing_requirements").emailAddress(EMAIL).build());
    SignUp s = clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).build());
    assertThatThrownBy(() -> s.verifications().sendPhoneCode())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no phone number").hasMessageContaining("phoneNumber(").hasMessageContaining("nothing was sent");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void everySendSendsANewCode() {
    fake.thenRespond(needsEmailVerification()).thenRespond(needsEmailVerification()).thenRespond(needsEmailVerification());
    SignUp s = clerk.signUp().password(emailAndPassword());
    s.verifications().sendEmailCode();
    s.verifications().sendEmailCode();
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_UP, Endpoint.PREPARE_SIGN_UP_VERIFICATION,
        Endpoint.PREPARE_SIGN_UP_VERIFICATION);
  }

  // ---------------------------------------------------------------- errors and hints

  @Test
  void anExistingEmailIsAFieldErrorWhoseHintSaysSignIn() {
    fake.thenThrow(refusal(422, "form_identifier_exists", "email_address"));
    assertThatThrownBy(() -> clerk.signUp().password(emailAndPassword()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.isIdentifierExists()).isTrue();
          assertThat(e.fieldErrors()).containsKey("email_address");
          assertThat(e.getMessage()).contains("sign in with clerk.signIn() instead").doesNotContain(PASSWORD);
        });
  }

  @Test
  void passwordAndUsernameAndFormatErrorsHaveTheirPredicatesAndHints() {
    fake.thenThrow(refusal(422, "form_password_pwned", "password"))
        .thenThrow(refusal(422, "form_password_length_too_short", "password"))
        .thenThrow(refusal(422, "form_password_not_strong_enough", "password"))
        .thenThrow(refusal(422, "form_username_invalid_length", "username"))
        .thenThrow(refusal(422, "form_username_invalid_character", "username"))
        .thenThrow(refusal(422, "form_param_format_invalid", "phone_number"))
        .thenThrow(refusal(422, "form_param_format_invalid", "email_address"))
        .thenThrow(refusal(422, "form_param_unknown", "username"))
        .thenThrow(refusal(403, "sign_up_mode_restricted", null));
    SignUp empty = clerk.signUp();
    assertThatThrownBy(() -> empty.password(emailAndPassword())).isInstanceOfSatisfying(ClerkApiException.class,
        e -> assertThat(e.isPasswordPwned()).isTrue()).hasMessageContaining("data breach");
    assertThatThrownBy(() -> empty.password(emailAndPassword())).isInstanceOfSatisfying(ClerkApiException.class,
        e -> assertThat(e.isPasswordTooShort()).isTrue()).hasMessageContaining("passwordSettings()");
    assertThatThrownBy(() -> empty.password(emailAndPassword())).isInstanceOfSatisfying(ClerkApiException.class,
        e -> assertThat(e.isPasswordNotStrongEnough()).isTrue()).hasMessageContaining("send another one");
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().username("ab").build()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isUsernameInvalidLength()).isTrue())
        .hasMessageContaining("usernameSettings()");
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().username("a b c").build()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isUsernameInvalidCharacter()).isTrue());
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().phoneNumber("555 0100").build()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.isFormatInvalid("phone_number")).isTrue();
          assertThat(e.isFormatInvalid("email_address")).isFalse();
        }).hasMessageContaining("E.164");
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().emailAddress("ada").build()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isFormatInvalid("email_address")).isTrue())
        .hasMessageContaining("not an e-mail address");
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().username("ada").build()))
        .hasMessageContaining("does not enable username");
    assertThatThrownBy(() -> empty.create(emailAndPassword()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isSignUpRestricted()).isTrue())
        .hasMessageContaining("invitation");
  }

  @Test
  void codeErrorsNameTheSendCall() {
    fake.thenRespond(needsEmailVerification())
        .thenThrow(refusal(422, "form_code_incorrect", "code"))
        .thenThrow(refusal(400, "verification_expired", null))
        .thenThrow(refusal(400, "verification_failed", null))
        .thenThrow(ClerkApiException.of(429, List.of(new ClerkError("too_many_requests", "Too many requests",
            "Too many requests.", Map.of())), "trace_2", Duration.ofSeconds(60)))
        .thenRespond(complete());
    SignUp s = clerk.signUp().password(emailAndPassword());
    assertThatThrownBy(() -> s.verifications().verifyEmailCode("000000"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isCodeIncorrect()).isTrue())
        .hasMessageContaining("wrong code");
    assertThatThrownBy(() -> s.verifications().verifyEmailCode(CODE))
        .hasMessageContaining("code expired: call verifications().sendEmailCode() again");
    assertThatThrownBy(() -> s.verifications().verifyPhoneCode(CODE))
        .hasMessageContaining("call verifications().sendPhoneCode() for a new code");
    assertThatThrownBy(() -> s.verifications().sendEmailCode())
        .isInstanceOf(ClerkRateLimitException.class).hasMessageContaining("wait 60 s before asking for a new code");
    // The old value is still usable after the failures.
    assertThat(s.verifications().verifyEmailCode(CODE).status()).isEqualTo(SignUpStatus.COMPLETE);
  }

  // ---------------------------------------------------------------- reset, async

  @Test
  void resetForgetsTheSignUpLocally() {
    fake.thenRespond(needsEmailVerification(), clientWithSignUp("client_1", Fixtures.T0, needsEmailVerification(), null), null);
    SignUp s = clerk.signUp().password(emailAndPassword());
    SignUp fresh = s.reset();
    assertThat(fresh.id()).isNull();
    assertThat(clerk.signUp().id()).isNull();
    assertThat(clerk.client().signUp()).isEmpty();
    assertThat(s.id()).as("the old value is untouched").isEqualTo("sua_1");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void asyncRunsAnyAction() throws Exception {
    fake.thenRespond(needsEmailVerification());
    SignUp s = clerk.signUp().async(x -> x.password(emailAndPassword())).get();
    assertThat(s.id()).isEqualTo("sua_1");
  }

  // ---------------------------------------------------------------- environment and checks

  static EnvironmentResource environment(Map<String, Attribute> attributes, boolean legalConsent) {
    return new EnvironmentResource("Example", List.of("password", "email_code"), List.of(), attributes,
        new PasswordSettings(10, 20, false, false, false, false, "+$-_", false, false, 0),
        new UsernameSettings(4, 64),
        new SignUpSettings("public", legalConsent, false, true, false, false));
  }

  static Attribute attribute(String name, boolean enabled, boolean required) {
    return new Attribute(name, enabled, required, enabled, List.of(), false, List.of(),
        name.equals("email_address") ? List.of("email_code") : List.of(), name.equals("email_address"));
  }

  static Map<String, Attribute> attributes() {
    Map<String, Attribute> a = new LinkedHashMap<>();
    a.put("email_address", attribute("email_address", true, true));
    a.put("phone_number", attribute("phone_number", true, false));
    a.put("username", attribute("username", false, false));
    a.put("first_name", attribute("first_name", true, true));
    a.put("last_name", attribute("last_name", true, false));
    a.put("password", attribute("password", true, true));
    return a;
  }

  @Test
  void theEnvironmentIsFetchedOnceAndSaysWhatASignUpNeeds() {
    fake.thenRespond(environment(attributes(), true));
    Environment env = clerk.environment();
    assertThat(clerk.environment()).isSameAs(env);
    assertThat(fake.endpoints()).containsExactly(Endpoint.GET_ENVIRONMENT);
    assertThat(env.requiredSignUpFields()).containsExactly("email_address", "password", "first_name", "legal_accepted");
    assertThat(env.optionalSignUpFields()).containsExactly("phone_number", "last_name");
    assertThat(env.isEnabled("username")).isFalse();
    assertThat(env.attribute("email_address")).hasValueSatisfying(a -> {
      assertThat(a.verifications()).containsExactly("email_code");
      assertThat(a.verifyAtSignUp()).isTrue();
    });
    assertThat(env.passwordSettings().minLength()).isEqualTo(10);
    assertThat(env.passwordSettings().maxLength()).hasValue(20);
    assertThat(env.usernameSettings().minLength()).isEqualTo(4);
    assertThat(env.signUpMode()).isEqualTo(SignUpMode.PUBLIC);
    assertThat(env.legalConsentEnabled()).isTrue();

    fake.thenRespond(environment(attributes(), false));
    assertThat(clerk.loadEnvironment().legalConsentEnabled()).isFalse();
    assertThat(clerk.environment().legalConsentEnabled()).as("the reloaded one is kept").isFalse();
  }

  @Test
  void withoutALoadedEnvironmentNothingIsCheckedAndNothingIsFetched() {
    fake.thenRespond(needsEmailVerification());
    clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL).password("short").username("ada").build());
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_UP);
  }

  @Test
  void aLoadedEnvironmentRefusesBadFieldsBeforeSending() {
    fake.thenRespond(environment(attributes(), true));
    clerk.environment();
    SignUp empty = clerk.signUp();
    assertThatThrownBy(() -> empty.password(SignUpParams.builder().emailAddress(EMAIL).password("short-pw").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimum of 10 characters").hasMessageContaining("password_settings.min_length")
        .hasMessageContaining("nothing was sent").hasMessageNotContaining("short-pw");
    assertThatThrownBy(() -> empty.password(SignUpParams.builder().password("x".repeat(21)).build()))
        .hasMessageContaining("maximum of 20").hasMessageContaining("password_settings.max_length");
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().username("ada").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username is not enabled").hasMessageContaining("attributes.username.enabled");
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().emailAddress(EMAIL).firstName("").build()))
        .hasMessageContaining("first_name is required").hasMessageContaining("attributes.first_name.required");
    assertThatThrownBy(() -> empty.create(SignUpParams.builder().emailAddress(EMAIL).legalAccepted(false).build()))
        .hasMessageContaining("legal_consent_enabled");
    assertThatThrownBy(() -> clerk.signIn().transferToSignUp(SignUpParams.builder().username("ada").build()))
        .hasMessageContaining("username is not enabled");
    assertThat(fake.endpoints()).containsExactly(Endpoint.GET_ENVIRONMENT);

    // What passes the checks goes out, including an optional field cleared.
    fake.thenRespond(needsEmailVerification());
    empty.password(SignUpParams.builder().emailAddress(EMAIL).password("long-enough-1").lastName("").build());
    assertThat(fake.endpoints()).containsExactly(Endpoint.GET_ENVIRONMENT, Endpoint.CREATE_SIGN_UP);
  }

  // ---------------------------------------------------------------- transfer (§13)

  @Test
  void aTransferableSignInBecomesASignUpWithTransferTrue() {
    SignInResource transferable = signIn("sia_1", "needs_identifier").firstVerification("transferable", "oauth_google").build();
    fake.thenRespond(transferable)
        .thenRespond(signUp("sua_1", "missing_requirements").missing("legal_accepted").build())
        .thenRespond(complete());
    SignIn signIn = clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
    assertThat(signIn.isTransferable()).isTrue();
    SignUp s = signIn.transferToSignUp();
    assertThat(s.missingFields()).containsExactly("legal_accepted");
    signIn.transferToSignUp(SignUpParams.builder().legalAccepted(true).build());
    assertThat(fake.request(1).endpoint()).isEqualTo(Endpoint.CREATE_SIGN_UP);
    assertThat(fake.form(1)).containsExactly(entry("transfer", "true"));
    assertThat(fake.form(2)).containsExactly(entry("transfer", "true"), entry("legal_accepted", "true"));
  }

  @Test
  void aSignUpThatFoundAnAccountBecomesASignInWithTransferTrue() {
    fake.thenRespond(signUp("sua_1", "missing_requirements").external("transferable", "external_account_exists").build())
        .thenRespond(signIn("sia_1", "complete").createdSessionId("sess_1").build());
    SignUp s = clerk.signUp().create(SignUpParams.builder().strategy(Strategy.GOOGLE_ONE_TAP).build());
    assertThat(s.isTransferable()).isTrue();
    SignIn signIn = s.transferToSignIn();
    assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(fake.request(1).endpoint()).isEqualTo(Endpoint.CREATE_SIGN_IN);
    assertThat(fake.form(1)).containsExactly(entry("transfer", "true"));
  }

  @Test
  void transferableNeedsTheStatusAndTheError() {
    assertThat(new SignUp(clerk, signUp("sua_1", "missing_requirements").external("transferable", null).build())
        .isTransferable()).isFalse();
    assertThat(new SignUp(clerk, signUp("sua_1", "missing_requirements").external("unverified", "external_account_exists")
        .build()).isTransferable()).isFalse();
    assertThat(new SignIn(clerk, signIn("sia_1", "needs_first_factor").firstVerification("unverified", "oauth_google")
        .build()).isTransferable()).isFalse();
  }

  @Test
  void nothingToTransferSaysSo() {
    fake.thenThrow(refusal(400, "account_transfer_invalid", null)).thenThrow(refusal(400, "account_transfer_invalid", null));
    assertThatThrownBy(() -> clerk.signUp().transferToSignIn())
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isAccountTransferInvalid()).isTrue())
        .hasMessageContaining("isTransferable()");
    assertThatThrownBy(() -> clerk.signIn().transferToSignUp()).hasMessageContaining("isTransferable()");
  }

  // ---------------------------------------------------------------- what is shown

  @Test
  void toStringShowsNoPasswordNorPersonalData() {
    SignUpParams params = SignUpParams.builder().emailAddress(EMAIL).phoneNumber(PHONE).password(PASSWORD)
        .firstName("Ada").legalAccepted(true).unsafeMetadata(Map.of("secret", "x")).build();
    assertThat(params.toString()).doesNotContain(EMAIL, PHONE, PASSWORD, "Ada", "secret")
        .contains("password=[redacted]", "legal_accepted=true");
    fake.thenRespond(signUp("sua_1", "missing_requirements").emailAddress(EMAIL).phoneNumber(PHONE).build());
    SignUp s = clerk.signUp().create(params);
    assertThat(s.toString()).doesNotContain(EMAIL, PHONE).contains("sua_1", "a***@example.com");
  }
}
