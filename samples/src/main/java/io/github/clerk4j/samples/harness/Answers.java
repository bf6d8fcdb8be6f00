package io.github.clerk4j.samples.harness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A flow's answers to its prompts against the embedded emulator, per label in the order they are
 * asked: what {@code --auto} types, and what the interactive console offers as the default. A
 * code is read (from the outbox, or an authenticator app) only when it is asked for.
 */
final class Answers {

  /** How an answer is typed. */
  enum Kind {
    VALUE,
    SECRET,
    CODE
  }

  /**
   * One answer.
   *
   * @param label the prompt it answers
   * @param kind how it is typed
   * @param description what it is, for {@code --help} (never a secret itself)
   * @param value reads the answer
   */
  record Answer(String label, Kind kind, String description, Supplier<String> value) {}

  private final List<Answer> inOrder = new ArrayList<>();
  private final Map<String, Deque<Answer>> byLabel = new HashMap<>();

  /** {@code label} is answered with {@code value}, shown as it is. */
  Answers value(String label, String value) {
    return add(new Answer(label, Kind.VALUE, value, () -> value));
  }

  /** {@code label} is answered with the secret {@code value}, described as {@code description}. */
  Answers secret(String label, String description, String value) {
    return add(new Answer(label, Kind.SECRET, description, () -> value));
  }

  /** {@code label} is answered with the secret {@code value} reads when asked (a token minted then). */
  Answers secret(String label, String description, Supplier<String> value) {
    return add(new Answer(label, Kind.SECRET, description, value));
  }

  /** {@code label} is answered with the code {@code code} reads when asked, described as {@code description}. */
  Answers code(String label, String description, Supplier<String> code) {
    return add(new Answer(label, Kind.CODE, description, code));
  }

  /** {@code label} is answered with the seeded user's password {@code value}. */
  Answers seededPassword(String label, String value) {
    return secret(label, "the seeded user's password", value);
  }

  /** {@code label} is answered with the latest code the emulator sent to {@code recipient}. */
  Answers codeSentTo(String label, String recipient, Environment environment) {
    return code(label, "the code the emulator sent to " + recipient, environment.codeSentTo(recipient));
  }

  private Answers add(Answer answer) {
    inOrder.add(answer);
    byLabel.computeIfAbsent(answer.label(), l -> new ArrayDeque<>()).addLast(answer);
    return this;
  }

  /**
   * For {@code --auto}: the next answer to {@code label}, used up.
   *
   * @throws IllegalStateException none is left: the flow asked more often than it should have
   */
  Answer take(String label) {
    Deque<Answer> left = byLabel.get(label);
    if (left == null || left.isEmpty()) {
      throw new IllegalStateException("--auto has no " + (left == null ? "" : "more ") + "answers to \""
          + label + "\"" + (left == null ? "" : ": the flow asked again (see the messages above)"));
    }
    return left.removeFirst();
  }

  /** For the interactive console: the answer to offer as the default; the last one stays on offer. */
  Optional<Answer> offer(String label) {
    Deque<Answer> left = byLabel.get(label);
    if (left == null || left.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(left.size() > 1 ? left.removeFirst() : left.peekFirst());
  }

  /** Every answer, in the order the flow asks for them. */
  List<Answer> all() {
    return List.copyOf(inOrder);
  }
}
