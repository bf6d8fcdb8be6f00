package io.github.clerk4j.benchmarks;

import com.squareup.moshi.Moshi;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.okhttp.OkHttpTransport;
import io.github.clerk4j.spi.TransportFactory;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The client's own cost: the client-trust sign-in (4 requests) through clerk4j against a local
 * server replaying Clerk's recorded answers ({@link ReplayServer}), next to the same requests made
 * by a hand-rolled OkHttp + Moshi client ({@link HandRolledClient}), in one JVM on one thread.
 *
 * <p>Variants (all against the same server, one at a time):
 *
 * <ul>
 *   <li>{@code hand-rolled}: the baseline, one OkHttpClient for the run.
 *   <li>{@code hand-rolled-retrofit}: the same client with its requests built and sent by Retrofit
 *       ({@link HandRolledClient#viaRetrofit}): what the project's stack costs before any SDK code.
 *   <li>{@code hand-rolled-full}: the hand-rolled client decoding every member clerk4j decodes,
 *       with Moshi's own adapters ({@link FullStateJson}): what the state clerk4j promises costs to
 *       decode without clerk4j.
 *   <li>{@code sdk}: one {@link Clerk} for the run, with the default transport.
 *   <li>{@code sdk-new-clerk}: {@code Clerk.builder()...build()} per flow, default transport, closed
 *       after the flow: what a server that keeps one Clerk per end user pays per user.
 *   <li>{@code sdk-new-clerk-own-client}: a Clerk per flow over a {@link TransportFactory} made
 *       once from the application's own {@link OkHttpClient}.
 * </ul>
 *
 * <p>Because the machine is shared and noisy, no absolute figure is the result: each round runs
 * every variant for the same number of flows, one after the other, in an order that rotates from
 * round to round, and the result is each variant's time and allocation per flow <em>relative to
 * the baseline of the same round</em>: the median of the rounds' ratios, with the lowest and
 * highest. Besides the wall time, the calling thread's CPU time ({@code getCurrentThreadCpuTime},
 * which other processes on a loaded machine disturb far less) and its allocation ({@code
 * getCurrentThreadAllocatedBytes}): OkHttp runs a synchronous call on the caller's thread, the
 * server has threads of its own.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/client-flow-benchmark.jar [--rounds 15] [--flows 300]
 *     [--warmup-seconds 20] [--variants hand-rolled,hand-rolled-retrofit,hand-rolled-full,sdk,sdk-new-clerk,sdk-new-clerk-own-client]
 * </pre>
 */
public final class ClientFlowBenchmark {

  /** One way of running the flow. */
  private interface Flow {
    void run() throws Exception;
  }

  private static final String HELP = """
      usage: java -jar client-flow-benchmark.jar [options]
        --rounds N           timed rounds; every variant runs once per round (default 15)
        --flows N            flows per variant per round (default 300)
        --warmup-seconds N   each variant runs this long before the first round (default 20)
        --variants a,b,...   of hand-rolled, hand-rolled-retrofit, hand-rolled-full, sdk,
                             sdk-new-clerk, sdk-new-clerk-own-client
                             (default all; the first is the baseline of the ratios)
        --help               this text""";

  private ClientFlowBenchmark() {}

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param args see the class documentation
   * @throws Exception if a flow fails (the benchmark stops at the first failure)
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = Cli.parse(args, HELP, "rounds", "flows", "warmup-seconds", "variants");
    if (o == null) {
      return;
    }
    int rounds = Cli.positive(o, "rounds", 15);
    int flows = Cli.positive(o, "flows", 300);
    int warmupSeconds = Cli.nonNegative(o, "warmup-seconds", 20);
    List<String> names = List.of(o.getOrDefault("variants",
        "hand-rolled,hand-rolled-retrofit,hand-rolled-full,sdk,sdk-new-clerk,sdk-new-clerk-own-client")
        .split(","));
    try (ReplayServer server = new ReplayServer()) {
      Map<String, Flow> variants = variants(server.url(), names);
      System.out.println(Cli.machine("clerk4j client-flow benchmark"));
      System.out.printf(Locale.ROOT, "%d rounds of %d flows per variant, warm-up %d s per variant; baseline %s%n%n",
          rounds, flows, warmupSeconds, names.get(0));
      for (Map.Entry<String, Flow> v : variants.entrySet()) {
        long end = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        do {
          v.getValue().run();
        } while (System.nanoTime() < end);
      }
      run(variants, names, rounds, flows);
    }
  }

  private static void run(Map<String, Flow> variants, List<String> names, int rounds, int flows) throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int n = names.size();
    double[][] micros = new double[n][rounds];
    double[][] cpuMicros = new double[n][rounds];
    double[][] bytes = new double[n][rounds];
    String loadBefore = Cli.loadAverage();
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        int i = (r + k) % n; // rotate the order: no variant always runs first or after the same one
        Flow flow = variants.get(names.get(i));
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int f = 0; f < flows; f++) {
          flow.run();
        }
        micros[i][r] = (System.nanoTime() - start) / 1e3 / flows;
        cpuMicros[i][r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / flows;
        bytes[i][r] = (double) (threads.getCurrentThreadAllocatedBytes() - allocated) / flows;
      }
    }
    System.out.printf(Locale.ROOT, "load average before: %s, after: %s%n%n", loadBefore, Cli.loadAverage());
    System.out.println("| variant | µs per flow, median (min – max) | × baseline time, median (min – max) "
        + "| client-thread CPU µs per flow | × baseline CPU, median (min – max) "
        + "| KiB allocated per flow | × baseline allocation, median (min – max) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < n; i++) {
      double[] timeRatio = new double[rounds];
      double[] cpuRatio = new double[rounds];
      double[] allocRatio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        timeRatio[r] = micros[i][r] / micros[0][r];
        cpuRatio[r] = cpuMicros[i][r] / cpuMicros[0][r];
        allocRatio[r] = bytes[i][r] / bytes[0][r];
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %s | %.1f | %s |%n", names.get(i),
          Cli.spread(micros[i], "%.0f"), Cli.spread(timeRatio, "%.3f"), Cli.median(cpuMicros[i]),
          Cli.spread(cpuRatio, "%.3f"), Cli.median(bytes[i]) / 1024, Cli.spread(allocRatio, "%.3f"));
    }
  }

  private static Map<String, Flow> variants(URI url, List<String> names) {
    Map<String, Flow> all = new LinkedHashMap<>();
    for (String name : names) {
      Flow flow = switch (name) {
        case "hand-rolled" -> {
          HandRolledClient client = new HandRolledClient(new OkHttpClient(), new Moshi.Builder().build(), url);
          yield () -> client.clientTrustSignIn(ReplayServer.UNTRUSTED, ReplayServer.PASSWORD, ReplayServer.CODE);
        }
        case "hand-rolled-retrofit" -> {
          HandRolledClient client = HandRolledClient.viaRetrofit(new OkHttpClient(), new Moshi.Builder().build(), url);
          yield () -> client.clientTrustSignIn(ReplayServer.UNTRUSTED, ReplayServer.PASSWORD, ReplayServer.CODE);
        }
        case "hand-rolled-full" -> {
          HandRolledClient client = new HandRolledClient(new OkHttpClient(), FullStateJson.moshi(), url);
          yield () -> client.clientTrustSignIn(ReplayServer.UNTRUSTED, ReplayServer.PASSWORD, ReplayServer.CODE);
        }
        case "sdk" -> {
          Clerk clerk = Clerk.builder().frontendApiUrl(url).build();
          yield () -> clientTrust(clerk);
        }
        case "sdk-new-clerk" -> () -> {
          try (Clerk clerk = Clerk.builder().frontendApiUrl(url).build()) {
            clientTrust(clerk);
          }
        };
        case "sdk-new-clerk-own-client" -> {
          TransportFactory transport = OkHttpTransport.builder().okHttpClient(new OkHttpClient()).factory();
          yield () -> {
            try (Clerk clerk = Clerk.builder().frontendApiUrl(url).transport(transport).build()) {
              clientTrust(clerk);
            }
          };
        }
        default -> throw new IllegalArgumentException("unknown variant " + name + "\n" + HELP);
      };
      all.put(name, flow);
    }
    return all;
  }

  /** The client-trust guide's four calls. */
  static Session clientTrust(Clerk clerk) {
    SignIn signIn = clerk.signIn().password(ReplayServer.UNTRUSTED, ReplayServer.PASSWORD);
    expect(signIn, SignInStatus.NEEDS_CLIENT_TRUST);
    signIn = signIn.mfa().sendEmailCode();
    signIn = signIn.mfa().verifyEmailCode(ReplayServer.CODE);
    expect(signIn, SignInStatus.COMPLETE);
    return signIn.finalize(Navigate.none());
  }

  private static void expect(SignIn signIn, SignInStatus status) {
    if (signIn.status() != status) {
      throw new IllegalStateException("expected " + status + " but the sign-in is " + signIn.rawStatus());
    }
  }
}
