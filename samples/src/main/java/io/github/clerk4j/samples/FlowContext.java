package io.github.clerk4j.samples;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkError;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.TotpGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a flow works with: the {@link Clerk} instance, the console, and (when running embedded) the
 * emulator that knows the codes it sent. Also the steps several guides share: entering a code,
 * showing field errors, finishing the sign-in.
 */
final class FlowContext {

  private final Clerk clerk;
  private final Console console;
  private final ClerkEmulator emulator;
  private final TestClock clock;
  private final List<String> statuses = new ArrayList<>();
  private Session session;

  FlowContext(Clerk clerk, Console console, ClerkEmulator emulator, TestClock clock) {
    this.clerk = clerk;
    this.console = console;
    this.emulator = emulator;
    this.clock = clock;
  }

  Clerk clerk() {
    return clerk;
  }

  Console console() {
    return console;
  }

  /** The embedded emulator, absent against a real Clerk instance. */
  Optional<ClerkEmulator> emulator() {
    return Optional.ofNullable(emulator);
  }

  /** The sign-in statuses the flow went through, in order (for the tests). */
  List<String> statuses() {
    return List.copyOf(statuses);
  }

  /** The session the flow ended with, if it signed in. */
  Optional<Session> session() {
    return Optional.ofNullable(session);
  }

  /** Prints and records where the sign-in stands. */
  SignIn show(SignIn signIn) {
    statuses.add(signIn.rawStatus());
    console.say("  -> sign-in status: %s", signIn.rawStatus());
    return signIn;
  }

  /** The answer {@code --auto} gives for a seeded value. */
  static Supplier<String> value(String v) {
    return () -> v;
  }

  /** The latest code the emulator sent to {@code recipient}: {@code --auto}'s answer to "Code". */
  Supplier<String> codeSentTo(String recipient) {
    return () -> emulator().orElseThrow(FlowContext::noEmulator).outbox().latestCodeFor(recipient);
  }

  /** The current code of an authenticator app holding {@code base32Secret}. */
  Supplier<String> totpCode(String base32Secret) {
    // By the emulator's clock, which a flow may have moved forward.
    return () -> TotpGenerator.code(base32Secret, emulator == null ? Instant.now() : clock.instant());
  }

  /** Against the emulator, lets time pass (a real instance cannot be hurried). */
  void letTimePass(Duration d) {
    if (emulator != null) {
      console.say("  (emulator: %d minutes pass)", d.toMinutes());
      clock.advance(d);
    }
  }

  /**
   * Asks for a code until {@code verify} accepts it. A wrong code is shown next to the field and
   * asked again; an expired or failed code is replaced by a new one; "n" asks for a new code ("I
   * need a new code") and "s" starts over.
   */
  <T> T enterCode(String label, Supplier<String> autoCode, Function<String, T> verify, Runnable resend) {
    String prompt = console.isAuto() ? label : label + " (n = I need a new code, s = Start over)";
    while (true) {
      String code = console.askCode(prompt, autoCode);
      if (code.equalsIgnoreCase("s")) {
        throw new StartOver();
      }
      if (code.equalsIgnoreCase("n")) {
        resend.run();
        continue;
      }
      try {
        return verify.apply(code);
      } catch (ClerkApiException e) {
        if (e.isVerificationExpired() || e.isVerificationFailed()) {
          console.fieldError("code", e.firstError().longMessage() + " Sending a new code.");
          resend.run();
        } else if (!showFieldErrors(e)) {
          throw e;
        }
      }
    }
  }

  /**
   * Shows each field error next to its field. Returns false when the error is about no field (the
   * caller decides what to do with it then).
   */
  boolean showFieldErrors(ClerkApiException e) {
    Map<String, ClerkError> fields = e.fieldErrors();
    fields.forEach((field, error) -> console.fieldError(field, error.longMessage()));
    // In --auto mode the same answer would come again: let the error end the flow instead.
    return !fields.isEmpty() && !console.isAuto();
  }

  /**
   * The guides' sign-in form: "Enter email address" and "Enter password", then {@code
   * password(...)}. A wrong password or an unknown identifier is shown next to its field and asked
   * again; other errors (a compromised password, say) go to the caller.
   */
  SignIn passwordForm(Supplier<String> identifier, Supplier<String> password) {
    return passwordForm("Enter email address", identifier, password);
  }

  /** {@link #passwordForm(Supplier, Supplier)} with another identifier label ("Enter phone number"). */
  SignIn passwordForm(String identifierLabel, Supplier<String> identifier, Supplier<String> password) {
    while (true) {
      String id = console.ask(identifierLabel, identifier);
      String pw = console.askSecret("Enter password", password);
      try {
        return show(clerk.signIn().password(id, pw));
      } catch (ClerkApiException e) {
        boolean retryable = e.isPasswordIncorrect() || e.isIdentifierNotFound();
        if (!retryable || !showFieldErrors(e)) {
          throw e;
        }
      }
    }
  }

  /** {@code finalize(navigate)}: makes the new session active and "navigates" to the app. */
  Session finish(SignIn signIn) {
    Session s =
        signIn.finalize(
            (created, decorateUrl) -> {
              if (created.currentTask().isPresent()) {
                console.say(
                    "  Session %s is pending: task %s", created.id(), created.currentTask().get().rawKey());
              } else {
                console.say("  Signed in: session %s, navigate to %s", created.id(), decorateUrl.apply("/dashboard"));
              }
            });
    session = s;
    return s;
  }

  /** Records a session reached another way than {@link #finish} (for example after a task). */
  void signedIn(Session s) {
    session = s;
  }

  private static IllegalStateException noEmulator() {
    return new IllegalStateException("--auto needs the embedded emulator: codes come from its outbox");
  }
}
