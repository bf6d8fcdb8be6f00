package io.github.clerk4j.samples.harness;

import io.github.clerk4j.samples.Prompt;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The {@link Prompt} of {@code --auto}: answers every question from the flow's {@link Answers}
 * and prints a transcript without the secrets and codes it typed (CI prints it when a flow fails).
 */
final class AutoPrompt implements Prompt {

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
