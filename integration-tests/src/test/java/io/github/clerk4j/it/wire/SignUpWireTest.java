package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.EMAIL;
import static io.github.clerk4j.it.wire.Fapi.PHONE;
import static io.github.clerk4j.it.wire.Fapi.SESSION_ID;
import static io.github.clerk4j.it.wire.Fapi.SIGN_IN_ID;
import static io.github.clerk4j.it.wire.Fapi.SIGN_UP_ID;
import static io.github.clerk4j.it.wire.Json.arr;
import static io.github.clerk4j.it.wire.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Environment;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInCreateParams;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.Strategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every SignUp call through the SDK and the OkHttp transport, each request checked on the wire
 * (method, path, exact form fields; addendum §12.1, §12.4, §12.5, §13): U1 create, U2 get, U3
 * update (a real {@code PATCH} with a form body), U4 prepare and U5 attempt verification, the
 * environment, and the transfer calls both ways.
 */
class SignUpWireTest {

  private static final String PASSWORD = "Sign-up-pa55word";
  private static final String CODE = "424242";
  private static final String U1 = "/v1/client/sign_ups";
  private static final String U2 = U1 + "/" + SIGN_UP_ID;
  private static final String U4 = U2 + "/prepare_verification";
  private static final String U5 = U2 + "/attempt_verification";

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  private static Map<String, Object> needsEmailCode() {
    return Fapi.signUp("missing_requirements", "email_address", EMAIL, "password_enabled", true,
        "unverified_fields", arr("email_address"));
  }

  @Test
  void passwordPostsAFirstSignUpThenPatchesIt() {
    fapi.ok(needsEmailCode(), Fapi.clientWithSignUp(arr(), needsEmailCode(), null));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("plan", "pro & more");
    metadata.put("seats", 3);
    SignUp signUp = fapi.clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL).password(PASSWORD)
        .firstName("Jane").lastName("Doe").legalAccepted(true).unsafeMetadata(metadata).build());
    fapi.expect("POST", U1).form("strategy", "password", "email_address", EMAIL, "password", PASSWORD,
        "first_name", "Jane", "last_name", "Doe", "legal_accepted", "true",
        "unsafe_metadata", "{\"plan\":\"pro & more\",\"seats\":3}");
    assertThat(signUp.id()).isEqualTo(SIGN_UP_ID);
    assertThat(signUp.unverifiedFields()).containsExactly("email_address");
    assertThat(fapi.clerk.signUp().id()).as("the piggybacked client's sign-up").isEqualTo(SIGN_UP_ID);

    fapi.ok(needsEmailCode(), null);
    fapi.clerk.signUp().password(SignUpParams.builder().password("Another-pa55word").build());
    fapi.expect("PATCH", U2).form("strategy", "password", "password", "Another-pa55word");
  }

  @Test
  void createGetAndUpdateSendTheirFields() {
    fapi.ok(Fapi.signUp("missing_requirements", "missing_fields", arr("first_name")), null);
    SignUp s = fapi.clerk.signUp().create(SignUpParams.builder().phoneNumber(PHONE).username("jane_doe")
        .strategy(Strategy.PHONE_CODE).locale("en-GB").build());
    fapi.expect("POST", U1).form("phone_number", PHONE, "username", "jane_doe", "strategy", "phone_code",
        "locale", "en-GB");
    assertThat(s.missingFields()).containsExactly("first_name");

    fapi.ok(Fapi.signUp("missing_requirements", "first_name", "Jane"), null);
    s = s.update(SignUpParams.builder().firstName("Jane").lastName("").build());
    fapi.expect("PATCH", U2).form("first_name", "Jane", "last_name", "");
    assertThat(s.firstName()).contains("Jane");

    fapi.ok(Fapi.signUp("missing_requirements"), null);
    s.reload();
    fapi.expect("GET", U2).noBody();
  }

  @Test
  void emailCodeSendVerifyAndFinalize() {
    fapi.ok(needsEmailCode(), null);
    SignUp s = fapi.clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL).password(PASSWORD).build());
    fapi.expect("POST", U1).form("strategy", "password", "email_address", EMAIL, "password", PASSWORD);

    fapi.ok(Json.with(needsEmailCode(), "verifications", Fapi.signUpEmailVerification("unverified", "needs_attempt")), null);
    s = s.verifications().sendEmailCode();
    fapi.expect("POST", U4).form("strategy", "email_code");
    assertThat(s.verifications().emailAddress()).hasValueSatisfying(v -> {
      assertThat(v.nextAction()).contains("needs_attempt");
      assertThat(v.supportedStrategies()).containsExactly("email_code");
    });

    Map<String, Object> complete = Fapi.signUp("complete", "email_address", EMAIL,
        "verifications", Fapi.signUpEmailVerification("verified", ""),
        "created_session_id", SESSION_ID, "created_user_id", Fapi.USER_ID);
    // As recorded: the completing answer's client has no sign-up any more, and the new session.
    fapi.ok(complete, Fapi.clientWithSignUp(arr(Fapi.session("active")), null, SESSION_ID));
    s = s.verifications().verifyEmailCode(CODE);
    fapi.expect("POST", U5).form("strategy", "email_code", "code", CODE);
    assertThat(s.status()).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(fapi.clerk.client().signUp()).isEmpty();

    fapi.ok(Fapi.session("active"), null);
    Session session = s.finalize(Navigate.none());
    fapi.expect("POST", "/v1/client/sessions/" + SESSION_ID + "/touch")
        .form("active_organization_id", "", "intent", "select_session");
    assertThat(session.id()).isEqualTo(SESSION_ID);
    assertThat(fapi.clerk.session()).map(Session::id).contains(SESSION_ID);
  }

  @Test
  void phoneCodeSendsTheSmsChannelAndTheOlderCallsOnlyTheStrategy() {
    Map<String, Object> withPhone = Fapi.signUp("missing_requirements", "phone_number", PHONE, "email_address", EMAIL,
        "unverified_fields", arr("email_address", "phone_number"));
    fapi.ok(withPhone, null);
    SignUp s = fapi.clerk.signUp().create(SignUpParams.builder().emailAddress(EMAIL).phoneNumber(PHONE).build());
    fapi.expect("POST", U1).form("email_address", EMAIL, "phone_number", PHONE);

    fapi.ok(withPhone, null);
    s.verifications().sendPhoneCode();
    fapi.expect("POST", U4).form("strategy", "phone_code", "channel", "sms");
    fapi.ok(withPhone, null);
    s.verifications().verifyPhoneCode(CODE);
    fapi.expect("POST", U5).form("strategy", "phone_code", "code", CODE);

    fapi.ok(withPhone, null);
    s.prepareEmailAddressVerification();
    fapi.expect("POST", U4).form("strategy", "email_code");
    fapi.ok(withPhone, null);
    s.attemptEmailAddressVerification(CODE);
    fapi.expect("POST", U5).form("strategy", "email_code", "code", CODE);
    fapi.ok(withPhone, null);
    s.preparePhoneNumberVerification();
    fapi.expect("POST", U4).form("strategy", "phone_code");
    fapi.ok(withPhone, null);
    s.attemptPhoneNumberVerification(CODE);
    fapi.expect("POST", U5).form("strategy", "phone_code", "code", CODE);
  }

  @Test
  void theEnvironmentIsOneGetAndItsChecksStopABadFormBeforeTheWire() {
    fapi.answer(200, Fapi.environment(12, false), "Content-Type", "application/json");
    Environment env = fapi.clerk.environment();
    fapi.expect("GET", "/v1/environment").noBody();
    assertThat(fapi.clerk.environment()).isSameAs(env);
    assertThat(env.requiredSignUpFields()).containsExactly("email_address", "password");
    assertThat(env.passwordSettings().minLength()).isEqualTo(12);

    assertThatThrownBy(() -> fapi.clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL)
        .password("too-short").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min_length");
    assertThatThrownBy(() -> fapi.clerk.signUp().create(SignUpParams.builder().username("jane").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username is not enabled");
    assertThat(fapi.requestCount()).as("nothing sent for the refused forms").isEqualTo(1);
  }

  @Test
  void anExistingEmailIsAFieldErrorAndTheAppSignsInInstead() {
    fapi.answer(422, Fapi.errors("form_identifier_exists", "email_address", "trace_exists"),
        "Content-Type", "application/json");
    assertThatThrownBy(() -> fapi.clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL)
        .password(PASSWORD).build()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.isIdentifierExists()).isTrue();
          assertThat(e.fieldErrors()).containsOnlyKeys("email_address");
          assertThat(e.traceId()).isEqualTo("trace_exists");
        });
    fapi.expect("POST", U1).form("strategy", "password", "email_address", EMAIL, "password", PASSWORD);

    fapi.ok(Fapi.signIn("complete", "identifier", EMAIL, "created_session_id", SESSION_ID), null);
    assertThat(fapi.clerk.signIn().password(EMAIL, PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);
  }

  @Test
  void aTransferableSignInBecomesASignUp() {
    Map<String, Object> transferable = Fapi.signIn("needs_identifier",
        "first_factor_verification", obj("object", "verification_oauth", "status", "transferable",
            "strategy", "oauth_google", "external_verification_redirect_url", null,
            "error", obj("code", "external_account_not_found", "message", "not found", "long_message", "not found"),
            "expire_at", Fapi.EXPIRE_AT, "attempts", null));
    fapi.ok(transferable, Fapi.client(arr(), transferable, null));
    SignIn signIn = fapi.clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL);
    assertThat(signIn.isTransferable()).isTrue();

    fapi.ok(Fapi.signUp("missing_requirements", "missing_fields", arr("legal_accepted")), null);
    SignUp s = signIn.transferToSignUp(SignUpParams.builder().unsafeMetadata(Map.of("from", "oauth")).build());
    fapi.expect("POST", U1).form("transfer", "true", "unsafe_metadata", "{\"from\":\"oauth\"}");
    assertThat(s.missingFields()).containsExactly("legal_accepted");
  }

  @Test
  void aSignUpThatFoundAnAccountBecomesASignIn() {
    Map<String, Object> exists = Fapi.signUp("missing_requirements", "verifications", obj(
        "email_address", null, "phone_number", null, "web3_wallet", null,
        "external_account", obj("object", "verification_oauth", "status", "transferable", "strategy", "oauth_google",
            "external_verification_redirect_url", null,
            "error", obj("code", "external_account_exists", "message", "exists", "long_message", "exists"),
            "expire_at", Fapi.EXPIRE_AT, "attempts", null)));
    fapi.ok(exists, null);
    SignUp s = fapi.clerk.signUp().create(SignUpParams.builder().strategy(Strategy.GOOGLE_ONE_TAP).build());
    fapi.expect("POST", U1).form("strategy", "google_one_tap");
    assertThat(s.isTransferable()).isTrue();

    fapi.ok(Fapi.signIn("complete", "created_session_id", SESSION_ID), null);
    SignIn signIn = s.transferToSignIn();
    fapi.expect("POST", "/v1/client/sign_ins").form("transfer", "true");
    assertThat(signIn.id()).isEqualTo(SIGN_IN_ID);
    assertThat(signIn.createdSessionId()).contains(SESSION_ID);
  }

  @Test
  void aRefusedCodeLeavesTheSignUpAsItWas() {
    fapi.ok(needsEmailCode(), null);
    SignUp s = fapi.clerk.signUp().password(SignUpParams.builder().emailAddress(EMAIL).password(PASSWORD).build());
    fapi.expect("POST", U1).form("strategy", "password", "email_address", EMAIL, "password", PASSWORD);

    fapi.answer(422, Fapi.errors("form_code_incorrect", "code", "trace_code"), "Content-Type", "application/json");
    assertThatThrownBy(() -> s.verifications().verifyEmailCode("000000"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("code"))
        .hasMessageNotContaining("000000");
    fapi.expect("POST", U5).form("strategy", "email_code", "code", "000000");
    assertThat(s.unverifiedFields()).containsExactly("email_address");
    assertThat(List.of(s.status())).containsExactly(SignUpStatus.MISSING_REQUIREMENTS);
  }
}
