package io.github.clerk4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.RateLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's web UI in a real headless Chromium: a person signs in with the admin token, sees
 * the users (a hostile name shown as text, never run), watches the outbox while an app signs in
 * through the SDK, reads the client-trust code off the page, and the app finishes with it; then
 * revokes that session from the user's page. Screenshots of each step land in
 * {@code target/surefire-reports/browser/}.
 */
class EmulatorWebUiBrowserTest {
  private static final Path SHOTS = Path.of("target", "surefire-reports", "browser");
  private static final String TOKEN = "browser-admin-token";
  private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

  @BeforeAll
  static void needsChromium() {
    Chromium.assumeInstalled();
  }

  @Test
  void aPersonWatchesTheCodeArriveWhileTheSdkSignsIn() throws Exception {
    try (ClerkEmulator emulator = ClerkEmulator.builder().adminToken(TOKEN).rateLimits(RateLimits.disabled())
            .user(EmulatorUser.builder().id("user_ada").email("ada@example.com").password("analytical-engine-1")
                .firstName("Ada").lastName("Lovelace").build())
            .user(EmulatorUser.builder().id("user_hostile").email("mallory@example.com").password("mallory-pass-1")
                .firstName(HOSTILE).backupCodes("11111111", "22222222").build())
            .build().start();
        Chromium chromium = Chromium.launch();
        Clerk clerk = Clerk.builder().publishableKey(emulator.publishableKey()).build()) {
      BrowserPage page = chromium.newPage();

      page.open(emulator.url() + "/__emulator/");
      page.waitFor("#login");
      assertThat(page.url()).endsWith("/__emulator/login");
      page.screenshot(SHOTS.resolve("01-login.png"));
      page.type("#token", TOKEN);
      page.click("#login button[type=submit]");
      page.waitFor("#users");
      assertThat(page.evaluate("document.cookie")).as("the admin cookie is HttpOnly").isEqualTo("");
      assertThat(page.text("[data-user-id=user_hostile] a")).isEqualTo(HOSTILE);
      assertThat(page.evaluate("typeof window.pwned")).as("the hostile name ran no script").isEqualTo("undefined");
      assertThat(page.evaluate("document.querySelectorAll('#users img, #users script').length")).isEqualTo(0.0);
      page.screenshot(SHOTS.resolve("02-users.png"));

      page.open(emulator.url() + "/__emulator/ui/outbox");
      page.waitFor("#outbox-empty:not([hidden])");
      page.waitForText("#outbox-status", "updates live");
      page.screenshot(SHOTS.resolve("03-outbox-empty.png"));

      SignIn signIn = clerk.signIn().password("ada@example.com", "analytical-engine-1");
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
      signIn = signIn.mfa().sendEmailCode();
      // The page was not reloaded: the code arrives through the outbox page's live update.
      page.waitFor("#outbox tbody tr td.code");
      String codeOnPage = page.text("#outbox tbody tr:first-child td.code");
      assertThat(page.text("#outbox tbody tr:first-child")).contains("ada@example.com", "second_factor");
      assertThat(codeOnPage).isEqualTo(emulator.outbox().latestCodeFor("ada@example.com"));
      page.screenshot(SHOTS.resolve("04-outbox-code.png"));

      signIn = signIn.mfa().verifyEmailCode(codeOnPage);
      Session session = signIn.finalize(Navigate.none());
      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);

      page.open(emulator.url() + "/__emulator/ui/users/user_ada");
      page.waitForText("[data-session-id=" + session.id() + "]", "active");
      page.screenshot(SHOTS.resolve("05-user.png"));
      page.click("[data-session-id=" + session.id() + "] button");
      page.waitUntilLoaded();
      page.waitForText("[data-session-id=" + session.id() + "]", "revoked");
      page.screenshot(SHOTS.resolve("06-user-session-revoked.png"));

      page.open(emulator.url() + "/__emulator/ui/settings");
      page.waitFor("#settings");
      page.screenshot(SHOTS.resolve("07-settings.png"));
      page.open(emulator.url() + "/__emulator/ui/clock");
      page.click("#advance button[type=submit]"); // empty: the browser's own "required" check keeps it
      page.type("#advance input[name=advance]", "1h");
      page.click("#advance button[type=submit]");
      page.waitForText("#offset", "1h");
      page.screenshot(SHOTS.resolve("08-clock.png"));
    }
  }
}
