package io.github.clerk4j.benchmarks;

import com.squareup.moshi.Moshi;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Cold start: whole fresh JVMs, each making its first requests and exiting, launched one after
 * the other against one {@link ReplayServer} in this process. The programs:
 *
 * <ul>
 *   <li>{@code okhttp-get}: the minimal OkHttp program, one GET ({@link OkHttpGet});
 *   <li>{@code hand-rolled}: a password sign-in with OkHttp + Moshi, the same two requests as the
 *       SDK ({@link HandRolled});
 *   <li>{@code hand-rolled-retrofit}: the same client with its requests built and sent by Retrofit,
 *       the project's stack without the SDK ({@link HandRolledClient#viaRetrofit});
 *   <li>{@code sdk}: {@code Clerk.builder()...build()}, {@code signIn().password(...)}, {@code
 *       finalize(Navigate.none())} ({@link Sdk});
 *   <li>{@code sdk-appcds}: the same with an AppCDS archive of its classes, made first by one run
 *       with {@code -XX:ArchiveClassesAtExit} (the recipe of benchmarks/README.md).
 * </ul>
 *
 * Each round runs every program once, in an order that rotates from round to round; the result is
 * each program's wall time (start to exit) as a ratio to the baseline of the same round, median
 * and spread. One extra run of each with {@code -Xlog:class+load} counts the classes it loads
 * (of which lambda and other hidden classes).
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/client-flow-benchmark.jar io.github.clerk4j.benchmarks.ColdStartBenchmark
 *     [--rounds 15] [--programs okhttp-get,hand-rolled,hand-rolled-retrofit,sdk,sdk-appcds]
 * </pre>
 */
public final class ColdStartBenchmark {

  private static final String HELP = """
      usage: java -cp client-flow-benchmark.jar io.github.clerk4j.benchmarks.ColdStartBenchmark [options]
        --rounds N            rounds; every program runs once per round (default 15)
        --programs a,b,...    of okhttp-get, hand-rolled, hand-rolled-retrofit, sdk, sdk-appcds
                              (default all; the first is the baseline of the ratios)
        --help                this text""";

  private ColdStartBenchmark() {}

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param args see the class documentation
   * @throws Exception if a program fails (the benchmark stops at the first failure)
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = Cli.parse(args, HELP, "rounds", "programs");
    if (o == null) {
      return;
    }
    int rounds = Cli.positive(o, "rounds", 15);
    List<String> names = List.of(o.getOrDefault("programs", "okhttp-get,hand-rolled,hand-rolled-retrofit,sdk,sdk-appcds").split(","));
    Path work = Files.createTempDirectory("clerk4j-cold-start");
    try (ReplayServer server = new ReplayServer()) {
      String url = server.url().toString();
      Map<String, List<String>> programs = new LinkedHashMap<>();
      for (String name : names) {
        programs.put(name, command(name, url, work));
      }
      System.out.println(Cli.machine("clerk4j cold-start benchmark"));
      System.out.printf(Locale.ROOT, "%d rounds; baseline %s; class path %s%n%n", rounds, names.get(0), classPath());
      Map<String, long[]> classes = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> p : programs.entrySet()) {
        run(p.getValue()); // warms the file cache; also makes the AppCDS archive's first use fair
        classes.put(p.getKey(), classCount(p.getValue(), work));
      }
      String loadBefore = Cli.loadAverage();
      int n = names.size();
      double[][] millis = new double[n][rounds];
      double[][] cpu = new double[n][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < n; k++) {
          int i = (r + k) % n;
          double[] t = run(programs.get(names.get(i)));
          millis[i][r] = t[0];
          cpu[i][r] = t[1];
        }
      }
      System.out.printf(Locale.ROOT, "load average before: %s, after: %s%n%n", loadBefore, Cli.loadAverage());
      System.out.println("| program | wall ms, median (min – max) | × baseline wall, median (min – max) "
          + "| CPU ms, median | × baseline CPU, median (min – max) | classes loaded | of which lambda / hidden |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      for (int i = 0; i < n; i++) {
        double[] ratio = new double[rounds];
        double[] cpuRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = millis[i][r] / millis[0][r];
          cpuRatio[r] = cpu[i][r] / cpu[0][r];
        }
        long[] c = classes.get(names.get(i));
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %s | %,d | %d / %d |%n", names.get(i),
            Cli.spread(millis[i], "%.0f"), Cli.spread(ratio, "%.3f"), Cli.median(cpu[i]),
            Cli.spread(cpuRatio, "%.3f"), c[0], c[1], c[2]);
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<String> command(String name, String url, Path work) throws Exception {
    List<String> java = new ArrayList<>(List.of(javaBinary(), "-cp", classPath()));
    switch (name) {
      case "okhttp-get" -> java.addAll(List.of(OkHttpGet.class.getName(), url + "/ping"));
      case "hand-rolled" -> java.addAll(List.of(HandRolled.class.getName(), url, ReplayServer.TRUSTED,
          ReplayServer.PASSWORD));
      case "hand-rolled-retrofit" -> java.addAll(List.of(HandRolled.class.getName(), url, ReplayServer.TRUSTED,
          ReplayServer.PASSWORD, "retrofit"));
      case "sdk" -> java.addAll(List.of(Sdk.class.getName(), url, ReplayServer.TRUSTED, ReplayServer.PASSWORD));
      case "sdk-appcds" -> {
        Path archive = work.resolve("sdk.jsa");
        List<String> dump = new ArrayList<>(java);
        dump.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        dump.addAll(List.of(Sdk.class.getName(), url, ReplayServer.TRUSTED, ReplayServer.PASSWORD));
        run(dump);
        java.add(1, "-XX:SharedArchiveFile=" + archive);
        java.addAll(List.of(Sdk.class.getName(), url, ReplayServer.TRUSTED, ReplayServer.PASSWORD));
      }
      default -> throw new IllegalArgumentException("unknown program " + name + "\n" + HELP);
    }
    return java;
  }

  /**
   * Runs one program to its end; returns its wall time and the CPU time it reported (both in
   * milliseconds; the CPU time is NaN where {@code /proc} is missing).
   */
  private static double[] run(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    double wall = (System.nanoTime() - start) / 1e6;
    int at = output.lastIndexOf(CPU_PREFIX);
    double cpu = at < 0 ? Double.NaN
        : Double.parseDouble(output.substring(at + CPU_PREFIX.length()).trim().split("\\s+")[0]);
    return new double[] {wall, cpu};
  }

  private static final String CPU_PREFIX = "cpu-ms ";

  /**
   * Prints the CPU time this JVM has used so far, all threads (JIT compilers and GC included),
   * from {@code /proc/self/stat} (utime + stime, clock ticks of 10 ms): a figure a loaded machine
   * disturbs far less than wall time. Nothing where there is no {@code /proc}.
   */
  static void printCpuTime() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat
      System.out.println(CPU_PREFIX + ticks * 10);
    } catch (IOException | RuntimeException noProc) {
      // not Linux: wall time only
    }
  }

  /** Classes loaded, lambda classes, and other hidden classes (method handles' forms). */
  private static long[] classCount(List<String> command, Path work) throws Exception {
    Path log = work.resolve("classes.log");
    List<String> logged = new ArrayList<>(command);
    logged.add(1, "-Xlog:class+load:file=" + log);
    run(logged);
    List<String> lines = Files.readAllLines(log);
    long all = lines.stream().filter(l -> l.contains("source:")).count();
    long lambdas = lines.stream().filter(l -> l.contains("$$Lambda")).count();
    long hidden = lines.stream().filter(l -> l.contains("/0x")).count();
    return new long[] {all, lambdas, hidden};
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String classPath() {
    return System.getProperty("java.class.path").split(File.pathSeparator)[0];
  }

  /** The minimal OkHttp program: one GET, print the body. */
  public static final class OkHttpGet {
    private OkHttpGet() {}

    public static void main(String[] args) throws IOException {
      OkHttpClient client = new OkHttpClient();
      try (Response response = client.newCall(new Request.Builder().url(args[0]).build()).execute()) {
        System.out.println(response.code() + " " + response.body().string());
      }
      printCpuTime();
    }
  }

  /**
   * A password sign-in with OkHttp and Moshi by hand: create the sign-in, touch the session; with a
   * fourth argument {@code retrofit}, the requests through Retrofit.
   */
  public static final class HandRolled {
    private HandRolled() {}

    public static void main(String[] args) throws IOException {
      URI url = URI.create(args[0]);
      HandRolledClient client = args.length > 3 && args[3].equals("retrofit")
          ? HandRolledClient.viaRetrofit(new OkHttpClient(), new Moshi.Builder().build(), url)
          : new HandRolledClient(new OkHttpClient(), new Moshi.Builder().build(), url);
      System.out.println("signed in: " + client.passwordSignIn(args[1], args[2]));
      printCpuTime();
    }
  }

  /** A password sign-in with clerk4j: the guide's two calls. */
  public static final class Sdk {
    private Sdk() {}

    public static void main(String[] args) {
      try (Clerk clerk = Clerk.builder().frontendApiUrl(args[0]).build()) {
        SignIn signIn = clerk.signIn().password(args[1], args[2]);
        Session session = signIn.finalize(Navigate.none());
        System.out.println("signed in: " + session.id());
      }
      printCpuTime();
    }
  }
}
