package io.github.clerk4j.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The samples' form: asks what a guide's form asks and prints what it shows. With {@code --auto}
 * it answers every question itself, from the answer each question carries.
 */
final class Console {

  private final BufferedReader in;
  private final PrintStream out;
  private final boolean auto;

  private Console(BufferedReader in, PrintStream out, boolean auto) {
    this.in = in;
    this.out = out;
    this.auto = auto;
  }

  static Console interactive(PrintStream out) {
    return new Console(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, false);
  }

  static Console auto(PrintStream out) {
    return new Console(null, out, true);
  }

  boolean isAuto() {
    return auto;
  }

  /**
   * Asks for a value. {@code autoAnswer} answers in {@code --auto} mode; interactively, when it
   * can answer (the embedded emulator knows the seeded users and the codes it sent), its answer is
   * offered as the default.
   */
  String ask(String label, Supplier<String> autoAnswer) {
    if (auto) {
      String answer = autoAnswer.get();
      out.println(label + ": " + answer);
      return answer;
    }
    String hint = quietly(autoAnswer);
    out.print(label + (hint == null ? "" : " [" + hint + "]") + ": ");
    out.flush();
    String line = readLine();
    return line.isBlank() && hint != null ? hint : line.trim();
  }

  /**
   * Like {@link #ask} for a one-time code: its own answer in {@code --auto} mode is not echoed, so
   * that a transcript (printed when a flow fails in CI) holds no code.
   */
  String askCode(String label, Supplier<String> autoAnswer) {
    if (auto) {
      out.println(label + ": ******");
      return autoAnswer.get();
    }
    return ask(label, autoAnswer);
  }

  /** Like {@link #ask} for a password: never echoed in auto mode, hidden on a real terminal. */
  String askSecret(String label, Supplier<String> autoAnswer) {
    if (auto) {
      out.println(label + ": ********");
      return autoAnswer.get();
    }
    java.io.Console terminal = System.console();
    String hint = quietly(autoAnswer);
    String prompt = label + (hint == null ? "" : " [press Enter for the sample user's]") + ": ";
    String line;
    if (terminal != null) {
      char[] chars = terminal.readPassword("%s", prompt);
      line = chars == null ? "" : new String(chars);
    } else {
      out.print(prompt);
      out.flush();
      line = readLine();
    }
    return line.isEmpty() && hint != null ? hint : line;
  }

  void say(String format, Object... args) {
    out.println(String.format(format, args));
  }

  /** Shows a server's complaint next to the field it is about, as the guides' forms do. */
  void fieldError(String field, String message) {
    out.println("  ! " + field + ": " + message);
  }

  private String readLine() {
    try {
      String line = in.readLine();
      if (line == null) {
        throw new StartOver.Quit();
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quietly(Supplier<String> answer) {
    try {
      return answer.get();
    } catch (RuntimeException e) {
      return null; // no default to offer (a real instance, or nothing sent yet)
    }
  }
}
