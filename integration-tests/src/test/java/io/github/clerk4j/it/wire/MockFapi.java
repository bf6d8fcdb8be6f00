package io.github.clerk4j.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;

/**
 * A MockWebServer on loopback (TCP_NODELAY) and a {@link Clerk} pointed at it with the real OkHttp
 * transport (found by ServiceLoader, as in an app) and a retry policy whose sleeper records
 * instead of sleeping.
 *
 * <p>Every successful answer enqueued with {@link #ok(String)} carries a new {@code Authorization}
 * header ({@code Bearer client-token-1}, {@code -2}, ...), and {@link #expect(String, String)}
 * checks that each request sends the one of the latest such answer (none before the first), along
 * with what every native FAPI request must carry. Take every request with {@code expect}: {@link
 * #close()} fails the test if the server received one that was not checked.
 */
final class MockFapi implements AutoCloseable {

  static final String API_VERSION = "2026-05-12";
  private static final String FORM = "application/x-www-form-urlencoded";

  final MockWebServer server = new MockWebServer();
  final Clerk clerk;
  /** Every wait of the retry policy, in order. */
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** Per enqueued answer, in order: the {@code Authorization} header it sets, or null for none. */
  private final List<String> answerTokens = new ArrayList<>();
  private int tokensIssued;
  private String expectedAuthorization;
  private int checked;

  MockFapi() {
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // jitter 1.0: each backoff is its ceiling, so the recorded waits are exact
    RetryPolicy retries = RetryPolicy.builder().sleeper(sleeps::add).jitter(() -> 1.0).build();
    clerk = Clerk.builder().frontendApiUrl(server.url("/").uri()).retryPolicy(retries).build();
  }

  // ---------------------------------------------------------------- answers

  /** HTTP 200 with {@code body} and a rotated client token. */
  void ok(String body) {
    ok(body, "Bearer client-token-" + (++tokensIssued));
  }

  /**
   * HTTP 200 with {@code body} and this {@code Authorization} header; an empty value or a bare
   * {@code Bearer} means "the client is signed out" (wire spec §1.2).
   */
  void ok(String body, String authorization) {
    enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Authorization", authorization).body(body).build(), authorization);
  }

  /** {@link #ok(String)} with {@code {response, client}}. */
  void ok(Object response, Object client) {
    ok(Fapi.envelope(response, client));
  }

  /** An answer without a client token (errors, broken bodies); headers as name, value pairs. */
  void answer(int status, String body, String... headerNamesAndValues) {
    enqueue(new MockResponse.Builder().code(status).headers(Headers.of(headerNamesAndValues))
        .body(body).build(), null);
  }

  /** The server reads the whole request, then closes the connection without answering. */
  void dropAfterRequest() {
    enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(), null);
  }

  private void enqueue(MockResponse response, String token) {
    server.enqueue(response);
    answerTokens.add(token);
  }

  /** The client token was cleared locally (sign-out): the next request must carry none. */
  void tokenCleared() {
    expectedAuthorization = null;
  }

  /** The {@code Authorization} the next request must carry, or null. */
  String currentToken() {
    return expectedAuthorization;
  }

  // ---------------------------------------------------------------- signed-in state

  /**
   * Loads a client with one active session ({@link Fapi#signedInClient()}) through {@code GET
   * /v1/client}, checks that request, and returns the session's user.
   */
  User signedIn() {
    return signedIn(Fapi.signedInClient());
  }

  /** {@link #signedIn()} with this client, whose last active session must be active or pending. */
  User signedIn(Object client) {
    ok(client, null);
    clerk.loadClient();
    expect("GET", "/v1/client").noBody();
    return clerk.user().orElseThrow();
  }

  // ---------------------------------------------------------------- requests

  /**
   * The next request: method and path as given, {@code _is_native=true}, the API version as a
   * header and never as {@code __clerk_api_version}, the latest client token (or none), no {@code
   * Origin}, clerk4j's {@code User-Agent}; {@code /v1/client...} calls carry no {@code
   * _clerk_session_id}. Check the query and body on the result.
   */
  Sent expect(String method, String path) {
    Sent sent = received(method, path);
    if (path.startsWith("/v1/client")) {
      assertThat(sent.request.getUrl().queryParameterNames()).as("query of %s", sent.what).isEqualTo(Set.of("_is_native"));
    }
    return sent;
  }

  /**
   * {@link #expect} for a {@code /v1/client...} call that carries one more query parameter,
   * such as the {@code rotating_token_nonce} of a reload after a browser round trip.
   */
  Sent expectQuery(String method, String path, String name, String value) {
    Sent sent = received(method, path);
    assertThat(sent.request.getUrl().queryParameterNames()).as("query of %s", sent.what)
        .isEqualTo(Set.of("_is_native", name));
    assertThat(sent.request.getUrl().queryParameterValues(name)).as("%s of %s", name, sent.what).containsExactly(value);
    return sent;
  }

  private Sent received(String method, String path) {
    RecordedRequest r;
    try {
      r = server.takeRequest(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    assertThat(r).as("request %d (%s %s) reached the server", checked + 1, method, path).isNotNull();
    checked++;
    String what = method + " " + path;
    assertThat(r.getMethod()).as("method of %s", what).isEqualTo(method);
    assertThat(r.getUrl().encodedPath()).as("path of %s", what).isEqualTo(path);
    assertThat(r.getUrl().queryParameterValues("_is_native")).as("_is_native of %s", what).containsExactly("true");
    assertThat(r.getUrl().queryParameterNames()).as("query of %s", what).doesNotContain("__clerk_api_version");
    assertThat(r.getHeaders().values("clerk-api-version")).as("clerk-api-version of %s", what)
        .containsExactly(API_VERSION);
    assertThat(r.getHeaders().get("Origin")).as("Origin of %s", what).isNull();
    assertThat(r.getHeaders().values("User-Agent")).as("User-Agent of %s", what)
        .singleElement().asString().matches("clerk4j/[^ ]+ \\(Java [^)]+\\)");
    List<String> authorization = r.getHeaders().values("Authorization");
    if (expectedAuthorization == null) {
      assertThat(authorization).as("Authorization of %s", what).isEmpty();
    } else {
      assertThat(authorization).as("Authorization of %s (the previous answer's)", what)
          .containsExactly(expectedAuthorization);
    }
    // the answer to this request is the one enqueued in the same position
    String token = checked <= answerTokens.size() ? answerTokens.get(checked - 1) : null;
    if (token != null) {
      expectedAuthorization = token.isBlank() || token.trim().equalsIgnoreCase("Bearer") ? null : token;
    }
    return new Sent(r, what);
  }

  /** {@link #expect} for a {@code /v1/me} call: {@code _clerk_session_id} names the session. */
  Sent expectMe(String method, String path, String sessionId) {
    Sent sent = expect(method, path);
    assertThat(sent.request.getUrl().queryParameterNames()).as("query of %s", sent.what)
        .isEqualTo(Set.of("_is_native", "_clerk_session_id"));
    assertThat(sent.request.getUrl().queryParameter("_clerk_session_id")).as("_clerk_session_id of %s", sent.what)
        .isEqualTo(sessionId);
    return sent;
  }

  /** How many requests reached the server. */
  int requestCount() {
    return server.getRequestCount();
  }

  /**
   * Closes the Clerk and the server; fails if the server received a request the test did not
   * check (an unexpected retry or call).
   */
  @Override
  public void close() {
    int received = server.getRequestCount();
    try {
      clerk.close();
    } finally {
      server.close();
    }
    assertThat(received).as("requests the server received vs. requests the test checked").isEqualTo(checked);
  }

  /** One received request, for assertions on its body. */
  static final class Sent {
    final RecordedRequest request;
    final String what;

    Sent(RecordedRequest request, String what) {
      this.request = request;
      this.what = what;
    }

    /**
     * The form body has exactly these fields ({@code key, value, ...}, decoded; in any order, no
     * others, none twice), sent as {@code application/x-www-form-urlencoded}.
     */
    Sent form(String... keysAndValues) {
      assertThat(keysAndValues.length % 2).as("key/value pairs").isZero();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        expected.add(keysAndValues[i] + "=" + keysAndValues[i + 1]);
      }
      assertThat(request.getHeaders().get("Content-Type")).as("Content-Type of %s", what).startsWith(FORM);
      assertThat(fields()).as("form fields of %s", what).containsExactlyInAnyOrderElementsOf(expected);
      return this;
    }

    /** The body byte for byte. */
    Sent rawBody(String expected) {
      assertThat(body()).as("body of %s", what).isEqualTo(expected);
      return this;
    }

    /** No body at all (GET, DELETE). */
    Sent noBody() {
      assertThat(request.getBodySize()).as("body size of %s", what).isZero();
      return this;
    }

    String body() {
      return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    }

    /** The decoded {@code key=value} pairs of the form body, in order. */
    List<String> fields() {
      String body = body();
      if (body.isEmpty()) {
        return List.of();
      }
      return Arrays.stream(body.split("&", -1))
          .map(pair -> {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            return URLDecoder.decode(key, StandardCharsets.UTF_8) + "="
                + URLDecoder.decode(value, StandardCharsets.UTF_8);
          })
          .toList();
    }
  }
}
