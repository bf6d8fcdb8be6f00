package io.github.clerk4j.samples;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.spi.TransportFactory;
import io.github.clerk4j.testing.ClerkEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the sample flows: {@code <flow>} interactively, {@code <flow> --auto} answering itself,
 * {@code all} every flow with {@code --auto}. Against the embedded emulator unless a publishable
 * key is given ({@code --publishable-key pk_...} or {@code CLERK_PUBLISHABLE_KEY}).
 */
public final class Samples {

  /** Every flow, in the order of the README's table. */
  static final Map<String, Flow> FLOWS = flows(
      new PasswordFlow(),
      ClientTrustFlow.email(),
      ClientTrustFlow.sms(),
      new MfaFlow(MfaFlow.Method.SMS),
      new MfaFlow(MfaFlow.Method.TOTP),
      new MfaFlow(MfaFlow.Method.BACKUP_CODE),
      ResetPasswordFlow.email(),
      ResetPasswordFlow.phone(),
      ResetPasswordFlow.withMfa(),
      new EmailCodeFlow(),
      new CompromisedPasswordFlow(),
      new ManageMfaSmsFlow(),
      new ManageMfaTotpFlow(),
      new BackupCodesFlow(),
      new SessionTasksFlow(),
      new ReverificationFlow());

  /** Held so that the level set on it stays (JUL keeps loggers weakly). */
  private static final java.util.logging.Logger QUIET_SDK_LOGS =
      java.util.logging.Logger.getLogger("io.github.clerk4j");

  private Samples() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Runs the command line; returns the exit status. */
  static int run(String[] args, PrintStream out) {
    String command = null;
    boolean auto = false;
    String publishableKey = System.getenv("CLERK_PUBLISHABLE_KEY");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--auto":
          auto = true;
          break;
        case "--publishable-key":
          if (i + 1 == args.length) {
            return usage(out, "--publishable-key needs a value (pk_test_... or pk_live_...)");
          }
          publishableKey = args[++i];
          break;
        default:
          if (command != null) {
            return usage(out, "one flow at a time: " + command + " or " + args[i] + "?");
          }
          command = args[i];
      }
    }
    if (command == null || command.equals("list") || command.equals("--help")) {
      return usage(out, null);
    }
    if (command.equals("all")) {
      return runAll(out);
    }
    Flow flow = FLOWS.get(command);
    if (flow == null) {
      return usage(out, "no flow named " + command);
    }
    if (auto && publishableKey != null) {
      return usage(out, "--auto answers from the emulator's outbox: it runs against the embedded emulator only");
    }
    FlowResult result = run(flow, auto ? Console.auto(out) : Console.interactive(out), publishableKey);
    out.printf("%s: %d requests, %d ms%n", flow.name(), result.requests(), result.elapsed().toMillis());
    return 0;
  }

  /** Every flow with --auto against its own emulator: one line each, then the totals. */
  static int runAll(PrintStream out) {
    // One line per flow: the SDK's warnings (a pending session, say) are in each flow's transcript.
    QUIET_SDK_LOGS.setLevel(java.util.logging.Level.SEVERE);
    int passed = 0;
    int failed = 0;
    for (Flow flow : FLOWS.values()) {
      java.io.ByteArrayOutputStream transcript = new java.io.ByteArrayOutputStream();
      try (PrintStream quiet = new PrintStream(transcript, true, java.nio.charset.StandardCharsets.UTF_8)) {
        FlowResult r = run(flow, Console.auto(quiet), null);
        if (r.session().isEmpty()) {
          throw new IllegalStateException("ended without a session");
        }
        out.printf("PASS %s %d requests %d ms%n", flow.name(), r.requests(), r.elapsed().toMillis());
        passed++;
      } catch (RuntimeException | AssertionError e) {
        out.printf("FAIL %s %s%n", flow.name(), oneLine(e));
        out.print(indent(transcript.toString(java.nio.charset.StandardCharsets.UTF_8)));
        failed++;
      }
    }
    out.printf("%d passed, %d failed%n", passed, failed);
    return failed == 0 ? 0 : 1;
  }

  /** Runs one flow against the embedded emulator ({@code publishableKey == null}) or a real instance. */
  static FlowResult run(Flow flow, Console console, String publishableKey) {
    EmulatorSetup setup = new EmulatorSetup();
    if (publishableKey == null) {
      flow.seed(setup);
    }
    AtomicInteger requests = new AtomicInteger();
    try (ClerkEmulator emulator = publishableKey == null ? setup.start() : null;
        Clerk clerk =
            Clerk.builder()
                .publishableKey(publishableKey != null ? publishableKey : emulator.publishableKey())
                .transport(CountingTransport.counting(defaultTransport(), requests))
                .build()) {
      console.say("== %s (https://clerk.com/docs/%s)%s", flow.name(), flow.guide(),
          emulator == null ? "" : " against the embedded emulator at " + emulator.url());
      long start = System.nanoTime();
      FlowContext ctx = new FlowContext(clerk, console, emulator, setup.clock());
      while (true) {
        try {
          flow.run(ctx);
          break;
        } catch (StartOver s) {
          clerk.signIn().reset();
          console.say("Starting over.");
        }
      }
      return new FlowResult(flow.name(), ctx.statuses(), ctx.session(), requests.get(),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static TransportFactory defaultTransport() {
    return ServiceLoader.load(TransportFactory.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("no transport: add clerk4j-okhttp"));
  }

  private static Map<String, Flow> flows(Flow... flows) {
    Map<String, Flow> byName = new LinkedHashMap<>();
    for (Flow f : flows) {
      byName.put(f.name(), f);
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  private static int usage(PrintStream out, String problem) {
    if (problem != null) {
      out.println(problem);
    }
    out.println("usage: clerk4j-samples <flow> [--auto] [--publishable-key pk_...] | all | list");
    List<String> names = new ArrayList<>(FLOWS.keySet());
    out.println("flows: " + String.join(", ", names));
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
