package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bodies too large, forms that are not forms, wrong methods, and the admin token. */
class BadInputTest {
  private ClerkEmulator emulator;

  private ClerkEmulator start(ClerkEmulator.Builder builder) {
    emulator = builder.rateLimits(RateLimits.disabled()).build().start();
    return emulator;
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Answer post(String path, String contentType, String body) {
    return new Fapi(emulator).raw(HttpRequest.newBuilder(URI.create(emulator.url() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  @Test
  void aBodyOverTheLimitIs413InClerksEnvelopeAndCreatesNothing() {
    start(ClerkEmulator.builder());
    Answer large = post("/v1/client/sign_ins", "application/x-www-form-urlencoded",
        "identifier=" + "a".repeat(10 * 1024 * 1024));
    assertThat(large.status()).isEqualTo(413);
    assertThat(large.errorCode()).isEqualTo("request_body_too_large");
    assertThat(large.json()).containsKeys("errors", "meta", "clerk_trace_id");
    assertThat(large.header("Authorization")).isEmpty();
    // The server is fine afterwards, and a body just under the limit is read.
    Answer fine = post("/v1/client/sign_ins", "application/x-www-form-urlencoded",
        "locale=" + "b".repeat(60 * 1024));
    assertThat(fine.status()).as(fine.raw()).isEqualTo(200);
  }

  @Test
  void anImageUploadMayBeLargerThanAFormButNotWithoutBound() {
    start(ClerkEmulator.builder());
    // A 200 KB photo passes the form limit: the upload route reads it (and answers for itself:
    // without a client token, there is no session).
    Answer photo = post("/v1/me/profile_image", "application/octet-stream", "A".repeat(200 * 1024));
    assertThat(photo.status()).as(photo.raw()).isEqualTo(401);
    Answer huge = post("/v1/me/profile_image/", "application/octet-stream", "A".repeat(17 * 1024 * 1024));
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.errorCode()).isEqualTo("request_body_too_large");
    // Only the upload route takes a body that is not a form.
    Answer elsewhere = post("/v1/client/sign_ins", "application/octet-stream", "AAAA");
    assertThat(elsewhere.status()).isEqualTo(415);
  }

  @Test
  void formsWithoutNamesOrWithJsonAreMalformedAndCreateNothing() {
    start(ClerkEmulator.builder());
    for (String body : new String[] {"=&=&=", "{\"identifier\": \"x@example.com\"}", "=x", "identifier=a&=b"}) {
      Answer a = post("/v1/client/sign_ins", "application/x-www-form-urlencoded", body);
      assertThat(a.status()).as(body).isEqualTo(400);
      assertThat(a.errorCode()).as(body).isEqualTo("malformed_request_parameters");
      assertThat(a.header("Authorization")).as("no client was created for " + body).isEmpty();
    }
    // Clerk's parameter names with brackets are forms all the same.
    Answer brackets = post("/v1/client/sign_ins", "application/x-www-form-urlencoded",
        "identifier=&unsafe_metadata%5Bplan%5D=pro&tags[]=a");
    assertThat(brackets.status()).as(brackets.raw()).isEqualTo(200);
  }

  @Test
  void aBodyInAnotherFormatIs415() {
    start(ClerkEmulator.builder());
    Answer json = post("/v1/client/sign_ins", "application/json", "{\"identifier\": \"x@example.com\"}");
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.errorCode()).isEqualTo("unsupported_content_type");
    assertThat((String) json.firstError().get("long_message"))
        .isEqualTo("Content-Type application/json is unsupported. You should use"
            + " application/x-www-form-urlencoded instead.");
    Answer charset = post("/v1/client/sign_ins", "application/x-www-form-urlencoded; charset=UTF-8", "identifier=");
    assertThat(charset.status()).isEqualTo(200);
  }

  @Test
  void aKnownPathWithAnotherMethodIs405NamingTheAllowedOnes() {
    start(ClerkEmulator.builder());
    Answer put = new Fapi(emulator).send("PUT", "/v1/client/sign_ins", new String[0]);
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.errorCode()).isEqualTo("method_not_allowed");
    assertThat(put.header("Allow")).contains("POST");
    Answer patch = new Fapi(emulator).send("PATCH", "/v1/client", new String[0]);
    assertThat(patch.header("Allow")).contains("DELETE, GET, POST, PUT");
    // clerk-js's _method override counts as the method.
    Answer overridden = new Fapi(emulator).post("/v1/environment?_method=DELETE");
    assertThat(overridden.status()).isEqualTo(405);
    assertThat(new Fapi(emulator).get("/v1/no/such/thing").status()).isEqualTo(404);
    // PUT /v1/client is Clerk's own "Create New Client" (clerk-js's Client.create()), like POST.
    assertThat(new Fapi(emulator).send("PUT", "/v1/client", new String[0]).status()).isEqualTo(200);
  }

  @Test
  void anAdminTokenGuardsTheEmulatorsOwnEndpointsOnly() {
    start(ClerkEmulator.builder().adminToken("s3cret-admin")
        .user(EmulatorUser.builder().email("kai@example.com").password("kai-password-1").build()));
    Fapi fapi = new Fapi(emulator);
    assertThat(fapi.signIn(emulator, "kai@example.com", "kai-password-1")).startsWith("sess_"); // sends a code
    for (String token : new String[] {null, "Bearer wrong", "s3cret-admin"}) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.url() + "/__emulator/outbox"));
      if (token != null) {
        b.header("Authorization", token);
      }
      Answer refused = fapi.raw(b.build());
      assertThat(refused.status()).as(String.valueOf(token)).isEqualTo(401);
      assertThat(refused.errorCode()).isEqualTo("authentication_invalid");
      assertThat(refused.raw()).doesNotContain("s3cret-admin");
    }
    Answer outbox = fapi.raw(HttpRequest.newBuilder(URI.create(emulator.url() + "/__emulator/outbox"))
        .header("Authorization", "Bearer s3cret-admin").build());
    assertThat(outbox.status()).isEqualTo(200);
    assertThat(outbox.json()).containsKey("messages");
    assertThat(Fapi.list(outbox.json().get("messages"))).extracting(m -> m.get("recipient"))
        .containsExactly("kai@example.com");
  }

  @Test
  void withoutAnAdminTokenTheOutboxIsOpenInProcess() {
    start(ClerkEmulator.builder());
    Answer outbox = new Fapi(emulator).get("/__emulator/outbox");
    assertThat(outbox.status()).isEqualTo(200);
    assertThat(outbox.json()).isEqualTo(Map.of("messages", java.util.List.of()));
  }
}
