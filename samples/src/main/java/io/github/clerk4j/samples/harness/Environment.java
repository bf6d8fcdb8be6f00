package io.github.clerk4j.samples.harness;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.desktop.BrowserSignIn;
import io.github.clerk4j.okhttp.OkHttpTransport;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * What the harness has around a run of the recipes: the embedded emulator (absent against a real
 * instance) with its outbox and clock, and the authenticator app of the person at the keyboard,
 * which holds the secret of the last QR code shown.
 */
final class Environment implements AutoCloseable {

  private static final Pattern SECRET = Pattern.compile("(?:^|&)secret=([A-Za-z2-7=]+)");
  /** The other device's browser and address, as the emulator reads them from its requests. */
  private static final String PHONE_BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
  private static final String PHONE_ADDRESS = "198.51.100.4";

  private final ClerkEmulator emulator;
  private final TestClock clock;
  private final int loopbackPort;
  /** How often the app has looked at its sign-in ({@code GET}) so far. */
  private final IntSupplier signInReloads;
  private volatile String scannedSecret;
  private Clerk otherDevice;

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

  /**
   * The person signs in on another device too (a phone's browser, by its {@code User-Agent} and
   * address): a second client of the embedded emulator, signed in with the password.
   */
  void signInOnAnotherDevice(String identifier, String password, Prompt prompt) {
    if (emulator == null) {
      prompt.tell("(a real instance: sign in on another device yourself, then continue)");
      return;
    }
    OkHttpClient phone = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
        .header("User-Agent", PHONE_BROWSER).header("X-Forwarded-For", PHONE_ADDRESS).build())).build();
    otherDevice = Clerk.builder().publishableKey(emulator.publishableKey())
        .transport(OkHttpTransport.builder().okHttpClient(phone).factory()).build();
    otherDevice.signIn().password(identifier, password).finalize((s, decorateUrl) -> {});
    prompt.tell("Signed in on a phone as well: " + otherDevice.session().map(Session::id).orElseThrow());
  }

  /**
   * The other device's next call, after its session was revoked: Clerk answers 401 {@code
   * signed_out}, and the SDK there drops the session, so that device shows itself signed out.
   */
  void showTheOtherDeviceIsSignedOut(Prompt prompt) {
    if (otherDevice == null) {
      return;
    }
    Session stale = otherDevice.session()
        .orElseThrow(() -> new IllegalStateException("the other device was signed out before its next call"));
    try {
      stale.getToken();
      throw new IllegalStateException("the other device still got a session token after the revocation");
    } catch (ClerkApiException e) {
      prompt.tell("The phone's next call: HTTP " + e.httpStatus() + " " + e.firstError().code() + " ("
          + e.firstError().longMessage() + ")");
    }
    if (otherDevice.session().isPresent()) {
      throw new IllegalStateException("the other device still shows its session");
    }
    prompt.tell("The phone is signed out: it has no session any more.");
  }

  /** Closes the other device's client, if the flow made one. */
  @Override
  public void close() {
    if (otherDevice != null) {
      otherDevice.close();
    }
  }

  /** A small PNG in a temporary file, for the person to upload as a profile image. */
  static String pngFile() {
    try {
      Path file = Files.createTempFile("clerk4j-sample-", ".png");
      file.toFile().deleteOnExit();
      Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
