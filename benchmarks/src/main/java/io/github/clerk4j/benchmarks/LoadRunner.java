package io.github.clerk4j.benchmarks;

import io.github.clerk4j.testing.internal.Settings;
import java.io.IOException;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one kind of operation from many keep-alive clients (one thread and one connection each)
 * against 127.0.0.1 for a fixed time, and counts completed operations. Bounded: every run stops
 * at its deadline, and the first failure stops the benchmark.
 */
final class LoadRunner {
  /** One operation of a load client; {@code user} is the seeded user to use. */
  interface Operation {
    void run(LoadClient http, int user) throws IOException;
  }

  private final int users;
  private final ReentrantLock[] userLocks;

  LoadRunner(int users) {
    this.users = users;
    this.userLocks = new ReentrantLock[users];
    Arrays.setAll(userLocks, i -> new ReentrantLock());
  }

  static String email(int user) {
    return "user" + user + "@example.com";
  }

  static String password(int user) {
    return "password-" + user;
  }

  ReentrantLock lockOf(int user) {
    return userLocks[user];
  }

  /**
   * Runs {@code op} from {@code clients} clients for {@code seconds}.
   *
   * @return completed operations per second
   */
  double run(int port, int clients, double seconds, Operation op) throws InterruptedException {
    LongAdder done = new LongAdder();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        try (LoadClient http = new LoadClient(port)) {
          while (System.nanoTime() < deadline && failure.get() == null) {
            op.run(http, ThreadLocalRandom.current().nextInt(users));
            done.increment();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "load-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("a load client failed: " + failure.get(), failure.get());
    }
    return done.sum() / elapsed;
  }

  /** The 1-, 5- and 15-minute load averages, as Linux reports them (empty elsewhere). */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  /** Median, minimum and maximum of the figures, as a Markdown table's cells. */
  static String summary(List<Double> figures) {
    double[] sorted = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format(Locale.ROOT, "%8.0f | %6.0f – %-6.0f", Cli.median(sorted), sorted[0], sorted[sorted.length - 1]);
  }

  /**
   * The emulator's defaults for a benchmark that drives its request handling behind another
   * server: no rate limits or lockout (the load is one IP hammering on purpose), and this PBKDF2
   * cost.
   */
  static Settings benchmarkSettings(int passwordIterations) {
    return Settings.defaults().forLoad(passwordIterations, Set.of());
  }
}
