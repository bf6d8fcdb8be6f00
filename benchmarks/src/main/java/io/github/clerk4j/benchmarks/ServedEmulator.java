package io.github.clerk4j.benchmarks;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.internal.EmulatorServer;
import io.github.clerk4j.testing.internal.JdkHttpFront;
import io.github.clerk4j.testing.internal.Settings;
import io.github.clerk4j.testing.internal.UserSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The emulator's request handling behind a chosen server, in a JVM of its own, for {@link
 * EmulatorThroughputBenchmark}'s {@code --server}: {@code java -cp benchmarks.jar ...ServedEmulator
 * jdk|jetty|undertow USERS_FILE PASSWORD_ITERATIONS}. Prints the seeding time and the port as the
 * standalone jar does, and runs until killed. Rate limits and lockout are off.
 */
public final class ServedEmulator {
  private ServedEmulator() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    List<EmulatorUser> users = UserSeeds.parse(Files.readString(Path.of(args[1])));
    Settings settings = LoadRunner.benchmarkSettings(Integer.parseInt(args[2]));
    EmulatorServer emulator = new EmulatorServer(settings, Clock.systemUTC(), new SecureRandom(), users);
    System.out.printf("Seeded %d users in %d ms%n", users.size(), (System.nanoTime() - start) / 1_000_000);
    int threads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    AutoCloseable server;
    int port;
    switch (args[0]) {
      case "jdk" -> {
        JdkHttpFront front = JdkHttpFront.start(emulator.handler(), 0, threads);
        server = front;
        port = front.port();
      }
      case "jetty" -> {
        JettyFront front = new JettyFront(emulator.handler(), threads);
        server = front;
        port = front.port();
      }
      case "undertow" -> {
        UndertowFront front = new UndertowFront(emulator.handler(), threads);
        server = front;
        port = front.port();
      }
      default -> throw new IllegalArgumentException("server must be jdk, jetty or undertow, got " + args[0]);
    }
    System.out.println(args[0] + " server listening on http://127.0.0.1:" + port);
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception ignored) {
        // stopping anyway
      }
    }));
    new CountDownLatch(1).await();
  }
}
