package io.github.clerk4j.samples.harness;

import io.github.clerk4j.samples.Prompt;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.TotpGenerator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
  private volatile String scannedSecret;

  private Environment(ClerkEmulator emulator, TestClock clock) {
    this.emulator = emulator;
    this.clock = clock;
  }

  /** Around the embedded emulator and the clock it runs on. */
  static Environment embedded(ClerkEmulator emulator, TestClock clock) {
    return new Environment(emulator, clock);
  }

  /** Against a real Clerk instance: no outbox, and time that cannot be hurried. */
  static Environment realInstance() {
    return new Environment(null, null);
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
