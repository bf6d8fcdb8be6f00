package io.github.clerk4j.it.browser;

import static io.github.clerk4j.it.browser.BrowserFixture.TOTP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkTimeoutException;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.desktop.BrowserSignIn;
import io.github.clerk4j.testing.EmulatedBrowser;
import io.github.clerk4j.testing.TotpGenerator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Browser sign-in and sign-up end to end: SDK + OkHttp + emulator over loopback, the person on the
 * provider's page played by {@link EmulatedBrowser}, the desktop helper's loopback receiver
 * receiving the callback. Every branch of issue 13: a known account, a new one (sign-up
 * transfer), MFA after the provider, enterprise SSO, sign-up first both ways, denial, a wrong
 * state, a redirect URL that is not allowlisted, a callback that never comes, a URL scheme of the
 * app's own; and the loopback socket closed after each.
 */
class BrowserSignInTest {

  static final URI APP_SCHEME = URI.create("myapp://callback");

  static boolean portIsFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aDesktopAppSignsInWithGoogleInOneCall() {
    try (BrowserFixture f = new BrowserFixture()) {
      BrowserSignIn browser = f.browser(EmulatedBrowser.choosing("ada@example.com").asLauncher());

      SignIn signIn = browser.signIn(f.clerk, SsoParams.oauth("google"));

      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.firstFactorVerification().orElseThrow().rawStrategy()).isEqualTo("oauth_google");
      Session session = signIn.finalize(Navigate.none());
      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(f.clerk.user().orElseThrow().primaryEmailAddress().orElseThrow().emailAddress())
          .isEqualTo("ada@example.com");
      assertThat(portIsFree(f.port)).as("the loopback socket is closed").isTrue();
    }
  }

  @Test
  void aNewAccountBecomesASignUpThroughTheTransfer() {
    try (BrowserFixture f = new BrowserFixture()) {
      SignIn signIn = f.browser(EmulatedBrowser.choosing("nina@example.com").asLauncher())
          .signIn(f.clerk, SsoParams.oauth("google"));
      assertThat(signIn.isTransferable()).isTrue();
      SignUp signUp = signIn.transferToSignUp();
      assertThat(signUp.status()).isEqualTo(SignUpStatus.COMPLETE);
      assertThat(signUp.emailAddress()).contains("nina@example.com");
      assertThat(signUp.firstName()).contains("Nina");
      signUp.finalize(Navigate.none());
      assertThat(f.clerk.session()).isPresent();

      // The account is the user's now: signing in again with it completes at once.
      f.clerk.signOut();
      assertThat(f.browser(EmulatedBrowser.choosing("nina@example.com").asLauncher())
          .signIn(f.clerk, SsoParams.oauth("google")).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void aUserWithMfaGivesTheSecondFactorAfterTheProvider() {
    try (BrowserFixture f = new BrowserFixture()) {
      SignIn signIn = f.browser(EmulatedBrowser.choosing("grace@example.com").asLauncher())
          .signIn(f.clerk, SsoParams.oauth("google"));
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
      SignIn done = signIn.mfa().verifyTOTP(TotpGenerator.code(TOTP_SECRET, f.clock.instant()));
      assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void aDenialIsATypedError() {
    try (BrowserFixture f = new BrowserFixture()) {
      assertThatThrownBy(() -> f.browser(EmulatedBrowser.denying().asLauncher()).signIn(f.clerk, SsoParams.oauth("google")))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isOAuthAccessDenied()).isTrue();
            assertThat(e.httpStatus()).isZero();
          });
      assertThat(portIsFree(f.port)).isTrue();
      assertThat(f.clerk.signIn().reload().firstFactorVerification().orElseThrow().status())
          .as("the server's sign-in says so too").isEqualTo(VerificationStatus.FAILED);
    }
  }

  @Test
  void aWrongStateNeverReachesTheAppSoTheWaitTimesOut() {
    try (BrowserFixture f = new BrowserFixture()) {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      int[] callbackStatus = new int[1];
      BrowserSignIn browser = BrowserSignIn.builder().port(f.port).timeout(java.time.Duration.ofSeconds(2))
          .launcher(page -> {
            // A tampered provider answer: FAPI cannot tie it to a sign-in, so it answers itself
            // and never sends the browser to the app.
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(f.emulator.url()
                  + "/v1/oauth_callback?code=forged&state=tampered")).build(), HttpResponse.BodyHandlers.ofString());
              callbackStatus[0] = r.statusCode();
              assertThat(r.body()).contains("oauth_callback_invalid");
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }).build();
      assertThatThrownBy(() -> browser.signIn(f.clerk, SsoParams.oauth("google")))
          .isInstanceOf(ClerkTimeoutException.class).hasMessageContaining("did not come back");
      assertThat(callbackStatus[0]).isEqualTo(400);
      assertThat(portIsFree(f.port)).isTrue();
    }
  }

  @Test
  void aRedirectUrlThatIsNotAllowlistedIsRefusedBeforeTheBrowserOpens() {
    try (BrowserFixture f = new BrowserFixture(b -> b.allowRedirectUrl("http://127.0.0.1:1/sso-callback"))) {
      boolean[] opened = new boolean[1];
      assertThatThrownBy(() -> f.browser(url -> opened[0] = true).signIn(f.clerk, SsoParams.oauth("google")))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isRedirectUrlInvalid()).isTrue();
            assertThat(e.fieldErrors()).containsKey("redirect_url");
          })
          .hasMessageContaining("allowlist the exact URL");
      assertThat(opened[0]).isFalse();
      assertThat(portIsFree(f.port)).isTrue();
    }
  }

  @Test
  void anAllowlistedLoopbackUrlIsTaken() {
    int port = BrowserFixture.freePort();
    try (BrowserFixture f = new BrowserFixture(b -> b.allowRedirectUrl("http://127.0.0.1:" + port + "/sso-callback"))) {
      BrowserSignIn browser = BrowserSignIn.builder().port(port)
          .launcher(EmulatedBrowser.choosing("ada@example.com").asLauncher()).build();
      assertThat(browser.signIn(f.clerk, SsoParams.oauth("google")).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void aProviderTheInstanceDoesNotEnableIsRefused() {
    try (BrowserFixture f = new BrowserFixture()) {
      assertThatThrownBy(() -> f.browser(url -> { }).signIn(f.clerk, SsoParams.oauth("facebook")))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isOAuthProviderNotEnabled()).isTrue());
    }
  }

  // ---------------------------------------------------------------- enterprise SSO

  @Test
  void enterpriseSsoByTheAddressesDomain() {
    try (BrowserFixture f = new BrowserFixture()) {
      SignIn first = f.browser(EmulatedBrowser.choosing("bob@acme.com").asLauncher())
          .signIn(f.clerk, SsoParams.enterpriseSso("bob@acme.com"));
      assertThat(first.isTransferable()).as("Bob's first sign-in").isTrue();
      assertThat(first.transferToSignUp().status()).isEqualTo(SignUpStatus.COMPLETE);

      f.clerk.signOut();
      SignIn again = f.browser(EmulatedBrowser.choosing("bob@acme.com").asLauncher())
          .signIn(f.clerk, SsoParams.enterpriseSso("bob@acme.com"));
      assertThat(again.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(again.firstFactorVerification().orElseThrow().strategy()).isEqualTo(Strategy.ENTERPRISE_SSO);

      assertThatThrownBy(() -> f.browser(url -> { }).signIn(f.clerk, SsoParams.enterpriseSso("eve@example.com")))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isEnterpriseConnectionMissing()).isTrue());
    }
  }

  // ---------------------------------------------------------------- sign-up first

  @Test
  void signUpFirstCompletesANewAccountAndTransfersAKnownOne() {
    try (BrowserFixture f = new BrowserFixture()) {
      SignUp signUp = f.browser(EmulatedBrowser.choosing("octo@example.com").asLauncher())
          .signUp(f.clerk, SsoParams.oauth("github"));
      assertThat(signUp.status()).isEqualTo(SignUpStatus.COMPLETE);
      assertThat(signUp.emailAddress()).contains("octo@example.com");

      f.clerk.signOut();
      SignUp known = f.browser(EmulatedBrowser.choosing("ada@example.com").asLauncher())
          .signUp(f.clerk, SsoParams.oauth("google"));
      assertThat(known.isTransferable()).isTrue();
      SignIn signedIn = known.transferToSignIn();
      assertThat(signedIn.status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  // ---------------------------------------------------------------- an app with a URL scheme of its own

  @Test
  void anAppWithItsOwnSchemeHandsTheCallbackOver() {
    try (BrowserFixture f = new BrowserFixture()) {
      SignIn started = f.clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(APP_SCHEME));
      URI callback = EmulatedBrowser.choosing("ada@example.com").signIn(started.externalVerificationRedirectUrl().orElseThrow());
      assertThat(callback.toString()).startsWith("myapp://callback?rotating_token_nonce=");
      assertThat(started.handleRedirectCallback(callback).status()).isEqualTo(SignInStatus.COMPLETE);
      assertThatThrownBy(() -> f.clerk.signIn().handleRedirectCallback(callback))
          .as("the completed sign-in is gone from the client; the started one waits no more")
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aCallbackForAnotherSignInIsRefused() {
    try (BrowserFixture f = new BrowserFixture()) {
      SignIn first = f.clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(APP_SCHEME));
      URI firstCallback = EmulatedBrowser.choosing("ada@example.com").signIn(first.externalVerificationRedirectUrl().orElseThrow());
      SignIn second = f.clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(APP_SCHEME));
      assertThatThrownBy(() -> first.handleRedirectCallback(firstCallback))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("replaced it");
      assertThatThrownBy(() -> second.handleRedirectCallback(firstCallback))
          .as("the first sign-in's nonce does not finish the second")
          .isExactlyInstanceOf(ClerkException.class).hasMessageContaining("meant for another sign-in")
          .message().doesNotContain(BrowserAgentQuery.nonce(firstCallback));
      assertThatThrownBy(() -> second.handleRedirectCallback(URI.create("myapp://callback?foo=bar")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rotating_token_nonce");
    }
  }

  /** The nonce of a callback URL, for checking that no message repeats it. */
  static final class BrowserAgentQuery {
    static String nonce(URI callback) {
      return callback.getQuery().replaceAll(".*rotating_token_nonce=([^&]*).*", "$1");
    }
  }

  @Test
  void signUpExtrasTravelWithTheStart() {
    try (BrowserFixture f = new BrowserFixture(b -> b.legalConsent(true))) {
      SignUp started = f.clerk.signUp().sso(SsoParams.oauth("github").redirectUrl(APP_SCHEME),
          SignUpParams.builder().legalAccepted(true).build());
      URI callback = EmulatedBrowser.choosing("lena@example.com").signIn(started.externalVerificationRedirectUrl().orElseThrow());
      SignUp done = started.handleRedirectCallback(callback);
      assertThat(done.status()).isEqualTo(SignUpStatus.COMPLETE);
      assertThat(done.legalAcceptedAt()).isPresent();
    }
  }
}
