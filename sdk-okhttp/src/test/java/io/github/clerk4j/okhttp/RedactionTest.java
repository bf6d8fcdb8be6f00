package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.Totp;
import io.github.clerk4j.okhttp.internal.CallContext;
import io.github.clerk4j.okhttp.internal.dto.BackupCodesDto;
import io.github.clerk4j.okhttp.internal.dto.PhoneNumberDto;
import io.github.clerk4j.okhttp.internal.dto.SessionDto;
import io.github.clerk4j.okhttp.internal.dto.TokenDto;
import io.github.clerk4j.okhttp.internal.dto.TotpDto;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.PhoneNumberResource;
import io.github.clerk4j.spi.SessionResource;
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
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No password, code, token or secret used here appears in an exception (message, causes, stack
 * trace) or a {@code toString()}.
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
      List.of(PASSWORD, CODE, TOKEN, "eyJSECRET", ROTATED, SESSION_JWT, TOTP_SECRET, BACKUP_CODE);

  private static final Form SECRET_FORM =
      Form.empty()
          .with("identifier", "jane@example.com")
          .with("password", PASSWORD)
          .with("code", CODE);

  private final WireServer wire =
      new WireServer(OkHttpTransport.builder().readTimeout(Duration.ofMillis(300)));

  @AfterEach
  void close() {
    wire.close();
  }

  private Throwable failure(Consumer<WireServer> enqueue, Endpoint<?> endpoint, String token) {
    enqueue.accept(wire);
    Throwable t =
        catchThrowable(
            () ->
                wire.transport.execute(
                    new FapiRequest<>(endpoint, "sia_1", "sess_1", SECRET_FORM, token)));
    assertThat(t).as("a failure").isNotNull();
    return t;
  }

  private Throwable failure(Consumer<WireServer> enqueue) {
    return failure(enqueue, Endpoint.ATTEMPT_FIRST_FACTOR, TOKEN);
  }

  @Test
  void exceptionsNeverShowSecrets() throws IOException {
    List<Throwable> failures = new ArrayList<>();
    failures.add(
        failure(
            w ->
                w.enqueue(
                    422,
                    "{\"errors\":[{\"code\":\"form_password_incorrect\",\"message\":\"is"
                        + " incorrect\",\"long_message\":\"Password is"
                        + " incorrect.\",\"meta\":{\"param_name\":\"password\"}}],"
                        + "\"clerk_trace_id\":\"tr\"}",
                    "Authorization",
                    ROTATED)));
    failures.add(failure(w -> w.enqueue(429, "", "Retry-After", "3", "Authorization", ROTATED)));
    failures.add(failure(w -> w.enqueue(502, "<html>upstream</html>")));
    failures.add(failure(w -> w.enqueue(200, "<html>not json</html>", "Authorization", ROTATED)));
    failures.add(
        failure(
            w ->
                w.enqueue(
                    200,
                    "{\"response\":{\"object\":\"totp\",\"secret\":\""
                        + TOTP_SECRET
                        + "\",\"backup_codes\":[\""
                        + BACKUP_CODE
                        + "\"],\"verified\":\""
                        + TOTP_SECRET
                        + "\"}}"),
            Endpoint.CREATE_TOTP,
            TOKEN));
    failures.add(
        failure(
            w ->
                w.enqueue(
                    new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build())));
    failures.add(
        failure(
            w ->
                w.enqueue(
                    new MockResponse.Builder()
                        .body("{}")
                        .headersDelay(2, TimeUnit.SECONDS)
                        .build())));
    failures.add(failure(w -> {}, Endpoint.ATTEMPT_FIRST_FACTOR, TOKEN + "\n"));
    failures.add(failure(w -> {}, Endpoint.ATTEMPT_FIRST_FACTOR, "Bearer eyJSECRET\u00e9"));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (OkHttpTransport refused =
        OkHttpTransport.create(URI.create("http://127.0.0.1:" + closedPort))) {
      failures.add(
          catchThrowable(
              () ->
                  refused.execute(
                      new FapiRequest<>(Endpoint.CREATE_SIGN_IN, null, null, SECRET_FORM, TOKEN))));
    }

    assertThat(failures).doesNotContainNull().hasSize(10);
    for (Throwable t : failures) {
      assertNoSecret(everythingShownOf(t), t);
    }
  }

  @Test
  void valuesNeverShowSecrets() {
    FapiRequest<?> request =
        new FapiRequest<>(Endpoint.CREATE_SIGN_IN, null, null, SECRET_FORM, TOKEN);
    SessionResource session =
        new SessionResource(
            "sess_1", "active", null, null, null, SESSION_JWT, null, null, null, null, null, null);
    List<Object> values =
        List.of(
            request,
            SECRET_FORM,
            CallContext.of(request),
            new FapiResponse<>(200, session, null, ROTATED),
            session,
            new Totp(
                "totp_1",
                TOTP_SECRET,
                "otpauth://totp/x?secret=" + TOTP_SECRET,
                false,
                List.of(BACKUP_CODE),
                null,
                null),
            new BackupCodes("bc_1", List.of(BACKUP_CODE), null),
            new PhoneNumberResource(
                "idn_1", "+15555550100", true, true, null, List.of(BACKUP_CODE)),
            new TokenDto("token", SESSION_JWT),
            new SessionDto(
                "sess_1",
                "active",
                null,
                null,
                null,
                new TokenDto("token", SESSION_JWT),
                null,
                null,
                null,
                null,
                null,
                null),
            new TotpDto(
                "totp_1",
                TOTP_SECRET,
                "otpauth://totp/x?secret=" + TOTP_SECRET,
                false,
                List.of(BACKUP_CODE),
                null,
                null),
            new BackupCodesDto("bc_1", List.of(BACKUP_CODE), null),
            new PhoneNumberDto("idn_1", "+15555550100", true, true, null, List.of(BACKUP_CODE)),
            wire.transport);

    for (Object v : values) {
      assertNoSecret(v.toString(), v.getClass().getSimpleName());
    }
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

  private static void assertNoSecret(String shown, Object what) {
    for (String secret : SECRETS) {
      assertThat(shown).as("%s shows a secret", what).doesNotContain(secret);
    }
  }
}
