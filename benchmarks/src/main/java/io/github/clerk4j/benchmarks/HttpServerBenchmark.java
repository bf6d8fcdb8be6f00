package io.github.clerk4j.benchmarks;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.internal.EmulatorHandler;
import io.github.clerk4j.testing.internal.EmulatorServer;
import io.github.clerk4j.testing.internal.JdkHttpFront;
import io.github.clerk4j.testing.internal.Settings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which HTTP server the emulator should run on, by measurement: the same emulator request
 * handling ({@link EmulatorHandler}) behind the JDK's {@code com.sun.net.httpserver}, Jetty 12
 * and Undertow 2.4, each with the same number of handler threads and TCP_NODELAY, driven by
 * keep-alive clients on their own threads. Variants are interleaved round by round (the order
 * rotates), so that the machine's noise falls on all of them alike. Not a test.
 *
 * <p>Two workloads: {@code flow}, complete client-trust sign-ins (five requests each, see {@link
 * ClientTrustFlow}) with cheap password hashes so that the server's share shows; and {@code
 * small}, {@code GET /__emulator/clock}, a tiny answer, which is nearly all HTTP.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/http-server-benchmark.jar [--clients 16] [--users 1000] [--threads 8]
 *     [--warmup-seconds 10] [--rounds 5] [--round-seconds 4] [--password-iterations 1]
 * </pre>
 */
public final class HttpServerBenchmark {
  private static final String HELP = """
      usage: java -jar http-server-benchmark.jar [options]
        --clients 16                concurrent load clients (default 16)
        --users 1000                seeded users (default 1000)
        --threads 8                 each server's handler threads (default 8)
        --warmup-seconds 10         warm-up of each server and workload (default 10)
        --rounds 5                  timed rounds (default 5)
        --round-seconds 4           length of a round (default 4)
        --password-iterations 1     the emulator's PBKDF2 iterations (default 1, so the server's share shows)
        --help                      this text""";

  private HttpServerBenchmark() {}

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param args see {@link #HELP}
   * @throws Exception if a server does not start or an operation fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, Integer> o = new LinkedHashMap<>(Map.of("clients", 16, "users", 1000, "threads", 8,
        "warmup-seconds", 10, "rounds", 5, "round-seconds", 4, "password-iterations", 1));
    Map<String, String> given = Cli.parse(args, HELP, o.keySet().toArray(String[]::new));
    if (given == null) {
      return;
    }
    given.forEach((name, value) -> o.put(name,
        name.equals("warmup-seconds") ? Cli.nonNegative(given, name, 0) : Cli.positive(given, name, 1)));
    int users = o.get("users");
    System.out.printf(Locale.ROOT, "HTTP server benchmark: Java %s, %d CPUs, load average %s, options %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), LoadRunner.loadAverage(), o);
    List<EmulatorUser> seeds = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      seeds.add(EmulatorUser.builder().email(LoadRunner.email(u)).password(LoadRunner.password(u)).build());
    }
    Settings settings = LoadRunner.benchmarkSettings(o.get("password-iterations"));
    EmulatorServer emulator = new EmulatorServer(settings, Clock.systemUTC(), new SecureRandom(), seeds);
    EmulatorHandler handler = emulator.handler();
    int threads = o.get("threads");
    try (JdkHttpFront jdk = JdkHttpFront.start(handler, 0, threads);
        JettyFront jetty = new JettyFront(handler, threads);
        UndertowFront undertow = new UndertowFront(handler, threads)) {
      Map<String, Integer> ports = new LinkedHashMap<>();
      ports.put("jdk", jdk.port());
      ports.put("jetty", jetty.port());
      ports.put("undertow", undertow.port());
      LoadRunner load = new LoadRunner(users);
      ClientTrustFlow flow = new ClientTrustFlow(null);
      Map<String, LoadRunner.Operation> workloads = new LinkedHashMap<>();
      workloads.put("flow", (http, u) -> flow.run(http, LoadRunner.email(u), LoadRunner.password(u), load.lockOf(u)));
      workloads.put("small", (http, u) -> {
        if (http.get("/__emulator/clock", null).status() != 200) {
          throw new IllegalStateException("GET /__emulator/clock failed");
        }
      });
      List<String> table = new ArrayList<>();
      table.add("| workload | server | median ops/s | min – max |");
      table.add("|---|---|---:|---:|");
      int clients = o.get("clients");
      for (Map.Entry<String, LoadRunner.Operation> w : workloads.entrySet()) {
        for (Map.Entry<String, Integer> p : ports.entrySet()) {
          double warm = load.run(p.getValue(), clients, o.get("warmup-seconds"), w.getValue());
          System.out.printf(Locale.ROOT, "warm-up %-5s %-8s %8.0f ops/s%n", w.getKey(), p.getKey(), warm);
        }
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        ports.keySet().forEach(k -> figures.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(ports.keySet());
        for (int r = 0; r < o.get("rounds"); r++) {
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %-5s", r + 1, w.getKey()));
          for (String server : order) {
            double rate = load.run(ports.get(server), clients, o.get("round-seconds"), w.getValue());
            figures.get(server).add(rate);
            line.append(String.format(Locale.ROOT, "  %s %.0f", server, rate));
          }
          System.out.println(line + "  (load " + LoadRunner.loadAverage() + ")");
          order.add(order.remove(0)); // rotate, so that no server always runs first
        }
        figures.forEach((server, f) -> table.add("| " + w.getKey() + " | " + server + " | " + LoadRunner.summary(f) + " |"));
      }
      System.out.println();
      table.forEach(System.out::println);
      System.out.println("\nload average at the end: " + LoadRunner.loadAverage());
    } finally {
      emulator.close();
    }
  }
}
