package io.github.clerk4j.it.browser;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.desktop.BrowserLauncher;
import io.github.clerk4j.desktop.BrowserSignIn;
import io.github.clerk4j.it.support.EmulatorFixture;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.IdpAccount;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An emulator with a Google and a GitHub provider (fake pages) and an enterprise connection for
 * acme.com, seeded users (Ada with a password, Grace with TOTP), and an SDK client over OkHttp
 * on the emulator's clock, whose waits (retries, e-mail link polls) move that clock instead of sleeping.
 */
final class BrowserFixture extends EmulatorFixture {

  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  static final IdpAccount ADA = IdpAccount.of("ada@example.com", "Ada", "Lovelace");
  static final IdpAccount GRACE = IdpAccount.of("grace@example.com", "Grace", "Hopper");
  static final IdpAccount NINA = IdpAccount.of("nina@example.com", "Nina", "New");
  static final IdpAccount BOB = IdpAccount.of("bob@acme.com", "Bob", "Builder");

  /** Every wait of the SDK, in order; each moves the clock. */
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  /** Run on each wait after the clock moved, for a test to act "while the app waits". */
  volatile Runnable onWait = () -> { };
  final Clerk clerk;
  /** A fixed loopback port for this fixture's BrowserSignIn, free a moment ago. */
  final int port = freePort();

  BrowserFixture(UnaryOperator<ClerkEmulator.Builder> settings) {
    super(Instant.parse("2026-05-12T10:00:00Z"), b -> b
        .oauthProvider("google", ADA, GRACE, NINA)
        .oauthProvider("github")
        .enterpriseConnection("Acme Corp", "acme.com", BOB),
        settings,
        EmulatorUser.builder().email("ada@example.com").password("ada-password-1").firstName("Ada").build(),
        EmulatorUser.builder().email("grace@example.com").password("grace-password-1").totpSecret(TOTP_SECRET).build());
    RetryPolicy waitsMoveTheClock = RetryPolicy.builder().sleeper(d -> {
      waits.add(d);
      clock.advance(d);
      onWait.run();
    }).build();
    clerk = Clerk.builder().publishableKey(emulator.publishableKey()).clock(clock).retryPolicy(waitsMoveTheClock).build();
  }

  BrowserFixture() {
    this(b -> b);
  }

  /** A BrowserSignIn on this fixture's port that opens pages with {@code launcher}. */
  BrowserSignIn browser(BrowserLauncher launcher) {
    return BrowserSignIn.builder().port(port).launcher(launcher).timeout(Duration.ofSeconds(30)).build();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected Clerk mainClerk() {
    return clerk;
  }
}
