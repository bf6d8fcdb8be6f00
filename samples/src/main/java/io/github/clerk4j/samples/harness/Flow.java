package io.github.clerk4j.samples.harness;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.samples.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One runnable sample: a flow of Clerk's custom-flow guides as recipes run in order, with the
 * users it needs in the emulator and the answers {@code --auto} gives.
 *
 * @param name the command-line name, for example {@code client-trust-email}
 * @param summary one line for the flow table
 * @param guide the guide it mirrors, as a path under https://clerk.com/docs/
 * @param details what it shows, for {@code <flow> --help}
 * @param seed the users and instance settings it needs in the embedded emulator
 * @param answers its answers against the embedded emulator
 * @param steps what runs, in order
 */
record Flow(String name, String summary, String guide, String details, Consumer<EmulatorSetup> seed,
    BiConsumer<Answers, Environment> answers, List<Step> steps) {

  /** One thing a flow runs: a recipe, or something of the harness (moving the emulator's clock). */
  interface Action {
    void run(Clerk clerk, Prompt prompt, Environment environment);
  }

  /**
   * @param description what runs, for {@code --help}
   * @param recipe the recipe class, or null for a step of the harness
   * @param action runs it
   */
  record Step(String description, Class<?> recipe, Action action) {}

  /** The answers of this flow in {@code environment}. */
  Answers answersIn(Environment environment) {
    Answers a = new Answers();
    answers.accept(a, environment);
    return a;
  }

  /** The recipe classes it runs, in order. */
  List<Class<?>> recipes() {
    return steps.stream().<Class<?>>map(Step::recipe).filter(Objects::nonNull).distinct().toList();
  }

  static Builder named(String name) {
    return new Builder(name);
  }

  /** Builds a flow; every part but the steps is required. */
  static final class Builder {
    private final String name;
    private String summary;
    private String guide;
    private String details;
    private Consumer<EmulatorSetup> seed;
    private BiConsumer<Answers, Environment> answers;
    private final List<Step> steps = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    Builder guide(String guide) {
      this.guide = guide;
      return this;
    }

    Builder details(String details) {
      this.details = details;
      return this;
    }

    Builder seed(Consumer<EmulatorSetup> seed) {
      this.seed = seed;
      return this;
    }

    Builder answers(BiConsumer<Answers, Environment> answers) {
      this.answers = answers;
      return this;
    }

    /** Runs {@code run}, a method of the recipe class {@code recipe}. */
    Builder recipe(Class<?> recipe, String method, BiConsumer<Clerk, Prompt> run) {
      steps.add(new Step(recipe.getSimpleName() + "." + method, recipe, (clerk, prompt, env) -> run.accept(clerk, prompt)));
      return this;
    }

    /** Runs {@code run}, a method of {@code recipe} that also takes something of the environment (a port). */
    Builder recipe(Class<?> recipe, String method, Action run) {
      steps.add(new Step(recipe.getSimpleName() + "." + method, recipe, run));
      return this;
    }

    /** Runs a step of the harness. */
    Builder then(String description, Action action) {
      steps.add(new Step(description, null, action));
      return this;
    }

    Flow build() {
      if (steps.isEmpty()) {
        throw new IllegalStateException(name + " runs nothing");
      }
      return new Flow(name, Objects.requireNonNull(summary, "summary"), Objects.requireNonNull(guide, "guide"),
          Objects.requireNonNull(details, "details"), Objects.requireNonNull(seed, "seed"),
          Objects.requireNonNull(answers, "answers"), List.copyOf(steps));
    }
  }
}
