package io.github.clerk4j.samples.harness;

import io.github.clerk4j.samples.Prompt;
import io.github.clerk4j.testing.EmulatedBrowser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;

/**
 * The {@link Prompt} of {@code --auto}: answers every question from the flow's {@link Answers}
 * and prints a transcript without the secrets and codes it typed (CI prints it when a flow fails).
 */
final class AutoPrompt implements Prompt {

  /** The answer naming the account the person chooses on an identity provider's page. */
  static final String BROWSER_CHOICE = "Account chosen on the provider's page";

  private final Answers answers;
  private final Environment environment;
  private final PrintStream out;

  AutoPrompt(Answers answers, Environment environment, PrintStream out) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public String ask(String label) {
    String answer = answer(label, Answers.Kind.VALUE);
    out.println(label + ": " + answer);
    return answer;
  }

  @Override
  public String askSecret(String label) {
    out.println(label + ": ********");
    return answer(label, Answers.Kind.SECRET);
  }

  @Override
  public Code askCode(String label, Choice... choices) {
    out.println(label + ": ******");
    return Code.of(answer(label, Answers.Kind.CODE));
  }

  @Override
  public void tell(String message) {
    out.println(message);
  }

  /**
   * The person on the provider's page, played by {@link EmulatedBrowser}: chooses the account the
   * flow's answer names (or cancels, for the answer {@code cancel}) and the browser goes back to
   * the app.
   */
  @Override
  public void openInBrowser(URI page) {
    String account = answer(BROWSER_CHOICE, Answers.Kind.VALUE);
    out.println("(the browser opens " + page.getScheme() + "://" + page.getAuthority() + page.getPath()
        + "; the person " + (account.equals("cancel") ? "cancels" : "chooses " + account) + ")");
    EmulatedBrowser person = account.equals("cancel") ? EmulatedBrowser.denying() : EmulatedBrowser.choosing(account);
    try {
      person.asLauncher().open(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void showQrCode(String content) {
    environment.scan(content);
    out.print(QrCode.render(content));
  }

  private String answer(String label, Answers.Kind kind) {
    Answers.Answer a = answers.take(label);
    if (a.kind() != kind) {
      // A code answered as a value would be printed: the flow's table is wrong.
      throw new IllegalStateException("\"" + label + "\" is asked as a " + kind + " but answered as a " + a.kind());
    }
    return a.value().get();
  }
}
