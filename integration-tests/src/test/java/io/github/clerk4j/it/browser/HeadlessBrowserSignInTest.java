package io.github.clerk4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.desktop.BrowserSignIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole round trip in a real browser: Debian's Chromium, headless, opens the emulator's fake
 * Google page as the system browser would, the person's choice is a mouse click on the account's
 * button, and the browser follows the provider's and FAPI's redirects to the desktop helper's
 * loopback receiver, which gets the callback; the sign-in completes. Skipped, with the reason, on
 * a machine without Chromium ({@code .ci/run} installs it). Screenshots in {@code
 * target/surefire-reports/browser/}.
 */
class HeadlessBrowserSignInTest {
  private static final Path SHOTS = Path.of("target", "surefire-reports", "browser");

  @BeforeAll
  static void needsChromium() {
    Chromium.assumeInstalled();
  }

  @Test
  void chromiumFollowsTheProviderPageToTheLoopbackReceiver() throws Exception {
    try (BrowserFixture f = new BrowserFixture(); Chromium chromium = Chromium.launch()) {
      BrowserPage tab = chromium.newPage();
      BrowserSignIn browser = BrowserSignIn.builder().port(f.port).timeout(Duration.ofMinutes(1))
          .launcher(url -> {
            tab.open(url.toString());
            assertThat(tab.evaluate("document.title")).isEqualTo("Sign in with Google · Clerk emulator");
            tab.screenshot(SHOTS.resolve("oauth-01-provider-page.png"));
            // The person chooses their account: a real click on its button (a plain form POST, no script).
            tab.click("button[data-email=\"ada@example.com\"]");
          }).build();

      CompletableFuture<SignIn> signIn = browser.signInAsync(f.clerk, SsoParams.oauth("google"));
      SignIn done = signIn.get(1, TimeUnit.MINUTES);

      assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(done.createdSessionId()).isPresent();
      // The browser ended on the receiver's page, at the redirect URL with the nonce.
      tab.waitForText("body", "You can close this tab");
      assertThat(tab.url()).startsWith(browser.redirectUrl() + "?rotating_token_nonce=");
      tab.screenshot(SHOTS.resolve("oauth-02-back-in-the-app.png"));
      assertThat(BrowserSignInTest.portIsFree(f.port)).as("the receiver's socket is closed").isTrue();
    }
  }
}
