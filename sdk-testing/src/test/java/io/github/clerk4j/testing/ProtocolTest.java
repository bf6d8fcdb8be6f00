package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native protocol: envelopes, errors, the client token, the API version, tokens and JWKS. */
class ProtocolTest {
  private static final String HANK = "hank@example.com";
  private static final String PASSWORD = "hank-password-1";
  private static ClerkEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = ClerkEmulator.builder().rateLimits(RateLimits.disabled()).clientTrust(false)
        .user(EmulatorUser.builder().email(HANK).password(PASSWORD).build())
        .build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void publishableKeyEncodesTheHostAndPort() {
    String key = emulator.publishableKey();
    assertThat(key).startsWith("pk_test_").doesNotContain("=");
    String decoded = new String(Base64.getDecoder().decode(key.substring(8)), StandardCharsets.UTF_8);
    assertThat("http://" + decoded.substring(0, decoded.length() - 1)).isEqualTo(emulator.url());
    assertThat(decoded).endsWith("$");
  }

  @Test
  void unknownRouteIs404ResourceNotFoundInTheErrorEnvelope() {
    Answer a = new Fapi(emulator).get("/v1/no/such/thing");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.errorCode()).isEqualTo("resource_not_found");
    assertThat(a.firstError()).containsKeys("message", "long_message", "meta");
    assertThat(a.json()).containsKeys("errors", "meta", "clerk_trace_id");
  }


  @Test
  void malformedFormsAre422NamingTheParameter() {
    Fapi fapi = new Fapi(emulator);
    Answer badEncoding = fapi.raw(HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/client/sign_ins"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("identifier=%zz")).build());
    assertThat(badEncoding.status()).isEqualTo(422);
    assertThat(badEncoding.errorCode()).isEqualTo("form_param_format_invalid");
    assertThat(badEncoding.firstError().get("meta")).isEqualTo(Map.of("param_name", "identifier"));

    String id = (String) fapi.post("/v1/client/sign_ins", "identifier", HANK).response().get("id");
    Answer missing = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor", "password", "x");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.errorCode()).isEqualTo("form_param_missing");
    assertThat(missing.firstError().get("meta")).isEqualTo(Map.of("param_name", "strategy"));

    Answer badStrategy = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor", "strategy", "telepathy");
    assertThat(badStrategy.errorCode()).isEqualTo("form_param_format_invalid");
    Answer emptyPassword = fapi.post("/v1/client/sign_ins", "identifier", HANK,
        "strategy", "password", "password", "");
    assertThat(emptyPassword.errorCode()).isEqualTo("form_param_missing");
    assertThat(emptyPassword.firstError().get("meta")).isEqualTo(Map.of("param_name", "password"));
    Answer badBool = fapi.post("/v1/client/sessions/sess_x/touch", "intent", "dance");
    assertThat(badBool.status()).isEqualTo(404); // the session is checked before the form

    Answer unknownUser = fapi.post("/v1/client/sign_ins", "identifier", "nobody@example.com");
    assertThat(unknownUser.errorCode()).isEqualTo("form_identifier_not_found");
  }

  @Test
  void apiVersionMayComeAsHeaderOrQueryButNotBoth() {
    String url = emulator.url() + "/v1/environment";
    Fapi fapi = new Fapi(emulator);
    assertThat(fapi.raw(HttpRequest.newBuilder(URI.create(url + "?__clerk_api_version=2026-08-20")).build()).status())
        .isEqualTo(200);
    assertThat(fapi.raw(HttpRequest.newBuilder(URI.create(url)).header("Clerk-API-Version", "2026-05-12").build())
        .status()).isEqualTo(200);
    Answer both = fapi.raw(HttpRequest.newBuilder(URI.create(url + "?__clerk_api_version=2026-05-12"))
        .header("clerk-api-version", "2026-05-12").build());
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.errorCode()).isEqualTo("api_version_invalid");
  }

  @Test
  void clientLifecycleAndTokenForms() {
    Fapi fapi = new Fapi(emulator);
    Answer none = fapi.get("/v1/client");
    assertThat(none.json()).containsEntry("response", null).containsEntry("client", null);
    assertThat(none.header("Authorization")).isEmpty();

    Answer created = fapi.post("/v1/client");
    assertThat(created.response().get("object")).isEqualTo("client");
    assertThat(created.json()).containsEntry("client", null);
    assertThat(fapi.token()).startsWith("Bearer ");
    String[] jwt = fapi.token().substring(7).split("\\.");
    Map<String, Object> claims = Fapi.map(parse(jwt[1]));
    assertThat(claims.get("id")).isEqualTo(created.response().get("id"));
    assertThat(claims).containsKeys("iat", "rotating_token");

    Fapi forged = new Fapi(emulator);
    forged.token("Bearer " + jwt[0] + "." + jwt[1] + ".AAAA");
    Answer rejected = forged.get("/v1/client");
    assertThat(rejected.status()).isEqualTo(401);
    assertThat(rejected.errorCode()).isEqualTo("authentication_invalid");
  }

  @Test
  void sessionTokensAreRs256JwtsVerifiableWithTheJwks() throws Exception {
    Fapi fapi = new Fapi(emulator);
    String sessionId = fapi.signIn(emulator, HANK, PASSWORD);
    Answer touched = fapi.post("/v1/client/sessions/" + sessionId + "/touch",
        "active_organization_id", "", "intent", "select_session");
    assertThat(touched.response()).containsEntry("status", "active");
    assertThat(touched.client().get("last_active_session_id")).isEqualTo(sessionId);

    Answer token = fapi.post("/v1/client/sessions/" + sessionId + "/tokens");
    assertThat(token.json()).containsEntry("object", "token").containsOnlyKeys("object", "jwt");
    String[] jwt = ((String) token.json().get("jwt")).split("\\.");
    Map<String, Object> header = Fapi.map(parse(jwt[0]));
    Map<String, Object> claims = Fapi.map(parse(jwt[1]));
    assertThat(header.get("alg")).isEqualTo("RS256");
    assertThat(claims.get("sid")).isEqualTo(sessionId);
    assertThat(claims.get("iss")).isEqualTo(emulator.url());
    assertThat(claims).containsKeys("sub", "iat", "exp", "nbf");
    assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(60);

    for (String path : List.of("/v1/jwks", "/.well-known/jwks.json")) {
      Map<String, Object> key = Fapi.list(fapi.get(path).json().get("keys")).get(0);
      assertThat(key).containsEntry("kid", header.get("kid")).containsEntry("kty", "RSA").containsEntry("use", "sig");
      PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
          new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("n"))),
          new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("e")))));
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKey);
      verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }
  }

  @Test
  void endAndRemoveSignOutOneSession() {
    Fapi fapi = new Fapi(emulator);
    String first = fapi.signIn(emulator, HANK, PASSWORD);
    Answer ended = fapi.post("/v1/client/sessions/" + first + "/end");
    assertThat(ended.response()).containsEntry("status", "ended").containsEntry("last_active_token", null);
    assertThat(ended.client()).containsEntry("last_active_session_id", null);
    assertThat(fapi.post("/v1/client/sessions/" + first + "/tokens").errorCode()).isEqualTo("signed_out");

    String second = fapi.signIn(emulator, HANK, PASSWORD);
    assertThat(fapi.post("/v1/client/sessions/" + second + "/remove").response().get("status")).isEqualTo("removed");
    assertThat(new Fapi(emulator).get("/v1/client/sessions/" + second).status()).isEqualTo(404);

    String third = fapi.signIn(emulator, HANK, PASSWORD);
    Answer signedOut = fapi.delete("/v1/client");
    assertThat(signedOut.response().get("sessions")).isEqualTo(List.of());
    assertThat(fapi.get("/v1/client/sessions/" + third).response().get("status")).isEqualTo("ended");
  }

  @Test
  void secondSignInOfTheSameUserOnOneClientIsRefused() {
    Fapi fapi = new Fapi(emulator);
    String session = fapi.signIn(emulator, HANK, PASSWORD);
    Answer again = fapi.passwordSignIn(HANK, PASSWORD);
    assertThat(again.errorCode()).isEqualTo("identifier_already_signed_in");
    assertThat(again.firstError().get("meta")).isEqualTo(Map.of("session_id", session));
  }

  @Test
  void methodOverrideAndOutboxOverHttp() {
    Fapi fapi = new Fapi(emulator);
    String sessionId = fapi.signIn(emulator, HANK, PASSWORD);
    Answer patched = fapi.post("/v1/me?_method=PATCH&_clerk_session_id=" + sessionId, "first_name", "Henry");
    assertThat(patched.response().get("first_name")).isEqualTo("Henry");

    fapi.post("/v1/client/sign_ins", "identifier", HANK); // any sign-in: codes come below
    Fapi other = new Fapi(emulator);
    other.post("/v1/client/sign_ins", "identifier", HANK, "strategy", "email_code");
    List<Map<String, Object>> messages = Fapi.list(fapi.get("/__emulator/outbox").json().get("messages"));
    Map<String, Object> last = messages.get(messages.size() - 1);
    assertThat(last).containsEntry("channel", "email").containsEntry("recipient", HANK)
        .containsEntry("purpose", "sign_in").containsEntry("code", emulator.outbox().latestCodeFor(HANK))
        .containsKey("sent_at");
    assertThat(emulator.outbox().messages().get(0).toString()).doesNotContain(emulator.outbox().messages().get(0).code());
  }

  @Test
  void environmentReflectsTheInstanceSettings() {
    try (ClerkEmulator strict = ClerkEmulator.builder().mfaRequired(true)
        .lockout(new Lockout(true, 5, java.time.Duration.ofMinutes(15))).build().start()) {
      Map<String, Object> env = new Fapi(strict).get("/v1/environment").json();
      Map<String, Object> userSettings = Fapi.map(env.get("user_settings"));
      assertThat(Fapi.map(Fapi.map(userSettings.get("sign_in")).get("second_factor"))).containsEntry("required", true);
      assertThat(Fapi.map(Fapi.map(userSettings.get("attack_protection")).get("user_lockout")))
          .containsEntry("max_attempts", 5.0).containsEntry("duration_in_minutes", 15.0);
      assertThat(Fapi.map(env.get("auth_config")).get("second_factors")).isEqualTo(List.of("backup_code", "phone_code", "totp"));
      assertThat(Fapi.map(env.get("display_config")).get("home_url")).isEqualTo(strict.url());
    }
  }

  /** Decodes one base64url JWT part as JSON. */
  private static Object parse(String base64url) {
    String text = new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    try {
      return new com.squareup.moshi.Moshi.Builder().build().adapter(Object.class).fromJson(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
