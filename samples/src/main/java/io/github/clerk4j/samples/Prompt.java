package io.github.clerk4j.samples;

import java.net.URI;
import java.util.Objects;

/**
 * How a recipe talks to the person signing in: the one thing to replace by your own UI (a form, a
 * dialog, a page) when you paste a recipe into an app. The samples' runner implements it on the
 * console and, for {@code --auto}, with answers of its own.
 */
public interface Prompt {

  /** The other buttons of a code form, besides "Verify". */
  enum Choice {
    /** "I need a new code". */
    NEW_CODE,
    /** "Start over": back to the first form, with an empty sign-in. */
    START_OVER
  }

  /** Asks for a value, such as an e-mail address, and returns what the person entered. */
  String ask(String label);

  /** Asks for a secret, such as a password, without showing it as it is typed. */
  String askSecret(String label);

  /**
   * Asks for a one-time code. {@code choices} are what the form offers instead ("I need a new
   * code", "Start over"); the answer is a code or one of them.
   */
  Code askCode(String label, Choice... choices);

  /** Shows a message: an error next to its field, a status, the backup codes to save. */
  void tell(String message);

  /** Shows a QR code for the person to scan, such as the {@code otpauth://} URI of a new TOTP secret. */
  void showQrCode(String content);

  /**
   * Opens a sign-in page of an identity provider (Google's, a company's) in the person's browser,
   * where they sign in; the browser then comes back to the app by itself. A recipe hands this to
   * {@code BrowserSignIn} as its {@code BrowserLauncher}.
   */
  void openInBrowser(URI page);

  /**
   * The answer to {@link #askCode}: the code the person entered, or the {@link Choice} they made.
   *
   * @param value the code, or {@code null} when the person made a choice
   * @param choice the choice, or {@code null} when the person entered a code
   */
  record Code(String value, Choice choice) {

    public Code {
      if ((value == null) == (choice == null)) {
        throw new IllegalArgumentException("a code answer is either a code or a choice");
      }
    }

    /** The person entered {@code code}. */
    public static Code of(String code) {
      return new Code(Objects.requireNonNull(code, "code"), null);
    }

    /** The person chose {@code choice} instead of entering a code. */
    public static Code chose(Choice choice) {
      return new Code(null, Objects.requireNonNull(choice, "choice"));
    }

    /** Whether the person made this choice. */
    public boolean is(Choice c) {
      return choice == c;
    }

    @Override
    public String toString() {
      return choice == null ? "Code[******]" : "Code[" + choice + "]"; // a code is a secret
    }
  }
}
