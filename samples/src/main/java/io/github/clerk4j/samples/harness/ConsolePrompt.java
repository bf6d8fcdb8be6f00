package io.github.clerk4j.samples.harness;

import io.github.clerk4j.samples.Prompt;
import io.github.clerk4j.desktop.BrowserLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The interactive {@link Prompt}: asks on the console. Against the embedded emulator it offers the
 * flow's {@link Answers} as defaults (the seeded user's values, the code the emulator just sent),
 * taken by pressing Enter. A code prompt takes {@code n} for "I need a new code" and {@code s} for
 * "Start over" where the form offers them.
 */
final class ConsolePrompt implements Prompt {

  /** Standard input ended: nobody is left to answer. */
  static final class InputClosed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputClosed() {
      super("standard input closed", null, false, false);
    }
  }

  private final BufferedReader in;
  private final PrintStream out;
  private final Answers defaults;
  private final Environment environment;

  /** {@code defaults}: empty against a real instance, whose answers only the person knows. */
  ConsolePrompt(BufferedReader in, PrintStream out, Answers defaults, Environment environment) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String ask(String label) {
    String offered = offered(label);
    return read(label + (offered == null ? "" : " [" + offered + "]") + ": ", offered, false);
  }

  @Override
  public String askSecret(String label) {
    Answers.Answer offered = defaults.offer(label).orElse(null);
    return read(label + (offered == null ? "" : " [Enter: " + offered.description() + "]") + ": ",
        offered == null ? null : offered.value().get(), true);
  }

  @Override
  public Code askCode(String label, Choice... choices) {
    List<Choice> offeredChoices = Arrays.asList(choices);
    StringBuilder keys = new StringBuilder();
    if (offeredChoices.contains(Choice.NEW_CODE)) {
      keys.append("n = I need a new code");
    }
    if (offeredChoices.contains(Choice.START_OVER)) {
      keys.append(keys.length() == 0 ? "" : ", ").append("s = Start over");
    }
    String offered = offered(label);
    String answer = read(label + (keys.length() == 0 ? "" : " (" + keys + ")")
        + (offered == null ? "" : " [" + offered + "]") + ": ", offered, false);
    if (answer.equalsIgnoreCase("n") && offeredChoices.contains(Choice.NEW_CODE)) {
      return Code.chose(Choice.NEW_CODE);
    }
    if (answer.equalsIgnoreCase("s") && offeredChoices.contains(Choice.START_OVER)) {
      return Code.chose(Choice.START_OVER);
    }
    return Code.of(answer);
  }

  @Override
  public void tell(String message) {
    out.println(message);
  }

  /** The system browser (or, where there is none, the URL printed); the flow's choice is suggested. */
  @Override
  public void openInBrowser(URI page) {
    String suggested = offered(AutoPrompt.BROWSER_CHOICE);
    if (suggested != null) {
      out.println("On the provider's page, choose " + suggested + " (or another account).");
    }
    try {
      BrowserLauncher.system().open(page);
    } catch (IOException e) {
      out.println("Could not open a browser: open " + page + " yourself.");
    }
  }

  @Override
  public void showQrCode(String content) {
    environment.scan(content); // the defaults offer the codes of the app that scanned it
    out.print(QrCode.render(content));
  }

  /** Reads an answer; Enter takes {@code offered}; an empty answer without one is asked again. */
  private String read(String prompt, String offered, boolean secret) {
    while (true) {
      String line = secret ? readSecret(prompt) : readLine(prompt);
      if (!line.isBlank()) {
        return secret ? line : line.trim();
      }
      if (offered != null) {
        return offered;
      }
    }
  }

  private String readSecret(String prompt) {
    java.io.Console terminal = System.console();
    if (terminal == null) {
      return readLine(prompt); // piped input: nothing to hide from
    }
    char[] chars = terminal.readPassword("%s", prompt);
    if (chars == null) {
      throw new InputClosed();
    }
    return new String(chars);
  }

  private String readLine(String prompt) {
    out.print(prompt);
    out.flush();
    try {
      String line = in.readLine();
      if (line == null) {
        throw new InputClosed();
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default to offer, or null: none, or nothing to read yet (no code sent). */
  private String offered(String label) {
    try {
      return defaults.offer(label).map(a -> a.value().get()).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
