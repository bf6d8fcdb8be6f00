package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.NoDelayServerSocketFactory;
import io.github.clerk4j.testing.Outbox;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The emulator's HTTP side: a MockWebServer on 127.0.0.1 whose dispatcher parses each request,
 * checks the API version, routes it under the state lock and writes the JSON answer.
 */
public final class EmulatorServer {
  private static final System.Logger LOG = System.getLogger(EmulatorServer.class.getName());
  private static final String HEX = "0123456789abcdef";

  private final EmulatorState state;
  private final Rules rules;
  private final Router router = new Router();
  private final MockWebServer server = new MockWebServer();

  /** Creates a stopped emulator with these settings and seeded users. */
  public EmulatorServer(Settings settings, Clock clock, RandomGenerator random, List<EmulatorUser> users) {
    this.state = new EmulatorState(settings, clock, random);
    this.rules = new Rules(state, new TokenSigner(state.newId("ins")));
    users.forEach(rules.users::addUser);
    Routes.all(state, rules, new Views(state, rules)).forEach(routes -> routes.register(router));
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        return EmulatorServer.this.dispatch(request);
      }
    });
  }

  /** Listens on 127.0.0.1 at {@code port} (0 for any free port). */
  public void start(int port) throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), port);
    state.issuer = url();
  }

  /** The base URL, such as {@code http://127.0.0.1:8787}, without a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public Outbox outbox() {
    return state.outbox;
  }

  /** Adds a user while running; returns its id. */
  public String addUser(EmulatorUser user) {
    synchronized (state.lock) {
      return rules.users.addUser(user);
    }
  }

  public void close() throws IOException {
    server.close();
  }

  private MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
    // MockWebServer keeps every request for takeRequest(); drop one per request so memory stays flat.
    server.takeRequest(0, TimeUnit.NANOSECONDS);
    Request request = parse(recorded);
    String body = recorded.getBody() == null ? "" : recorded.getBody().string(StandardCharsets.UTF_8);
    // Parsed before taking the lock (it reads no state); a malformed form is answered under the
    // lock, after the API version check, as before.
    FormBody form = null;
    ApiException malformed = null;
    try {
      form = FormBody.parse(body);
    } catch (ApiException e) {
      malformed = e;
    }
    Passwords.Precomputed password = form == null ? null : derivePasswordEarly(request, form);
    Exchange exchange = null;
    Response response;
    String traceId;
    synchronized (state.lock) {
      traceId = state.randomString(HEX, 32);
      try {
        checkApiVersion(request);
        if (malformed != null) {
          throw malformed;
        }
        exchange = new Exchange(request.withForm(form), state, rules.sessions, password);
        response = router.route(exchange);
      } catch (ApiException e) {
        response = error(e, traceId);
      } catch (RuntimeException e) {
        // Never echo the exception: its message could carry request data.
        LOG.log(System.Logger.Level.ERROR, "internal error on " + request.method() + " "
            + request.path() + " (trace " + traceId + "): " + e.getClass().getName());
        response = error(ApiException.of(500, "internal_clerk_error", "Oops, an unexpected error occurred",
            "There was an internal error on our servers. We've been notified and are working on fixing it."),
            traceId);
      }
      if (exchange != null && exchange.client != null) {
        response = response.withHeader("Authorization", "Bearer " + exchange.client.token);
      }
    }
    MockResponse.Builder builder = new MockResponse.Builder()
        .code(response.status())
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setHeader("X-Clerk-Trace-Id", traceId)
        .setHeader("Access-Control-Expose-Headers", "Authorization")
        .body(Json.write(response.body()));
    response.headers().forEach(builder::setHeader);
    return builder.build();
  }

  /**
   * The PBKDF2 derivation of a password sign-in ({@code POST /v1/client/sign_ins} with identifier
   * and password, the hot path of every client), done outside the lock so that concurrent
   * sign-ins derive in parallel instead of one at a time. The route still checks the password
   * under the lock, with this derivation if the user's password is still the one it was made
   * for. Other password checks are rare and derive under the lock.
   */
  private Passwords.Precomputed derivePasswordEarly(Request request, FormBody form) {
    if (!"POST".equals(request.method()) || !"/v1/client/sign_ins".equals(request.path())) {
      return null;
    }
    String identifier = form.optional("identifier").orElse("");
    String password = form.optional("password").orElse("");
    if (identifier.isBlank() || password.isEmpty()) {
      return null;
    }
    Passwords.Hash hash;
    synchronized (state.lock) {
      hash = state.findUser(identifier).map(user -> user.password).orElse(null);
    }
    return hash == null ? null : Passwords.precompute(hash, password);
  }

  private static Response error(ApiException e, String traceId) {
    Response response = new Response(e.status, e.body(traceId), new HashMap<>());
    return e.retryAfterSeconds == null ? response
        : response.withHeader("Retry-After", Long.toString(e.retryAfterSeconds));
  }

  /** The API version may come as a header or as a query parameter, not both (Clerk's rule). */
  private static void checkApiVersion(Request request) {
    String header = request.header("clerk-api-version").orElse(null);
    String query = request.queryParam("__clerk_api_version").orElse(null);
    if (header != null && query != null) {
      throw ApiException.of(400, "api_version_invalid", "invalid API version",
          "Give the API version either as the Clerk-API-Version header or as the"
              + " __clerk_api_version query parameter, not both.");
    }
    String version = header != null ? header : query;
    if (version != null && !version.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw ApiException.of(400, "api_version_invalid", "invalid API version",
          "The API version must be a date such as 2026-05-12.");
    }
  }

  private static Request parse(RecordedRequest recorded) {
    HttpUrl url = recorded.getUrl();
    Map<String, String> query = new HashMap<>();
    for (String name : url.queryParameterNames()) {
      String value = url.queryParameter(name);
      query.put(name, value == null ? "" : value);
    }
    String method = recorded.getMethod();
    String override = query.get("_method");
    if ("POST".equals(method) && override != null && !override.isEmpty()) {
      method = override.toUpperCase(java.util.Locale.ROOT); // clerk-js sends PATCH/DELETE this way
    }
    okhttp3.Headers headers = recorded.getHeaders();
    String forwarded = headers.get("X-Forwarded-For");
    String ip = forwarded == null || forwarded.isBlank() ? "127.0.0.1" : forwarded.split(",")[0].trim();
    return new Request(method, url.encodedPath(), query, headers::get, FormBody.empty(), ip, List.of());
  }
}
