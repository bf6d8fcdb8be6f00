package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkError;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.SignInCreateParams;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.Form;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error envelopes and broken answers (fapi-wire-spec.md §1.6, §1.7, §6). */
class ErrorResponsesTest {

  private final WireServer wire = new WireServer();

  @AfterEach
  void close() {
    wire.close();
  }

  private static String envelope(int status, String code, String paramName, String traceId) {
    return "{\"errors\":[{\"code\":\""
        + code
        + "\",\"message\":\"is incorrect\","
        + "\"long_message\":\"Long message for "
        + code
        + ".\",\"meta\":{\"param_name\":\""
        + paramName
        + "\"}}],\"meta\":{},\"clerk_trace_id\":\""
        + traceId
        + "\"}";
  }

  private ClerkApiException apiErrorFor(Endpoint<?> endpoint, String id) {
    return catchThrowableOfType(
        ClerkApiException.class,
        () -> wire.execute(endpoint, id, null, Form.empty().with("code", "111111"), "Bearer t"));
  }

  @Test
  void wrongPasswordIsAFieldErrorOnPassword() {
    wire.enqueue(422, envelope(422, "form_password_incorrect", "password", "trace-pw"));

    ClerkApiException e = apiErrorFor(Endpoint.CREATE_SIGN_IN, null);

    assertThat(e).isNotInstanceOf(ClerkRateLimitException.class);
    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.isPasswordIncorrect()).isTrue();
    assertThat(e.fieldErrors()).containsOnlyKeys("password");
    assertThat(e.fieldErrors().get("password").code()).isEqualTo("form_password_incorrect");
    assertThat(e.fieldErrors().get("password").message()).isEqualTo("is incorrect");
    assertThat(e.fieldErrors().get("password").longMessage())
        .isEqualTo("Long message for form_password_incorrect.");
    assertThat(e.traceId()).isEqualTo("trace-pw");
  }

  @Test
  void wrongCodeIsAFieldErrorOnCode() {
    wire.enqueue(422, envelope(422, "form_code_incorrect", "code", "trace-code"));

    ClerkApiException e = apiErrorFor(Endpoint.ATTEMPT_SECOND_FACTOR, "sia_1");

    assertThat(e.isCodeIncorrect()).isTrue();
    assertThat(e.fieldErrors()).containsOnlyKeys("code");
    assertThat(e.traceId()).isEqualTo("trace-code");
  }

  @Test
  void unknownIdentifierIsAFieldErrorOnIdentifier() {
    wire.enqueue(422, envelope(422, "form_identifier_not_found", "identifier", "trace-id"));

    ClerkApiException e = apiErrorFor(Endpoint.CREATE_SIGN_IN, null);

    assertThat(e.isIdentifierNotFound()).isTrue();
    assertThat(e.fieldErrors()).containsOnlyKeys("identifier");
    assertThat(e.traceId()).isEqualTo("trace-id");
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    wire.enqueue(
        429,
        "{\"errors\":[{\"code\":\"too_many_requests\",\"message\":\"Too many requests\","
            + "\"long_message\":\"Too many requests, retry later.\"}]}",
        "Retry-After",
        "1");

    ClerkApiException e = apiErrorFor(Endpoint.CREATE_SIGN_IN, null);

    assertThat(e).isInstanceOf(ClerkRateLimitException.class);
    assertThat(((ClerkRateLimitException) e).retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(e.isTooManyRequests()).isTrue();
    assertThat(e.traceId()).isNull();
  }

  @Test
  void tooManyRequestsWithoutRetryAfterOrBody() {
    wire.enqueue(429, "");

    ClerkApiException e = apiErrorFor(Endpoint.CREATE_SIGN_IN, null);

    assertThat(e).isInstanceOf(ClerkRateLimitException.class);
    assertThat(((ClerkRateLimitException) e).retryAfter()).isEmpty();
    assertThat(e.firstError().code()).isEqualTo("http_429");
  }

  /**
   * FAPI may issue or rotate the client token with an error (the first request of a new client
   * failing with 422): the exception carries the header for core, never in its text.
   */
  @Test
  void anErrorResponseCarriesItsAuthorizationHeaderOutsideTheText() {
    String token = "Bearer eyJhbGciOiJub25lIn0.eyJpYXQiOjE3MDB9.rotated-secret";
    wire.enqueue(422, envelope(422, "form_password_incorrect", "password", "trace-t"), "Authorization", token);

    ClerkApiException e = apiErrorFor(Endpoint.CREATE_SIGN_IN, null);

    assertThat(e.clientToken()).contains(token);
    assertThat(e.isPasswordIncorrect()).isTrue();
    assertThat(e.getMessage()).doesNotContain("rotated-secret");
    assertThat(e.toString()).doesNotContain("rotated-secret");
    assertThat(e.withHint("try again").clientToken()).as("a hint keeps it").contains(token);
  }

  @Test
  void aRateLimitKeepsItsTypeAndRetryAfterWithAToken() {
    wire.enqueue(429, "", "Retry-After", "2", "Authorization", "Bearer rotated-secret");

    ClerkApiException e = apiErrorFor(Endpoint.CREATE_SIGN_IN, null);

    assertThat(e).isInstanceOf(ClerkRateLimitException.class);
    assertThat(((ClerkRateLimitException) e).retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(e.clientToken()).contains("Bearer rotated-secret");
    assertThat(e.toString()).doesNotContain("rotated-secret");
  }

  /** End to end through core: the token of a failed first request is sent with the next one. */
  @Test
  void clerkSendsTheTokenOfAFailedFirstRequestNext() {
    String issued = "Bearer first-token-of-a-new-client";
    wire.enqueue(422, envelope(422, "form_identifier_not_found", "identifier", "trace-1"), "Authorization", issued);
    wire.enqueue(200, WireServer.recordedBody("flutter-sign_in-create-password-needs_client_trust.json"));
    try (Clerk clerk = Clerk.builder().frontendApiUrl(wire.baseUri()).transport(url -> wire.transport).build()) {
      ClerkApiException e = catchThrowableOfType(ClerkApiException.class,
          () -> clerk.signIn().create(SignInCreateParams.identifier("nobody@example.com")));
      assertThat(e.isIdentifierNotFound()).isTrue();
      assertThat(e.clientToken()).as("applied by core, not handed to the app").isEmpty();

      clerk.signIn().create(SignInCreateParams.identifier("jane@example.com"));
    }
    assertThat(wire.takeRequest().getHeaders().get("Authorization")).isNull();
    assertThat(wire.takeRequest().getHeaders().get("Authorization")).isEqualTo(issued);
  }

  @Test
  void anErrorWithoutAuthorizationHeaderCarriesNoToken() {
    wire.enqueue(422, envelope(422, "form_code_incorrect", "code", "trace-none"));

    assertThat(apiErrorFor(Endpoint.ATTEMPT_FIRST_FACTOR, "sia_1").clientToken()).isEmpty();
  }

  /** A bare {@code Bearer} on an error still reaches core, which clears the stored token. */
  @Test
  void aBareBearerOnAnErrorIsPassedOnVerbatim() {
    wire.enqueue(401, envelope(401, "authentication_invalid", "x", "trace-b"), "Authorization", "Bearer");

    ClerkApiException e = apiErrorFor(Endpoint.GET_CLIENT, null);

    assertThat(e.clientToken()).contains("Bearer");
    assertThat(e.isUnauthenticated()).isTrue();
  }

  @Test
  void metaValuesKeepTheirJsonTypes() {
    wire.enqueue(
        403,
        "{\"errors\":[{\"code\":\"user_locked\",\"message\":\"locked\",\"long_message\":\"Locked.\","
            + "\"meta\":{\"lockout_expires_in_seconds\":1800,\"ratio\":0.5,\"permanent\":false,"
            + "\"identifiers\":[\"a\",\"b\"],\"zxcvbn\":{\"suggestions\":[{\"code\":\"x\"}]},"
            + "\"gone\":null}}],\"clerk_trace_id\":\"t\"}");

    ClerkApiException e = apiErrorFor(Endpoint.ATTEMPT_FIRST_FACTOR, "sia_1");

    Map<String, Object> meta = e.firstError().meta();
    assertThat(meta.get("lockout_expires_in_seconds")).isEqualTo(1800L);
    assertThat(meta.get("ratio")).isEqualTo(0.5);
    assertThat(meta.get("permanent")).isEqualTo(false);
    assertThat(meta.get("identifiers")).isEqualTo(List.of("a", "b"));
    assertThat(meta.get("zxcvbn")).isEqualTo(Map.of("suggestions", List.of(Map.of("code", "x"))));
    assertThat(meta).doesNotContainKey("gone");
    assertThat(e.isUserLocked()).isTrue();
    assertThat(e.lockoutExpiresIn()).contains(Duration.ofMinutes(30));
  }

  @Test
  void severalErrorsAreKeptInOrder() {
    wire.enqueue(
        422,
        "{\"errors\":[{\"code\":\"form_param_missing\",\"message\":\"m\",\"long_message\":\"l\","
            + "\"meta\":{\"param_name\":\"identifier\"}},{\"code\":\"form_param_missing\","
            + "\"message\":\"m\",\"long_message\":\"l\",\"meta\":{\"param_name\":\"password\"}}]}");

    ClerkApiException e = apiErrorFor(Endpoint.CREATE_SIGN_IN, null);

    assertThat(e.errors())
        .extracting(ClerkError::paramName)
        .containsExactly("identifier", "password");
    assertThat(e.fieldErrors()).containsOnlyKeys("identifier", "password");
  }

  @Test
  void errorWithoutEnvelopeGetsASyntheticCode() {
    wire.enqueue(502, "<html><body>Bad gateway</body></html>", "Content-Type", "text/html");

    ClerkApiException e = apiErrorFor(Endpoint.GET_CLIENT, null);

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.errors()).extracting(ClerkError::code).containsExactly("http_502");
    assertThat(e.traceId()).isNull();
    assertThat(e.getMessage()).contains("http_502").doesNotContain("Bad gateway");
  }

  @Test
  void errorWithJsonOfAnotherShapeGetsASyntheticCode() {
    wire.enqueue(500, "[\"not\",\"an\",\"envelope\"]");

    ClerkApiException e = apiErrorFor(Endpoint.GET_CLIENT, null);

    assertThat(e.firstError().code()).isEqualTo("http_500");
  }

  @Test
  void redirectIsNotFollowed() {
    wire.enqueue(307, "", "Location", wire.baseUri().resolve("/elsewhere").toString());

    ClerkApiException e = apiErrorFor(Endpoint.ATTEMPT_FIRST_FACTOR, "sia_1");

    assertThat(e.httpStatus()).isEqualTo(307);
    assertThat(wire.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void successWhoseBodyIsNotJsonIsANetworkFailure() {
    wire.enqueue(200, "<html>Welcome to nginx</html>");

    ClerkNetworkException e =
        catchThrowableOfType(
            ClerkNetworkException.class,
            () -> wire.execute(Endpoint.CREATE_SIGN_IN, null, null, Form.empty(), null));

    assertThat(e.requestMayHaveBeenSent()).isTrue();
    assertThat(e.getMessage()).contains("CREATE_SIGN_IN").contains("not the expected JSON");
  }

  @Test
  void successWithJsonOfTheWrongShapeIsANetworkFailure() {
    wire.enqueue(200, "{\"response\":\"a string, not a sign-in\",\"client\":null}");

    ClerkNetworkException e =
        catchThrowableOfType(
            ClerkNetworkException.class,
            () -> wire.execute(Endpoint.CREATE_SIGN_IN, null, null, Form.empty(), null));

    assertThat(e.requestMayHaveBeenSent()).isTrue();
  }

  @Test
  void successWithTruncatedJsonIsANetworkFailure() {
    wire.enqueue(200, "{\"response\":{\"id\":\"sia_1\"");

    ClerkNetworkException e =
        catchThrowableOfType(
            ClerkNetworkException.class,
            () -> wire.execute(Endpoint.CREATE_SIGN_IN, null, null, Form.empty(), null));

    assertThat(e.requestMayHaveBeenSent()).isTrue();
  }
}
