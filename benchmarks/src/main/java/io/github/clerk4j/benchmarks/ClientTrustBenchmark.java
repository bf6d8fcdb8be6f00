package io.github.clerk4j.benchmarks;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.okhttp.OkHttpTransport;
import io.github.clerk4j.spi.TransportFactory;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;

/**
 * Complete client-trust sign-ins per second through the whole stack in one JVM: clerk4j-core,
 * clerk4j-okhttp and the emulator (clerk4j-testing) over loopback. Not a test: CI does not run it.
 *
 * <p>One flow is what a user on a new device does: {@code signIn().password(...)} answers {@code
 * needs_client_trust}, then {@code mfa().sendEmailCode()}, {@code mfa().verifyEmailCode(code)} with
 * the code read from the emulator's outbox, and {@code finalize(...)}. Each flow uses a new {@link
 * Clerk} (so a new FAPI client, which the emulator does not trust yet) for a random seeded user.
 * Each concurrent client is a thread with its own OkHttp connection, running flows back to back.
 *
 * <p>The only coordination between clients is a per-user lock around "send the code, read it
 * from the outbox": with fewer users than clients two flows may sign in the same user at once, and
 * the outbox knows recipients, not sign-ins. Rate limits and lockout are off.
 *
 * <p>For each user count the emulator is seeded once (the time is printed), then for each client
 * count: a warm-up, then several timed rounds; the median, minimum and maximum of the rounds'
 * rates are printed. The first point warms up longer: until the JIT has compiled the SDK, OkHttp
 * and the emulator, flows are much slower, and a short warm-up made the first point look
 * slowest whatever it was.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/client-trust-benchmark.jar [--clients 1,4,16] [--users 10,1000,100000]
 *     [--initial-warmup-seconds 20] [--warmup-seconds 5] [--rounds 5] [--round-seconds 3]
 *     [--password-iterations N] [--help]
 * </pre>
 */
public final class ClientTrustBenchmark {

  private final Options options;

  private ClientTrustBenchmark(Options options) {
    this.options = options;
  }

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param args see the class documentation
   * @throws Exception if a flow fails (the benchmark stops at the first failure)
   */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (options == null) {
      return;
    }
    System.out.printf(Locale.ROOT, "clerk4j client-trust benchmark: Java %s, %s %s, %d CPUs, max heap %d MiB%n",
        System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "warm-up %d s (first point %d s), %d rounds of %d s per point%n%n",
        options.warmupSeconds, options.initialWarmupSeconds, options.rounds, options.roundSeconds);
    new ClientTrustBenchmark(options).run();
  }

  private void run() throws Exception {
    List<String> table = new ArrayList<>();
    table.add(String.format(Locale.ROOT, "| %9s | %7s | %14s | %17s | %13s |",
        "users", "clients", "median flows/s", "min – max", "ms per flow"));
    table.add("|----------:|--------:|---------------:|------------------:|--------------:|");
    int warmupSeconds = options.initialWarmupSeconds;
    for (int userCount : options.users) {
      long seedStart = System.nanoTime();
      ClerkEmulator.Builder builder = ClerkEmulator.builder()
          .rateLimits(RateLimits.disabled())
          .lockout(Lockout.disabled())
          .users(seededUsers(userCount));
      if (options.passwordIterations > 0) {
        builder.passwordHashIterations(options.passwordIterations);
      }
      try (ClerkEmulator emulator = builder.build().start()) {
        System.out.printf(Locale.ROOT, "seeded %,d users in %.1f s%n", userCount, seconds(System.nanoTime() - seedStart));
        for (int clients : options.clients) {
          double[] rates = measure(emulator, userCount, clients, warmupSeconds);
          warmupSeconds = options.warmupSeconds;
          double[] sorted = rates.clone();
          Arrays.sort(sorted);
          double median = Cli.median(sorted);
          System.out.printf(Locale.ROOT, "  %,7d users, %2d clients: median %7.1f flows/s (rounds: %s)%n",
              userCount, clients, median, format(rates));
          table.add(String.format(Locale.ROOT, "| %,9d | %7d | %14.1f | %17s | %13.1f |",
              userCount, clients, median,
              String.format(Locale.ROOT, "%.1f – %.1f", sorted[0], sorted[sorted.length - 1]),
              1000.0 * clients / median)); // Little's law: time one client spends on one flow
        }
      }
    }
    System.out.println();
    table.forEach(System.out::println);
  }

  /** Runs {@code clients} threads of flows: a warm-up, then one rate per timed round. */
  private double[] measure(ClerkEmulator emulator, int userCount, int clients, int warmupSeconds)
      throws InterruptedException {
    LongAdder flows = new LongAdder();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Object[] userLocks = new Object[Math.min(userCount, 1024)];
    Arrays.setAll(userLocks, i -> new Object());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        OkHttpClient connection = new OkHttpClient();
        TransportFactory transport = OkHttpTransport.builder().okHttpClient(connection).factory();
        try {
          while (!Thread.currentThread().isInterrupted() && failure.get() == null) {
            int user = ThreadLocalRandom.current().nextInt(userCount);
            flow(emulator, transport, user, userLocks[user % userLocks.length]);
            flows.increment();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          connection.dispatcher().executorService().shutdown();
          connection.connectionPool().evictAll();
        }
      }, "client-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      sleepSeconds(warmupSeconds, failure);
      double[] rates = new double[options.rounds];
      for (int r = 0; r < rates.length; r++) {
        long before = flows.sum();
        long start = System.nanoTime();
        sleepSeconds(options.roundSeconds, failure);
        rates[r] = (flows.sum() - before) / seconds(System.nanoTime() - start);
      }
      return rates;
    } finally {
      threads.forEach(Thread::interrupt);
      for (Thread t : threads) {
        t.join();
      }
    }
  }

  /** One complete client-trust sign-in on a new client. */
  private static void flow(ClerkEmulator emulator, TransportFactory transport, int user, Object userLock) {
    String email = email(user);
    try (Clerk clerk = Clerk.builder().publishableKey(emulator.publishableKey()).transport(transport).build()) {
      SignIn signIn = clerk.signIn().password(email, password(user));
      expect(signIn, SignInStatus.NEEDS_CLIENT_TRUST);
      String code;
      synchronized (userLock) {
        signIn = signIn.mfa().sendEmailCode();
        code = emulator.outbox().latestCodeFor(email);
      }
      signIn = signIn.mfa().verifyEmailCode(code);
      expect(signIn, SignInStatus.COMPLETE);
      signIn.finalize(Navigate.none());
    }
  }

  private static void expect(SignIn signIn, SignInStatus status) {
    if (signIn.status() != status) {
      throw new IllegalStateException("expected " + status + " but the sign-in is " + signIn.rawStatus());
    }
  }

  private static List<EmulatorUser> seededUsers(int count) {
    List<EmulatorUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(EmulatorUser.builder().email(email(i)).password(password(i)).build());
    }
    return users;
  }

  private static String email(int user) {
    return "user" + user + "@bench.example.com";
  }

  private static String password(int user) {
    return "bench-password-" + user;
  }

  /** Sleeps, but gives up at once with the failure if a client failed. */
  private static void sleepSeconds(int seconds, AtomicReference<Throwable> failure) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      Throwable e = failure.get();
      if (e != null) {
        throw new IllegalStateException("a flow failed: " + e, e);
      }
      Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
  }

  private static String format(double[] rates) {
    StringBuilder s = new StringBuilder();
    for (double r : rates) {
      s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", r));
    }
    return s.toString();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** The command line. */
  private static final class Options {
    int[] clients = {1, 4, 16};
    int[] users = {10, 1_000, 100_000};
    int initialWarmupSeconds = 20;
    int warmupSeconds = 5;
    int rounds = 5;
    int roundSeconds = 3;
    int passwordIterations; // 0: the emulator's default

    static final String HELP = """
        usage: java -jar client-trust-benchmark.jar [options]
          --clients 1,4,16               concurrent clients, one point each (default 1,4,16)
          --users 10,1000,100000         seeded users, one emulator each (default 10,1000,100000)
          --initial-warmup-seconds 20    warm-up of the first point (default 20)
          --warmup-seconds 5             warm-up of every other point (default 5)
          --rounds 5                     timed rounds per point (default 5)
          --round-seconds 3              length of a round (default 3)
          --password-iterations N        the emulator's PBKDF2 iterations (default: its own)
          --help                         this text""";

    /** The options, or {@code null} after printing {@link #HELP} for {@code --help}. */
    static Options parse(String[] args) {
      Map<String, String> v = Cli.parse(args, HELP, "clients", "users", "initial-warmup-seconds",
          "warmup-seconds", "rounds", "round-seconds", "password-iterations");
      if (v == null) {
        return null;
      }
      Options o = new Options();
      v.forEach((name, value) -> {
        switch (name) {
          case "clients" -> o.clients = ints(value);
          case "users" -> o.users = ints(value);
          case "initial-warmup-seconds" -> o.initialWarmupSeconds = Integer.parseInt(value);
          case "warmup-seconds" -> o.warmupSeconds = Integer.parseInt(value);
          case "rounds" -> o.rounds = Integer.parseInt(value);
          case "round-seconds" -> o.roundSeconds = Integer.parseInt(value);
          case "password-iterations" -> o.passwordIterations = Integer.parseInt(value);
          default -> throw new IllegalStateException(name); // Cli.parse knows only the names above
        }
      });
      if (o.rounds < 1 || o.roundSeconds < 1 || o.warmupSeconds < 0 || o.initialWarmupSeconds < 0) {
        throw new IllegalArgumentException("need at least one round of at least one second");
      }
      return o;
    }

    private static int[] ints(String csv) {
      return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
  }
}
