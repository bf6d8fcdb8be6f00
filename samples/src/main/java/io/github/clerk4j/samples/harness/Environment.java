package io.github.clerk4j.samples.harness;

import io.github.clerk4j.desktop.BrowserSignIn;
import io.github.clerk4j.samples.Prompt;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.TotpGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the harness has around a run of the recipes: the embedded emulator (absent against a real
 * instance) with its outbox and clock, and the authenticator app of the person at the keyboard,
 * which holds the secret of the last QR code shown.
 */
final class Environment {

  private static final Pattern SECRET = Pattern.compile("(?:^|&)secret=([A-Za-z2-7=]+)");

  private final ClerkEmulator emulator;
  private final TestClock clock;
  private final int loopbackPort;
  /** How often the app has looked at its sign-in ({@code GET}) so far. */
  private final IntSupplier signInReloads;
  private volatile String scannedSecret;

  private Environment(ClerkEmulator emulator, TestClock clock, int loopbackPort, IntSupplier signInReloads) {
    this.emulator = emulator;
    this.clock = clock;
    this.loopbackPort = loopbackPort;
    this.signInReloads = signInReloads;
  }

  /**
   * Around the embedded emulator and the clock it runs on.
   *
   * @param loopbackPort the allowlisted loopback port, or 0 for none
   * @param signInReloads how many sign-in reloads the app's requests had answered so far
   */
  static Environment embedded(ClerkEmulator emulator, TestClock clock, int loopbackPort, IntSupplier signInReloads) {
    return new Environment(emulator, clock, loopbackPort, signInReloads);
  }

  /** Against a real Clerk instance: no outbox, and time that cannot be hurried. */
  static Environment realInstance() {
    return new Environment(null, null, 0, () -> 0);
  }

  /**
   * The port of the loopback redirect URL the instance allowlists: the emulator's, or against a
   * real instance {@link BrowserSignIn#DEFAULT_PORT} (allowlist {@code
   * http://127.0.0.1:45789/sso-callback} there).
   */
  int loopbackPort() {
    return loopbackPort != 0 ? loopbackPort : BrowserSignIn.DEFAULT_PORT;
  }

  /** A sign-in token for the user with this address, minted when asked for, as a backend would. */
  Supplier<String> signInTokenFor(String email) {
    return () -> {
      ClerkEmulator e = emulator().orElseThrow(Environment::noOutbox);
      return e.createSignInToken(e.userId(email), Duration.ofMinutes(10));
    };
  }

  /** A sign-in token minted for a minute, then the clock moves two minutes on: expired. */
  Supplier<String> expiredSignInTokenFor(String email) {
    return () -> {
      ClerkEmulator e = emulator().orElseThrow(Environment::noOutbox);
      String token = e.createSignInToken(e.userId(email), Duration.ofMinutes(1));
      clock.advance(Duration.ofMinutes(2));
      return token;
    };
  }

  /**
   * The person opens the next e-mail link sent to {@code recipient} once the app waits for it
   * (it has looked at its sign-in once since), on a thread of its own, so that a run takes the
   * same requests every time; gives up after a minute.
   */
  void openNextEmailLink(String recipient) {
    ClerkEmulator e = emulator().orElseThrow(Environment::noOutbox);
    int before = e.outbox().messagesFor(recipient).size();
    int reloads = signInReloads.getAsInt();
    Thread person = new Thread(() -> {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (System.nanoTime() < deadline) {
        List<OutboxMessage> sent = e.outbox().messagesFor(recipient);
        if (sent.size() > before && sent.get(sent.size() - 1).link() != null && signInReloads.getAsInt() > reloads) {
          open(sent.get(sent.size() - 1).link());
          return;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }, "person-opening-the-e-mail-link");
    person.setDaemon(true);
    person.start();
  }

  private static void open(String link) {
    try {
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
          .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Optional<ClerkEmulator> emulator() {
    return Optional.ofNullable(emulator);
  }

  /** The latest code the emulator sent to {@code recipient}, read when asked for. */
  Supplier<String> codeSentTo(String recipient) {
    return () -> emulator().orElseThrow(Environment::noOutbox).outbox().latestCodeFor(recipient);
  }

  /** The current code of an authenticator app holding {@code base32Secret}. */
  Supplier<String> totpCode(String base32Secret) {
    return () -> TotpGenerator.code(base32Secret, now());
  }

  /** The current code of the authenticator app that scanned the last QR code shown. */
  Supplier<String> totpCodeOfScannedQrCode() {
    return () -> {
      String secret = scannedSecret;
      if (secret == null) {
        throw new IllegalStateException("no QR code with a TOTP secret was shown yet");
      }
      return TotpGenerator.code(secret, now());
    };
  }

  /** What a phone does with a QR code shown: an {@code otpauth://} URI's secret goes into the app. */
  void scan(String content) {
    if (content.startsWith("otpauth://")) {
      Matcher m = SECRET.matcher(URI.create(content).getRawQuery());
      if (m.find()) {
        scannedSecret = m.group(1);
      }
    }
  }

  /** Against the emulator, moves its clock on; a real instance cannot be hurried. */
  void letTimePass(Duration d, Prompt prompt) {
    if (emulator == null) {
      prompt.tell("(a real instance: this step has its effect only after " + d.toMinutes() + " minutes)");
    } else {
      clock.advance(d);
    }
  }

  // By the emulator's clock, which a flow may have moved forward.
  private Instant now() {
    return clock == null ? Instant.now() : clock.instant();
  }

  private static IllegalStateException noOutbox() {
    return new IllegalStateException("codes come from the embedded emulator's outbox: not against a real instance");
  }
}
