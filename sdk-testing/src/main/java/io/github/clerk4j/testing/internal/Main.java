package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.SignUpMode;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.UserAttribute;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@code java -jar clerk4j-emulator.jar --port 8787 --users users.json}: runs until Ctrl-C. */
public final class Main {
  private static final String USAGE = String.join("\n",
      "usage: java -jar clerk4j-emulator.jar [options]",
      "  --port N                    port on 127.0.0.1 (default 8787; 0 for any free port)",
      "  --users FILE                seed users from a JSON file ({\"users\": [...]})",
      "  --mfa-required              new sessions of users without MFA get the setup-mfa task",
      "  --no-client-trust           password sign-ins never need client trust",
      "  --no-rate-limits            switch off the per-IP rate limits",
      "  --no-lockout                switch off the lockout after wrong passwords",
      "  --attribute NAME=SETTING    how a sign-up uses an attribute: NAME is email_address,",
      "                              phone_number, username, first_name, last_name or password,",
      "                              SETTING off, optional or required (repeat for several;",
      "                              default: email_address and password required, the rest",
      "                              optional)",
      "  --legal-consent             a sign-up needs legal_accepted=true",
      "  --sign-up-mode MODE         public (default), restricted or waitlist",
      "  --password-min-length N     the fewest characters of a new password (default 8)",
      "  --password-min-strength N   the strength 0-4 a new password needs (default 0: any)",
      "  --no-delete-self            users may not delete their own account (DELETE /v1/me)",
      "  --reverification-max-age D  sensitive /v1/me calls need a factor verified within D",
      "                              (default 10m)",
      "  --code-ttl D                lifetime of e-mail and SMS codes (default 10m)",
      "  --session-lifetime D        how long a session lasts from sign-in (default 7d)",
      "  --clock-start TIME          the clock starts at TIME (ISO-8601, 2030-01-01T09:00:00Z)",
      "                              and ticks from there",
      "  --clock-offset D            the clock runs D ahead of the system clock (-D: behind)",
      "  --password-iterations N     PBKDF2 iterations for setting a password and for a",
      "                              wrong guess (default 4096)",
      "  --oauth-provider NAME       enable an OAuth provider (google, github, ...) with a fake",
      "                              sign-in page (repeat for several)",
      "  --enterprise-connection DOMAIN[=NAME]",
      "                              enterprise SSO for the addresses of DOMAIN (repeat)",
      "  --idp-account P=EMAIL[,FIRST LAST]",
      "                              an account the page of provider or domain P lists",
      "                              (repeat; any address can also be typed on the page)",
      "  --allow-redirect-url URL    allowlist a redirect URL of browser sign-ins (repeat; with",
      "                              none, any is taken, as on a development instance)",
      "  --email-links               send e-mail links (email_link), also for client trust",
      "  --data-dir DIR              keep users, clients, sessions and the outbox in DIR across",
      "                              restarts (DIR/emulator-state.json; holds secrets, owner-only)",
      "  --import FILE               start from the state in FILE (written by --export-on-exit)",
      "  --export-on-exit FILE       write the state to FILE when stopped (Ctrl-C)",
      "  --secret-key KEY            the sk_test_... key of the Backend API at /bapi (default: a",
      "                              new one, printed)",
      "  --admin-token TOKEN         the token /__emulator/* needs (default: a new one, printed)",
      "  --no-admin-token            /__emulator/* open to every local process",
      "  --help                      this text",
      "",
      "Durations D: 90s, 10m, 2h, 7d or ISO-8601 (PT10M). While it runs,",
      "POST /__emulator/clock with advance=D moves the clock forward, and",
      "GET /__emulator/outbox lists the codes sent; both need",
      "Authorization: Bearer <admin token>.");

  private Main() {}

  public static void main(String[] args) {
    int exit = run(args, System.out, System.err, Main::untilStopped);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * Parses, starts and runs the emulator; a bad option or a port in use is one line on {@code err}
   * and a non-zero result, never a stack trace.
   *
   * @return the exit status: 0 after a normal stop, 1 when it could not listen, 2 for bad options
   */
  static int run(String[] args, PrintStream out, PrintStream err, Consumer<ClerkEmulator> whileRunning) {
    ClerkEmulator emulator;
    Options options;
    long seedStart = System.nanoTime();
    try {
      options = parse(args);
      if (options.help) {
        out.println(USAGE);
        return 0;
      }
      emulator = options.builder.build();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      err.println("(java -jar clerk4j-emulator.jar --help lists the options)");
      return 2;
    } catch (IllegalStateException e) {
      err.println("error: " + e.getMessage()); // a state file or data directory that cannot be used
      return 2;
    }
    try {
      emulator.start();
    } catch (UncheckedIOException e) {
      int port = options.port;
      err.println(e.getCause() instanceof BindException
          ? "error: port " + port + " on 127.0.0.1 is in use: stop what uses it, or pass --port N"
              + " (--port 0 picks a free one)"
          : "error: cannot listen on 127.0.0.1:" + port + ": " + causeMessage(e));
      return 1;
    }
    if (emulator.restored()) {
      out.printf(Locale.ROOT, "Started from %s in %d ms (users are not seeded again)%n", options.stateSource,
          (System.nanoTime() - seedStart) / 1_000_000);
    } else {
      out.printf(Locale.ROOT, "Seeded %d users in %d ms%n", options.users,
          (System.nanoTime() - seedStart) / 1_000_000);
    }
    if (options.dataDir != null) {
      out.println("State kept in " + options.dataDir.resolve("emulator-state.json") + " (written after every change)");
    }
    out.println("Clerk emulator listening on " + emulator.url());
    out.println("Publishable key: " + emulator.publishableKey());
    out.println("Web UI: " + emulator.url() + "/__emulator/");
    out.println("Backend API: " + emulator.backendApiUrl() + " (@clerk/backend: createClerkClient({secretKey, apiUrl}))");
    out.println("Secret key: " + emulator.secretKey());
    out.println("Outbox: " + emulator.url() + "/__emulator/outbox");
    out.println("Clock: " + emulator.url() + "/__emulator/clock (POST advance=1h moves it forward)");
    out.println(options.adminToken == null ? "Admin token: none (--no-admin-token): /__emulator/* is open"
        : "Admin token: " + options.adminToken + " (send Authorization: Bearer <token> to /__emulator/*)");
    out.println("Press Ctrl-C to stop.");
    out.flush();
    whileRunning.accept(emulator);
    return 0;
  }

  private static void untilStopped(ClerkEmulator emulator) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        emulator.close();
      } catch (UncheckedIOException e) {
        System.err.println("error: " + e.getMessage() + ": " + causeMessage(e));
      }
      System.out.println("Clerk emulator stopped.");
      stopped.countDown();
    }, "clerk-emulator-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The message of the I/O failure it wraps (an {@link UncheckedIOException} always has one). */
  private static @Nullable String causeMessage(UncheckedIOException e) {
    return Objects.requireNonNull(e.getCause(), "cause").getMessage();
  }

  /** The parsed command line. */
  static final class Options {
    final ClerkEmulator.Builder builder = ClerkEmulator.builder().port(8787);
    int port = 8787;
    boolean help;
    /** The admin token in force, or null when switched off. */
    @Nullable String adminToken;
    /** How many users the files seed. */
    int users;
    @Nullable Path dataDir;
    @Nullable Path importFile;

    /** Where kept state comes from, for the start-up line; null without kept state. */
    @Nullable String stateSource;
  }

  static Options parse(String[] args) {
    Options o = new Options();
    ClerkEmulator.Builder builder = o.builder;
    Instant clockStart = null;
    Duration clockOffset = null;
    boolean noAdminToken = false;
    Map<String, @Nullable String> providers = new LinkedHashMap<>(); // name or domain -> connection name
    Map<String, List<IdpAccount>> accounts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--port" -> {
          o.port = parseNumber(option, value(args, ++i, option));
          builder.port(o.port);
        }
        case "--users" -> {
          List<EmulatorUser> seeds = readUsers(Path.of(value(args, ++i, option)));
          o.users += seeds.size();
          builder.users(seeds);
        }
        case "--mfa-required" -> builder.mfaRequired(true);
        case "--no-client-trust" -> builder.clientTrust(false);
        case "--no-rate-limits" -> builder.rateLimits(RateLimits.disabled());
        case "--no-lockout" -> builder.lockout(Lockout.disabled());
        case "--attribute" -> attribute(builder, option, value(args, ++i, option));
        case "--legal-consent" -> builder.legalConsent(true);
        case "--sign-up-mode" -> {
          String mode = value(args, ++i, option);
          builder.signUpMode(SignUpMode.fromWireName(mode).orElseThrow(() -> new IllegalArgumentException(
              option + " needs public, restricted or waitlist, got " + mode)));
        }
        case "--password-min-length" -> builder.passwordMinLength(parseNumber(option, value(args, ++i, option)));
        case "--password-min-strength" -> builder.passwordMinStrength(parseNumber(option, value(args, ++i, option)));
        case "--no-delete-self" -> builder.deleteSelfEnabled(false);
        case "--reverification-max-age" ->
            builder.reverificationMaxAge(positive(option, value(args, ++i, option)));
        case "--code-ttl" -> builder.codeTtl(positive(option, value(args, ++i, option)));
        case "--session-lifetime" -> builder.sessionLifetime(positive(option, value(args, ++i, option)));
        case "--clock-start" -> clockStart = parseInstant(option, value(args, ++i, option));
        case "--clock-offset" -> clockOffset = Durations.parse(option, value(args, ++i, option));
        case "--password-iterations" ->
            builder.passwordHashIterations(parseNumber(option, value(args, ++i, option)));
        case "--oauth-provider" -> putOnce(providers, value(args, ++i, option), null, option);
        case "--enterprise-connection" -> {
          String text = value(args, ++i, option);
          int eq = text.indexOf('=');
          String domain = (eq < 0 ? text : text.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
          putOnce(providers, domain, eq < 0 ? domain : text.substring(eq + 1).trim(), option);
        }
        case "--idp-account" -> idpAccount(accounts, option, value(args, ++i, option));
        case "--allow-redirect-url" -> builder.allowRedirectUrl(value(args, ++i, option));
        case "--email-links" -> builder.emailLinks(true);
        case "--data-dir" -> {
          o.dataDir = Path.of(value(args, ++i, option));
          builder.dataDir(o.dataDir);
        }
        case "--import" -> {
          o.importFile = Path.of(value(args, ++i, option));
          builder.importFrom(o.importFile);
        }
        case "--export-on-exit" -> builder.exportOnClose(Path.of(value(args, ++i, option)));
        case "--secret-key" -> builder.secretKey(value(args, ++i, option));
        case "--admin-token" -> o.adminToken = value(args, ++i, option);
        case "--no-admin-token" -> noAdminToken = true;
        case "--help", "-h" -> o.help = true;
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    for (String p : accounts.keySet()) {
      if (!providers.containsKey(p)) {
        throw new IllegalArgumentException("--idp-account names " + p + ", which no --oauth-provider or"
            + " --enterprise-connection enables");
      }
    }
    providers.forEach((key, connectionName) -> {
      IdpAccount[] listed = accounts.getOrDefault(key, List.of()).toArray(IdpAccount[]::new);
      if (connectionName == null) {
        builder.oauthProvider(key, listed);
      } else {
        builder.enterpriseConnection(connectionName, key, listed);
      }
    });
    if (noAdminToken && o.adminToken != null) {
      throw new IllegalArgumentException("give --admin-token or --no-admin-token, not both");
    }
    if (!noAdminToken) {
      // Standalone, any local process could read every code from the outbox: a token by default.
      o.adminToken = o.adminToken != null ? o.adminToken : newAdminToken();
      builder.adminToken(o.adminToken);
    }
    // Kept state comes from the import file, or else the data directory (both at once is refused).
    o.stateSource = o.importFile != null ? o.importFile.toString()
        : o.dataDir != null ? o.dataDir.resolve("emulator-state.json").toString() : null;
    if (clockStart != null && clockOffset != null) {
      throw new IllegalArgumentException("give --clock-start or --clock-offset, not both");
    }
    if (clockStart != null) {
      builder.clock(TestClock.system().set(clockStart));
    } else if (clockOffset != null) {
      builder.clock(TestClock.system().advance(clockOffset));
    }
    return o;
  }

  /** {@code --attribute phone_number=required}. */
  private static void attribute(ClerkEmulator.Builder builder, String option, String text) {
    int eq = text.indexOf('=');
    String name = eq < 0 ? text : text.substring(0, eq);
    String setting = eq < 0 ? "" : text.substring(eq + 1);
    UserAttribute attribute = UserAttribute.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
        option + " names an attribute email_address, phone_number, username, first_name, last_name or"
            + " password, got " + name + " (write NAME=SETTING, such as phone_number=required)"));
    builder.attribute(attribute, AttributeSetting.fromName(setting).orElseThrow(() -> new IllegalArgumentException(
        option + " " + name + " needs =off, =optional or =required, got " + (eq < 0 ? "nothing" : setting))));
  }

  private static void putOnce(Map<String, @Nullable String> providers, String key, @Nullable String value,
      String option) {
    if (providers.containsKey(key)) {
      throw new IllegalArgumentException(option + " " + key + " is given twice");
    }
    providers.put(key, value);
  }

  /** {@code --idp-account google=ada@example.com,Ada Lovelace}. */
  private static void idpAccount(Map<String, List<IdpAccount>> accounts, String option, String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + " needs PROVIDER=EMAIL[,FIRST LAST], such as"
          + " google=ada@example.com,Ada Lovelace; got " + text);
    }
    String provider = text.substring(0, eq).trim().toLowerCase(Locale.ROOT);
    String[] parts = text.substring(eq + 1).split(",", 2);
    String[] names = parts.length > 1 ? parts[1].trim().split("\\s+", 2) : new String[0];
    IdpAccount account = IdpAccount.of(parts[0], names.length > 0 && !names[0].isEmpty() ? names[0] : null,
        names.length > 1 ? names[1] : null);
    accounts.computeIfAbsent(provider, k -> new ArrayList<>()).add(account);
  }

  private static List<EmulatorUser> readUsers(Path file) {
    try {
      return UserSeeds.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String newAdminToken() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

  private static Duration positive(String option, String text) {
    Duration d = Durations.parse(option, text);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(option + " needs a positive duration, got " + text);
    }
    return d;
  }

  private static Instant parseInstant(String option, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " needs a time such as 2030-01-01T09:00:00Z, got " + text);
    }
  }
}
