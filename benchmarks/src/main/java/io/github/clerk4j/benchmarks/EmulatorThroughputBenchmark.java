package io.github.clerk4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator alone: the standalone jar runs in its own JVM, seeded from a users file, and this
 * JVM loads it with keep-alive clients running complete client-trust flows over HTTP, without the
 * SDK ({@link ClientTrustFlow}: password sign-in, prepare_second_factor email_code,
 * attempt_second_factor with the code from the outbox, touch). For each user count it prints the
 * emulator's own seeding time, then per client count a warm-up and timed rounds (median, minimum
 * and maximum), with the machine's load average, and the CPU time the emulator's JVM and this one
 * spent per flow: on a machine shared with other work, flows per second follow the noise, CPU per
 * flow much less. Rate limits and lockout are off. Not a test.
 *
 * <pre>
 * ./mvnw -q -pl sdk-testing,benchmarks -am package -DskipTests
 * java -jar benchmarks/target/emulator-throughput-benchmark.jar [--clients 16] [--users 10,1000,100000]
 *     [--warmup-seconds 15] [--rounds 5] [--round-seconds 5] [--password-iterations 4096]
 *     [--emulator-jar sdk-testing/target/clerk4j-emulator.jar]
 *     [--server jar|jar-data-dir|jdk|jetty|undertow[,...]]
 *     [--jvm-option -XX:StartFlightRecording=...]
 * </pre>
 */
public final class EmulatorThroughputBenchmark {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern SEEDED = Pattern.compile("Seeded (\\d+) users in (\\d+) ms");

  private static final String HELP = """
      usage: java -jar emulator-throughput-benchmark.jar [options]
        --clients 16                  concurrent load clients, a comma list for several points (default 16)
        --users 10,1000,100000        seeded users, one emulator each (default 10,1000,100000)
        --warmup-seconds 15           warm-up of each point (default 15)
        --rounds 5                    timed rounds per point (default 5)
        --round-seconds 5             length of a round (default 5)
        --password-iterations 4096    the emulator's PBKDF2 iterations (default 4096)
        --emulator-jar PATH           the standalone emulator (default sdk-testing/target/clerk4j-emulator.jar)
        --server jar                  jar: the standalone emulator as shipped; jar-data-dir: the same
                                      keeping its state in a fresh --data-dir; jdk, jetty, undertow: its
                                      request handling behind that server; a comma list interleaves them
        --jvm-option OPTION           an option of the emulator's JVM, again for more
        --help                        this text""";

  private EmulatorThroughputBenchmark() {}

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param args see {@link #HELP}
   * @throws Exception if the emulator does not start or a flow fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, List<String>> given = Cli.parseAll(args, HELP, "clients", "users", "warmup-seconds", "rounds",
        "round-seconds", "password-iterations", "emulator-jar", "server", "jvm-option");
    if (given == null) {
      return;
    }
    Map<String, String> o = new LinkedHashMap<>();
    o.put("clients", "16");
    o.put("users", "10,1000,100000");
    o.put("warmup-seconds", "15");
    o.put("rounds", "5");
    o.put("round-seconds", "5");
    o.put("password-iterations", "4096");
    o.put("emulator-jar", "sdk-testing/target/clerk4j-emulator.jar");
    o.put("server", "jar");
    List<String> jvmOptions = given.getOrDefault("jvm-option", List.of());
    given.forEach((name, values) -> {
      if (!name.equals("jvm-option")) {
        o.put(name, values.get(values.size() - 1));
      }
    });
    System.out.printf(Locale.ROOT, "emulator throughput benchmark: Java %s, %d CPUs, load average %s%noptions %s %s%n%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), LoadRunner.loadAverage(),
        o, jvmOptions);
    List<String> servers = List.of(o.get("server").split(","));
    List<String> table = new ArrayList<>();
    table.add("| server | users | clients | seeding (emulator's own figure) | median flows/s | min – max "
        + "| emulator CPU ms per flow | load CPU ms per flow | load average after |");
    table.add("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (String u : o.get("users").split(",")) {
      int users = Integer.parseInt(u.trim());
      Path file = writeUsers(users);
      Map<String, Process> processes = new LinkedHashMap<>();
      try {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, String> seeding = new LinkedHashMap<>();
        for (String server : servers) {
          Process emulator = new ProcessBuilder(command(server, o, jvmOptions, file)).redirectErrorStream(true).start();
          processes.put(server, emulator);
          String[] started = awaitStart(emulator);
          seeding.put(server, started[0]);
          ports.put(server, Integer.parseInt(started[1]));
          System.out.printf(Locale.ROOT, "%s, %d users: seeded in %s (emulator's figure), port %s%n",
              server, users, started[0], started[1]);
        }
        LoadRunner load = new LoadRunner(users);
        ClientTrustFlow flow = new ClientTrustFlow(null);
        LoadRunner.Operation op = (http, user) ->
            flow.run(http, LoadRunner.email(user), LoadRunner.password(user), load.lockOf(user));
        for (String c : o.get("clients").split(",")) {
          int clients = Integer.parseInt(c.trim());
          Map<String, List<Double>> rates = new LinkedHashMap<>();
          Map<String, List<Double>> emulatorCpu = new LinkedHashMap<>();
          Map<String, List<Double>> loadCpu = new LinkedHashMap<>();
          for (String server : servers) {
            double warm = load.run(ports.get(server), clients, Double.parseDouble(o.get("warmup-seconds")), op);
            System.out.printf(Locale.ROOT, "  %s, %d clients: warm-up %.0f flows/s%n", server, clients, warm);
            rates.put(server, new ArrayList<>());
            emulatorCpu.put(server, new ArrayList<>());
            loadCpu.put(server, new ArrayList<>());
          }
          // Rounds interleave the servers, the order rotating, so that the machine's noise falls on all alike.
          List<String> order = new ArrayList<>(servers);
          for (int r = 0; r < Integer.parseInt(o.get("rounds")); r++) {
            for (String server : order) {
              double seconds = Double.parseDouble(o.get("round-seconds"));
              long emulatorBefore = cpuMillis(processes.get(server));
              long loadBefore = ownCpuMillis();
              double rate = load.run(ports.get(server), clients, seconds, op);
              double flows = rate * seconds;
              double emulatorPerFlow = (cpuMillis(processes.get(server)) - emulatorBefore) / flows;
              double loadPerFlow = (ownCpuMillis() - loadBefore) / flows;
              rates.get(server).add(rate);
              emulatorCpu.get(server).add(emulatorPerFlow);
              loadCpu.get(server).add(loadPerFlow);
              System.out.printf(Locale.ROOT, "  %s, %d clients: round %d %.0f flows/s, CPU per flow %.2f ms emulator"
                  + " + %.2f ms load (load average %s)%n", server, clients, r + 1, rate, emulatorPerFlow, loadPerFlow,
                  LoadRunner.loadAverage());
            }
            order.add(order.remove(0));
          }
          for (String server : servers) {
            table.add(String.format(Locale.ROOT, "| %s | %,d | %d | %s | %s | %.2f | %.2f | %s |", server, users,
                clients, seeding.get(server), LoadRunner.summary(rates.get(server)), median(emulatorCpu.get(server)),
                median(loadCpu.get(server)), LoadRunner.loadAverage()));
          }
        }
      } finally {
        for (Process emulator : processes.values()) {
          emulator.destroy();
          if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
            emulator.destroyForcibly();
          }
        }
        Files.deleteIfExists(file);
      }
    }
    System.out.println();
    table.forEach(System.out::println);
  }

  /**
   * CPU time a process has used (user and system), from Linux's {@code /proc/PID/stat}, in ms.
   * Unlike flows per second it does not depend on what else the machine runs.
   */
  private static long cpuMillis(Process process) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return ticks * 10; // USER_HZ is 100 on Linux
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long ownCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1_000_000;
  }

  private static double median(List<Double> figures) {
    return Cli.median(figures.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The command that starts one emulator: the standalone jar, or ServedEmulator behind a server. */
  private static List<String> command(String server, Map<String, String> o, List<String> jvmOptions, Path users)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    if (server.equals("jar") || server.equals("jar-data-dir")) {
      command.addAll(List.of("-jar", o.get("emulator-jar"), "--port", "0", "--users", users.toString(),
          "--no-rate-limits", "--no-lockout", "--no-admin-token", "--password-iterations", o.get("password-iterations")));
      if (server.equals("jar-data-dir")) {
        // The state kept in a fresh data directory, written after every change: what that costs.
        command.addAll(List.of("--data-dir", Files.createTempDirectory("emulator-data-").toString()));
      }
    } else {
      String self = Path.of(EmulatorThroughputBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
      command.addAll(List.of("-cp", self, ServedEmulator.class.getName(), server, users.toString(),
          o.get("password-iterations")));
    }
    return command;
  }

  /** Reads the emulator's output until it listens: its seeding time and its port. */
  private static String[] awaitStart(Process emulator) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    String seeding = "?";
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher seeded = SEEDED.matcher(line);
      if (seeded.find()) {
        seeding = String.format(Locale.ROOT, "%.2f s", Long.parseLong(seeded.group(2)) / 1000.0);
      }
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        drain(out);
        return new String[] {seeding, m.group(1)};
      }
    }
    throw new IllegalStateException("the emulator did not start (exit " + emulator.exitValue() + ")");
  }

  /** users.json with {@code n} users, each with an e-mail address and a password. */
  private static Path writeUsers(int n) throws IOException {
    Path file = Files.createTempFile("clerk4j-benchmark-users", ".json");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"users\": [\n");
      for (int i = 0; i < n; i++) {
        w.write((i == 0 ? "" : ",\n") + "{\"email\": \"" + LoadRunner.email(i) + "\", \"password\": \""
            + LoadRunner.password(i) + "\"}");
      }
      w.write("\n]}\n");
    }
    return file;
  }

  /** Keeps reading the emulator's output, so that it never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread t = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (!line.isBlank() && !line.startsWith("Press") && !line.contains("stopped")) {
            System.out.println("  [emulator] " + line);
          }
        }
      } catch (IOException ignored) {
        // the emulator was stopped
      }
    }, "emulator-output");
    t.setDaemon(true);
    t.start();
  }
}
