package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.Outbox;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The emulator: its state and rules, the routes over them, and the HTTP server on 127.0.0.1 in
 * front ({@link JdkHttpFront}); with a {@link Persistence}, its state kept across restarts.
 */
public final class EmulatorServer {
  /**
   * Requests handled at once. More than the cores: a request waits for the state lock while
   * another signs a token or writes JSON; with 8 the JDK server did 20-30 % fewer flows per second
   * in HttpServerBenchmark than with 16.
   */
  private static final int THREADS = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

  private final EmulatorState state;
  private final Rules rules;
  private final EmulatorHandler handler;
  private final @Nullable DataDir dataDir;
  private final @Nullable Path exportOnClose;
  private final boolean restored;
  /** Set while listening: from {@link #start} to {@link #close}. */
  private @Nullable JdkHttpFront front;
  private boolean closed;

  /** Creates a stopped emulator with these settings and seeded users, its state in memory only. */
  public EmulatorServer(Settings settings, Clock clock, RandomGenerator random, List<EmulatorUser> users) {
    this(settings, clock, random, users, Persistence.NONE);
  }

  /**
   * Creates a stopped emulator. With state to start from (a data directory that has some, or an
   * import file), it starts from that state and seeds no users: they were seeded when that state
   * began, and may have changed since.
   *
   * @throws IllegalStateException if the data directory is in use, or a state file is corrupt, of
   *     another format or of a newer version (the file is left as it is)
   */
  public EmulatorServer(Settings settings, Clock clock, RandomGenerator random, List<EmulatorUser> users,
      Persistence persistence) {
    this.dataDir = persistence.dataDir() == null ? null : DataDir.open(persistence.dataDir());
    this.exportOnClose = persistence.exportOnClose();
    try {
      Map<?, ?> kept = dataDir == null ? null : dataDir.load().orElse(null);
      Path source = persistence.dataDir() == null ? null : persistence.dataDir().resolve(DataDir.STATE_FILE);
      if (kept != null && persistence.importFile() != null) {
        throw new IllegalStateException(source + " holds state already, which importing "
            + persistence.importFile() + " would replace: give an empty --data-dir, or leave out --import");
      }
      if (kept == null && persistence.importFile() != null) {
        kept = DataFiles.read(persistence.importFile(), "imported");
        source = persistence.importFile();
      }
      this.restored = kept != null;
      InstanceKeys keys = kept == null ? InstanceKeys.generate()
          : within(Objects.requireNonNull(source, "the file of the kept state"), kept, StateFile::keys);
      this.state = new EmulatorState(settings, clock, random, keys);
      this.rules = new Rules(state, new TokenSigner(keys));
      if (kept == null) {
        users.forEach(rules.users::addUser);
      } else {
        synchronized (state.lock) {
          within(Objects.requireNonNull(source, "the file of the kept state"), kept, k -> {
            StateFile.restore(k, state, rules.users);
            return null;
          });
        }
      }
      Router router = new Router();
      Routes.all(state, rules, new Views(state, rules)).forEach(routes -> routes.register(router));
      this.handler = new EmulatorHandler(state, rules, router);
      if (dataDir != null) {
        dataDir.attach(state);
        state.onChange = dataDir::changed;
      }
    } catch (RuntimeException e) {
      if (dataDir != null) {
        dataDir.close(); // unlocks; writes nothing, as no state was attached
      }
      throw e;
    }
  }

  private static <T> T within(Path file, Map<?, ?> kept, java.util.function.Function<Map<?, ?>, T> read) {
    try {
      return read.apply(kept);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " cannot be used: " + e.getMessage()
          + ". The emulator leaves it as it is: fix it, or move it away to start afresh.", e);
    }
  }

  /** Whether the state came from a data directory or an import file (and no user was seeded). */
  public boolean restored() {
    return restored;
  }

  /** The secret key of the Backend API. */
  public String secretKey() {
    return state.settings.secretKey();
  }

  /** The request handling without a server, for benchmarks that put another server in front. */
  public EmulatorHandler handler() {
    return handler;
  }

  /**
   * Listens on 127.0.0.1 at {@code port} (0 for any free port).
   *
   * @throws java.net.BindException if the port is in use
   */
  public synchronized void start(int port) throws IOException {
    front = JdkHttpFront.start(handler, port, THREADS);
    state.issuer = url();
  }

  /**
   * The base URL, such as {@code http://127.0.0.1:8787}, without a trailing slash.
   *
   * @throws IllegalStateException when not listening: before {@link #start}, after {@link #close}
   */
  public synchronized String url() {
    JdkHttpFront listening = front;
    if (listening == null) {
      throw new IllegalStateException(
          "the emulator is not listening: it was not started, or it was closed");
    }
    return "http://127.0.0.1:" + listening.port();
  }

  /** Whether it listens: started and not closed. */
  public synchronized boolean listening() {
    return front != null;
  }

  public Outbox outbox() {
    return state.outbox;
  }

  /** Adds a user while running; returns its id. */
  public String addUser(EmulatorUser user) {
    synchronized (state.lock) {
      String id = rules.users.addUser(user);
      state.changed();
      return id;
    }
  }

  /** The id of the user with this identifier. */
  public String userId(String identifier) {
    synchronized (state.lock) {
      return state.findUser(identifier).map(u -> u.id)
          .orElseThrow(() -> new IllegalArgumentException("no user has the identifier " + identifier));
    }
  }

  /** A sign-in token's ticket for the user ({@link SignInTokenRules}), as the Backend API mints one. */
  public String createSignInToken(String userId, Duration expiresIn) {
    synchronized (state.lock) {
      UserRecord user = state.user(userId)
          .orElseThrow(() -> new IllegalArgumentException("no user " + userId + " to mint a sign-in token for"));
      return rules.signInTokens.mint(user, expiresIn).text();
    }
  }

  /** An invitation's ticket for the address ({@link InvitationRules}). */
  public String createInvitation(String emailAddress, Duration expiresIn) {
    synchronized (state.lock) {
      return rules.invitations.create(emailAddress, expiresIn);
    }
  }

  /** An ID token of an enabled provider ({@link ExternalAuthRules#mintIdToken}). */
  public String idToken(String provider, IdpAccount account) {
    synchronized (state.lock) {
      return rules.external.mintIdToken(provider, account);
    }
  }

  /** Writes the whole state to {@code file} (atomically, owner-only), in the data directory's format. */
  public void exportState(Path file) throws IOException {
    Map<String, Object> snapshot;
    synchronized (state.lock) {
      snapshot = StateFile.snapshot(state);
    }
    byte[] bytes = Json.write(snapshot).getBytes(StandardCharsets.UTF_8);
    DataFiles.writeAtomically(file, bytes);
  }

  /**
   * Stops the server, then exports the state if asked and writes the data directory a last time;
   * idempotent.
   *
   * @throws java.io.UncheckedIOException if the export cannot be written
   */
  public synchronized void close() {
    if (front != null) {
      front.close();
      front = null;
    }
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (exportOnClose != null) {
        exportState(exportOnClose);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot export the emulator's state to " + exportOnClose, e);
    } finally {
      if (dataDir != null) {
        dataDir.close();
      }
    }
  }
}
