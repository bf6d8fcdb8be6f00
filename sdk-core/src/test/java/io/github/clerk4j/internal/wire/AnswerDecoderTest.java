package io.github.clerk4j.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How core turns an HTTP answer into a resource or a refusal: {@link FapiResponse#decode}. */
class AnswerDecoderTest {

  static final String TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjF9.c2ln";

  static FapiResponse decode(Endpoint endpoint, int status, Map<String, String> headers, String body) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    FapiRequest request = new FapiRequest(endpoint, "sia_1", null, Form.empty(), null, Duration.ofSeconds(30));
    return FapiResponse.decode(request, status, h::get, body == null ? null : new TextJsonSource(body));
  }

  static String recordedBody(String name) throws IOException {
    try (InputStream in = AnswerDecoderTest.class.getResourceAsStream("/recorded/" + name)) {
      String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // {"key": ..., "body": {...}}: the body is everything after "body":, up to the closing brace
      Matcher m = Pattern.compile("\"body\"\\s*:\\s*", Pattern.DOTALL).matcher(file);
      assertThat(m.find()).isTrue();
      String rest = file.substring(m.end()).trim();
      return rest.substring(0, rest.lastIndexOf('}')).trim();
    }
  }

  /** {@code file}'s answer decoded through a {@link TextJsonSource}, which keeps what was read how. */
  static TextJsonSource decodedThroughText(String file, Endpoint endpoint) throws IOException {
    TextJsonSource source = new TextJsonSource(recordedBody(file));
    FapiRequest request = new FapiRequest(endpoint, "sia_1", null, Form.empty(), null, Duration.ofSeconds(30));
    assertThat(FapiResponse.decode(request, 200, name -> null, source).error()).isEmpty();
    return source;
  }

  @Test
  void aRecordedSignInDecodesWithItsClientAndToken() throws IOException {
    FapiResponse r = decode(Endpoint.CREATE_SIGN_IN, 200, Map.of("Authorization", TOKEN),
        recordedBody("flutter-sign_in-create-password-needs_client_trust.json"));
    SignInResource s = (SignInResource) r.response();
    assertThat(r.error()).isEmpty();
    assertThat(r.clientToken()).isEqualTo(TOKEN);
    assertThat(s.id()).isEqualTo("SIGN_IN_ID");
    assertThat(s.status()).isEqualTo("needs_client_trust");
    assertThat(s.supportedSecondFactors()).extracting(FactorResource::strategy).containsExactly("email_code");
    assertThat(s.firstFactorVerification().status()).isEqualTo("verified");
    assertThat(((ClientResource) r.client()).id()).isEqualTo("CLIENT_ID");
  }

  /** Every recorded answer core has (test resources {@code /recorded/}), with its endpoint. */
  static Stream<Arguments> recordedAnswers() {
    return Stream.of(
        Arguments.of("flutter-client-create.json", Endpoint.GET_CLIENT),
        Arguments.of("flutter-environment.json", Endpoint.GET_ENVIRONMENT),
        Arguments.of("flutter-sign_in-attempt_first_factor-email_code-complete.json", Endpoint.ATTEMPT_FIRST_FACTOR),
        Arguments.of("flutter-sign_in-attempt_first_factor-password-complete.json", Endpoint.ATTEMPT_FIRST_FACTOR),
        Arguments.of("flutter-sign_in-attempt_second_factor-email_code-complete.json", Endpoint.ATTEMPT_SECOND_FACTOR),
        Arguments.of("flutter-sign_in-create-identifier-needs_first_factor.json", Endpoint.CREATE_SIGN_IN),
        Arguments.of("flutter-sign_in-create-password-needs_client_trust.json", Endpoint.CREATE_SIGN_IN),
        Arguments.of("flutter-sign_in-prepare_first_factor-email_code.json", Endpoint.PREPARE_FIRST_FACTOR),
        Arguments.of("flutter-sign_in-prepare_second_factor-email_code.json", Endpoint.PREPARE_SECOND_FACTOR));
  }

  @ParameterizedTest
  @MethodSource("recordedAnswers")
  void everyRecordedAnswerDecodes(String file, Endpoint endpoint) throws IOException {
    FapiResponse r = decode(endpoint, 200, Map.of(), recordedBody(file));
    assertThat(r.response()).isNotNull();
    assertThat(r.error()).isEmpty();
  }

  @Test
  void theRecordedEnvironmentListsTheEnabledFactors() throws IOException {
    EnvironmentResource env = (EnvironmentResource) decode(Endpoint.GET_ENVIRONMENT, 200, Map.of(),
        recordedBody("flutter-environment.json")).response();
    assertThat(env.firstFactors()).contains("email_code", "password");
  }

  @Test
  void theRecordedEnvironmentSaysWhatASignUpFormNeeds() throws IOException {
    EnvironmentResource env = (EnvironmentResource) decode(Endpoint.GET_ENVIRONMENT, 200, Map.of(),
        recordedBody("flutter-environment.json")).response();
    assertThat(env.attributes().keySet()).startsWith("email_address", "phone_number", "username");
    EnvironmentResource.Attribute email = env.attributes().get("email_address");
    assertThat(email.enabled()).isTrue();
    assertThat(email.required()).isTrue();
    assertThat(email.verifications()).containsExactly("email_code", "email_link");
    assertThat(email.verifyAtSignUp()).isTrue();
    assertThat(env.attributes().get("username").required()).isFalse();
    assertThat(env.attributes().get("web3_wallet").enabled()).isFalse();
    assertThat(env.passwordSettings().minLength()).isEqualTo(8);
    assertThat(env.passwordSettings().maxLength()).isZero();
    assertThat(env.passwordSettings().requireSpecialChar()).isTrue();
    assertThat(env.passwordSettings().allowedSpecialCharacters()).isEqualTo("+$-_");
    assertThat(env.usernameSettings()).isEqualTo(new EnvironmentResource.UsernameSettings(4, 64));
    assertThat(env.signUp().mode()).isEqualTo("public");
    assertThat(env.signUp().legalConsentEnabled()).isTrue();
    assertThat(env.signUp().progressive()).isTrue();
    assertThat(env.signUp().mfaRequired()).isFalse();
  }

  @Test
  void anEnvironmentWithoutSettingsDecodesToDefaults() {
    EnvironmentResource env = (EnvironmentResource) decode(Endpoint.GET_ENVIRONMENT, 200, Map.of(), """
        {"display_config": {"application_name": "x"}, "user_settings": {"attributes": {"password":
          {"enabled": "yes", "required": true}}, "password_settings": {"min_length": "eight"}}}""").response();
    assertThat(env.applicationName()).isEqualTo("x");
    assertThat(env.attributes().get("password").enabled()).as("a string is not true").isFalse();
    assertThat(env.passwordSettings().minLength()).isZero();
    assertThat(env.signUp().mode()).isNull();
    assertThat(env.firstFactors()).isEmpty();
  }

  /** A sign-up as recorded by Clerk's Flutter SDK after create with strategy=email_code (wire spec §12.2). */
  static final String SIGN_UP = """
      {"object": "sign_up_attempt", "id": "sua_1", "status": "missing_requirements",
       "required_fields": ["legal_accepted", "email_address", "password"],
       "optional_fields": ["username", "oauth_google"], "missing_fields": [],
       "unverified_fields": ["email_address"],
       "verifications": {"email_address": {"object": "verification_otp", "status": "unverified",
           "strategy": "email_code", "attempts": 0, "expire_at": 1767226200000,
           "next_action": "needs_attempt", "supported_strategies": ["email_code"]},
         "phone_number": null, "web3_wallet": null, "external_account": null},
       "username": null, "email_address": "jane+clerk_test@example.com", "phone_number": null,
       "web3_wallet": null, "password_enabled": true, "first_name": "Jane", "last_name": null,
       "unsafe_metadata": {"plan": "pro", "seats": 3}, "public_metadata": {}, "custom_action": false,
       "external_id": null, "created_session_id": null, "created_user_id": null,
       "abandon_at": 1767312000000, "legal_accepted_at": 1767225600000}""";

  @Test
  void aSignUpDecodesWithItsVerificationsAndMetadata() {
    FapiResponse r = decode(Endpoint.CREATE_SIGN_UP, 200, Map.of(), "{\"response\": " + SIGN_UP
        + ", \"client\": {\"object\": \"client\", \"id\": \"client_1\", \"sessions\": [], \"sign_in\": null,"
        + " \"sign_up\": " + SIGN_UP + "}}");
    SignUpResource s = (SignUpResource) r.response();
    assertThat(s.id()).isEqualTo("sua_1");
    assertThat(s.status()).isEqualTo("missing_requirements");
    assertThat(s.requiredFields()).containsExactly("legal_accepted", "email_address", "password");
    assertThat(s.optionalFields()).containsExactly("username", "oauth_google");
    assertThat(s.missingFields()).isEmpty();
    assertThat(s.unverifiedFields()).containsExactly("email_address");
    assertThat(s.emailAddressVerification().status()).isEqualTo("unverified");
    assertThat(s.emailAddressVerification().nextAction()).isEqualTo("needs_attempt");
    assertThat(s.emailAddressVerification().supportedStrategies()).containsExactly("email_code");
    assertThat(s.phoneNumberVerification()).isNull();
    assertThat(s.externalAccountVerification()).isNull();
    assertThat(s.emailAddress()).isEqualTo("jane+clerk_test@example.com");
    assertThat(s.passwordEnabled()).isTrue();
    assertThat(s.firstName()).isEqualTo("Jane");
    assertThat(s.unsafeMetadata()).containsEntry("plan", "pro").containsEntry("seats", 3L);
    assertThat(s.legalAcceptedAt().toEpochMilli()).isEqualTo(1767225600000L);
    assertThat(s.abandonAt().toEpochMilli()).isEqualTo(1767312000000L);
    assertThat(((ClientResource) r.client()).signUp()).isEqualTo(s);
  }

  @Test
  void aSignUpReadsClerkJsHasPasswordAndAnExternalAccountError() {
    SignUpResource s = (SignUpResource) decode(Endpoint.GET_SIGN_UP, 200, Map.of(), """
        {"response": {"object": "sign_up_attempt", "id": "sua_2", "status": "complete", "has_password": true,
          "required_fields": null, "unsafe_metadata": null, "created_session_id": "sess_1", "created_user_id": "user_1",
          "verifications": {"external_account": {"object": "verification_oauth", "status": "transferable",
            "strategy": "oauth_google", "error": {"code": "external_account_exists", "message": "exists",
            "long_message": "exists"}, "expire_at": 1767226200000}}}, "client": null}""").response();
    assertThat(s.passwordEnabled()).isTrue();
    assertThat(s.requiredFields()).isEmpty();
    assertThat(s.unsafeMetadata()).isEmpty();
    assertThat(s.createdSessionId()).isEqualTo("sess_1");
    assertThat(s.createdUserId()).isEqualTo("user_1");
    assertThat(s.externalAccountVerification().status()).isEqualTo("transferable");
    assertThat(s.externalAccountVerification().error().code()).isEqualTo("external_account_exists");
  }

  @Test
  void aBrowserSignInCarriesTheProviderPageAndAnEmailLinkSecondFactor() {
    SignInResource s = (SignInResource) decode(Endpoint.CREATE_SIGN_IN, 200, Map.of(), """
        {"response": {"object": "sign_in_attempt", "id": "sia_1", "status": "needs_first_factor",
          "first_factor_verification": {"object": "verification_oauth", "status": "unverified",
            "strategy": "oauth_google", "expire_at": 1767240000000, "attempts": null, "error": null,
            "external_verification_redirect_url": "https://accounts.example.com/auth?state=s%201"},
          "second_factor_verification": {"object": "verification_email_link", "status": "unverified",
            "strategy": "email_link", "expire_at": 1767240000000, "verified_at_client": "client_1"}},
         "client": null}""").response();
    assertThat(s.firstFactorVerification().externalVerificationRedirectUrl())
        .isEqualTo("https://accounts.example.com/auth?state=s%201");
    assertThat(s.firstFactorVerification().strategy()).isEqualTo("oauth_google");
    assertThat(s.secondFactorVerification().strategy()).isEqualTo("email_link");
    assertThat(s.secondFactorVerification().externalVerificationRedirectUrl()).isNull();

    SignUpResource u = (SignUpResource) decode(Endpoint.CREATE_SIGN_UP, 200, Map.of(), """
        {"response": {"object": "sign_up_attempt", "id": "sua_1", "status": "missing_requirements",
          "verifications": {"email_address": null, "phone_number": null, "web3_wallet": null,
            "external_account": {"object": "verification_oauth", "status": "unverified", "strategy": "oauth_github",
              "expire_at": 1767240000000, "external_verification_redirect_url": null}}},
         "client": null}""").response();
    assertThat(u.externalAccountVerification().strategy()).isEqualTo("oauth_github");
    assertThat(u.externalAccountVerification().externalVerificationRedirectUrl()).as("explicit null").isNull();
  }

  @Test
  void aSignUpWithoutIdOrStatusIsRefused() {
    assertThatThrownBy(() -> decode(Endpoint.UPDATE_SIGN_UP, 200, Map.of(),
        "{\"response\": {\"object\": \"sign_up_attempt\", \"status\": \"complete\"}, \"client\": null}"))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("sign_up_attempt without id");
    assertThatThrownBy(() -> decode(Endpoint.ATTEMPT_SIGN_UP_VERIFICATION, 200, Map.of(),
        "{\"response\": null, \"client\": null}"))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("no sign-up");
  }

  @Test
  void unknownMembersAreSkippedAndNewStatusesKept() {
    FapiResponse r = decode(Endpoint.GET_SIGN_IN, 200, Map.of(), """
        {"response": {"object": "sign_in_attempt", "id": "sia_1", "status": "needs_a_haircut",
          "brand_new": {"deep": [1, {"x": null}]}, "supported_first_factors": null,
          "abandon_at": "1767232800000"}, "client": null, "extra": true}""");
    SignInResource s = (SignInResource) r.response();
    assertThat(s.status()).isEqualTo("needs_a_haircut");
    assertThat(s.supportedFirstFactors()).isEmpty();
    assertThat(s.abandonAt().toEpochMilli()).isEqualTo(1767232800000L);
    assertThat(r.client()).isNull();
  }

  @Test
  void anEmptyBodyIsABrokenAnswerNotASuccess() {
    assertThatThrownBy(() -> decode(Endpoint.TOUCH_SESSION, 200, Map.of(), null))
        .isInstanceOfSatisfying(ClerkNetworkException.class,
            e -> assertThat(e.requestMayHaveBeenSent()).isTrue())
        .hasMessageContaining("TOUCH_SESSION").hasMessageContaining("empty body");
  }

  @Test
  void aCutOffBodySaysSo() {
    assertThatThrownBy(() -> decode(Endpoint.CREATE_SIGN_IN, 200, Map.of(),
        "{\"response\": {\"object\": \"sign_in_attempt\", \"id\": \"sia_1\", \"stat"))
        .isInstanceOfSatisfying(ClerkNetworkException.class,
            e -> assertThat(e.requestMayHaveBeenSent()).isTrue())
        .hasMessageContaining("cut off");
  }

  @Test
  void aBodyThatIsNotJsonIsABrokenAnswer() {
    assertThatThrownBy(() -> decode(Endpoint.CREATE_SIGN_IN, 200, Map.of(), "<html>OK</html>"))
        .isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("not with a sign-in");
  }

  @Test
  void aResourceWithoutItsIdIsRefusedWithThePath() {
    assertThatThrownBy(() -> decode(Endpoint.GET_CLIENT, 200, Map.of(), """
        {"response": {"object": "client", "id": "client_1",
          "sessions": [{"object": "session", "status": "active"}]}, "client": null}"""))
        .isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("a session without id")
        .hasMessageContaining("sessions");
  }

  @Test
  void anEmailAddressOrPhoneNumberWithoutItsValueIsRefused() {
    assertThatThrownBy(() -> decode(Endpoint.CREATE_EMAIL_ADDRESS, 200, Map.of(), """
        {"response": {"object": "email_address", "id": "idn_1", "email_address": null}, "client": null}"""))
        .isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("email_address without email_address");
    assertThatThrownBy(() -> decode(Endpoint.CREATE_PHONE_NUMBER, 200, Map.of(), """
        {"response": {"object": "phone_number", "id": "idn_2"}, "client": null}"""))
        .isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("phone_number without phone_number");
  }

  @Test
  void aMemberOfTheWrongKindIsRefused() {
    assertThatThrownBy(() -> decode(Endpoint.GET_CLIENT, 200, Map.of(),
        "{\"response\": {\"id\": \"client_1\", \"sessions\": \"none\"}, \"client\": null}"))
        .isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("expected an array");
  }

  @Test
  void aMissingResponseIsRefusedExceptWhereClerkSendsNull() {
    assertThat(decode(Endpoint.GET_CLIENT, 200, Map.of(), "{\"response\": null, \"client\": null}").response())
        .isNull();
    assertThatThrownBy(() -> decode(Endpoint.CREATE_SIGN_IN, 200, Map.of(), "{\"response\": null}"))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("has no sign-in");
  }

  @Test
  void twoValuesAreNotOneAnswer() {
    assertThatThrownBy(() -> decode(Endpoint.GET_CLIENT, 200, Map.of(), "{\"response\": null} {}"))
        .isInstanceOf(ClerkNetworkException.class);
  }

  @Test
  void theTokenEndpointAnswersWithTheJwt() {
    assertThat(decode(Endpoint.CREATE_SESSION_TOKEN, 200, Map.of(), "{\"object\": \"token\", \"jwt\": \"a.b.c\"}")
        .response()).isEqualTo("a.b.c");
    assertThatThrownBy(() -> decode(Endpoint.CREATE_SESSION_TOKEN, 200, Map.of(), "{\"object\": \"token\"}"))
        .isInstanceOf(ClerkNetworkException.class);
  }

  @Test
  void anErrorEnvelopeIsARefusalWithFieldErrorsAndItsToken() {
    FapiResponse r = decode(Endpoint.ATTEMPT_SECOND_FACTOR, 422, Map.of("Authorization", TOKEN), """
        {"errors": [{"code": "form_code_incorrect", "message": "is incorrect", "long_message": "Incorrect code",
          "meta": {"param_name": "code", "n": 3, "ratio": 0.5, "gone": null, "list": [1, null]}}],
         "clerk_trace_id": "trace_1"}""");
    ClerkApiException e = r.error().orElseThrow();
    assertThat(e.isCodeIncorrect()).isTrue();
    assertThat(e.fieldErrors()).containsKey("code");
    assertThat(e.traceId()).isEqualTo("trace_1");
    assertThat(e.firstError().meta()).containsEntry("n", 3L).containsEntry("ratio", 0.5).doesNotContainKey("gone");
    assertThat(r.clientToken()).isEqualTo(TOKEN);
    assertThat(r.response()).isNull();
  }

  @Test
  void anErrorWithoutClerksEnvelopeIsSyntheticAndItsHeaderIsNotTaken() {
    FapiResponse r = decode(Endpoint.GET_CLIENT, 502, Map.of("Authorization", "Bearer proxy"),
        "<html><body>Bad Gateway</body></html>");
    assertThat(r.error().orElseThrow().hasCode("http_502")).isTrue();
    assertThat(r.clientToken()).isNull();
    assertThat(decode(Endpoint.GET_CLIENT, 500, Map.of(), null).error().orElseThrow().hasCode("http_500")).isTrue();
  }

  @Test
  void aRedirectIsARefusalAndItsAuthorizationIsNeverTaken() {
    FapiResponse r = decode(Endpoint.CREATE_SIGN_IN, 307,
        Map.of("Authorization", TOKEN, "Location", "https://elsewhere.example/"), "{\"errors\": []}");
    assertThat(r.error().orElseThrow().hasCode("http_307")).isTrue();
    assertThat(r.clientToken()).isNull();
  }

  @Test
  void rateLimitsAndUnavailabilityCarryRetryAfter() {
    FapiResponse limited = decode(Endpoint.CREATE_SIGN_IN, 429, Map.of("Retry-After", "3"),
        "{\"errors\": [{\"code\": \"too_many_requests\", \"message\": \"m\", \"long_message\": \"l\"}]}");
    assertThat(limited.error().orElseThrow()).isInstanceOfSatisfying(ClerkRateLimitException.class, e -> {
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
      assertThat(e.getMessage()).contains("try again in 3 s");
    });
    ClerkApiException unavailable = decode(Endpoint.GET_CLIENT, 503, Map.of("Retry-After", "7"), null)
        .error().orElseThrow();
    assertThat(unavailable).isNotInstanceOf(ClerkRateLimitException.class);
    assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(unavailable.getMessage()).contains("try again in 7 s");
    assertThat(decode(Endpoint.GET_CLIENT, 503, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), null)
        .error().orElseThrow().retryAfter()).contains(Duration.ZERO);
    assertThat(decode(Endpoint.GET_CLIENT, 503, Map.of("Retry-After", "soon"), null)
        .error().orElseThrow().retryAfter()).isEmpty();
  }

  @Test
  void anExplicitNullReadsAsAbsentAndUnknownStrategiesAreKeptRaw() {
    FapiResponse r = decode(Endpoint.GET_SIGN_IN, 200, Map.of(), """
        {"response": {"id": "sia_1", "status": "needs_first_factor", "identifier": null,
          "user_data": null, "first_factor_verification": null, "abandon_at": null,
          "supported_first_factors": [{"strategy": "oauth_carrier_pigeon", "safe_identifier": null,
            "primary": null, "default": null}, null]}}""");
    SignInResource s = (SignInResource) r.response();
    assertThat(s.identifier()).isNull();
    assertThat(s.userData()).isNull();
    assertThat(s.abandonAt()).isNull();
    assertThat(s.supportedFirstFactors()).singleElement().satisfies(f -> {
      assertThat(f.strategy()).isEqualTo("oauth_carrier_pigeon");
      assertThat(f.primary()).isNull();
      assertThat(f.isDefault()).isFalse();
    });
  }

  @Test
  void aNegativeOrUnreadableRetryAfterReadsAsAbsent() {
    assertThat(decode(Endpoint.GET_CLIENT, 429, Map.of("Retry-After", "-5"), null)
        .error().orElseThrow().retryAfter()).isEmpty();
    assertThat(decode(Endpoint.GET_CLIENT, 429, Map.of("Retry-After", ""), null)
        .error().orElseThrow().retryAfter()).isEmpty();
  }

  @Test
  void aNoContentAnswerIsABrokenAnswerToo() {
    assertThatThrownBy(() -> decode(Endpoint.END_SESSION, 204, Map.of(), null))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("HTTP 204");
  }

  @Test
  void anUnusableSuccessKeepsTheTokenItRotatedForCore() {
    assertThatThrownBy(() -> decode(Endpoint.CREATE_SIGN_IN, 200, Map.of("Authorization", TOKEN), "{\"resp"))
        .isInstanceOfSatisfying(UnusableAnswerException.class, e -> {
          assertThat(e.clientToken()).isEqualTo(TOKEN);
          assertThat(e.getMessage()).doesNotContain(TOKEN);
          assertThat(e.withoutToken()).isExactlyInstanceOf(ClerkNetworkException.class)
              .hasMessage(e.getMessage());
        });
  }
}
