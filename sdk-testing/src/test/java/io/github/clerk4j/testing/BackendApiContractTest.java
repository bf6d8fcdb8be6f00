package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clerk4j.testing.contract.ContractReport;
import io.github.clerk4j.testing.contract.Interaction;
import io.github.clerk4j.testing.contract.OpenApiContract;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's Backend API over HTTP (java.net.http, JSON bodies as Clerk's backend SDKs send
 * them), every request and answer checked against Clerk's Backend API OpenAPI file
 * ({@code bapi/2026-05-12.yml}) with no finding tolerated: users, sign-in tokens, sessions, the
 * JWKS, and each refusal.
 */
class BackendApiContractTest {
  private static final String SECRET = "sk_test_contract-secret-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> checked = new ArrayList<>();
  private ClerkEmulator emulator;

  @BeforeEach
  void start() {
    emulator = ClerkEmulator.builder().secretKey(SECRET).rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().id("user_seeded").email("seeded@example.com").password("seeded-password-1")
            .firstName("Sid").build())
        .build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  /** One call, validated; returns the status and the parsed body. */
  private record Answer(int status, String contentType, JsonNode body) {}

  private Answer call(String method, String pathAndQuery, String json) throws Exception {
    return call(method, pathAndQuery, json, "Bearer " + SECRET);
  }

  private Answer call(String method, String pathAndQuery, String json, String authorization) throws Exception {
    return call(method, pathAndQuery, json, authorization, true);
  }

  /** A request that breaks the file's rules on purpose (a missing required field, broken JSON): its answer is checked. */
  private Answer callBadRequest(String method, String pathAndQuery, String json) throws Exception {
    return call(method, pathAndQuery, json, "Bearer " + SECRET, false);
  }

  private Answer call(String method, String pathAndQuery, String json, String authorization, boolean wholeExchange)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.backendApiUrl() + pathAndQuery))
        .header("Content-Type", "application/json").header("Clerk-API-Version", "2025-11-10")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String contentType = r.headers().firstValue("Content-Type").orElse(null);
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        query.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    // The file's server is https://api.clerk.com/v1: its paths are what follows /bapi here.
    Interaction interaction = new Interaction(method, path, query, json == null ? null : "application/json", json,
        r.statusCode(), contentType, r.body());
    ContractReport report = wholeExchange ? OpenApiContract.bapi().validate(interaction)
        : OpenApiContract.bapi().validateResponse(interaction);
    report.assertValid();
    assertThat(report.tolerated()).as("nothing tolerated on the Backend API: %s", report).isEmpty();
    checked.add(interaction.label());
    return new Answer(r.statusCode(), contentType, JSON.readTree(r.body()));
  }

  @Test
  void usersAreCreatedListedCountedReadUpdatedAndDeleted() throws Exception {
    Answer created = call("POST", "/v1/users", "{\"email_address\":[\"new@example.com\"],\"phone_number\":[\"+15555550123\"],"
        + "\"username\":\"new_user\",\"password\":\"new-password-1\",\"first_name\":\"Nea\",\"last_name\":\"Ward\","
        + "\"external_id\":\"ext-1\",\"public_metadata\":{\"plan\":\"pro\"},\"private_metadata\":{\"note\":\"vip\"}}");
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.contentType()).as("what @clerk/backend parses as JSON").isEqualTo("application/json");
    JsonNode user = created.body();
    String id = user.get("id").asText();
    assertThat(user.get("email_addresses").get(0).get("verification").get("status").asText()).isEqualTo("verified");
    assertThat(user.get("private_metadata").get("note").asText()).isEqualTo("vip");
    assertThat(user.get("password_enabled").asBoolean()).isTrue();

    JsonNode list = call("GET", "/v1/users?limit=10", null).body();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asText()).as("newest first").isEqualTo(id);
    assertThat(call("GET", "/v1/users?email_address=NEW@example.com&email_address=nobody@example.com", null).body())
        .extracting(n -> n.get("id").asText()).containsExactly(id);
    assertThat(call("GET", "/v1/users?query=sid", null).body()).extracting(n -> n.get("id").asText())
        .containsExactly("user_seeded");
    assertThat(call("GET", "/v1/users?order_by=%2Bcreated_at&limit=1&offset=1", null).body())
        .extracting(n -> n.get("id").asText()).containsExactly(id);
    assertThat(call("GET", "/v1/users/count", null).body().get("total_count").asInt()).isEqualTo(2);
    assertThat(call("GET", "/v1/users/count?external_id=ext-1", null).body().get("total_count").asInt()).isEqualTo(1);
    assertThat(call("GET", "/v1/users/" + id, null).body().get("username").asText()).isEqualTo("new_user");

    JsonNode updated = call("PATCH", "/v1/users/" + id, "{\"first_name\":\"Nia\",\"username\":\"nia_w\"}").body();
    assertThat(updated.get("first_name").asText()).isEqualTo("Nia");
    assertThat(updated.get("username").asText()).isEqualTo("nia_w");
    JsonNode merged = call("PATCH", "/v1/users/" + id + "/metadata",
        "{\"public_metadata\":{\"seats\":3},\"private_metadata\":{\"note\":null}}").body();
    assertThat(merged.get("public_metadata").toString()).isEqualTo("{\"plan\":\"pro\",\"seats\":3}");
    assertThat(merged.get("private_metadata").toString()).isEqualTo("{}");
    JsonNode replaced = call("PUT", "/v1/users/" + id + "/metadata", "{\"public_metadata\":{\"plan\":\"team\"}}").body();
    assertThat(replaced.get("public_metadata").toString()).isEqualTo("{\"plan\":\"team\"}");

    Answer deleted = call("DELETE", "/v1/users/" + id, null);
    assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
    assertThat(call("GET", "/v1/users/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void refusalsNameTheProblem() throws Exception {
    Answer noKey = call("GET", "/v1/users", null, null);
    assertThat(noKey.status()).isEqualTo(401);
    assertThat(noKey.body().get("errors").get(0).get("code").asText()).isEqualTo("authentication_invalid");
    assertThat(call("GET", "/v1/users", null, "Bearer sk_test_wrong-key").status()).isEqualTo(401);

    Answer taken = call("POST", "/v1/users", "{\"email_address\":[\"seeded@example.com\"],\"password\":\"other-password-1\"}");
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.body().get("errors").get(0).get("code").asText()).isEqualTo("form_identifier_exists");
    Answer badEmail = call("POST", "/v1/users", "{\"email_address\":[\"not-an-address\"],\"password\":\"other-password-1\"}");
    assertThat(badEmail.body().get("errors").get(0).get("meta").get("param_name").asText()).isEqualTo("email_address");
    Answer shortPassword = call("POST", "/v1/users", "{\"email_address\":[\"short@example.com\"],\"password\":\"short\"}");
    assertThat(shortPassword.body().get("errors").get(0).get("code").asText()).isEqualTo("form_password_length_too_short");
    assertThat(call("POST", "/v1/users", "{\"email_address\":[\"skip@example.com\"],\"password\":\"short\","
        + "\"skip_password_checks\":true}").status()).isEqualTo(200);
    Answer unknown = callBadRequest("POST", "/v1/users", "{\"email_address\":[\"x@example.com\"],\"created_at\":\"2020\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().get("errors").get(0).get("code").asText()).isEqualTo("form_param_unknown");
    Answer wrongType = callBadRequest("POST", "/v1/users", "{\"email_address\":\"x@example.com\"}");
    assertThat(wrongType.body().get("errors").get(0).get("code").asText()).isEqualTo("form_param_format_invalid");
    assertThat(callBadRequest("GET", "/v1/users?limit=501", null).status()).isEqualTo(422);
    assertThat(call("GET", "/v1/users/user_nope", null).status()).isEqualTo(404);
  }

  @Test
  void signInTokensAreMintedAndRevokedAndSessionsListedAndRevoked() throws Exception {
    Answer minted = call("POST", "/v1/sign_in_tokens", "{\"user_id\":\"user_seeded\",\"expires_in_seconds\":600}");
    assertThat(minted.body().get("status").asText()).isEqualTo("pending");
    assertThat(minted.body().get("token").asText()).hasSizeGreaterThan(30);
    String tokenId = minted.body().get("id").asText();
    Answer revoked = call("POST", "/v1/sign_in_tokens/" + tokenId + "/revoke", null);
    assertThat(revoked.body().get("status").asText()).isEqualTo("revoked");
    assertThat(revoked.body().has("token")).as("the token is shown once").isFalse();
    Answer again = call("POST", "/v1/sign_in_tokens/" + tokenId + "/revoke", null);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body().get("errors").get(0).get("code").asText()).isEqualTo("sign_in_token_revoked_code");
    assertThat(call("POST", "/v1/sign_in_tokens", "{\"user_id\":\"user_nope\"}").status()).isEqualTo(404);
    assertThat(callBadRequest("POST", "/v1/sign_in_tokens", "{}").status()).isEqualTo(422);

    // A session from a Frontend API sign-in, as a backend sees it.
    String sessionId = new Fapi(emulator).signIn(emulator, "seeded@example.com", "seeded-password-1");
    JsonNode sessions = call("GET", "/v1/sessions?user_id=user_seeded", null).body();
    assertThat(sessions).extracting(s -> s.get("id").asText()).containsExactly(sessionId);
    assertThat(sessions.get(0).get("status").asText()).isEqualTo("active");
    assertThat(call("GET", "/v1/sessions?user_id=user_seeded&status=revoked", null).body()).isEmpty();
    assertThat(call("GET", "/v1/sessions/" + sessionId, null).body().get("client_id").asText()).startsWith("client_");
    assertThat(call("POST", "/v1/sessions/" + sessionId + "/revoke", null).body().get("status").asText()).isEqualTo("revoked");
    assertThat(call("GET", "/v1/sessions?user_id=user_seeded&status=revoked", null).body()).hasSize(1);

    JsonNode jwks = call("GET", "/v1/jwks", null).body();
    assertThat(jwks.get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
    assertThat(checked).hasSizeGreaterThan(10);
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() throws Exception {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(emulator.backendApiUrl() + "/v1/users"))
        .header("Authorization", "Bearer " + SECRET).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("email_address=a@example.com")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(form.body()).contains("You should use application/json instead.");
    Answer broken = callBadRequest("POST", "/v1/users", "{\"email_address\":[");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body().get("errors").get(0).get("code").asText()).isEqualTo("malformed_request_parameters");
  }
}
