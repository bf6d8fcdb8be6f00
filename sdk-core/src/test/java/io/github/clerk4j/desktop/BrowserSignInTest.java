package io.github.clerk4j.desktop;

import static io.github.clerk4j.desktop.LoopbackReceiverTest.freePort;
import static io.github.clerk4j.desktop.LoopbackReceiverTest.portIsFree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkError;
import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkTimeoutException;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.internal.wire.SignInResource;
import io.github.clerk4j.internal.wire.SignUpResource;
import io.github.clerk4j.internal.wire.VerificationResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one-call browser sign-in with a launcher that plays the browser: the round trip, and the
 * loopback socket closed on every path (the callback, an error callback, a refused start, a
 * launcher that fails, a timeout, a cancel, an interrupt).
 */
class BrowserSignInTest {

  static final String PAGE = "https://accounts.example.com/o/oauth2/auth?state=s1";
  static final Instant T0 = Instant.parse("2026-05-12T10:00:00Z");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  final int port = freePort();
  final URI redirect = URI.create("http://127.0.0.1:" + port + "/sso-callback");
  final Deque<Function<FapiRequest, FapiResponse>> script = new ArrayDeque<>();
  final List<FapiRequest> requests = new CopyOnWriteArrayList<>();
  final Transport transport = new Transport() {
    @Override
    public FapiResponse execute(FapiRequest request) {
      requests.add(request);
      Function<FapiRequest, FapiResponse> next;
      synchronized (script) {
        next = script.poll();
      }
      if (next == null) {
        throw new AssertionError("unexpected " + request);
      }
      return next.apply(request);
    }

    @Override
    public void close() {}
  };
  final Clerk clerk = Clerk.builder().frontendApiUrl("https://example-13.clerk.accounts.dev")
      .transport(url -> transport).build();
  final List<URI> opened = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    clerk.close();
    assertThat(portIsFree(port)).as("the loopback socket is closed").isTrue();
  }

  static VerificationResource oauth(String status, String url) {
    return new VerificationResource(status, "oauth_google", null, T0.plusSeconds(600), null, null, List.of(), url);
  }

  static SignInResource signIn(String status, VerificationResource first, String sessionId) {
    return new SignInResource("sia_1", status, List.of(), List.of(), List.of(), first, null, null, null, sessionId,
        T0.plusSeconds(86400), null);
  }

  void answer(Object resource) {
    synchronized (script) {
      script.add(r -> FapiResponse.of(200, resource, null, null));
    }
  }

  /** A launcher that, like a browser after the provider's page, requests the redirect URL with {@code query}. */
  BrowserLauncher browserComingBackWith(String query) {
    return url -> {
      opened.add(url);
      HTTP.sendAsync(HttpRequest.newBuilder(URI.create(redirect + "?" + query)).build(),
          HttpResponse.BodyHandlers.ofString());
    };
  }

  BrowserSignIn.Builder browser(BrowserLauncher launcher) {
    return BrowserSignIn.builder().port(port).launcher(launcher).timeout(Duration.ofMinutes(1));
  }

  @Test
  void oneCallOpensThePageWaitsAndFinishesTheSignIn() {
    answer(signIn("needs_first_factor", oauth("unverified", PAGE), null));
    answer(signIn("complete", oauth("verified", null), "sess_1"));
    BrowserSignIn browser = browser(browserComingBackWith("rotating_token_nonce=n-1")).build();
    assertThat(browser.redirectUrl()).isEqualTo(redirect);

    SignIn done = browser.signIn(clerk, SsoParams.oauth("google"));

    assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(opened).containsExactly(URI.create(PAGE));
    assertThat(requests).extracting(FapiRequest::endpoint).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.GET_SIGN_IN);
    assertThat(requests.get(0).form().get("redirect_url")).isEqualTo(redirect.toString());
    assertThat(requests.get(1).form().fields()).isEqualTo(Map.of("rotating_token_nonce", "n-1"));
  }

  @Test
  void signUpFirstGoesTheSameWay() {
    answer(new SignUpResource("sua_1", "missing_requirements", List.of(), List.of(), List.of(), List.of(), null, null,
        oauth("unverified", PAGE), null, null, null, null, null, false, Map.of(), null, null, T0, null));
    answer(new SignUpResource("sua_1", "complete", List.of(), List.of(), List.of(), List.of(), null, null,
        oauth("verified", null), "a@example.com", null, null, null, null, false, Map.of(), "sess_1", "user_1", T0, null));
    SignUp done = browser(browserComingBackWith("rotating_token_nonce=n-2")).build()
        .signUp(clerk, SsoParams.oauth("google").redirectUrl(redirect));
    assertThat(done.status()).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(requests).extracting(FapiRequest::endpoint).containsExactly(Endpoint.CREATE_SIGN_UP, Endpoint.GET_SIGN_UP);
  }

  @Test
  void anErrorCallbackIsThrownAfterTheSocketIsClosed() {
    answer(signIn("needs_first_factor", oauth("unverified", PAGE), null));
    BrowserSignIn browser = browser(browserComingBackWith("__clerk_status=failed&__clerk_error_code=oauth_access_denied"))
        .build();
    assertThatThrownBy(() -> browser.signIn(clerk, SsoParams.oauth("google")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isOAuthAccessDenied()).isTrue());
  }

  @Test
  void aRefusedStartClosesTheSocketAndOpensNothing() {
    synchronized (script) {
      script.add(r -> FapiResponse.refusal(new ClerkApiException(422, List.of(new ClerkError("invalid_redirect_url",
          "invalid", "invalid", Map.of("param_name", "redirect_url"))), "t"), null));
    }
    assertThatThrownBy(() -> browser(browserComingBackWith("x=1")).build().signIn(clerk, SsoParams.oauth("google")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isRedirectUrlInvalid()).isTrue());
    assertThat(opened).isEmpty();
  }

  @Test
  void aLauncherThatFailsIsReported() {
    answer(signIn("needs_first_factor", oauth("unverified", PAGE), null));
    BrowserSignIn browser = browser(url -> {
      throw new IOException("no browser");
    }).build();
    assertThatThrownBy(() -> browser.signIn(clerk, SsoParams.oauth("google")))
        .isInstanceOf(ClerkException.class).hasMessageContaining("could not open the browser")
        .hasMessageContaining("printTo");
  }

  @Test
  void aPageThatIsNotAWebPageIsNotOpened() {
    answer(signIn("needs_first_factor", oauth("unverified", "file:///etc/passwd"), null));
    assertThatThrownBy(() -> browser(browserComingBackWith("x=1")).build().signIn(clerk, SsoParams.oauth("google")))
        .hasMessageContaining("not an http(s) URL");
    assertThat(opened).isEmpty();
  }

  @Test
  void aBrowserThatNeverComesBackTimesOut() {
    answer(signIn("needs_first_factor", oauth("unverified", PAGE), null));
    BrowserSignIn browser = browser(opened::add).timeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> browser.signIn(clerk, SsoParams.oauth("google")))
        .isInstanceOf(ClerkTimeoutException.class).hasMessageContaining(redirect.toString());
    assertThat(requests).hasSize(1);
  }

  @Test
  void cancellingTheAsyncSignInClosesTheSocket() throws InterruptedException {
    answer(signIn("needs_first_factor", oauth("unverified", PAGE), null));
    CountDownLatch launched = new CountDownLatch(1);
    CompletableFuture<SignIn> pending = browser(url -> launched.countDown()).build()
        .signInAsync(clerk, SsoParams.oauth("google"));
    assertThat(launched.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(pending.cancel(true)).isTrue();
    assertThatThrownBy(pending::join).isInstanceOf(CancellationException.class);
    // The cancel closed the receiver; the JDK releases the port once the worker's accept() returns.
    for (int i = 0; i < 1000 && !portIsFree(port); i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void aPortInUseFailsBeforeAnythingIsSent() throws IOException {
    try (LoopbackReceiver taken = LoopbackReceiver.bind(port, "/other")) {
      assertThatThrownBy(() -> browser(opened::add).build().signInAsync(clerk, SsoParams.oauth("google")))
          .isInstanceOf(ClerkException.class).hasMessageContaining("in use");
      assertThat(requests).isEmpty();
    }
  }

  @Test
  void anInterruptOfTheCallerCancelsTheWait() throws InterruptedException {
    answer(signIn("needs_first_factor", oauth("unverified", PAGE), null));
    CountDownLatch done = new CountDownLatch(1);
    List<Throwable> outcome = new CopyOnWriteArrayList<>();
    Thread caller = new Thread(() -> {
      try {
        browser(url -> Thread.currentThread().interrupt()).build().signIn(clerk, SsoParams.oauth("google"));
      } catch (RuntimeException e) {
        outcome.add(e);
      }
      done.countDown();
    });
    caller.start();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome).singleElement().isInstanceOf(CancellationException.class);
  }

  @Test
  void aRedirectUrlOtherThanTheReceiversIsAMistake() {
    assertThatThrownBy(() -> browser(opened::add).build()
        .signIn(clerk, SsoParams.oauth("google").redirectUrl(URI.create("myapp://callback"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listens on " + redirect);
    assertThat(requests).isEmpty();
  }

  @Test
  void printingTheUrlIsTheFallbackLauncher() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BrowserLauncher.printTo(new PrintStream(out, true, StandardCharsets.UTF_8)).open(URI.create(PAGE));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Open this page in your browser").contains(PAGE);
    assertThat(BrowserLauncher.system()).isNotNull();
    assertThatThrownBy(() -> BrowserSignIn.builder().port(0)).hasMessageContaining("fixed port");
    assertThatThrownBy(() -> BrowserSignIn.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BrowserSignIn.builder().callbackPath("no-slash")).hasMessageContaining("URL path");
  }
}
