package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar clerk4j-emulator.jar --port 8787 --users users.json}: runs until Ctrl-C. */
public final class Main {
  private static final String USAGE = String.join("\n",
      "usage: java -jar clerk4j-emulator.jar [options]",
      "  --port N            port on 127.0.0.1 (default 8787; 0 for any free port)",
      "  --users FILE        seed users from a JSON file ({\"users\": [...]})",
      "  --mfa-required      new sessions of users without MFA get the setup-mfa task",
      "  --no-client-trust   password sign-ins never need client trust",
      "  --no-rate-limits    switch off the per-IP rate limits",
      "  --no-lockout        switch off the lockout after wrong passwords",
      "  --password-iterations N  PBKDF2 iterations of stored passwords (default 4096;",
      "                      1 seeds large user files in seconds)",
      "  --help              this text");

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    ClerkEmulator emulator;
    try {
      emulator = parse(args).build();
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    emulator.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      System.out.println("Clerk emulator stopped.");
      stopped.countDown();
    }, "clerk-emulator-shutdown"));
    PrintStream out = System.out;
    out.println("Clerk emulator listening on " + emulator.url());
    out.println("Publishable key: " + emulator.publishableKey());
    out.println("Outbox: " + emulator.url() + "/__emulator/outbox");
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
  }

  static ClerkEmulator.Builder parse(String[] args) {
    ClerkEmulator.Builder builder = ClerkEmulator.builder().port(8787);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> builder.port(parseNumber("--port", value(args, ++i, "--port")));
        case "--users" -> builder.usersFromJson(Path.of(value(args, ++i, "--users")));
        case "--mfa-required" -> builder.mfaRequired(true);
        case "--no-client-trust" -> builder.clientTrust(false);
        case "--no-rate-limits" -> builder.rateLimits(RateLimits.disabled());
        case "--no-lockout" -> builder.lockout(Lockout.disabled());
        case "--password-iterations" ->
            builder.passwordHashIterations(parseNumber("--password-iterations", value(args, ++i, "--password-iterations")));
        case "--help", "-h" -> {
          System.out.println(USAGE);
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return builder;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parseNumber(String option, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got " + text);
    }
  }
}
