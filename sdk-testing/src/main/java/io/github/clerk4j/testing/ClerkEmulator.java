package io.github.clerk4j.testing;

import io.github.clerk4j.testing.internal.BrowserAuth;
import io.github.clerk4j.testing.internal.EmulatorServer;
import io.github.clerk4j.testing.internal.Persistence;
import io.github.clerk4j.testing.internal.Settings;
import io.github.clerk4j.testing.internal.SignUpPolicy;
import io.github.clerk4j.testing.internal.UserSeeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A local server that speaks Clerk's Frontend API (the native-client protocol) with in-memory
 * users: sign-up with the instance's required and optional attributes, sign-in by password, code,
 * MFA and client trust, password reset, sessions and their tokens, {@code /me} account management
 * (e-mail addresses, profile, profile image, active sessions, deleting the account) and MFA
 * management, and reverification; sign-in and sign-up through OAuth providers and enterprise SSO
 * connections with fake identity provider pages, ID tokens, sign-in tokens and invitations, e-mail
 * links. It listens on {@code 127.0.0.1}, and serves there too a web UI ({@code /__emulator/}), a
 * Backend API subset ({@link #backendApiUrl()}) and the emulator's own endpoints; with {@link
 * Builder#dataDir} its state is kept across restarts.
 *
 * <pre>{@code
 * try (ClerkEmulator emulator = ClerkEmulator.builder()
 *     .user(EmulatorUser.builder().email("alice@example.com").password("s3cret-pass").build())
 *     .build()
 *     .start()) {
 *   String key = emulator.publishableKey();   // hand this to the SDK
 *   String code = emulator.outbox().latestCodeFor("alice@example.com");
 * }
 * }</pre>
 *
 * <p>Thread-safe: many clients may call it at once.
 */
public final class ClerkEmulator implements AutoCloseable {
  private final EmulatorServer server;
  private final int port;
  private volatile boolean started;

  private ClerkEmulator(Builder b) {
    Settings settings = new Settings(b.mfaRequired, b.clientTrust, b.rateLimits, b.lockout,
        b.pwnedPasswords, b.reverificationMaxAge, b.codeTtl, b.sessionLifetime, b.passwordIterations,
        b.adminToken, new SignUpPolicy(b.attributes, b.legalConsent, b.signUpMode), b.passwordMinLength,
        b.passwordMinStrength, b.deleteSelfEnabled, b.secretKey != null ? b.secretKey : Settings.newSecretKey(),
        new BrowserAuth(b.oauthProviders, b.connections, b.redirectAllowlist, b.emailLinks));
    this.server = new EmulatorServer(settings, b.clock, b.random, b.users,
        new Persistence(b.dataDir, b.importFile, b.exportOnClose));
    this.port = b.port;
  }

  /** {@return a builder with Clerk's default settings and no users} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening on 127.0.0.1 (on the builder's port, by default any free one).
   *
   * @return this emulator
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized ClerkEmulator start() {
    if (!started) {
      try {
        server.start(port);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
      }
      started = true;
    }
    return this;
  }

  /**
   * {@return the base URL, such as {@code http://127.0.0.1:54321} (no trailing slash)}
   *
   * @throws IllegalStateException before {@link #start()}, or after {@link #close()}
   */
  public String url() {
    requireStarted();
    return server.url();
  }

  /**
   * {@return a development publishable key that encodes this emulator's host and port:
   * {@code pk_test_} + base64 of {@code "127.0.0.1:PORT$"} without padding}
   *
   * @throws IllegalStateException before {@link #start()}, or after {@link #close()}
   */
  public String publishableKey() {
    String host = url().substring("http://".length());
    return "pk_test_" + Base64.getEncoder().withoutPadding()
        .encodeToString((host + "$").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return the Backend API's base URL for {@code @clerk/backend}'s {@code apiUrl} and other
   * backend SDKs: {@code http://127.0.0.1:PORT/bapi} (requests go to {@code /bapi/v1/...})} At
   * Clerk the Backend API is another host ({@code https://api.clerk.com}); here it shares the
   * Frontend API's port under its own path, since both have a {@code /v1/jwks} and a backend SDK
   * appends {@code /v1} to any base URL it is given.
   *
   * @throws IllegalStateException before {@link #start()}, or after {@link #close()}
   */
  public String backendApiUrl() {
    return url() + "/bapi";
  }

  /**
   * {@return the secret key the Backend API needs ({@code Authorization: Bearer sk_test_...}): the
   * builder's {@link Builder#secretKey}, or one made up for this emulator}
   */
  public String secretKey() {
    return server.secretKey();
  }

  /** {@return every e-mail and SMS sent so far} */
  public Outbox outbox() {
    return server.outbox();
  }

  /**
   * Adds a user while the emulator runs.
   *
   * @param user the user, as to {@link Builder#user}
   * @return the user's id ({@code user_…})
   * @throws IllegalArgumentException if an identifier or the id is taken
   */
  public String addUser(EmulatorUser user) {
    return server.addUser(user);
  }

  /**
   * The id ({@code user_…}) of the user with this e-mail address, phone number or username, for
   * the calls below that take one.
   *
   * @param identifier an e-mail address, phone number or username
   * @return the user's id
   * @throws IllegalArgumentException no user has it
   */
  public String userId(String identifier) {
    return server.userId(identifier);
  }

  /**
   * Mints a sign-in token for a user, as the Backend API's {@code POST /v1/sign_in_tokens} does:
   * the ticket that {@code strategy=ticket} signs in with, once, within {@code expiresIn}.
   *
   * @param userId the user's id ({@link #userId})
   * @param expiresIn how long the ticket stays valid
   * @return the ticket (a secret: it signs the user in)
   * @throws IllegalArgumentException no user has this id, or {@code expiresIn} is not positive
   */
  public String createSignInToken(String userId, Duration expiresIn) {
    return server.createSignInToken(userId, expiresIn);
  }

  /**
   * Mints an invitation to sign up with {@code emailAddress}, as the Backend API's {@code POST
   * /v1/invitations} does: the ticket that a sign-up with {@code strategy=ticket} uses, once,
   * within {@code expiresIn}; the address is then verified without a code.
   *
   * @param emailAddress the address to invite
   * @param expiresIn how long the ticket stays valid
   * @return the ticket (a secret: it verifies the address)
   * @throws IllegalArgumentException a user has the address, or {@code expiresIn} is not positive
   */
  public String createInvitation(String emailAddress, Duration expiresIn) {
    return server.createInvitation(emailAddress, expiresIn);
  }

  /**
   * An ID token of an enabled provider, {@code apple} ({@code strategy=oauth_token_apple}) or
   * {@code google} ({@code strategy=google_one_tap}), for {@code account}: what Sign in with Apple
   * or Google's Credential Manager would give the app. Valid for ten minutes.
   *
   * @param provider {@code apple} or {@code google}
   * @param account the person the token is about
   * @return the ID token, a signed JWT
   * @throws IllegalArgumentException another provider, or one the instance does not enable
   */
  public String idToken(String provider, IdpAccount account) {
    return server.idToken(provider, account);
  }

  /**
   * {@return whether this emulator started from kept state (a {@link Builder#dataDir data
   * directory} that had some, or an {@link Builder#importFrom import}) instead of seeding its
   * users}
   */
  public boolean restored() {
    return server.restored();
  }

  /**
   * Writes the emulator's whole state to a file that {@link Builder#importFrom} reads: users,
   * clients, sessions, the outbox and the instance's keys (so it holds secrets: it is written
   * readable by its owner only). Atomic: the file is the old one or the new one, never half.
   *
   * @param file the file to write; missing directories are created
   * @throws UncheckedIOException if it cannot be written
   */
  public void exportState(Path file) {
    try {
      server.exportState(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export the emulator's state to " + file, e);
    }
  }

  /**
   * Stops the server; with {@link Builder#exportOnClose} writes the state there, and with a {@link
   * Builder#dataDir data directory} writes it there a last time and unlocks it. Idempotent.
   */
  @Override
  public void close() {
    server.close();
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("call start() first");
    }
  }

  @Override
  public String toString() {
    return server.listening() ? "ClerkEmulator[" + server.url() + "]"
        : started ? "ClerkEmulator[closed]" : "ClerkEmulator[not started]";
  }

  /** Configures a {@link ClerkEmulator}. Defaults follow a Clerk development instance. */
  public static final class Builder {
    private final List<EmulatorUser> users = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SecureRandom();
    /** Clerk's defaults for a new instance; the fields below start from them. */
    private static final Settings DEFAULTS = Settings.defaults();
    private boolean mfaRequired = DEFAULTS.mfaRequired();
    private boolean clientTrust = DEFAULTS.clientTrust();
    private RateLimits rateLimits = DEFAULTS.rateLimits();
    private Lockout lockout = DEFAULTS.lockout();
    private final Set<String> pwnedPasswords = new HashSet<>(DEFAULTS.pwnedPasswords());
    private Duration reverificationMaxAge = DEFAULTS.reverificationMaxAge();
    private Duration codeTtl = DEFAULTS.codeTtl();
    private Duration sessionLifetime = DEFAULTS.sessionLifetime();
    private int passwordIterations = DEFAULTS.passwordIterations();
    private int port;
    private final Map<String, List<IdpAccount>> oauthProviders = new LinkedHashMap<>();
    private final List<BrowserAuth.Connection> connections = new ArrayList<>();
    private final Set<String> redirectAllowlist = new LinkedHashSet<>();
    private boolean emailLinks;
    private @Nullable String adminToken = DEFAULTS.adminToken();
    private final Map<UserAttribute, AttributeSetting> attributes = new EnumMap<>(DEFAULTS.signUp().attributes());
    private boolean legalConsent = DEFAULTS.signUp().legalConsent();
    private SignUpMode signUpMode = DEFAULTS.signUp().mode();
    private int passwordMinLength = DEFAULTS.passwordMinLength();
    private int passwordMinStrength = DEFAULTS.passwordMinStrength();
    private boolean deleteSelfEnabled = DEFAULTS.deleteSelfEnabled();
    private @Nullable Path dataDir;
    private @Nullable Path importFile;
    private @Nullable Path exportOnClose;
    private @Nullable String secretKey;

    private Builder() {}

    /**
     * The secret key of the Backend API ({@code /bapi/v1/*}, see {@link ClerkEmulator#backendApiUrl}):
     * requests need {@code Authorization: Bearer <key>}. Default: a new {@code sk_test_} key per
     * emulator ({@link ClerkEmulator#secretKey()}).
     *
     * @param key the key, {@code sk_test_...}
     * @return this builder
     * @throws IllegalArgumentException unless it is {@code sk_test_} and at least 8 letters, digits,
     *     {@code _} or {@code -}
     */
    public Builder secretKey(String key) {
      if (key == null || !key.matches("sk_test_[A-Za-z0-9_-]{8,}")) {
        throw new IllegalArgumentException("the secret key must be sk_test_ and at least 8 letters, digits, _ or -");
      }
      this.secretKey = key;
      return this;
    }

    /**
     * Keeps the emulator's state in this directory across restarts (the standalone jar's {@code
     * --data-dir}): users, clients, sessions, the outbox and the instance's keys, in one JSON file
     * ({@code emulator-state.json}, format version 1) written again after every change, atomically
     * and readable by its owner only. A directory that has state starts the emulator from it, and
     * the users given to this builder are then not seeded again. A corrupt file, or one of a newer
     * format, fails {@link #build()} and is left as it is; so does a directory another running
     * emulator uses. Sign-ins and sign-ups in progress are not kept.
     *
     * @param directory the directory; created if missing
     * @return this builder
     */
    public Builder dataDir(Path directory) {
      this.dataDir = Objects.requireNonNull(directory);
      return this;
    }

    /**
     * Starts from the state in this file, written by {@link ClerkEmulator#exportState} or {@link
     * #exportOnClose} (the jar's {@code --import}); the file is only read. The users given to this
     * builder are not seeded. With a {@link #dataDir} it must be one without state yet.
     *
     * @param file the state file to read
     * @return this builder
     */
    public Builder importFrom(Path file) {
      this.importFile = Objects.requireNonNull(file);
      return this;
    }

    /**
     * Writes the state to this file when the emulator is closed (the jar's {@code
     * --export-on-exit}).
     *
     * @param file the file to write
     * @return this builder
     */
    public Builder exportOnClose(Path file) {
      this.exportOnClose = Objects.requireNonNull(file);
      return this;
    }

    /**
     * Seeds a user.
     *
     * @param user the user
     * @return this builder
     */
    public Builder user(EmulatorUser user) {
      users.add(Objects.requireNonNull(user));
      return this;
    }

    /**
     * Seeds users.
     *
     * @param seeded the users
     * @return this builder
     */
    public Builder users(Collection<EmulatorUser> seeded) {
      seeded.forEach(this::user);
      return this;
    }

    /**
     * Seeds the users of a JSON file: {@code {"users": [{"email": "a@b.c", "password": "..."}]}};
     * the keys are the {@link EmulatorUser.Builder} methods in snake_case (see {@link
     * EmulatorUser} for every field).
     *
     * @param file the JSON file
     * @return this builder
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if its content is not a valid user list, naming the user
     *     and the field (an unknown key is named with the allowed ones)
     */
    public Builder usersFromJson(Path file) {
      try {
        return users(UserSeeds.parse(Files.readString(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The clock for timestamps, code expiry, TOTP, rate limits, lockout and reverification. A
     * {@link TestClock} lets a test move it by hand.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * The source of ids, codes, secrets and salts; pass a seeded {@code new Random(42)} for
     * repeatable runs. Only used under the emulator's lock, so it need not be thread-safe.
     *
     * @param random the source of randomness
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /**
     * Whether MFA is required: new sessions of users without it get the {@code setup-mfa} task.
     *
     * @param required whether MFA is required (default false)
     * @return this builder
     */
    public Builder mfaRequired(boolean required) {
      this.mfaRequired = required;
      return this;
    }

    /**
     * Whether client trust is on (default): a password sign-in on a client new to a user without
     * MFA ends in {@code needs_client_trust}.
     *
     * @param enabled whether client trust is on
     * @return this builder
     */
    public Builder clientTrust(boolean enabled) {
      this.clientTrust = enabled;
      return this;
    }

    /**
     * Per-IP rate limits; {@link RateLimits#disabled()} for load tests.
     *
     * @param limits the limits (default {@link RateLimits#clerkDefaults()})
     * @return this builder
     */
    public Builder rateLimits(RateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits);
      return this;
    }

    /**
     * Lockout after wrong passwords; {@link Lockout#disabled()} to switch it off.
     *
     * @param lockout the lockout (default {@link Lockout#clerkDefaults()})
     * @return this builder
     */
    public Builder lockout(Lockout lockout) {
      this.lockout = Objects.requireNonNull(lockout);
      return this;
    }

    /**
     * Passwords refused as new passwords with {@code form_password_pwned}.
     *
     * @param passwords passwords to refuse, added to those given before
     * @return this builder
     */
    public Builder pwnedPasswords(Collection<String> passwords) {
      pwnedPasswords.addAll(passwords);
      return this;
    }

    /**
     * How recent a factor verification sensitive {@code /me} calls need (default 10 minutes).
     *
     * @param maxAge the longest age of the last verification
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder reverificationMaxAge(Duration maxAge) {
      this.reverificationMaxAge = requirePositive("reverificationMaxAge", maxAge);
      return this;
    }

    /**
     * Lifetime of e-mail and SMS codes (default 10 minutes).
     *
     * @param ttl how long a code stays valid
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder codeTtl(Duration ttl) {
      this.codeTtl = requirePositive("codeTtl", ttl);
      return this;
    }

    /**
     * How long a session lasts from sign-in (default 7 days, Clerk's default): its {@code
     * expire_at}. After that it is {@code expired} and its client is signed out of it.
     *
     * @param lifetime from sign-in to {@code expire_at}
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder sessionLifetime(Duration lifetime) {
      this.sessionLifetime = requirePositive("sessionLifetime", lifetime);
      return this;
    }

    /**
     * PBKDF2-HMAC-SHA256 iterations (default 4,096, about 1 ms) of what a password store spends
     * its time on: hashing a password set through the API (a reset, a change) and checking a
     * wrong one. A right password is recognised by a keyed digest recorded when it was set, and
     * seeding derives nothing, so sign-ins and seeding stay fast at any count (see the README for
     * why and the figures).
     *
     * @param iterations the PBKDF2 iteration count
     * @return this builder
     * @throws IllegalArgumentException if {@code iterations} is below 1
     */
    public Builder passwordHashIterations(int iterations) {
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
      }
      this.passwordIterations = iterations;
      return this;
    }

    /**
     * Puts the emulator's own endpoints ({@code /__emulator/*}: the outbox with every code, the
     * clock) behind this token: they then need {@code Authorization: Bearer <token>}. Off by
     * default in-process, where only the test's own process talks to the emulator; the
     * standalone jar makes one up and prints it unless told otherwise.
     *
     * @param token the token the emulator's endpoints require
     * @return this builder
     * @throws IllegalArgumentException if the token is blank
     */
    public Builder adminToken(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("the admin token must not be blank");
      }
      this.adminToken = token;
      return this;
    }

    /**
     * How the instance uses a user attribute at sign-up, as a Clerk dashboard switches it: off,
     * optional or required. Defaults (Clerk's for a new application): e-mail address and password
     * required; phone number, username, first and last name optional. At least one identifier
     * (e-mail address, phone number or username) must end up required; {@link #build()} checks.
     * {@code /v1/environment} says the same, so that Clerk's own clients build the same form. A
     * user's last verified identifier of a required kind cannot be removed (400 {@code
     * last_required_identification_deletion_failed}).
     *
     * @param attribute the attribute
     * @param setting off, optional or required
     * @return this builder
     */
    public Builder attribute(UserAttribute attribute, AttributeSetting setting) {
      attributes.put(Objects.requireNonNull(attribute), Objects.requireNonNull(setting));
      return this;
    }

    /**
     * Whether users may delete their own account (default true, as the Clerk Dashboard's "Allow
     * users to delete their accounts"): with false, {@code DELETE /v1/me} is refused with 403
     * {@code user_delete_self_not_enabled}, and users and the environment say {@code
     * delete_self_enabled: false}.
     *
     * @param enabled whether users may delete their account
     * @return this builder
     */
    public Builder deleteSelfEnabled(boolean enabled) {
      this.deleteSelfEnabled = enabled;
      return this;
    }

    /**
     * Whether a sign-up needs the user's consent to the legal terms ({@code legal_accepted=true},
     * listed in {@code required_fields}); default off.
     *
     * @param required whether a sign-up must accept the legal terms
     * @return this builder
     */
    public Builder legalConsent(boolean required) {
      this.legalConsent = required;
      return this;
    }

    /**
     * Who may sign up (default {@link SignUpMode#PUBLIC}).
     *
     * @param mode the sign-up mode
     * @return this builder
     */
    public Builder signUpMode(SignUpMode mode) {
      this.signUpMode = Objects.requireNonNull(mode);
      return this;
    }

    /**
     * The fewest characters a new password (sign-up, reset, change) may have: shorter ones fail
     * with {@code form_password_length_too_short} (default 8, Clerk's).
     *
     * @param length the minimum length
     * @return this builder
     * @throws IllegalArgumentException if not 1 to 72
     */
    public Builder passwordMinLength(int length) {
      if (length < 1 || length > 72) {
        throw new IllegalArgumentException("passwordMinLength must be 1 to 72, got " + length);
      }
      this.passwordMinLength = length;
      return this;
    }

    /**
     * The strength a new password needs on zxcvbn's scale, 0 (any) to 4: a weaker one fails with
     * {@code form_password_not_strong_enough}. Default 0. The emulator estimates the strength
     * from length, character classes, repeats and runs, and a short list of the most common
     * passwords, an approximation of zxcvbn rather than zxcvbn itself.
     *
     * @param strength the minimum zxcvbn score
     * @return this builder
     * @throws IllegalArgumentException if not 0 to 4
     */
    public Builder passwordMinStrength(int strength) {
      if (strength < 0 || strength > 4) {
        throw new IllegalArgumentException("passwordMinStrength must be 0 to 4, got " + strength);
      }
      this.passwordMinStrength = strength;
      return this;
    }

    /**
     * Enables an OAuth provider ({@code strategy=oauth_<name>}) with a fake identity provider
     * page that lists {@code accounts} and offers "use another account". A provider account
     * whose e-mail address a user has signs that user in (then MFA if the user has it); any
     * other is new, and its sign-in is transferable to a sign-up. {@code apple} and {@code
     * google} also take ID tokens ({@link ClerkEmulator#idToken}).
     *
     * @param accounts the accounts its page lists
     * @return this builder
     * @param name the provider's name in Clerk: {@code google}, {@code github}, {@code custom_acme}
     * @throws IllegalArgumentException a name that is not lower-case letters, digits and
     *     underscores, or one given twice
     */
    public Builder oauthProvider(String name, IdpAccount... accounts) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[a-z0-9_]+") || name.startsWith("oauth_") || name.startsWith("token_")) {
        throw new IllegalArgumentException("an OAuth provider's name is lower-case letters, digits and underscores,"
            + " without oauth_ (google, github, custom_acme); got " + name);
      }
      if (oauthProviders.putIfAbsent(name, List.of(accounts)) != null) {
        throw new IllegalArgumentException("the OAuth provider " + name + " is configured twice");
      }
      return this;
    }

    /**
     * Adds an enterprise SSO connection ({@code strategy=enterprise_sso}) for the addresses of
     * {@code domain}, with a fake identity provider page listing {@code accounts}, all of that
     * domain. A sign-in with an address of the domain goes to it; one of another domain is 422
     * {@code enterprise_sso_sign_in_connection_missing}.
     *
     * @param domain the e-mail domain it serves, such as {@code acme.com}
     * @param accounts the accounts its page lists, all of {@code domain}
     * @return this builder
     * @param name what the provider's page shows, such as "Acme Corp"
     * @throws IllegalArgumentException an account of another domain, or a domain given twice
     */
    public Builder enterpriseConnection(String name, String domain, IdpAccount... accounts) {
      Objects.requireNonNull(name, "name");
      String d = Objects.requireNonNull(domain, "domain").trim().toLowerCase(Locale.ROOT);
      if (!d.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
        throw new IllegalArgumentException("an enterprise connection needs a domain such as acme.com, got " + domain);
      }
      for (IdpAccount a : accounts) {
        if (!a.domain().equals(d)) {
          throw new IllegalArgumentException("the connection for " + d + " cannot have the account " + a.emailAddress());
        }
      }
      if (connections.stream().anyMatch(c -> c.domain().equals(d))) {
        throw new IllegalArgumentException("the domain " + d + " has a connection already");
      }
      connections.add(new BrowserAuth.Connection("ec_" + d.replaceAll("[^a-z0-9]", "_"), name, d, List.of(accounts)));
      return this;
    }

    /**
     * Puts a redirect URL on the instance's allowlist: once one is there, a browser sign-in or
     * sign-up whose {@code redirect_url} (or {@code action_complete_redirect_url}) is not exactly
     * one of them is refused with 422 {@code redirect_url_domain_mismatch}, as a production
     * instance passes the nonce only to allowlisted URLs. With none, any absolute URL is taken,
     * as on a development instance.
     *
     * @param url an absolute URL, compared exactly
     * @return this builder
     * @throws IllegalArgumentException a URL that is not absolute
     */
    public Builder allowRedirectUrl(String url) {
      URI uri = URI.create(Objects.requireNonNull(url, "url"));
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException("a redirect URL must be absolute, such as http://127.0.0.1:45789/sso-callback;"
            + " got " + url);
      }
      redirectAllowlist.add(url);
      return this;
    }

    /**
     * Whether the instance sends e-mail links ({@code email_link}): a first factor of every
     * e-mail address, and a Client Trust factor beside the e-mail code. Off by default, as on a
     * new Clerk application.
     *
     * @param enabled whether e-mail links are offered
     * @return this builder
     */
    public Builder emailLinks(boolean enabled) {
      this.emailLinks = enabled;
      return this;
    }

    /**
     * The port to listen on (default 0: any free port).
     *
     * @param port 0 to 65535; 0 picks a free port
     * @return this builder
     * @throws IllegalArgumentException if not 0 to 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Builds a stopped emulator; call {@link ClerkEmulator#start()}.
     *
     * @return the emulator, not started
     * @throws IllegalArgumentException if two seeded users share an identifier, or no identifier
     *     attribute is required
     * @throws IllegalStateException if the {@link #dataDir} is used by another emulator, or its
     *     state file or the {@link #importFrom} file is corrupt or of a newer format (the message
     *     names the file and the problem; the file is left as it is)
     */
    public ClerkEmulator build() {
      return new ClerkEmulator(this);
    }

    private static Duration requirePositive(String what, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
