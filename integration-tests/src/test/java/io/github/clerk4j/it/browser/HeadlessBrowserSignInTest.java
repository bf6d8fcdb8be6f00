package io.github.clerk4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.desktop.BrowserSignIn;
import io.github.clerk4j.it.support.HeadlessChromium;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole round trip in a real browser: Debian's Chromium, headless, opens the emulator's fake
 * Google page as the system browser would, the person's click is a click on the page's button,
 * and the browser follows the provider's and FAPI's redirects to the desktop helper's loopback
 * receiver, which gets the callback; the sign-in completes. Skipped, with the reason, on a machine
 * without Chromium ({@code .ci/run} installs it).
 */
class HeadlessBrowserSignInTest {

  @Test
  void chromiumFollowsTheProviderPageToTheLoopbackReceiver() throws Exception {
    assumeTrue(HeadlessChromium.executable().isPresent(), HeadlessChromium.MISSING);
    try (BrowserFixture f = new BrowserFixture(); HeadlessChromium chromium = HeadlessChromium.start()) {
      HeadlessChromium.Page tab = chromium.newPage();
      BrowserSignIn browser = BrowserSignIn.builder().port(f.port).timeout(Duration.ofMinutes(1))
          .launcher(url -> {
            tab.navigate(url.toString());
            assertThat(tab.evaluate("document.title")).isEqualTo("Sign in with Google · Clerk emulator");
            // The person chooses their account: a click on its button (a plain form POST, no script).
            tab.evaluate("document.querySelector('button[data-email=\"ada@example.com\"]').click()");
          }).build();

      CompletableFuture<SignIn> signIn = browser.signInAsync(f.clerk, SsoParams.oauth("google"));
      SignIn done = signIn.get(1, TimeUnit.MINUTES);

      assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(done.createdSessionId()).isPresent();
      // The browser ended on the receiver's page, at the redirect URL with the nonce.
      tab.waitUntil("document.body && document.body.innerText.includes('You can close this tab')", Duration.ofSeconds(30));
      assertThat((String) tab.evaluate("location.href"))
          .startsWith(browser.redirectUrl() + "?rotating_token_nonce=");
      assertThat(BrowserSignInTest.portIsFree(f.port)).as("the receiver's socket is closed").isTrue();
    }
  }
}
