package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.Outbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The emulator: its state and rules, the routes over them, and the HTTP server on 127.0.0.1 in
 * front ({@link JdkHttpFront}).
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
  private JdkHttpFront front;

  /** Creates a stopped emulator with these settings and seeded users. */
  public EmulatorServer(Settings settings, Clock clock, RandomGenerator random, List<EmulatorUser> users) {
    this.state = new EmulatorState(settings, clock, random);
    this.rules = new Rules(state, new TokenSigner(state.newId("ins")));
    users.forEach(rules.users::addUser);
    Router router = new Router();
    Routes.all(state, rules, new Views(state, rules)).forEach(routes -> routes.register(router));
    this.handler = new EmulatorHandler(state, rules, router);
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

  /** The base URL, such as {@code http://127.0.0.1:8787}, without a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + front.port();
  }

  public Outbox outbox() {
    return state.outbox;
  }

  /** Adds a user while running; returns its id. */
  public String addUser(EmulatorUser user) {
    synchronized (state.lock) {
      return rules.users.addUser(user);
    }
  }

  /** The id of the user with this identifier. */
  public String userId(String identifier) {
    synchronized (state.lock) {
      return state.findUser(identifier).map(u -> u.id)
          .orElseThrow(() -> new IllegalArgumentException("no user has the identifier " + identifier));
    }
  }

  /** A sign-in token's ticket for the user ({@link TicketRules}). */
  public String createSignInToken(String userId, Duration expiresIn) {
    synchronized (state.lock) {
      return rules.tickets.createSignInToken(userId, expiresIn).token();
    }
  }

  /** An invitation's ticket for the address ({@link TicketRules}). */
  public String createInvitation(String emailAddress, Duration expiresIn) {
    synchronized (state.lock) {
      return rules.tickets.createInvitation(emailAddress, expiresIn).token();
    }
  }

  /** An ID token of an enabled provider ({@link ExternalAuthRules#mintIdToken}). */
  public String idToken(String provider, IdpAccount account) {
    synchronized (state.lock) {
      return rules.external.mintIdToken(provider, account);
    }
  }

  /** Stops the server; idempotent. */
  public synchronized void close() {
    if (front != null) {
      front.close();
      front = null;
    }
  }
}
