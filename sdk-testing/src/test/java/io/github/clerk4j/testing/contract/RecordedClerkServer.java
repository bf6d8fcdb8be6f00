package io.github.clerk4j.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A MockWebServer that answers the client-trust sign-in flow with Clerk's recorded responses
 * ({@link RecordedFixture}), the way clerk-js runs it: environment, client, sign-in create with
 * password ({@code needs_client_trust}), prepare and attempt second factor ({@code complete}),
 * touch, tokens.
 *
 * <p>Every response carries a new client token in its {@code Authorization} header, so a test can
 * check that the client sends back the newest one each time (wire spec §1.2). Every exchange is
 * kept, request and response, for the test to assert on and to validate against the contract.
 */
final class RecordedClerkServer extends ExchangeRecordingServer<RecordedClerkServer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION_ID = "SESSION_ID";

  private final AtomicInteger tokens = new AtomicInteger();

  @Override
  MockResponse answer(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    // clerk-js sends every non-GET as POST, with the real verb in `_method` (wire spec §1.3).
    String method = url.queryParameter("_method") != null ? url.queryParameter("_method") : request.getMethod();
    int status = 200;
    String body;
    if (method.equals("GET") && path.equals("/v1/environment")) {
      body = fixture("flutter-environment");
    } else if (method.equals("GET") && path.equals("/v1/client")) {
      // Not recorded: a client token that names no client yet. Clerk answers an empty envelope
      // (wire spec §1.2: GET /v1/client "can return response: null").
      body = "{\"response\":null,\"client\":null}";
    } else if (method.equals("POST") && path.equals("/v1/client/sign_ins")) {
      body = fixture("flutter-sign_in-create-password-needs_client_trust");
    } else if (method.equals("POST") && path.equals("/v1/client/sign_ins/SIGN_IN_ID/prepare_second_factor")) {
      body = fixture("flutter-sign_in-prepare_second_factor-email_code");
    } else if (method.equals("POST") && path.equals("/v1/client/sign_ins/SIGN_IN_ID/attempt_second_factor")) {
      body = fixture("flutter-sign_in-attempt_second_factor-email_code-complete");
    } else if (method.equals("POST") && path.equals("/v1/client/sessions/" + SESSION_ID + "/touch")) {
      body = touchResponse();
    } else if (method.equals("POST") && path.equals("/v1/client/sessions/" + SESSION_ID + "/tokens")) {
      body = "{\"object\":\"token\",\"jwt\":\"" + sessionJwt() + "\"}";
    } else {
      status = 404;
      body = "{\"errors\":[{\"code\":\"resource_not_found\",\"message\":\"not found\","
          + "\"long_message\":\"The replay server has no recorded response for " + method + " " + path + "\","
          + "\"meta\":{}}],\"clerk_trace_id\":\"replay\"}";
    }
    String token = "Bearer replay-client-token-" + tokens.incrementAndGet();
    exchanges.add(new WireExchange(method, path, query(url), headers(request),
        request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8),
        status, body, token));
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("Authorization", token)
        .body(body)
        .build();
  }

  private static String fixture(String name) {
    return RecordedFixture.named(name).bodyJson();
  }

  /**
   * Not recorded: Clerk answers a touch with {@code {response: <session>, client}}. The session and
   * client are the ones the recorded attempt_second_factor response piggybacked.
   */
  private static String touchResponse() {
    JsonNode complete = RecordedFixture.named("flutter-sign_in-attempt_second_factor-email_code-complete").body();
    ObjectNode out = JSON.createObjectNode();
    out.set("response", complete.get("client").get("sessions").get(0));
    out.set("client", complete.get("client"));
    return out.toString();
  }

  /** A structurally valid, unsigned session JWT: clerk-js decodes the claims, it cannot check a signature. */
  private static String sessionJwt() {
    long now = Instant.now().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"replay\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(String.format(Locale.ROOT,
        "{\"sid\":\"%s\",\"sub\":\"USER_ID\",\"iss\":\"https://replay.clerk4j.test\",\"iat\":%d,\"nbf\":%d,\"exp\":%d}",
        SESSION_ID, now, now, now + 60).getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + "." + b64.encodeToString("unsigned".getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, List<String>> query(HttpUrl url) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      out.put(name, new ArrayList<>(url.queryParameterValues(name)));
    }
    return out;
  }

  static Map<String, String> headers(RecordedRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    request.getHeaders().forEach(h -> out.put(h.getFirst().toLowerCase(Locale.ROOT), h.getSecond()));
    return out;
  }
}
