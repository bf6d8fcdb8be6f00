package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.Totp;
import io.github.clerk4j.okhttp.internal.CallContext;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * No password, code, token or secret appears in what the OkHttp transport makes: its exceptions
 * (messages, causes, stack traces), the refusals it returns, {@code toString()} of its values, and
 * the log lines of clerk4j and OkHttp at every level during a sign-in over it.
 */
class RedactionTest {

  private static final String PASSWORD = "Hunter2-SECRET-pw";
  private static final String CODE = "913377";
  private static final String TOKEN = "Bearer eyJSECRET.client.TOKEN";
  private static final String ROTATED = "Bearer eyJROTATED.client.SECRET";
  private static final String SESSION_JWT = "eyJSESSION.jwt.SECRET";
  private static final String TOTP_SECRET = "JBSWSECRET3DPEHPK";
  private static final String BACKUP_CODE = "bk-SECRET-1";
  private static final List<String> SECRETS =
      List.of(PASSWORD, CODE, TOKEN, "eyJSECRET", ROTATED, "eyJROTATED", SESSION_JWT, TOTP_SECRET, BACKUP_CODE);

  private static final Form SECRET_FORM =
      Form.empty().with("identifier", "jane@example.com").with("password", PASSWORD).with("code", CODE);

  private static FapiRequest attempt(Endpoint endpoint, String token) {
    return new FapiRequest(endpoint, "sia_1", "sess_1", SECRET_FORM, token, Duration.ofSeconds(10));
  }

  /** What a call answered with {@code script} made: the thrown exception, or the returned refusal. */
  private static Object outcome(Consumer<WireServer> script, Endpoint endpoint, String token) {
    try (WireServer wire = new WireServer(OkHttpTransport.builder().readTimeout(Duration.ofMillis(300)))) {
      script.accept(wire);
      Throwable thrown = catchThrowable(() -> wire.execute(attempt(endpoint, token)).error().ifPresent(e -> {
        throw e;
      }));
      assertThat(thrown).as("a failure").isNotNull();
      return thrown;
    }
  }

  private static Object outcome(Consumer<WireServer> script) {
    return outcome(script, Endpoint.ATTEMPT_FIRST_FACTOR, TOKEN);
  }

  @Test
  void failuresNeverShowSecrets() throws IOException {
    List<Object> failures = new ArrayList<>();
    failures.add(outcome(w -> w.enqueue(422, "{\"errors\":[{\"code\":\"form_password_incorrect\",\"message\":\"is"
        + " incorrect\",\"long_message\":\"Password is incorrect.\",\"meta\":{\"param_name\":\"password\"}}],"
        + "\"clerk_trace_id\":\"tr\"}", "Authorization", ROTATED)));
    failures.add(outcome(w -> w.enqueue(429, "", "Retry-After", "3", "Authorization", ROTATED)));
    failures.add(outcome(w -> w.enqueue(502, "<html>upstream " + PASSWORD + "</html>")));
    failures.add(outcome(w -> w.enqueue(200, "<html>not json</html>", "Authorization", ROTATED)));
    failures.add(outcome(w -> w.enqueue(200, "{\"response\":{\"object\":\"totp\",\"id\":\"totp_1\",\"secret\":\""
        + TOTP_SECRET + "\",\"backup_codes\":[\"" + BACKUP_CODE + "\"],\"verified\":\"" + TOTP_SECRET + "\"}}"),
        Endpoint.CREATE_TOTP, TOKEN));
    failures.add(outcome(w -> w.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build())));
    failures.add(outcome(w -> w.enqueue(
        new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build())));
    failures.add(outcome(w -> {}, Endpoint.ATTEMPT_FIRST_FACTOR, TOKEN + "\n"));
    failures.add(outcome(w -> {}, Endpoint.ATTEMPT_FIRST_FACTOR, "Bearer eyJSECRET\u00e9"));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      closedPort = s.getLocalPort();
    }
    try (OkHttpTransport refused = OkHttpTransport.create(URI.create("http://127.0.0.1:" + closedPort))) {
      failures.add(catchThrowable(() -> refused.execute(attempt(Endpoint.CREATE_SIGN_IN, TOKEN))));
    }

    assertThat(failures).doesNotContainNull().hasSize(10);
    assertThat(failures.get(0)).isInstanceOf(ClerkApiException.class);
    assertThat(failures.get(9)).isInstanceOf(ClerkNetworkException.class);
    for (Object failure : failures) {
      assertNoSecret(everythingShownOf((Throwable) failure), failure.getClass().getSimpleName());
    }
  }

  @Test
  void valuesNeverShowSecrets() {
    FapiRequest request = attempt(Endpoint.CREATE_SIGN_IN, TOKEN);
    try (WireServer wire = new WireServer()) {
      wire.enqueue(422, "{\"errors\":[{\"code\":\"form_code_incorrect\",\"message\":\"m\",\"long_message\":\"l\"}]}",
          "Authorization", ROTATED);
      FapiResponse refusal = wire.execute(request);
      List<Object> values = List.of(request, SECRET_FORM, CallContext.of(request), refusal,
          FapiResponse.of(200, null, null, ROTATED), wire.transport);

      for (Object v : values) {
        assertNoSecret(v.toString(), v.getClass().getSimpleName());
      }
    }
  }

  /** A sign-in with a wrong password, a dropped attempt, MFA, finalize and a TOTP enrolment. */
  @Test
  void logsOfASignInOverOkHttpNeverShowSecrets() {
    List<String> shown = new ArrayList<>();
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    Handler capture = new Handler() {
      private final SimpleFormatter format = new SimpleFormatter();

      @Override
      public void publish(LogRecord r) {
        synchronized (shown) { // clerk4j and OkHttp log from their own threads too
          shown.add(format.format(r));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    try (WireServer wire = new WireServer();
        Clerk clerk = Clerk.builder().frontendApiUrl(wire.origin()).transport(url -> wire.transport).build()) {
      wire.enqueue(422, "{\"errors\":[{\"code\":\"form_password_incorrect\",\"message\":\"is incorrect\","
          + "\"long_message\":\"Password is incorrect.\",\"meta\":{\"param_name\":\"password\"}}]}",
          "Authorization", ROTATED);
      shown.add(everythingShownOf(catchThrowableOfType(ClerkApiException.class,
          () -> clerk.signIn().password("jane@example.com", PASSWORD))));
      wire.enqueue(200, signIn("needs_second_factor", null), "Authorization", ROTATED);
      SignIn signIn = clerk.signIn().password("jane@example.com", PASSWORD);
      wire.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      shown.add(everythingShownOf(catchThrowableOfType(ClerkNetworkException.class,
          () -> signIn.mfa().verifyTOTP(CODE))));
      wire.enqueue(200, signIn("complete", "sess_1"), "Authorization", ROTATED);
      SignIn complete = signIn.mfa().verifyTOTP(CODE);
      wire.enqueue(200, "{\"response\":" + SESSION + ",\"client\":null}");
      Session session = complete.finalize(Navigate.none());
      wire.enqueue(200, "{\"response\":{\"object\":\"totp\",\"id\":\"totp_1\",\"secret\":\"" + TOTP_SECRET
          + "\",\"uri\":\"otpauth://totp/x?secret=" + TOTP_SECRET + "\",\"verified\":false,\"backup_codes\":[\""
          + BACKUP_CODE + "\"]},\"client\":null}");
      Totp totp = session.user().orElseThrow().createTOTP();

      assertThat(totp.secret()).as("the flow ran to its end").isEqualTo(TOTP_SECRET);
      shown.add(clerk.toString() + session + totp);
    } finally {
      root.removeHandler(capture);
      root.setLevel(level);
    }

    assertThat(shown).as("log lines").hasSizeGreaterThan(10);
    synchronized (shown) {
      for (String line : shown) {
        assertNoSecret(line, "a log line or value");
      }
    }
  }

  private static final String SESSION = "{\"object\":\"session\",\"id\":\"sess_1\",\"status\":\"active\","
      + "\"last_active_token\":{\"object\":\"token\",\"jwt\":\"" + SESSION_JWT + "\"},"
      + "\"user\":{\"object\":\"user\",\"id\":\"user_1\",\"totp_enabled\":false}}";

  private static String signIn(String status, String createdSessionId) {
    String client = createdSessionId == null ? "null"
        : "{\"object\":\"client\",\"id\":\"client_1\",\"sessions\":[" + SESSION + "],\"sign_in\":null,"
            + "\"last_active_session_id\":\"sess_1\"}";
    return "{\"response\":{\"object\":\"sign_in_attempt\",\"id\":\"sia_1\",\"status\":\"" + status + "\","
        + "\"supported_second_factors\":[{\"strategy\":\"totp\"}],\"created_session_id\":"
        + (createdSessionId == null ? "null" : "\"" + createdSessionId + "\"") + "},\"client\":" + client + "}";
  }

  private static String everythingShownOf(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    StringBuilder all = new StringBuilder(out.toString());
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append('\n').append(c).append('\n').append(c.getLocalizedMessage());
    }
    return all.toString();
  }

  /** Checks without quoting: a failure must not print the secret it found. */
  private static void assertNoSecret(String shown, Object what) {
    for (int i = 0; i < SECRETS.size(); i++) {
      assertThat(shown.contains(SECRETS.get(i))).as("%s shows secret #%d (not repeated here)", what, i).isFalse();
    }
  }
}
