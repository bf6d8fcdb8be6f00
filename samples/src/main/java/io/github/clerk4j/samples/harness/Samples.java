package io.github.clerk4j.samples.harness;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.samples.Prompt;
import io.github.clerk4j.spi.TransportFactory;
import io.github.clerk4j.testing.ClerkEmulator;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the sample flows: {@code <flow>} interactively, {@code <flow> --auto} answering itself,
 * {@code <flow> --help} explaining it, {@code all} every flow with {@code --auto}. Against the
 * embedded emulator unless a publishable key is given ({@code --publishable-key pk_...} or {@code
 * CLERK_PUBLISHABLE_KEY}).
 */
public final class Samples {

  /** Held so that the level set on it stays (JUL keeps loggers weakly). */
  private static final Logger SDK_LOGS = Logger.getLogger("io.github.clerk4j");

  private Samples() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.getenv("CLERK_PUBLISHABLE_KEY")));
  }

  /**
   * Runs the command line; returns the exit status.
   *
   * @param publishableKeyFromEnv the value of {@code CLERK_PUBLISHABLE_KEY}, or null
   */
  static int run(String[] args, InputStream in, PrintStream out, String publishableKeyFromEnv) {
    String command = null;
    boolean auto = false;
    boolean help = false;
    String publishableKey = publishableKeyFromEnv;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--auto" -> auto = true;
        case "--help", "-h" -> help = true;
        case "--publishable-key" -> {
          if (i + 1 == args.length) {
            return usage(out, "--publishable-key needs a value (pk_test_... or pk_live_...)");
          }
          publishableKey = args[++i];
        }
        default -> {
          if (command != null) {
            return usage(out, "one flow at a time: " + command + " or " + args[i] + "?");
          }
          command = args[i];
        }
      }
    }
    if (command == null || command.equals("list")) {
      return usage(out, null);
    }
    if (command.equals("all")) {
      return help ? usage(out, null) : runAll(out);
    }
    Flow flow = Flows.ALL.get(command);
    if (flow == null) {
      return usage(out, "no flow named " + command);
    }
    if (help) {
      out.print(Help.of(flow));
      return 0;
    }
    if (auto && publishableKey != null) {
      return usage(out, "--auto answers from the emulator's outbox: it runs against the embedded emulator only");
    }
    BufferedReader console = auto ? null : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      FlowResult result = run(flow, out, console, publishableKey);
      out.printf("%s: %d requests, %d ms%n", flow.name(), result.requests(), result.elapsed().toMillis());
      return 0;
    } catch (ConsolePrompt.InputClosed e) {
      out.printf("%n%s stopped: no more input%n", flow.name());
      return 1;
    } catch (RuntimeException e) {
      out.printf("%s failed: %s%n", flow.name(), oneLine(e));
      return 1;
    }
  }

  /** Every flow with --auto against its own emulator: one line each, then the totals. */
  static int runAll(PrintStream out) {
    // One line per flow: the SDK's warnings (a pending session, say) are in each flow's transcript.
    Level level = SDK_LOGS.getLevel();
    SDK_LOGS.setLevel(Level.SEVERE);
    int passed = 0;
    int failed = 0;
    try {
      for (Flow flow : Flows.ALL.values()) {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        try (PrintStream quiet = new PrintStream(transcript, true, StandardCharsets.UTF_8)) {
          FlowResult r = run(flow, quiet, null, null);
          if (r.session().isEmpty()) {
            throw new IllegalStateException("ended without a session");
          }
          out.printf("PASS %s %d requests %d ms%n", flow.name(), r.requests(), r.elapsed().toMillis());
          passed++;
        } catch (RuntimeException | AssertionError e) {
          out.printf("FAIL %s %s%n", flow.name(), oneLine(e));
          out.print(indent(transcript.toString(StandardCharsets.UTF_8)));
          failed++;
        }
      }
    } finally {
      SDK_LOGS.setLevel(level);
    }
    out.printf("%d passed, %d failed%n", passed, failed);
    return failed == 0 ? 0 : 1;
  }

  /**
   * Runs one flow's steps against its own embedded emulator ({@code publishableKey == null}) or a
   * real instance.
   *
   * @param console the person's input, or null for {@code --auto}
   */
  static FlowResult run(Flow flow, PrintStream out, BufferedReader console, String publishableKey) {
    EmulatorSetup setup = new EmulatorSetup();
    if (publishableKey == null) {
      flow.seed().accept(setup);
    }
    RecordingTransport.Record record = new RecordingTransport.Record();
    try (ClerkEmulator emulator = publishableKey == null ? setup.start() : null;
        Clerk clerk = Clerk.builder()
            .publishableKey(publishableKey != null ? publishableKey : emulator.publishableKey())
            .transport(RecordingTransport.recording(defaultTransport(), record))
            .build()) {
      clerk.addListener(record);
      try (Environment environment = emulator == null ? Environment.realInstance()
          : Environment.embedded(emulator, setup.clock(), setup.loopbackPort(), record::signInReloads)) {
        return run(flow, out, console, clerk, emulator, environment, record);
      }
    }
  }

  /** Runs the steps with the prompt of {@code --auto} ({@code console == null}) or of the console. */
  private static FlowResult run(Flow flow, PrintStream out, BufferedReader console, Clerk clerk,
      ClerkEmulator emulator, Environment environment, RecordingTransport.Record record) {
    // Against a real instance only the person knows the answers.
    Answers answers = emulator == null ? new Answers() : flow.answersIn(environment);
    Prompt prompt = console == null
        ? new AutoPrompt(answers, environment, out)
        : new ConsolePrompt(console, out, answers, environment);
    out.printf("== %s: %s%n   https://clerk.com/docs/%s, %s%n", flow.name(), flow.summary(), flow.guide(),
        emulator == null ? "against " + clerk.frontendApiUrl() : "against the embedded emulator at " + emulator.url());
    long start = System.nanoTime();
    for (Flow.Step step : flow.steps()) {
      out.printf("-- %s%n", step.description());
      step.action().run(clerk, prompt, environment);
    }
    return new FlowResult(flow.name(), record.signInStatuses(), clerk.session(), record.requests(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static TransportFactory defaultTransport() {
    return ServiceLoader.load(TransportFactory.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("no transport: add clerk4j-okhttp"));
  }

  private static int usage(PrintStream out, String problem) {
    if (problem != null) {
      out.println(problem);
    }
    out.println("usage: clerk4j-samples <flow> [--auto] [--publishable-key pk_...] | <flow> --help | all | list");
    out.println("flows:");
    Flows.ALL.values().forEach(f -> out.printf("  %-22s %s%n", f.name(), f.summary()));
    return problem == null ? 0 : 2;
  }

  private static String oneLine(Throwable e) {
    String m = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e.getMessage() == null && e.getStackTrace().length > 0) {
      m += " at " + e.getStackTrace()[0]; // a bare error says nothing without its place
    }
    return m.replace('\n', ' ');
  }

  private static String indent(String text) {
    return text.isEmpty() ? "" : "    " + text.replace("\n", "\n    ").stripTrailing() + "\n";
  }
}
