package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clerk's own backend SDK, {@code @clerk/backend} 3.25.0 from npm ({@code
 * createClerkClient({secretKey, apiUrl})}, telemetry disabled), in Node against the emulator's
 * Backend API (src/test/node/clerk-backend-flow.cjs): users, sign-in tokens, sessions, the JWKS and
 * verifying a session token. It talks through a recording proxy, and every exchange it had is
 * checked against Clerk's Backend API OpenAPI file.
 */
class ClerkBackendAgainstEmulatorTest {
  private static final String SECRET = "sk_test_backend-sdk-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ClerkEmulator emulator;
  private static RecordingProxy proxy;
  private static ClerkJsRunner.Result run;
  private static String sessionId;

  @BeforeAll
  static void runClerkBackendAgainstTheEmulator() throws Exception {
    ClerkJsRunner.assumeNodeInstalled();
    emulator = ClerkEmulator.builder().secretKey(SECRET).clientTrust(false).build().start();
    String userId = emulator.addUser(EmulatorUser.builder().email("sam@example.com").password("sam-password-1").build());
    // A session as an app's frontend would have made it, and the token it would send its backend.
    HttpResponse<String> signIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(emulator.url() + "/v1/client/sign_ins?_is_native=true"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("identifier=sam%40example.com&password=sam-password-1")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(signIn.body());
    sessionId = answer.path("response").path("created_session_id").asText();
    String sessionToken = answer.path("client").path("sessions").path(0).path("last_active_token").path("jwt").asText();
    proxy = new RecordingProxy(emulator.url()).start();
    run = ClerkJsRunner.runScript("clerk-backend-flow.cjs", List.of(
        "--api-url", proxy.url() + "/bapi",
        "--secret-key", SECRET,
        "--user-id", userId,
        "--session-id", sessionId,
        "--session-token", sessionToken));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void clerkBackendManagesUsersTokensAndSessionsAndVerifiesTheSessionToken() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.output().path("ok").asBoolean()).as(run.describe()).isTrue();
    assertThat(run.output().path("steps").findValuesAsText("name")).containsExactly("createUser", "getUserList",
        "getUser", "updateUser", "signInTokens", "verifyToken", "sessions", "deleteUser");
    assertThat(proxy.exchanges()).extracting(e -> e.method() + " " + e.path()).contains(
        "POST /bapi/v1/users", "GET /bapi/v1/users", "GET /bapi/v1/users/count", "PATCH /bapi/v1/users/" + run.output()
            .path("steps").path(0).path("id").asText() + "/metadata",
        "POST /bapi/v1/sign_in_tokens", "GET /bapi/v1/sessions", "POST /bapi/v1/sessions/" + sessionId + "/revoke",
        "GET /bapi/v1/jwks");
  }

  @Test
  void everyExchangeOfClerkBackendIsValidUnderTheBackendApiFile() throws Exception {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<String> problems = new ArrayList<>();
    for (WireExchange e : proxy.exchanges()) {
      assertThat(e.headers().get("authorization")).isEqualTo("Bearer " + SECRET);
      // The file's paths follow its server URL, https://api.clerk.com/v1: /bapi is the emulator's.
      Interaction i = e.asInteraction();
      String body = i.responseBody();
      if (e.query().getOrDefault("paginated", List.of()).contains("true")) {
        // getSessionList asks for paginated=true and reads {data, total_count}, as Clerk answers it;
        // the file describes only the unpaginated answer, the bare array: that array is what is checked.
        JsonNode page = JSON.readTree(body);
        assertThat(page.path("total_count").isInt()).as(body).isTrue();
        body = page.path("data").toString();
      }
      Interaction asFiled = new Interaction(i.method(), i.path().substring("/bapi".length()), i.query(),
          i.requestContentType(), i.requestBody(), i.status(), i.responseContentType(), body);
      ContractReport report = OpenApiContract.bapi().validate(asFiled);
      if (!report.isValid() || !report.tolerated().isEmpty()) {
        problems.add(report.describe());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(proxy.exchanges()).hasSizeGreaterThanOrEqualTo(15);
  }
}
