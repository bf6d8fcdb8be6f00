package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clerk's own JavaScript client against Clerk's recorded responses: proves that the Node harness
 * (shims, Expo-style hooks, the flow script) drives clerk-js through the client-trust flow the way
 * real Clerk answers it, and pins what clerk-js 6.40.0 puts on the wire — which is what the
 * emulator has to accept from an Expo or React Native app.
 */
class ClerkJsAgainstRecordedResponsesTest {

  // One run of clerk-js (about three seconds) serves every test: they look at different sides of it.
  private static ClerkJsRunner.Result run;
  private static List<WireExchange> exchanges;

  @BeforeAll
  static void runClerkJsOnceAgainstTheRecordedResponses() throws Exception {
    ClerkJsRunner.assumeNodeInstalled();
    try (RecordedClerkServer server = new RecordedClerkServer().start()) {
      run = ClerkJsRunner.runFlow(List.of(
          "--url", server.url(),
          "--identifier", "jane+clerk_test@example.com",
          "--password", "correct horse battery staple",
          "--code", "424242"));
      exchanges = server.exchanges();
    }
  }

  @Test
  void clerkJsCompletesClientTrustAgainstRecordedClerkResponses() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode out = run.output();
    assertThat(out.path("ok").asBoolean()).as(run.describe()).isTrue();
    assertThat(out.path("statuses").findValuesAsText("status"))
        .containsExactly("needs_client_trust", "needs_client_trust", "complete", "complete");
    assertThat(out.path("sessionId").asText()).isEqualTo("SESSION_ID");
    assertThat(out.path("sessionStatus").asText()).isEqualTo("active");
    assertThat(out.path("userId").asText()).isEqualTo("USER_ID");
    assertThat(out.path("sessionTokenClaims").path("sid").asText()).isEqualTo("SESSION_ID");

    // clerk-js loads the environment and the client in parallel: those two come in either order.
    assertThat(exchanges.subList(0, 2)).extracting(e -> e.method() + " " + e.path())
        .containsExactlyInAnyOrder("GET /v1/environment", "GET /v1/client");
    assertThat(exchanges.subList(2, exchanges.size())).extracting(e -> e.method() + " " + e.path()).containsExactly(
        "POST /v1/client/sign_ins",
        "POST /v1/client/sign_ins/SIGN_IN_ID/prepare_second_factor",
        "POST /v1/client/sign_ins/SIGN_IN_ID/attempt_second_factor",
        "POST /v1/client/sessions/SESSION_ID/touch",
        "POST /v1/client/sessions/SESSION_ID/tokens");
    assertThat(exchanges).extracting(WireExchange::body).containsExactly(
        "",
        "",
        "identifier=jane%2Bclerk_test%40example.com&password=correct+horse+battery+staple",
        "email_address_id=IDENTIFIER_ID&strategy=email_code",
        "code=424242&strategy=email_code",
        "active_organization_id=&intent=select_session",
        "organization_id=");
  }

  @Test
  void clerkJsSendsTheApiVersionAsAQueryParameterAndTheClientTokenAsExpoDoes() {
    assertThat(run.exitCode()).as(run.describe()).isZero();

    // The version rides in the query, never in a header; the emulator must accept either way.
    assertThat(exchanges).allSatisfy(e -> {
      assertThat(e.query()).containsEntry("__clerk_api_version", List.of("2026-08-20"))
          .containsEntry("_clerk_js_version", List.of("6.40.0"))
          .containsEntry("_is_native", List.of("1"));
      assertThat(e.headers()).doesNotContainKey("clerk-api-version").doesNotContainKey("origin");
    });
    // Expo sends an empty Authorization header until it holds a token, then always the newest
    // one it was given (every response here rotates it). clerk-js fetches the environment and
    // the client in parallel while loading, so the second request may or may not have seen the
    // first answer; from the sign-in on, requests are sequential.
    assertThat(exchanges.get(0).headers()).containsEntry("authorization", "");
    assertThat(exchanges.get(1).headers().get("authorization")).isIn("", exchanges.get(0).issuedToken());
    assertThat(exchanges.get(2).headers().get("authorization"))
        .as("the sign-in carries a token from one of the two loading responses")
        .isIn(exchanges.get(0).issuedToken(), exchanges.get(1).issuedToken());
    for (int i = 3; i < exchanges.size(); i++) {
      assertThat(exchanges.get(i).headers().get("authorization"))
          .as("request %d carries the token of response %d", i, i - 1)
          .isEqualTo(exchanges.get(i - 1).issuedToken());
    }
    assertThat(exchanges.stream().filter(e -> e.method().equals("POST")))
        .allSatisfy(e -> assertThat(e.headers()).containsEntry("content-type", "application/x-www-form-urlencoded"));
  }

  @Test
  void whatClerkJsSendsAndWhatItWasAnsweredFitTheContract() {
    assertThat(run.exitCode()).as(run.describe()).isZero();

    // Requests are clerk-js's own; responses are recorded (environment excepted: it predates
    // the file, see RecordedFixturesContractTest) or built from recorded parts (touch, tokens).
    Map<String, ContractReport> reports = exchanges.stream()
        .filter(e -> !e.path().equals("/v1/environment"))
        .collect(Collectors.toMap(e -> e.method() + " " + e.path(),
            e -> OpenApiContract.fapi().validate(e.asInteraction()), (a, b) -> a, java.util.LinkedHashMap::new));

    assertThat(reports).hasSize(6);
    assertThat(reports.values()).allSatisfy(ContractReport::assertValid);
  }
}
