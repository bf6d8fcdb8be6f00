package io.github.clerk4j.testing;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal native FAPI client for the tests, written from the wire spec with java.net.http (not
 * the clerk4j SDK): it sends {@code _is_native}, keeps the client token from the
 * {@code Authorization} response header and sends it back.
 */
final class Fapi {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String baseUrl;
  private String token;
  String forwardedFor;
  String userAgent;

  Fapi(ClerkEmulator emulator) {
    this.baseUrl = emulator.url();
  }

  /** One answer: status, headers and parsed body. */
  record Answer(int status, Map<String, List<String>> headers, Object body, String raw) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return (Map<String, Object>) body;
    }

    Map<String, Object> response() {
      return map(json().get("response"));
    }

    Map<String, Object> client() {
      return map(json().get("client"));
    }

    /** The first error's code. */
    String errorCode() {
      return (String) firstError().get("code");
    }

    Map<String, Object> firstError() {
      return map(((List<?>) json().get("errors")).get(0));
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  String token() {
    return token;
  }

  void token(String token) {
    this.token = token;
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  Answer post(String path, String... form) {
    return send("POST", path, form);
  }

  Answer patch(String path, String... form) {
    return send("PATCH", path, form);
  }

  Answer delete(String path) {
    return send("DELETE", path, null);
  }

  Answer send(String method, String path, String[] form) {
    String sep = path.contains("?") ? "&" : "?";
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path + sep + "_is_native=true"))
        .header("clerk-api-version", "2026-05-12");
    if (token != null) {
      b.header("Authorization", token);
    }
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    if (userAgent != null) {
      b.header("User-Agent", userAgent);
    }
    String body = form == null ? "" : encode(form);
    b.header("Content-Type", "application/x-www-form-urlencoded");
    b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return exchange(b.build());
  }

  /** A POST with this body as it is (an image upload), with the client token. */
  Answer upload(String path, String contentType, byte[] body) {
    String sep = path.contains("?") ? "&" : "?";
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path + sep + "_is_native=true"))
        .header("clerk-api-version", "2026-05-12").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", token);
    }
    return exchange(b.build());
  }

  Answer raw(HttpRequest request) {
    return exchange(request);
  }

  private Answer exchange(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      r.headers().firstValue("Authorization").ifPresent(t -> token = t);
      Object body = r.body().isEmpty() ? null : new Moshi.Builder().build().adapter(Object.class).fromJson(r.body());
      return new Answer(r.statusCode(), r.headers().map(), body, r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(String... keysAndValues) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parts.add(URLEncoder.encode(keysAndValues[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  // ---- flows used by many tests ---------------------------------------------------------------

  /** S1 with identifier and password. */
  Answer passwordSignIn(String identifier, String password) {
    return post("/v1/client/sign_ins", "identifier", identifier, "password", password);
  }

  /** Password sign-in, then the client-trust e-mail code if asked; returns the session id. */
  String signIn(ClerkEmulator emulator, String identifier, String password) {
    Answer a = passwordSignIn(identifier, password);
    if ("needs_client_trust".equals(a.response().get("status"))) {
      String id = (String) a.response().get("id");
      post("/v1/client/sign_ins/" + id + "/prepare_second_factor", "strategy", "email_code");
      a = post("/v1/client/sign_ins/" + id + "/attempt_second_factor", "strategy", "email_code",
          "code", emulator.outbox().latestCodeFor(identifier));
    }
    if (!"complete".equals(a.response().get("status"))) {
      throw new AssertionError("sign-in did not complete: " + a.raw());
    }
    return (String) a.response().get("created_session_id");
  }
}
