package io.github.clerk4j.testing.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.clerk4j.AttemptFirstFactorParams;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkError;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.EmailAddress;
import io.github.clerk4j.Factor;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.PhoneNumber;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInCreateParams;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.Verification;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.FilePart;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link Transport}, as tests that any {@link TransportFactory} must pass: extend
 * this class in a test and say which factory to check.
 *
 * <pre>{@code
 * class MyTransportContractTest extends TransportContractSuite {
 *   @Override
 *   protected TransportFactory transportFactory() {
 *     return MyTransport::new;
 *   }
 * }
 * }</pre>
 *
 * <p>Each test runs its own scripted Frontend API on 127.0.0.1 and checks, through public API only
 * ({@link FapiResponse}'s accessors, the exceptions, the requests the server received, and real
 * {@link Clerk} flows built with the factory):
 *
 * <ul>
 *   <li>every {@link Endpoint}: method, path, query, headers and the exact form body, and that a
 *       realistic answer (Clerk's recorded responses where they exist) comes back decoded with its
 *       client and rotated client token;
 *   <li>refusals: Clerk's error envelope with its field errors, {@code Retry-After} on a 429 and a
 *       503, a proxy's HTML page, and that a client token is taken only from Clerk's own envelope;
 *   <li>broken answers: empty, cut off, not JSON, a resource without its id, a body that breaks
 *       off; network failures, each with the right {@link
 *       ClerkNetworkException#requestMayHaveBeenSent()}; a stalled server within the request's
 *       timeout;
 *   <li>at most once: whatever fails, the server saw the request once (no retry, redirect or
 *       authentication challenge answered by the HTTP stack);
 *   <li>{@code close()}, thread safety, and the JSON of real answers reaching core intact
 *       (non-ASCII text, escapes, numbers as written, members core does not know).
 * </ul>
 *
 * Needs JUnit Jupiter and clerk4j-core on the test class path (both optional dependencies of
 * clerk4j-testing). Every test is bounded in time and stops by itself. A transport that cannot
 * meet one check for a good reason may override that test method and disable it, saying why.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportContractSuite {

  /** A client token as FAPI issues them; only ever compared, never shown in a failure. */
  private static final String CLIENT_TOKEN = "Bearer eyJjbGllbnQiOiJzdWl0ZSJ9.suite-client-token.c2ln";
  private static final String SECRET_PASSWORD = "suite-SECRET-password";
  /** What no exception may show, by what it is. */
  private static final Map<String, String> SECRETS =
      Map.of("password", SECRET_PASSWORD, "client token", "suite-client-token");
  private static final String ROTATED = "Bearer eyJyb3RhdGVkIjp0cnVlfQ.suite-rotated-token.c2ln";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String API_VERSION = "2026-05-12";
  private static final String EMAIL = "jane+clerk_test@example.com";

  private ScriptedServer server;
  private Transport transport;

  /**
   * {@return the factory under test} Called once or more per test; each transport it makes is
   * closed.
   */
  protected abstract TransportFactory transportFactory();

  @BeforeEach
  final void startServerAndTransport() {
    server = new ScriptedServer();
    transport = create(server.origin());
  }

  @AfterEach
  final void closeTransportAndServer() {
    try {
      if (transport != null) {
        transport.close();
      }
    } finally {
      server.close();
    }
  }

  private Transport create(URI frontendApiUrl) {
    Transport t = transportFactory().create(frontendApiUrl);
    assertNotNull(t, "the factory returned no transport");
    return t;
  }

  // ---------------------------------------------------------------- requests

  /**
   * Every endpoint, with and without a client token, goes out as its javadoc says.
   *
   * @return a test per endpoint case
   */
  @TestFactory
  public Stream<DynamicTest> everyEndpointIsSentAsSpecifiedAndItsAnswerDecoded() {
    return EndpointCase.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      int before = server.requestCount();
      server.answer(200, c.answer(), "Authorization", ROTATED, "Content-Type", "application/json");
      FapiResponse answered = transport.execute(c.request(CLIENT_TOKEN));
      assertSentAsSpecified(c, server.take(), CLIENT_TOKEN);
      assertEquals(200, answered.httpStatus(), c + ": status");
      assertTrue(answered.error().isEmpty(), c + ": a 2xx is no refusal");
      assertNotNull(answered.response(), c + ": the answer's resource");
      assertEquals(c.piggybacksClient(), answered.client() != null, c + ": the piggybacked client");
      assertTrue(ROTATED.equals(answered.clientToken()), c + ": the Authorization header of the answer, verbatim");

      server.answer(200, c.answer());
      FapiResponse withoutToken = transport.execute(c.request(null));
      assertSentAsSpecified(c, server.take(), null);
      assertNull(withoutToken.clientToken(), c + ": an answer without Authorization carries no token");
      assertEquals(before + 2, server.requestCount(), c + ": each call is sent once");
    }));
  }

  /** The suite's table names every endpoint of the clerk4j-core it runs with. */
  @Test
  public void theSuiteCoversEveryEndpoint() {
    Set<Endpoint> covered = EndpointCase.all().stream().map(EndpointCase::endpoint)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Endpoint.class)));
    assertEquals(EnumSet.allOf(Endpoint.class), covered, "endpoints the suite does not check yet");
  }

  /** The fields of a GET's or DELETE's form are its query parameters, encoded. */
  @Test
  public void theFormOfAGetOrADeleteIsItsQuery() {
    for (EndpointCase c : List.of(
        new EndpointCase(Endpoint.GET_CLIENT, null, null, EndpointCase.form("a&b", "c=d+e f", "ö", "/?#"), "GET",
            "/v1/client", "", Answers.envelope(Answers.NEW_CLIENT, null), false),
        new EndpointCase(Endpoint.DELETE_TOTP, null, "SESSION_ID", EndpointCase.form("reason", "lost phone"),
            "DELETE", "/v1/me/totp", "", Answers.envelope(Answers.DELETED_TOTP, null), false))) {
      server.answer(200, c.answer());
      transport.execute(c.request(CLIENT_TOKEN));
      assertSentAsSpecified(c, server.take(), CLIENT_TOKEN);
    }
  }

  /** A {@code /v1/me} call without a session leaves {@code _clerk_session_id} out (FAPI then uses the last active). */
  @Test
  public void aMeCallWithoutASessionLeavesTheSessionParameterOut() {
    EndpointCase c = new EndpointCase(Endpoint.GET_USER, null, null, Form.empty(), "GET", "/v1/me", "",
        Answers.envelope(Answers.USER, Answers.SIGNED_IN_CLIENT), true);
    server.answer(200, c.answer());
    transport.execute(c.request(CLIENT_TOKEN));
    assertSentAsSpecified(c, server.take(), CLIENT_TOKEN);
  }

  /** Ids go into the path as one escaped segment each, never as more path. */
  @Test
  public void pathParametersAreEscapedAsOneSegment() {
    server.answer(200, Answers.recorded(Answers.NEEDS_FIRST_FACTOR));
    transport.execute(request(Endpoint.GET_SIGN_IN, "a b/c?d#e", null, Form.empty(), null, TIMEOUT));
    assertEquals("/v1/client/sign_ins/a%20b%2Fc%3Fd%23e", server.take().getUrl().encodedPath());

    server.answer(200, Answers.envelope(Answers.SESSION, null));
    transport.execute(request(Endpoint.TOUCH_SESSION, null, "sess/1", Form.empty(), null, TIMEOUT));
    assertEquals("/v1/client/sessions/sess%2F1/touch", server.take().getUrl().encodedPath());
  }

  /** A Frontend API behind a proxy path ({@code https://example.com/__clerk}) keeps the prefix. */
  @Test
  public void aPathOfTheFrontendApiUrlIsKeptAsAPrefix() {
    for (String prefix : List.of("/__clerk", "/__clerk/")) {
      try (Transport proxied = create(URI.create(server.origin() + prefix))) {
        server.answer(200, Answers.envelope(Answers.NEW_CLIENT, null));
        proxied.execute(request(Endpoint.GET_CLIENT, null, null, Form.empty(), null, TIMEOUT));
        assertEquals("/__clerk/v1/client", server.take().getUrl().encodedPath(), "with the prefix " + prefix);
      }
    }
  }

  // ---------------------------------------------------------------- answers that decode

  /** The answer's headers are read case-insensitively: HTTP/2 and many proxies send lower case. */
  @Test
  public void headersOfTheAnswerAreReadWhateverTheirCase() {
    server.answer(200, Answers.envelope(Answers.SIGNED_IN_CLIENT, null), "authorization", ROTATED);
    assertTrue(ROTATED.equals(execute(Endpoint.GET_CLIENT).clientToken()), "a lower-case authorization header");

    server.answer(429, "", "retry-after", "7");
    assertEquals(Duration.ofSeconds(7), refusal(execute(Endpoint.CREATE_SIGN_IN)).retryAfter().orElse(null),
        "a lower-case retry-after header");
  }

  /** An empty {@code Authorization} and a bare {@code Bearer} mean "signed out": core gets them as sent. */
  @Test
  public void aClearedClientTokenReachesCoreAsSent() {
    for (String cleared : List.of("Bearer", "")) {
      server.answer(200, Answers.envelope(Answers.NEW_CLIENT, null), "Authorization", cleared);
      assertEquals(cleared, execute(Endpoint.DELETE_CLIENT).clientToken(),
          "the Authorization header '" + cleared + "' of a sign-out");
    }
  }

  /** A chunked answer decodes as a sized one. */
  @Test
  public void aChunkedAnswerDecodes() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Authorization", ROTATED)
        .chunkedBody(Answers.recorded(Answers.CLIENT_TRUST), 97).build());
    FapiResponse r = execute(Endpoint.CREATE_SIGN_IN);
    assertNotNull(r.response(), "the sign-in of a chunked answer");
    assertNotNull(r.client(), "the client of a chunked answer");
  }

  /** A transport that asks for a compressed answer ({@code Accept-Encoding: gzip}) decompresses it. */
  @Test
  public void aCompressedAnswerThatWasAskedForDecodes() {
    server.dispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String accepted = request.getHeaders().get("Accept-Encoding");
        String body = Answers.recorded(Answers.CLIENT_TRUST);
        if (accepted == null || !accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
          return new MockResponse.Builder().code(200).body(body).build();
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Encoding", "gzip").body(gzip(body)).build();
      }
    });
    assertNotNull(execute(Endpoint.CREATE_SIGN_IN).response(), "the sign-in of a gzip answer");
  }

  /** {@code {"response": null}} of {@code GET /v1/client} is a client the server does not know: no error. */
  @Test
  public void anUnknownClientIsNoError() {
    server.answer(200, "{\"response\":null,\"client\":null}");
    FapiResponse r = execute(Endpoint.GET_CLIENT);
    assertNull(r.response(), "no client");
    assertTrue(r.error().isEmpty(), "no refusal");
  }

  // ---------------------------------------------------------------- refusals

  /** A 422 with Clerk's error envelope: its errors by field, its trace id, and its rotated token. */
  @Test
  public void aRefusalCarriesClerksErrorsByFieldAndItsToken() {
    server.answer(422, """
        {"errors":[{"code":"form_identifier_not_found","message":"Couldn't find your account.",\
        "long_message":"Couldn't find your account.","meta":{"param_name":"identifier"}},\
        {"code":"form_password_incorrect","message":"Password is incorrect. Try again, or use another method.",\
        "long_message":"Password is incorrect. Try again, or use another method.",\
        "meta":{"param_name":"password"}}],"meta":{},"clerk_trace_id":"trace-422"}""",
        "Authorization", ROTATED, "Content-Type", "application/json");
    FapiResponse r = execute(Endpoint.CREATE_SIGN_IN);
    ClerkApiException e = refusal(r);
    assertEquals(422, r.httpStatus());
    assertEquals(422, e.httpStatus());
    assertFalse(e instanceof ClerkRateLimitException, "a 422 is no rate limit");
    assertEquals(List.of("form_identifier_not_found", "form_password_incorrect"),
        e.errors().stream().map(ClerkError::code).toList());
    assertEquals(Set.of("identifier", "password"), e.fieldErrors().keySet());
    assertEquals("Password is incorrect. Try again, or use another method.",
        Objects.requireNonNull(e.fieldErrors().get("password"), "the password's error").message());
    assertEquals("trace-422", e.traceId());
    assertTrue(ROTATED.equals(r.clientToken()), "the token of a refusal in Clerk's envelope (FAPI may issue one then)");
    assertNull(r.response(), "a refusal has no resource");
  }

  /** A 429 is a {@link ClerkRateLimitException} with the server's {@code Retry-After}. */
  @Test
  public void aRateLimitCarriesRetryAfter() {
    server.answer(429, "{\"errors\":[{\"code\":\"too_many_requests\",\"message\":\"Too many requests\","
        + "\"long_message\":\"Too many requests. Please try again in a bit.\"}]}", "Retry-After", "12");
    ClerkApiException e = refusal(execute(Endpoint.ATTEMPT_FIRST_FACTOR));
    ClerkRateLimitException limited = assertInstanceOf(ClerkRateLimitException.class, e, "a 429");
    assertEquals(Duration.ofSeconds(12), limited.retryAfter().orElse(null));
    assertTrue(limited.isTooManyRequests());

    server.answer(429, "");
    ClerkApiException bare = refusal(execute(Endpoint.ATTEMPT_FIRST_FACTOR));
    assertInstanceOf(ClerkRateLimitException.class, bare, "a 429 without a body");
    ClerkError synthesized = bare.firstError();
    assertNotNull(synthesized, "core makes an error for a 429 without a body");
    assertEquals("http_429", synthesized.code());
  }

  /** A 503's {@code Retry-After}, in seconds or as an HTTP date, reaches core, which honours it as for a 429. */
  @Test
  public void anUnavailableServersRetryAfterReachesCore() {
    server.answer(503, "{\"errors\":[{\"code\":\"service_unavailable\",\"message\":\"Service unavailable\","
        + "\"long_message\":\"Please try again later.\"}]}", "Retry-After", "3");
    ClerkApiException e = refusal(execute(Endpoint.GET_CLIENT));
    assertEquals(503, e.httpStatus());
    assertEquals(Duration.ofSeconds(3), e.retryAfter().orElse(null));

    // the HTTP-date form has a comma: it must reach core whole, not split as a list of values
    String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    server.answer(503, "", "Retry-After", inAnHour);
    Duration wait = refusal(execute(Endpoint.GET_CLIENT)).retryAfter()
        .orElseThrow(() -> new AssertionError("Retry-After as an HTTP date: " + inAnHour));
    assertTrue(wait.compareTo(Duration.ofMinutes(50)) > 0 && wait.compareTo(Duration.ofMinutes(60)) <= 0,
        "Retry-After " + inAnHour + " read as " + wait);
  }

  /** A proxy's HTML page is a synthetic {@code http_502}; its {@code Authorization} is no client token. */
  @Test
  public void aProxysErrorPageIsASyntheticErrorWithoutToken() {
    server.answer(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        "Content-Type", "text/html", "Authorization", ROTATED);
    FapiResponse r = execute(Endpoint.GET_CLIENT);
    ClerkApiException e = refusal(r);
    assertEquals(502, e.httpStatus());
    assertEquals(List.of("http_502"), e.errors().stream().map(ClerkError::code).toList());
    assertNull(r.clientToken(), "a token may come only with Clerk's own error envelope");
    assertFalse(messageOf(e).contains("nginx"), "the message quotes the page");
  }

  /** A redirect is a refusal: not followed, and its {@code Authorization} is no client token. */
  @Test
  public void aRedirectIsNotFollowedAndCarriesNoToken() {
    server.script(new MockResponse.Builder().code(307).addHeader("Location", server.origin() + "/v1/client/sign_ins")
        .addHeader("Authorization", ROTATED).build(), resent());
    FapiResponse r = execute(Endpoint.CREATE_SIGN_IN);
    assertEquals(307, refusal(r).httpStatus());
    assertNull(r.clientToken(), "the token of a redirect");
    assertEquals(1, server.requestCount(), "requests the server received (a redirect followed?)");
  }

  /**
   * Statuses after which HTTP stacks re-send by themselves: a 401 challenge (an authenticator),
   * 408, and a 503 with {@code Retry-After: 0}. Each is answered to core, sent once.
   */
  @Test
  public void statusesThatInviteAResendAreSentOnce() {
    List<MockResponse> invitations = List.of(
        new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", "Bearer realm=\"clerk\"")
            .body("{\"errors\":[{\"code\":\"authentication_invalid\",\"message\":\"Unauthorized request\","
                + "\"long_message\":\"You are not authorized to perform this request\"}]}").build(),
        new MockResponse.Builder().code(408).body("").build(),
        new MockResponse.Builder().code(503).addHeader("Retry-After", "0").body("").build());
    for (MockResponse invitation : invitations) {
      int before = server.requestCount();
      server.script(invitation, resent());
      FapiResponse r = execute(Endpoint.ATTEMPT_SECOND_FACTOR);
      assertEquals(invitation.getCode(), r.httpStatus(),
          "the answer to HTTP " + invitation.getCode() + " (a 200: the request was sent again)");
      assertTrue(r.error().isPresent(), "HTTP " + invitation.getCode() + " is a refusal");
      assertEquals(before + 1, server.requestCount(), "requests after HTTP " + invitation.getCode());
    }
  }

  // ---------------------------------------------------------------- broken answers

  /** An empty 200 is no answer; the server had the request. */
  @Test
  public void anEmptySuccessIsANetworkFailure() {
    server.answer(200, "");
    assertBadBody(Endpoint.TOUCH_SESSION, "an empty 200", null);
  }

  /** A complete HTTP answer whose JSON is cut off (between members or inside a string) says so. */
  @Test
  public void aSuccessWhoseJsonIsCutOffSaysSo() {
    String whole = Answers.recorded(Answers.CLIENT_TRUST);
    Map<String, String> cuts = Map.of(
        "between two members", Answers.cutAfter(whole, "\"status\": \"needs_client_trust\","),
        "inside a string", Answers.cutAfter(whole, "\"identifier\": \"jane+cl"),
        "inside a number", Answers.cutAfter(whole, "\"abandon_at\": 17672"));
    cuts.forEach((where, cut) -> {
      server.answer(200, cut);
      assertBadBody(Endpoint.CREATE_SIGN_IN, "a body cut off " + where, "cut off");
    });
  }

  /** A 200 that is not JSON (a captive portal, a misrouted proxy) is no answer. */
  @Test
  public void aSuccessThatIsNotJsonIsANetworkFailure() {
    server.answer(200, "<html><body>Welcome to nginx!</body></html>", "Content-Type", "text/html");
    ClerkNetworkException e = assertBadBody(Endpoint.CREATE_SIGN_IN, "an HTML 200", null);
    assertFalse(messageOf(e).contains("nginx"), "the message quotes the body");
  }

  /** A resource without its id (a sign-in, a session in the client) is a broken answer. */
  @Test
  public void aResourceWithoutItsIdIsANetworkFailure() {
    server.answer(200, Answers.envelope("{\"object\":\"sign_in_attempt\",\"status\":\"needs_first_factor\"}", null));
    assertBadBody(Endpoint.CREATE_SIGN_IN, "a sign-in without id", null);

    server.answer(200, Answers.envelope("{\"object\":\"client\",\"id\":\"CLIENT_ID\",\"sessions\":"
        + "[{\"object\":\"session\",\"status\":\"active\"}]}", null));
    assertBadBody(Endpoint.GET_CLIENT, "a client with a session without id", null);
  }

  /** JSON of another shape in a 200 is a broken answer. */
  @Test
  public void aSuccessOfAnotherShapeIsANetworkFailure() {
    server.answer(200, "{\"response\":\"a string, not a sign-in\",\"client\":null}");
    assertBadBody(Endpoint.CREATE_SIGN_IN, "a string for a sign-in", null);
    server.answer(200, "[\"not\",\"an\",\"envelope\"]");
    assertBadBody(Endpoint.GET_CLIENT, "an array for an envelope", null);
  }

  // ---------------------------------------------------------------- network failures

  /**
   * Nothing listens: nothing was sent, so core may send even a POST again.
   *
   * @throws IOException if no loopback port could be taken to find a closed one
   */
  @Test
  public void aRefusedConnectionSentNothing() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      closedPort = s.getLocalPort();
    }
    try (Transport unreachable = create(URI.create("http://127.0.0.1:" + closedPort))) {
      ClerkNetworkException e = assertThrows(ClerkNetworkException.class, () -> unreachable.execute(secretAttempt()),
          "a refused connection");
      assertFalse(e.requestMayHaveBeenSent(), "requestMayHaveBeenSent() of a refused connection");
      assertShowsNoSecret(e, "a refused connection");
    }
  }

  /** The server read the request, then closed the connection: it may have acted; sent once. */
  @Test
  public void aConnectionClosedAfterTheRequestMayHaveBeenSentAndIsNotResent() {
    server.script(closedAfterTheRequest(), resent());
    assertSentOnceAndMayHaveBeenSent(secretAttempt(), 1, "a connection closed after the request");
  }

  /**
   * The same on a pooled connection, the case HTTP stacks re-send by themselves (OkHttp's {@code
   * retryOnConnectionFailure}): an attempt, which may have used up a code, must not go twice.
   */
  @Test
  public void aPostOnAPooledConnectionClosedAfterTheRequestIsNotResent() {
    assertNotResentOnAPooledConnection(secretAttempt());
  }

  /**
   * The same for a GET. The contract asks it of every request (retries are core's to count
   * against its attempts and deadline), though RFC 9110 §9.2.2 lets an HTTP stack repeat an
   * idempotent request by itself, and some do without a way to stop them (java.net.http).
   */
  @Test
  public void aGetOnAPooledConnectionClosedAfterTheRequestIsNotResent() {
    assertNotResentOnAPooledConnection(
        request(Endpoint.GET_SIGN_IN, "SIGN_IN_ID", null, Form.empty(), CLIENT_TOKEN, TIMEOUT));
  }

  private void assertNotResentOnAPooledConnection(FapiRequest failing) {
    server.script(new MockResponse.Builder().code(200).body(Answers.envelope(Answers.SIGNED_IN_CLIENT, null)).build(),
        closedAfterTheRequest(), resent());
    execute(Endpoint.GET_CLIENT); // leaves a connection in the pool
    assertSentOnceAndMayHaveBeenSent(failing, 2, failing.endpoint() + " on a pooled connection");
  }

  /** The connection breaks in the middle of the body: the server had the request. */
  @Test
  public void aConnectionThatBreaksInTheBodyMayHaveBeenSent() {
    server.script(new MockResponse.Builder().code(200).body(Answers.recorded(Answers.CLIENT_TRUST))
        .onResponseBody(new SocketEffect.CloseSocket()).build(), resent());
    assertSentOnceAndMayHaveBeenSent(secretAttempt(), 1, "a body broken off");
  }

  /** A server that never answers: the call ends soon after {@link FapiRequest#timeout()}. */
  @Test
  public void aStalledServerTimesOutWithinTheRequestsTimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    FapiRequest r = request(Endpoint.ATTEMPT_FIRST_FACTOR, "SIGN_IN_ID", null, secretForm(), CLIENT_TOKEN,
        Duration.ofMillis(500));
    // generous: the bound is that the call ends, not how fast; the default timeouts are 30 s
    ClerkNetworkException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(ClerkNetworkException.class, () -> transport.execute(r)),
        "a call with a 500 ms timeout to a stalled server did not end within 10 s");
    assertTrue(e.requestMayHaveBeenSent(), "requestMayHaveBeenSent() of a read timeout");
    assertEquals(1, server.requestCount(), "requests the server received");
    assertShowsNoSecret(e, "a timeout");
  }

  // ---------------------------------------------------------------- lifecycle and threads

  /** After {@code close()} every call fails as "not sent", and nothing reaches the server. */
  @Test
  public void aClosedTransportSendsNothing() {
    server.dispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return resent(); // a transport that sends anyway gets its answer at once, not after a timeout
      }
    });
    transport.close();
    transport.close(); // a second close is harmless
    for (EndpointCase c : EndpointCase.all()) {
      ClerkNetworkException e = assertThrows(ClerkNetworkException.class,
          () -> transport.execute(c.request(CLIENT_TOKEN)), c + " on a closed transport");
      assertFalse(e.requestMayHaveBeenSent(), c + ": requestMayHaveBeenSent() on a closed transport");
    }
    assertEquals(0, server.requestCount(), "requests that reached the server after close()");
  }

  /**
   * One transport, many threads: every caller gets the answer to its own request.
   *
   * @throws Exception a call that failed or took longer than 30 seconds, from {@link Future#get}
   */
  @Test
  public void concurrentCallsGetTheirOwnAnswers() throws Exception {
    server.dispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String id = r.getUrl().pathSegments().get(3);
        String token = r.getHeaders().get("Authorization") + "-for-" + id;
        if (Integer.parseInt(id.substring(id.indexOf('_') + 1)) % 2 == 0) {
          String signIn = "{\"object\":\"sign_in_attempt\",\"id\":\"" + id + "\",\"status\":\"needs_first_factor\"}";
          return new MockResponse.Builder().code(200).addHeader("Authorization", token)
              .body(Answers.envelope(signIn, null)).build();
        }
        return new MockResponse.Builder().code(422).addHeader("Authorization", token).body(
            "{\"errors\":[{\"code\":\"form_code_incorrect\",\"message\":\"is incorrect\","
                + "\"long_message\":\"Incorrect code\",\"meta\":{\"param_name\":\"code\"}}],"
                + "\"clerk_trace_id\":\"trace-" + id + "\"}").build();
      }
    });
    int calls = 64;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<FapiResponse>> answers = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        FapiRequest r =
            request(Endpoint.GET_SIGN_IN, "sia_" + i, null, Form.empty(), "Bearer caller-" + i, TIMEOUT);
        answers.add(pool.submit(() -> transport.execute(r)));
      }
      for (int i = 0; i < calls; i++) {
        FapiResponse r = answers.get(i).get(30, TimeUnit.SECONDS);
        assertEquals("Bearer caller-" + i + "-for-sia_" + i, r.clientToken(), "the token of call " + i);
        if (i % 2 == 0) {
          assertNotNull(r.response(), "the sign-in of call " + i);
        } else {
          assertEquals("trace-sia_" + i, refusal(r).traceId(), "the refusal of call " + i);
        }
      }
      assertEquals(calls, server.requestCount(), "requests the server received");
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- through Clerk

  /**
   * Clerk's Client Trust guide, answered with Clerk's recorded responses: password, {@code
   * needs_client_trust}, e-mail code sent and verified, finalize; each request carries the token
   * the previous answer rotated.
   */
  @Test
  public void aClientTrustSignInThroughClerk() {
    try (Clerk clerk = clerk()) {
      server.answer(200, Answers.recorded(Answers.CLIENT_TRUST), "Authorization", "Bearer flow-1");
      SignIn signIn = clerk.signIn().password(EMAIL, "correct horse battery staple");
      RecordedRequest created = server.take();
      assertEquals("identifier=jane%2Bclerk_test%40example.com&password=correct+horse+battery+staple", body(created));
      assertNull(created.getHeaders().get("Authorization"), "the first request of a new client");
      assertEquals("SIGN_IN_ID", signIn.id());
      assertEquals(SignInStatus.NEEDS_CLIENT_TRUST, signIn.status());
      assertEquals(Instant.ofEpochMilli(1767232800000L), signIn.abandonAt().orElse(null));
      assertVerification(signIn.firstFactorVerification(), VerificationStatus.VERIFIED, Strategy.PASSWORD);
      assertEquals(List.of(Strategy.PASSWORD, Strategy.EMAIL_CODE, Strategy.RESET_PASSWORD_EMAIL_CODE),
          signIn.supportedFirstFactors().stream().map(Factor::strategy).toList());
      assertEquals(1, signIn.mfa().factors().size(), "the second factors");
      Factor emailFactor = signIn.mfa().factors().get(0);
      assertEquals(Strategy.EMAIL_CODE, emailFactor.strategy());
      assertEquals("IDENTIFIER_ID", emailFactor.emailAddressId());
      assertEquals(EMAIL, emailFactor.safeIdentifier());

      server.answer(200, Answers.recorded(Answers.SECOND_FACTOR_PREPARED), "Authorization", "Bearer flow-2");
      signIn = signIn.mfa().sendEmailCode();
      assertNextRequest("/v1/client/sign_ins/SIGN_IN_ID/prepare_second_factor", "Bearer flow-1",
          "strategy=email_code&email_address_id=IDENTIFIER_ID");
      Verification sent = assertVerification(signIn.secondFactorVerification(), VerificationStatus.UNVERIFIED,
          Strategy.EMAIL_CODE);
      assertEquals(Instant.ofEpochMilli(1767229200000L), sent.expireAt());
      assertEquals(0, sent.attempts());

      server.answer(200, Answers.recorded(Answers.SECOND_FACTOR_COMPLETE), "Authorization", "Bearer flow-3");
      signIn = signIn.mfa().verifyEmailCode("424242");
      assertNextRequest("/v1/client/sign_ins/SIGN_IN_ID/attempt_second_factor", "Bearer flow-2",
          "strategy=email_code&code=424242");
      assertEquals(SignInStatus.COMPLETE, signIn.status());
      assertEquals("SESSION_ID", signIn.createdSessionId().orElse(null));

      server.answer(200, Answers.envelope(Answers.SESSION, Answers.SIGNED_IN_CLIENT), "Authorization", "Bearer flow-4");
      Session session = signIn.finalize(Navigate.none());
      assertNextRequest("/v1/client/sessions/SESSION_ID/touch", "Bearer flow-3",
          "active_organization_id=&intent=select_session");
      assertEquals("SESSION_ID", session.id());
      assertEquals(SessionStatus.ACTIVE, session.status());
      assertEquals("e30=.e30=.e30=", session.lastActiveToken().orElse(null));
      User user = session.user().orElseThrow(() -> new AssertionError("the session's user"));
      assertEquals("USER_ID", user.id());
      assertEquals("Jane", user.firstName().orElse(null));
      assertEquals(EMAIL, user.primaryEmailAddress().map(EmailAddress::emailAddress).orElse(null));
      assertTrue(user.passwordEnabled());

      server.answer(200, Answers.envelope(Answers.SIGNED_IN_CLIENT, null));
      clerk.loadClient();
      assertEquals("Bearer flow-4", server.take().getHeaders().get("Authorization"), "the token of the touch");
    }
  }

  /** Sign-in by e-mail code, answered with Clerk's recorded responses. */
  @Test
  public void anEmailCodeSignInThroughClerk() {
    try (Clerk clerk = clerk()) {
      server.answer(200, Answers.recorded(Answers.NEEDS_FIRST_FACTOR), "Authorization", "Bearer flow-1");
      SignIn signIn = clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
      assertEquals("identifier=jane%2Bclerk_test%40example.com", body(server.take()));
      assertEquals(SignInStatus.NEEDS_FIRST_FACTOR, signIn.status());
      assertEquals(EMAIL, signIn.identifier().orElse(null));
      assertEquals(List.of(Strategy.PASSWORD, Strategy.PHONE_CODE, Strategy.EMAIL_CODE, Strategy.EMAIL_LINK,
          Strategy.RESET_PASSWORD_EMAIL_CODE), signIn.supportedFirstFactors().stream().map(Factor::strategy).toList());
      assertEquals("+15555550100", signIn.supportedFirstFactors().get(1).safeIdentifier());
      assertEquals(Boolean.TRUE, signIn.supportedFirstFactors().get(2).primary());

      server.answer(200, Answers.recorded(Answers.FIRST_FACTOR_PREPARED), "Authorization", "Bearer flow-2");
      signIn = signIn.emailCode().sendCode();
      assertNextRequest("/v1/client/sign_ins/SIGN_IN_ID/prepare_first_factor", "Bearer flow-1",
          "strategy=email_code&email_address_id=IDENTIFIER_ID");
      assertVerification(signIn.firstFactorVerification(), VerificationStatus.UNVERIFIED, Strategy.EMAIL_CODE);

      server.answer(200, Answers.recorded(Answers.FIRST_FACTOR_COMPLETE), "Authorization", "Bearer flow-3");
      signIn = signIn.emailCode().verifyCode("424242");
      assertNextRequest("/v1/client/sign_ins/SIGN_IN_ID/attempt_first_factor", "Bearer flow-2",
          "strategy=email_code&code=424242");
      assertEquals(SignInStatus.COMPLETE, signIn.status());
      assertEquals(1, assertVerification(signIn.firstFactorVerification(), VerificationStatus.VERIFIED,
          Strategy.EMAIL_CODE).attempts());
      Session session = clerk.client().session("SESSION_ID").orElseThrow(() -> new AssertionError("the new session"));
      EmailAddress email = session.user().flatMap(User::primaryEmailAddress)
          .orElseThrow(() -> new AssertionError("the user's e-mail address"));
      assertEquals(VerificationStatus.VERIFIED, email.verification().status());
    }
  }

  /** A password as first factor on a device the user has signed in from, with Clerk's recorded answers. */
  @Test
  public void aPasswordFirstFactorThroughClerk() {
    try (Clerk clerk = clerk()) {
      server.answer(200, Answers.recorded(Answers.NEEDS_FIRST_FACTOR), "Authorization", "Bearer flow-1");
      SignIn signIn = clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
      server.take();

      server.answer(200, Answers.recorded(Answers.PASSWORD_COMPLETE), "Authorization", "Bearer flow-2");
      signIn = signIn.attemptFirstFactor(AttemptFirstFactorParams.password("correct horse battery staple"));
      assertNextRequest("/v1/client/sign_ins/SIGN_IN_ID/attempt_first_factor", "Bearer flow-1",
          "strategy=password&password=correct+horse+battery+staple");
      assertEquals(SignInStatus.COMPLETE, signIn.status());
      assertVerification(signIn.firstFactorVerification(), VerificationStatus.VERIFIED, Strategy.PASSWORD);
      assertEquals("SESSION_ID", clerk.client().lastActiveSessionId().orElse(null));
      User user = clerk.client().session("SESSION_ID").flatMap(Session::user)
          .orElseThrow(() -> new AssertionError("the user of the new session"));
      assertEquals(List.of("+15555550105"), user.phoneNumbers().stream().map(PhoneNumber::phoneNumber).toList());
      assertFalse(user.phoneNumbers().get(0).reservedForSecondFactor());
      assertEquals(Instant.ofEpochMilli(1767211200000L), user.createdAt().orElse(null));
    }
  }

  /**
   * The JSON forms of real answers reach core intact: non-ASCII text and escapes, surrogate
   * pairs, members core does not know (nested arrays and objects), explicit nulls, numbers and
   * timestamps written as strings.
   */
  @Test
  public void theJsonOfAnAnswerReachesCoreIntact() {
    server.answer(200, """
        {"response":{"object":"sign_in_attempt","id":"sia_\\u00fc1","status":"needs_first_factor",\
        "identifier":"j\\u00f6rg+\\"quoted\\"\\\\back\\/slash@exämple.com \uD83D\uDCA5\\ud83d\\udca5",\
        "future_member":{"deep":[1,2.5e-3,{"x":[true,false,null]}],"more":"\\u2028"},\
        "supported_identifiers":null,"supported_first_factors":[{"strategy":"email_code",\
        "safe_identifier":"j***@exämple.com","email_address_id":"idn_1","primary":true,"new":[[]]},null],\
        "first_factor_verification":{"status":"unverified","strategy":"email_code","attempts":"2",\
        "expire_at":"2026-01-01T01:00:00Z","error":null},"abandon_at":"1767232800000","user_data":null},\
        "client":null,"future_top_level":{"a":-1.5E+3}}""", "Content-Type", "application/json; charset=utf-8");
    try (Clerk clerk = clerk()) {
      SignIn signIn = clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
      assertEquals("sia_ü1", signIn.id());
      assertEquals("jörg+\"quoted\"\\back/slash@exämple.com \uD83D\uDCA5\uD83D\uDCA5",
          signIn.identifier().orElse(null));
      assertEquals(List.of(Strategy.EMAIL_CODE),
          signIn.supportedFirstFactors().stream().map(Factor::strategy).toList(), "null elements are dropped");
      assertEquals("j***@exämple.com", signIn.supportedFirstFactors().get(0).safeIdentifier());
      Verification v = assertVerification(signIn.firstFactorVerification(), VerificationStatus.UNVERIFIED,
          Strategy.EMAIL_CODE);
      assertEquals(2, v.attempts(), "a number written as a string");
      assertEquals(Instant.parse("2026-01-01T01:00:00Z"), v.expireAt(), "an ISO-8601 timestamp");
      assertEquals(Instant.ofEpochMilli(1767232800000L), signIn.abandonAt().orElse(null), "epoch ms as a string");
      assertTrue(signIn.userData().isEmpty(), "an explicit null");
    }
  }

  /** Numbers of an error's {@code meta} keep their JSON types and every digit; text keeps its escapes. */
  @Test
  public void theNumbersAndTextOfAnErrorReachCoreIntact() {
    server.answer(403, """
        {"errors":[{"code":"user_locked","message":"Compte verrouill\\u00e9 \\u2014 \\"r\\u00e9essayez\\"",\
        "long_message":"Line one\\nLine two\\tTabbed 🔒","meta":{"param_name":"identifier",\
        "lockout_expires_in_seconds":1800,"big":9007199254740993,"ratio":0.5,"negative":-3,"exp":1e3,\
        "permanent":false,"identifiers":["a","b"],"zxcvbn":{"suggestions":[{"code":"x"}]},"gone":null}}],\
        "meta":{},"clerk_trace_id":"trace-\\u00fc"}""");
    ClerkApiException e = refusal(execute(Endpoint.ATTEMPT_FIRST_FACTOR));
    ClerkError error = e.firstError();
    assertNotNull(error, "the envelope's error");
    assertEquals("Compte verrouillé — \"réessayez\"", error.message());
    assertEquals("Line one\nLine two\tTabbed 🔒", error.longMessage());
    assertEquals("trace-ü", e.traceId());
    Map<String, Object> meta = error.meta();
    assertEquals(1800L, meta.get("lockout_expires_in_seconds"));
    assertEquals(9007199254740993L, meta.get("big"), "a whole number beyond a double's precision");
    assertEquals(0.5, meta.get("ratio"));
    assertEquals(-3L, meta.get("negative"));
    assertEquals(1000.0, meta.get("exp"));
    assertEquals(false, meta.get("permanent"));
    assertEquals(List.of("a", "b"), meta.get("identifiers"));
    assertEquals(Map.of("suggestions", List.of(Map.of("code", "x"))), meta.get("zxcvbn"));
    assertFalse(meta.containsKey("gone"), "a null member");
    assertEquals(Duration.ofMinutes(30), e.lockoutExpiresIn().orElse(null));
  }

  // ---------------------------------------------------------------- helpers

  private Clerk clerk() {
    return Clerk.builder().frontendApiUrl(server.origin()).transport(transportFactory())
        .retryPolicy(RetryPolicy.none()).build();
  }

  /** Executes {@code endpoint} with the path ids of the recordings, the client token and no form. */
  private FapiResponse execute(Endpoint endpoint) {
    return transport.execute(
        request(endpoint, "SIGN_IN_ID", "SESSION_ID", Form.empty(), CLIENT_TOKEN, TIMEOUT));
  }

  /** A request without a file; null for no path id, session or client token. */
  private static FapiRequest request(Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form,
      @Nullable String clientToken, Duration timeout) {
    return EndpointCase.fapiRequest(endpoint, id, sessionId, form, null, clientToken, timeout);
  }

  /** The message of an exception that must have one. */
  private static String messageOf(Throwable e) {
    return Objects.requireNonNull(e.getMessage(), () -> e.getClass().getSimpleName() + " without a message");
  }

  private static Form secretForm() {
    return Form.empty().with("strategy", "password").with("password", SECRET_PASSWORD);
  }

  /** An attempt (a POST that may use up a code) whose form and token must never be shown. */
  private static FapiRequest secretAttempt() {
    return request(Endpoint.ATTEMPT_SECOND_FACTOR, "SIGN_IN_ID", null, secretForm(), CLIENT_TOKEN, TIMEOUT);
  }

  private static ClerkApiException refusal(FapiResponse r) {
    return r.error().orElseThrow(() -> new AssertionError("HTTP " + r.httpStatus() + " is no refusal"));
  }

  /** {@code endpoint} answered with a broken 2xx is a network failure, mentioning {@code mentioning}. */
  private ClerkNetworkException assertBadBody(Endpoint endpoint, String what, @Nullable String mentioning) {
    ClerkNetworkException e = assertThrows(ClerkNetworkException.class, () -> execute(endpoint),
        endpoint + " answered with " + what);
    assertTrue(e.requestMayHaveBeenSent(), "requestMayHaveBeenSent() after " + what + " (the server answered)");
    if (mentioning != null) {
      assertTrue(messageOf(e).contains(mentioning), "the message after " + what + " says '" + mentioning + "'");
    }
    return e;
  }

  private void assertSentOnceAndMayHaveBeenSent(FapiRequest request, int expectedRequests, String what) {
    ClerkNetworkException e = assertThrows(ClerkNetworkException.class, () -> transport.execute(request), what);
    assertTrue(e.requestMayHaveBeenSent(), "requestMayHaveBeenSent() after " + what);
    assertEquals(expectedRequests, server.requestCount(), "requests the server received after " + what);
    assertShowsNoSecret(e, what);
  }

  /** The server reads the request, then closes the connection without answering. */
  private static MockResponse closedAfterTheRequest() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  /**
   * What a transport that re-sent the request would get: a good answer, which would turn the
   * failure under test into a success (and the count of requests says so too).
   */
  private static MockResponse resent() {
    return new MockResponse.Builder().code(200).body(Answers.recorded(Answers.SECOND_FACTOR_COMPLETE)).build();
  }

  private void assertNextRequest(String path, String authorization, String body) {
    RecordedRequest r = server.take();
    assertEquals("POST " + path, r.getMethod() + " " + r.getUrl().encodedPath());
    assertEquals(authorization, r.getHeaders().get("Authorization"), path + ": the token of the previous answer");
    assertEquals(body, body(r), path + ": the form");
  }

  private static Verification assertVerification(
      Optional<Verification> v, VerificationStatus status, Strategy strategy) {
    Verification verification = v.orElseThrow(() -> new AssertionError("a verification"));
    assertEquals(status, verification.status());
    assertEquals(strategy, verification.strategy());
    return verification;
  }

  private static String body(RecordedRequest r) {
    return r.getBody() == null ? "" : r.getBody().utf8();
  }

  /** The request as {@link io.github.clerk4j.spi.Transport}'s contract and {@code c} say. */
  /**
   * A {@code multipart/form-data} body (RFC 7578) with the boundary its {@code Content-Type} names:
   * the file as one part ({@code name}, {@code filename}, its {@code Content-Type}, the bytes
   * unchanged) and a text part per form field, no other part. Part headers a transport may add
   * ({@code Content-Length}) are allowed.
   */
  private static void assertMultipart(EndpointCase c, FilePart sent, RecordedRequest r) {
    String type = r.getHeaders().get("Content-Type");
    assertTrue(type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"), c + ": Content-Type " + type);
    Matcher b = BOUNDARY.matcher(type);
    assertTrue(b.find(), c + ": a boundary in " + type);
    String delimiter = "--" + b.group(1);
    // ISO-8859-1 maps each byte to one char, so the file's bytes can be compared as they were sent.
    String body = new String(r.getBody() == null ? new byte[0] : r.getBody().toByteArray(), StandardCharsets.ISO_8859_1);
    String open = delimiter + "\r\n";
    String close = "\r\n" + delimiter + "--\r\n";
    assertTrue(body.startsWith(open) && body.endsWith(close), c + ": the body opens and closes with the boundary");
    String[] parts = body.substring(open.length(), body.length() - close.length())
        .split("\r\n" + Pattern.quote(delimiter) + "\r\n", -1);
    assertEquals(c.form().fields().size() + 1, parts.length, c + ": one part per form field and the file");
    Map<String, String> texts = new LinkedHashMap<>();
    String file = null;
    for (String part : parts) {
      int end = part.indexOf("\r\n\r\n");
      assertTrue(end >= 0, c + ": a part with headers");
      String headers = part.substring(0, end).toLowerCase(Locale.ROOT);
      String content = part.substring(end + 4);
      Matcher name = PART_NAME.matcher(headers);
      assertTrue(name.find(), c + ": a part with a name");
      if (name.group(1).equals(sent.name())) {
        assertTrue(headers.contains("filename=\"" + sent.fileName().toLowerCase(Locale.ROOT) + "\""),
            c + ": the file's name in " + headers);
        assertTrue(headers.contains("content-type: " + sent.contentType()), c + ": the file's type in " + headers);
        file = content;
      } else {
        texts.put(name.group(1), content);
      }
    }
    assertEquals(new String(sent.content(), StandardCharsets.ISO_8859_1), file, c + ": the file's bytes, unchanged");
    assertEquals(c.form().fields(), texts, c + ": the form fields as text parts");
  }

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART_NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");

  private static void assertSentAsSpecified(EndpointCase c, RecordedRequest r, @Nullable String token) {
    assertEquals(c.method(), r.getMethod(), c + ": method");
    HttpUrl url = r.getUrl();
    assertEquals(c.path(), url.encodedPath(), c + ": path");
    assertEquals(new TreeSet<>(c.query().keySet()), new TreeSet<>(url.queryParameterNames()),
        c + ": query parameters (never __clerk_api_version, which FAPI rejects next to the header)");
    c.query().forEach((name, value) ->
        assertEquals(List.of(value), url.queryParameterValues(name), c + ": query parameter " + name));
    Headers h = r.getHeaders();
    assertEquals(List.of(API_VERSION), h.values("clerk-api-version"), c + ": clerk-api-version");
    if (token == null) {
      assertEquals(List.of(), h.values("Authorization"), c + ": Authorization without a client token");
    } else {
      assertTrue(h.values("Authorization").equals(List.of(token)), c + ": Authorization, the client token verbatim");
    }
    String userAgent = h.get("User-Agent");
    assertTrue(userAgent != null && !userAgent.isBlank(), c + ": a User-Agent");
    assertNull(h.get("Origin"), c + ": Origin (FAPI rejects it next to Authorization)");
    FilePart sent = c.file();
    if (sent != null) {
      assertMultipart(c, sent, r);
    } else if (c.hasBody()) {
      assertEquals(c.body(), body(r), c + ": the form body, byte for byte");
      String type = h.get("Content-Type");
      assertTrue(type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"),
          c + ": Content-Type " + type);
    } else {
      assertEquals(0, r.getBodySize(), c + ": a " + c.method() + " has no body");
    }
  }

  /** Fails if the exception, its causes or its stack trace show the token or the password. */
  private static void assertShowsNoSecret(Throwable t, String what) {
    StringWriter shown = new StringWriter();
    t.printStackTrace(new PrintWriter(shown));
    for (Throwable c = t; c != null; c = c.getCause()) {
      shown.append('\n').append(String.valueOf(c));
    }
    SECRETS.forEach((name, secret) -> assertFalse(shown.toString().contains(secret),
        "the exception of " + what + " shows the request's " + name + " (not repeated here)"));
  }

  private static Buffer gzip(String text) {
    Buffer compressed = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new GzipSink(compressed))) {
      sink.writeUtf8(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed;
  }
}
