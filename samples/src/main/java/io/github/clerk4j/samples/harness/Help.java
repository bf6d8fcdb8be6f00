package io.github.clerk4j.samples.harness;

import java.util.List;
import java.util.stream.Collectors;

/** The text of {@code <flow> --help}: what the flow shows, the guide, its recipes, prompts and options. */
final class Help {

  private Help() {}

  static String of(Flow flow) {
    StringBuilder s = new StringBuilder();
    s.append(flow.name()).append(": ").append(flow.summary()).append("\n\n");
    s.append(flow.details().strip()).append("\n\n");
    s.append("Mirrors https://clerk.com/docs/").append(flow.guide()).append('\n');
    s.append("Runs: ").append(flow.steps().stream().map(Flow.Step::description).collect(Collectors.joining(", then ")))
        .append('\n');
    flow.recipes().forEach(r -> s.append("  ").append(Flows.sourceFile(r)).append('\n'));

    s.append("\nPrompts, and what --auto answers against the embedded emulator (Enter takes it interactively):\n");
    // Described, never read: no emulator is needed for that.
    List<Answers.Answer> answers = flow.answersIn(Environment.realInstance()).all();
    int width = answers.stream().mapToInt(a -> a.label().length()).max().orElse(0);
    for (Answers.Answer a : answers) {
      String what = switch (a.kind()) {
        case VALUE -> a.description();
        case SECRET -> "(secret) " + a.description();
        case CODE -> "(code) " + a.description();
      };
      s.append(String.format("  %-" + width + "s  %s%n", a.label(), what));
    }
    s.append("A code prompt also takes n (\"I need a new code\") and s (\"Start over\") where the form offers them.\n");

    s.append("""

        Options:
          --auto                    answer every prompt as listed above (embedded emulator only)
          --publishable-key pk_...  run against a real Clerk instance (or set CLERK_PUBLISHABLE_KEY):
                                    you answer, and codes come to your own inbox or phone
        """);
    return s.toString();
  }
}
