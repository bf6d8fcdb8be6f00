package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.spi.ClientResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.SessionResource;
import io.github.clerk4j.spi.SignInResource;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client-trust flow of Clerk's guide, at the transport level, replayed from the recorded
 * responses: each call sends the client token the previous answer rotated, and takes its ids from
 * the previous answer, as core does.
 */
class ClientTrustSequenceTest {

  private static final String EMAIL = "jane+clerk_test@example.com";

  private final WireServer wire = new WireServer();

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void passwordThenEmailCodeThenTouch() {
    // POST /v1/client: first contact, no token yet
    wire.enqueue(
        200, WireServer.recordedBody("flutter-client-create.json"), "Authorization", "Bearer t1");
    FapiResponse<ClientResource> created =
        wire.execute(Endpoint.CREATE_CLIENT, null, null, Form.empty(), null);
    assertRequest("POST", "/v1/client", null, "");

    // S1 with identifier and password (no strategy, as clerk-js SignInFuture.password() sends)
    wire.enqueue(
        200,
        WireServer.recordedBody("flutter-sign_in-create-password-needs_client_trust.json"),
        "Authorization",
        "Bearer t2");
    FapiResponse<SignInResource> s1 =
        wire.execute(
            Endpoint.CREATE_SIGN_IN,
            null,
            null,
            Form.empty().with("identifier", EMAIL).with("password", "correct horse"),
            created.clientToken());
    assertRequest(
        "POST",
        "/v1/client/sign_ins",
        "Bearer t1",
        "identifier=jane%2Bclerk_test%40example.com&password=correct+horse");
    assertThat(SignInStatus.fromWire(s1.response().status()))
        .isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);

    // S5 with the e-mail factor the sign-in offers
    String emailAddressId = s1.response().supportedSecondFactors().get(0).emailAddressId();
    wire.enqueue(
        200,
        WireServer.recordedBody("flutter-sign_in-prepare_second_factor-email_code.json"),
        "Authorization",
        "Bearer t3");
    FapiResponse<SignInResource> s5 =
        wire.execute(
            Endpoint.PREPARE_SECOND_FACTOR,
            s1.response().id(),
            null,
            Form.empty().with("strategy", "email_code").with("email_address_id", emailAddressId),
            s1.clientToken());
    assertRequest(
        "POST",
        "/v1/client/sign_ins/SIGN_IN_ID/prepare_second_factor",
        "Bearer t2",
        "strategy=email_code&email_address_id=IDENTIFIER_ID");

    // S6 with the code
    wire.enqueue(
        200,
        WireServer.recordedBody("flutter-sign_in-attempt_second_factor-email_code-complete.json"),
        "Authorization",
        "Bearer t4");
    FapiResponse<SignInResource> s6 =
        wire.execute(
            Endpoint.ATTEMPT_SECOND_FACTOR,
            s5.response().id(),
            null,
            Form.empty().with("strategy", "email_code").with("code", "424242"),
            s5.clientToken());
    assertRequest(
        "POST",
        "/v1/client/sign_ins/SIGN_IN_ID/attempt_second_factor",
        "Bearer t3",
        "strategy=email_code&code=424242");
    assertThat(SignInStatus.fromWire(s6.response().status())).isEqualTo(SignInStatus.COMPLETE);

    // finalize: touch the created session (no recording exists; the client may be null here)
    wire.enqueue(
        200,
        "{\"response\":{\"object\":\"session\",\"id\":\"SESSION_ID\",\"status\":\"active\"},"
            + "\"client\":null}");
    FapiResponse<SessionResource> touched =
        wire.execute(
            Endpoint.TOUCH_SESSION,
            null,
            s6.response().createdSessionId(),
            Form.empty().with("active_organization_id", "").with("intent", "select_session"),
            s6.clientToken());
    assertRequest(
        "POST",
        "/v1/client/sessions/SESSION_ID/touch",
        "Bearer t4",
        "active_organization_id=&intent=select_session");
    assertThat(touched.response().id()).isEqualTo("SESSION_ID");
    assertThat(touched.clientToken()).isNull();
  }

  private void assertRequest(String method, String path, String authorization, String body) {
    RecordedRequest r = wire.takeRequest();
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getUrl().encodedPath()).isEqualTo(path);
    assertThat(r.getUrl().queryParameter("_is_native")).isEqualTo("true");
    assertThat(r.getUrl().queryParameter("__clerk_api_version")).isNull();
    assertThat(r.getHeaders().get("clerk-api-version")).isEqualTo("2026-05-12");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(authorization);
    assertThat(r.getHeaders().get("Origin")).isNull();
    assertThat(WireServer.bodyOf(r)).isEqualTo(body);
  }
}
