package io.github.clerk4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.clerk4j.testing.transport.RecordedAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local server that answers the client-trust and password sign-ins with Clerk's recorded
 * responses (the Flutter SDK's recordings that clerk4j-testing ships), so that a client benchmark
 * measures clients and not the emulator's rules. Sent compact, as Clerk sends JSON: the
 * recordings are stored indented, and a third of their bytes as stored is indentation that a
 * parser would skip on the benchmark's machine only. On 127.0.0.1 with TCP_NODELAY
 * (the JDK server writes headers and body separately: without it each answer waits for a delayed
 * ACK). Every answer carries the same client token in {@code Authorization}, as FAPI does when
 * it does not rotate.
 *
 * <ul>
 *   <li>{@code POST /v1/client/sign_ins}: with {@code identifier=} {@value #TRUSTED} the recorded
 *       password sign-in that is {@code complete} (a trusted device); any other identifier gets
 *       the recorded {@code needs_client_trust}.
 *   <li>{@code POST .../SIGN_IN_ID/prepare_second_factor} and {@code attempt_second_factor}: the
 *       recorded code sent, and the recorded {@code complete}.
 *   <li>{@code POST /v1/client/sessions/SESSION_ID/touch}: the recorded session with the signed-in
 *       client piggybacked (no recording exists; both parts are cut out of the recorded complete
 *       sign-in).
 *   <li>{@code GET /ping}: {@code ok}, for the minimal HTTP program of the cold-start benchmark.
 * </ul>
 *
 * Anything else is a 404 (a benchmark that gets one is broken and says so).
 */
final class ReplayServer implements AutoCloseable {

  /** The identifier whose password sign-in is complete at once. */
  static final String TRUSTED = "trusted@example.com";
  /** The identifier whose password sign-in needs client trust (the recordings' user). */
  static final String UNTRUSTED = "jane+clerk_test@example.com";
  static final String PASSWORD = "correct horse battery staple";
  /** The code the recorded attempt was made with. */
  static final String CODE = "424242";
  /** A JWT in the shape of a client token ({@code iat} claim), sent with every answer. */
  static final String CLIENT_TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9."
      + "eyJpZCI6IkNMSUVOVF9JRCIsInJvdGF0aW5nX3Rva2VuIjoiYWJjIiwiaWF0IjoxNzY3MjExMjAwfQ.c2lnbmF0dXJl";

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, byte[]> posts;
  private final byte[] passwordComplete;

  ReplayServer() throws IOException {
    String clientTrust = recorded("flutter-sign_in-create-password-needs_client_trust");
    String prepared = recorded("flutter-sign_in-prepare_second_factor-email_code");
    String complete = recorded("flutter-sign_in-attempt_second_factor-email_code-complete");
    String client = recorded("flutter-sign_in-attempt_second_factor-email_code-complete", "client");
    String session = recorded("flutter-sign_in-attempt_second_factor-email_code-complete", "client", "sessions", 0);
    posts = Map.of(
        "/v1/client/sign_ins", utf8(clientTrust),
        "/v1/client/sign_ins/SIGN_IN_ID/prepare_second_factor", utf8(prepared),
        "/v1/client/sign_ins/SIGN_IN_ID/attempt_second_factor", utf8(complete),
        "/v1/client/sessions/SESSION_ID/touch", utf8("{\"response\":" + session + ",\"client\":" + client + "}"));
    passwordComplete = utf8(recorded("flutter-sign_in-attempt_first_factor-password-complete"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "replay-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request;
      try (InputStream in = exchange.getRequestBody()) {
        request = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getRawPath();
      byte[] body;
      if (exchange.getRequestMethod().equals("GET") && path.equals("/ping")) {
        body = utf8("ok");
      } else if (!exchange.getRequestMethod().equals("POST")) {
        body = null;
      } else if (path.equals("/v1/client/sign_ins")
          && new String(request, StandardCharsets.UTF_8).contains("identifier=trusted%40example.com")) {
        body = passwordComplete;
      } else {
        body = posts.get(path);
      }
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Authorization", CLIENT_TOKEN);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A recorded answer's body, or a value in it, compact. */
  private static String recorded(String recording, Object... path) {
    return compact(RecordedAnswers.body(recording, path));
  }

  /** {@code json} without whitespace outside its strings: the same tokens, as Clerk sends them. */
  static String compact(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i)); // the escaped character, a quote perhaps
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
