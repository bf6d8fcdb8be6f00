package io.github.clerk4j;

import io.github.clerk4j.internal.CallExecutor;
import io.github.clerk4j.internal.FrontendApi;
import io.github.clerk4j.internal.InterruptibleTask;
import io.github.clerk4j.internal.Log;
import io.github.clerk4j.internal.Redactor;
import io.github.clerk4j.internal.SessionTokenCache;
import io.github.clerk4j.internal.SingleFlight;
import io.github.clerk4j.internal.TokenKeeper;
import io.github.clerk4j.internal.wire.ClientResource;
import io.github.clerk4j.internal.wire.EnvironmentResource;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.FilePart;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One client of one Clerk instance: the entry point of clerk4j. It holds the configuration, the
 * transport, the client token and the newest {@link Client} snapshot. Thread-safe; there is no
 * global instance, so several can live side by side (a server signing in many users, tests).
 *
 * <pre>{@code
 * try (Clerk clerk = Clerk.builder().publishableKey("pk_test_...").build()) {
 *   SignIn signIn = clerk.signIn().password("user@example.com", password);
 *   if (signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST) {
 *     signIn = signIn.mfa().sendEmailCode();
 *     signIn = signIn.mfa().verifyEmailCode(codeFromUser);
 *   }
 *   Session session = signIn.finalize((s, decorateUrl) -> System.out.println("signed in"));
 * }
 * }</pre>
 */
public final class Clerk implements AutoCloseable {

  /** A session token is refreshed this long before it expires, so it never expires in flight. */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(10);

  private final URI frontendApiUrl;
  private final Transport transport;
  private final TokenKeeper tokens;
  private final CallExecutor calls;
  /** The executor given to the builder, or null: then {@link #ownedExecutor} runs async calls. */
  private final @Nullable Executor givenExecutor;
  /** Made on the first async call, so that a Clerk that never uses one costs no pool. */
  private @Nullable ExecutorService ownedExecutor;
  private final Object executorLock = new Object();
  private final SessionTokenCache sessionTokens;
  /** Deadlines of waits (an e-mail link's verification), as of the retry deadlines. */
  private final Clock clock;
  /** What waits between polls, as between retries: tests pass one that does not sleep. */
  private final RetryPolicy.Sleeper sleeper;
  /** Identical calls in flight share one request: code sends, the environment's first load. */
  private final SingleFlight<Object, Object> inFlight = new SingleFlight<>();
  private final List<ClerkListener> listeners = new CopyOnWriteArrayList<>();
  private final Object stateLock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Client client;
  /** The instance's settings once loaded; see {@link #environment()}. */
  private volatile @Nullable Environment environment;
  /** Guarded by {@code stateLock}; see {@link #resets()}. */
  private long resets;

  private Clerk(Builder b, URI url) {
    this.frontendApiUrl = url;
    this.tokens = new TokenKeeper(b.tokenStore);
    this.sessionTokens = new SessionTokenCache(b.clock, TOKEN_MARGIN);
    this.clock = b.clock;
    this.sleeper = b.retryPolicy.sleeper();
    this.client = new Client(this, null);
    this.givenExecutor = b.executor;
    TransportFactory factory = b.transportFactory != null ? b.transportFactory : discoverTransport();
    this.transport = Objects.requireNonNull(factory.create(url), "the TransportFactory returned null");
    this.calls = new CallExecutor(transport, b.retryPolicy, b.clock, tokens, this::applyClient,
        () -> clearLocalState(false), this::forgetSessionsLocally);
  }

  /** {@return a builder to configure a {@link Clerk} with} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the Frontend API origin this instance talks to, for example {@code
   * https://x.clerk.accounts.dev}}
   */
  public URI frontendApiUrl() {
    return frontendApiUrl;
  }

  /**
   * {@return the client's current sign-in, or an empty one ({@link SignInStatus#NEEDS_IDENTIFIER})
   * to start from} Sends no request.
   */
  public SignIn signIn() {
    return client.signIn().orElseGet(() -> new SignIn(this, null));
  }

  /**
   * {@return the client's current sign-up, or an empty one ({@link
   * SignUpStatus#MISSING_REQUIREMENTS}, no id) to start from} Sends no request.
   */
  public SignUp signUp() {
    return client.signUp().orElseGet(() -> new SignUp(this, null));
  }

  /**
   * {@return the instance's settings: what a sign-up form shows and requires, the password rules,
   * who may sign up} The first call fetches them ({@code GET /v1/environment}; concurrent first
   * calls share one request); later calls return the same value without a request. {@link
   * #loadEnvironment()} fetches them again.
   *
   * <p>Once loaded, sign-ups check their fields against it before sending (see {@link
   * SignUp#create(SignUpParams)}). A sign-up never loads it by itself: an app that wants those
   * checks calls this first, as it does anyway to build its form.
   */
  public Environment environment() {
    Environment e = environment;
    return e != null ? e : loadEnvironment();
  }

  /**
   * Fetches the instance's settings ({@code GET /v1/environment}) and keeps them for {@link
   * #environment()}.
   *
   * @return the settings just fetched
   */
  public Environment loadEnvironment() {
    Environment loaded = sendOnce("GET /v1/environment", () ->
        new Environment(resource(execute(Endpoint.GET_ENVIRONMENT, null, null, Form.empty()),
            EnvironmentResource.class)));
    environment = loaded;
    return loaded;
  }

  /** {@return the newest client snapshot} */
  public Client client() {
    return client;
  }

  /**
   * Fetches the client from the server ({@code GET /v1/client}) and makes it the current snapshot.
   * If the server does not know the client (no token yet), the local snapshot is kept.
   *
   * @return the current snapshot afterwards
   */
  public Client loadClient() {
    long resetsBefore = resets();
    FapiResponse r = execute(Endpoint.GET_CLIENT, null, null, Form.empty());
    if (r.response() instanceof ClientResource fetched) {
      applyClient(fetched, resetsBefore);
    }
    return client;
  }

  /**
   * {@return the active session: the client's last active session while it is {@link
   * SessionStatus#ACTIVE active} or {@link SessionStatus#PENDING pending} (check {@link
   * Session#currentTask()})}
   */
  public Optional<Session> session() {
    return activeSession(client);
  }

  /**
   * {@return the user of the current session ({@link #session()}, which includes a {@link
   * SessionStatus#PENDING pending} one so that its tasks can be done); empty when signed out} Sends
   * no request.
   */
  public Optional<User> user() {
    return session().flatMap(Session::user);
  }

  /**
   * Runs {@code action}; if the server refuses it with {@link
   * ClerkApiException#isReverificationRequired()}, verifies the current session again and runs it
   * once more. The Java face of clerk-js's {@code useReverification}.
   *
   * <p>The verification asks for level {@code second_factor} (clerk-js's default; the server falls
   * back to a first factor for users without one). clerk4j picks the factor: the password when
   * offered, else the default code factor, whose code it sends before asking; for a second factor
   * TOTP, SMS code or backup code, the user's default first. {@code handler} is asked for the
   * password or code, again after a wrong answer (with the error, up to 3 answers
   * per step).
   *
   * <pre>{@code
   * BackupCodes codes = clerk.withReverification(user::createBackupCode, prompt -> askUser(prompt));
   * }</pre>
   *
   * @param <T> what {@code action} returns
   * @param action the sensitive call, such as {@code user::createBackupCode}; run once, or twice
   *     when the first run needed a reverification
   * @param handler asks the user for the password or code of each step
   * @return what {@code action} returned
   * @throws ClerkApiException the original refusal when the handler returns empty (the user
   *     cancelled) or there is no current session; the last refusal after too many wrong answers;
   *     any other failure of {@code action} or of the verification as it happens
   */
  public <T> T withReverification(Supplier<T> action, ReverificationHandler handler) {
    return Reverifier.run(this, action, handler);
  }

  /**
   * Runs {@code action} (any blocking clerk4j call) on this Clerk's executor: the asynchronous
   * form of every action of every resource, one mechanism for all of them.
   *
   * <pre>{@code
   * clerk.async(() -> signIn.mfa().verifyTOTP(code))
   *     .thenAccept(next -> showStatus(next.status()));
   * }</pre>
   *
   * Each resource has the same as {@code async(Function)}, for example {@code signIn.async(s ->
   * s.password(email, password))}.
   *
   * @param <T> what {@code action} returns
   * @param action the blocking call to run
   * @return a future completed with what {@code action} returned, or exceptionally with the
   *     exception it threw (the same types as the blocking call: {@link ClerkApiException},
   *     {@link ClerkNetworkException}, ...); a closed Clerk fails it with {@link ClerkException}
   */
  public <T> CompletableFuture<T> async(Supplier<T> action) {
    Objects.requireNonNull(action, "action");
    if (closed.get()) {
      return failed(closedException());
    }
    try {
      return CompletableFuture.supplyAsync(action, executor());
    } catch (RejectedExecutionException e) {
      return failed(closed.get() ? closedException()
          : new ClerkException("the executor given to Clerk.builder() refused the task", e));
    }
  }

  /** Java 9's {@code CompletableFuture.failedFuture}, which Android (API 26) lacks. */
  private static <T> CompletableFuture<T> failed(Throwable t) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }

  /**
   * Makes {@code session} the active one ({@code touch} with an empty {@code
   * active_organization_id} and {@code intent=select_session}, as clerk-js {@code setActive} sends
   * it) and returns its new value. The next {@link Session#getToken()} fetches a fresh token.
   *
   * @param session a session of this client
   * @return the session as the server made it active
   */
  public Session setActive(Session session) {
    Objects.requireNonNull(session, "session");
    Form form = Form.empty().with("active_organization_id", "").with("intent", "select_session");
    FapiResponse r = execute(Endpoint.TOUCH_SESSION, null, session.id(), form);
    sessionTokens.invalidate(session.id());
    // The touch may skip piggybacking the client; the server made this session the last active,
    // so the local snapshot says so too (in one change, so listeners hear of it once).
    return applySessionResponse(r, session, true);
  }

  /**
   * Makes the session with this id the active one, then calls {@code navigate}: clerk-js's {@code
   * setActive({session, navigate})}, as the guides call it with a sign-in's or sign-up's {@code
   * createdSessionId} ({@link SignUp#finalize(Navigate)} calls it so). The client is fetched first if the session is not in the local snapshot.
   * A {@link SessionStatus#PENDING pending} session is passed to {@code navigate} too: route the
   * user to {@link Session#currentTask()}.
   *
   * @param sessionId the session's id ({@code sess_...}), such as a {@code createdSessionId}
   * @param navigate called with the active session once it is active; {@link Navigate#none()}
   *     for nothing
   * @return the active session
   * @throws ClerkException the client has no session with this id
   */
  public Session setActive(String sessionId, Navigate navigate) {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(navigate, "navigate");
    Session session = client().session(sessionId)
        .or(() -> loadClient().session(sessionId))
        .orElseThrow(() -> new ClerkException("the client has no session " + sessionId
            + ": pass the createdSessionId of a complete sign-in or sign-up"));
    Session active = setActive(session);
    if (active.status() == SessionStatus.PENDING || !active.tasks().isEmpty()) {
      Log.debug(() -> "session " + active.id() + " is " + active.rawStatus() + " with tasks "
          + active.tasks().stream().map(SessionTask::rawKey).toList()
          + ": it counts as signed out until they are done (see Session.currentTask())");
    }
    navigate.navigate(active, UnaryOperator.identity());
    return active;
  }

  /**
   * Signs out of every session of this client ({@code DELETE /v1/client}). The client token and
   * the local state are cleared even when the call fails, so a failed network call never leaves
   * the app signed in; the failure is rethrown afterwards.
   */
  public void signOut() {
    try {
      execute(Endpoint.DELETE_CLIENT, null, null, Form.empty());
    } finally {
      clearLocalState();
    }
  }

  /**
   * Registers a listener of client and session changes.
   *
   * @param listener told of every change, on the thread that made it
   * @return the registration; {@link ClerkListener.Registration#close() close} it to remove the
   *     listener
   */
  public ClerkListener.Registration addListener(ClerkListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    AtomicBoolean removed = new AtomicBoolean();
    return () -> {
      if (removed.compareAndSet(false, true)) {
        listeners.remove(listener);
      }
    };
  }

  /**
   * Closes the transport, the executor Clerk created (not one passed to the builder) and the
   * token store ({@link TokenStore#close()}). Later calls throw {@link ClerkException}.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        transport.close();
      } finally {
        try {
          tokens.close();
        } finally {
          synchronized (executorLock) {
            if (ownedExecutor != null) {
              ownedExecutor.shutdown();
            }
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Clerk{" + frontendApiUrl + ", client=" + client.id().orElse("none") + '}';
  }

  // ---- internals shared by the resources of this package (SignIn, Session, User, ...) ----

  /**
   * Executes one Frontend API call with this Clerk's token, retries and state updates: the
   * piggybacked client becomes the new snapshot (listeners are told) before this returns. Every
   * resource action goes through here.
   *
   * @param id the endpoint's path id (sign-in id, phone number id, ...), or null
   * @param sessionId the session the call acts on ({@code /sessions/{id}} or {@code
   *     _clerk_session_id} of {@code /v1/me} calls), or null
   */
  FapiResponse execute(Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form) {
    return execute(endpoint, id, sessionId, form, null);
  }

  /** {@link #execute(Endpoint, String, String, Form)} with a file to upload, or null for none. */
  FapiResponse execute(
      Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form, @Nullable FilePart file) {
    if (closed.get()) {
      throw closedException();
    }
    return calls.execute(endpoint, id, sessionId, form, file);
  }

  /**
   * The resource of {@code r}, an answer of an endpoint that always has one: the decoder refuses
   * a 2xx without it (only {@code GET} and {@code DELETE /v1/client} and a touch may lack one).
   */
  static <T> T resource(FapiResponse r, Class<T> type) {
    return type.cast(Objects.requireNonNull(r.response(), "the answer has no resource"));
  }

  /**
   * Runs {@code work} on this Clerk's executor as an {@link InterruptibleTask}: cancelling the
   * future interrupts the work (a poll's sleep).
   */
  <T> CompletableFuture<T> interruptible(Callable<T> work) {
    if (closed.get()) {
      return failed(closedException());
    }
    Executor executor;
    try {
      executor = executor();
    } catch (RejectedExecutionException closedMeanwhile) {
      return failed(closedException());
    }
    return InterruptibleTask.start(executor, work, null);
  }

  Clock clock() {
    return clock;
  }

  RetryPolicy.Sleeper sleeper() {
    return sleeper;
  }

  private static ClerkException closedException() {
    return new ClerkException("this Clerk is closed: build a new one with Clerk.builder()");
  }

  /**
   * Runs {@code call}, or joins the identical one in flight ({@code key} says what is identical;
   * it must also determine the result's type): a double click sends one code.
   */
  @SuppressWarnings("unchecked")
  <T> T sendOnce(Object key, Supplier<T> call) {
    return (T) inFlight.run(key, call::get);
  }

  /** The environment if {@link #environment()} loaded it, without loading it. */
  Optional<Environment> loadedEnvironment() {
    return Optional.ofNullable(environment);
  }

  String sessionToken(String sessionId) {
    // The decoder refuses a token answer without a JWT, so the response is a non-blank string.
    return sessionTokens.get(sessionId,
        () -> resource(execute(Endpoint.CREATE_SESSION_TOKEN, null, sessionId, Form.empty()), String.class));
  }

  void forgetSessionToken(String sessionId) {
    sessionTokens.invalidate(sessionId);
  }

  /**
   * The new value of a session from a session call's answer; when the answer carried no client,
   * the session is also written into the local snapshot so that {@link #client()} agrees.
   */
  Session applySessionResponse(FapiResponse r, Session before) {
    return applySession((SessionResource) r.response(), r.client() != null, before, false);
  }

  private Session applySessionResponse(FapiResponse r, Session before, boolean lastActive) {
    return applySession((SessionResource) r.response(), r.client() != null, before, lastActive);
  }

  /**
   * @param s the session an answer carried, or null
   * @param piggybacked whether the answer carried the client (which is then applied already)
   */
  Session applySession(@Nullable SessionResource s, boolean piggybacked, Session before, boolean lastActive) {
    if (!piggybacked && (s != null || lastActive)) {
      updateLocalClient(c -> {
        ClientResource updated = s == null ? c : withSession(c, s);
        return lastActive ? withLastActive(updated, before.id()) : updated;
      });
    }
    return s == null ? client.session(before.id()).orElse(before) : new Session(this, s);
  }

  /** Replaces the snapshot with a piggybacked client unless it is older than the current one. */
  void applyClient(ClientResource resource) {
    applyClient(resource, -1);
  }

  /**
   * @param resetsBefore {@link #resets()} when the request that brought {@code resource} was
   *     sent, or -1: if the local state was forgotten since (sign-out, a 401), the answer describes
   *     the forgotten client and is ignored
   */
  private void applyClient(ClientResource resource, long resetsBefore) {
    Client before;
    Client after;
    synchronized (stateLock) {
      if (resetsBefore >= 0 && resetsBefore != resets) {
        Log.debug("ignored a client snapshot requested before the local state was forgotten");
        return;
      }
      before = client;
      ClientResource current = before.resource();
      if (current != null && Objects.equals(current.id(), resource.id())
          && current.updatedAt() != null && resource.updatedAt() != null
          && resource.updatedAt().isBefore(current.updatedAt())) {
        Log.debug("ignored a client snapshot older than the current one");
        return;
      }
      after = new Client(this, resource);
      client = after;
    }
    notifyListeners(before, after);
  }

  /** Forgets the client token, the client snapshot and cached session tokens (sign-out). */
  void clearLocalState() {
    clearLocalState(true);
  }

  /**
   * @param token whether to clear the client token too; not after a 401, where {@link TokenKeeper}
   *     has already cleared it and may have kept a fresh token the 401 carried
   */
  private void clearLocalState(boolean token) {
    Client before;
    Client after;
    synchronized (stateLock) {
      resets++;
      if (token) {
        tokens.clear();
      }
      sessionTokens.clear();
      before = client;
      after = new Client(this, null);
      client = after;
    }
    notifyListeners(before, after);
  }

  /** How many times the local state was forgotten; read before a call to spot a reset during it. */
  private long resets() {
    synchronized (stateLock) {
      return resets;
    }
  }

  /**
   * Drops these sessions from the local snapshot and forgets their session tokens: the server
   * ended them (revoked on another device, or the user deleted). If one was the last active
   * session, the client has no active session until the server names another. Listeners are told.
   */
  void forgetSessionsLocally(String... sessionIds) {
    List<String> gone = List.of(sessionIds);
    gone.forEach(sessionTokens::invalidate);
    if (client.sessions().stream().noneMatch(s -> gone.contains(s.id()))) {
      return; // already gone: the answer's client said so
    }
    updateLocalClient(c -> {
      List<SessionResource> kept = c.sessions().stream().filter(s -> !gone.contains(s.id())).toList();
      String lastActive = c.lastActiveSessionId() != null && gone.contains(c.lastActiveSessionId())
          ? null : c.lastActiveSessionId();
      return c.withSessions(kept, lastActive);
    });
  }

  /** Replaces the local sign-in with none ({@link SignIn#reset()}). */
  void resetSignInLocally() {
    updateLocalClient(c -> c.withSignIn(null));
  }

  /** Replaces the local sign-up with none ({@link SignUp#reset()}). */
  void resetSignUpLocally() {
    updateLocalClient(c -> c.withSignUp(null));
  }

  private void updateLocalClient(java.util.function.UnaryOperator<ClientResource> change) {
    Client before;
    Client after;
    synchronized (stateLock) {
      before = client;
      if (before.resource() == null) {
        return;
      }
      after = new Client(this, change.apply(before.resource()));
      client = after;
    }
    notifyListeners(before, after);
  }

  private static ClientResource withSession(ClientResource c, SessionResource s) {
    List<SessionResource> sessions = new ArrayList<>(c.sessions());
    boolean replaced = false;
    for (int i = 0; i < sessions.size(); i++) {
      if (sessions.get(i).id().equals(s.id())) {
        sessions.set(i, s);
        replaced = true;
      }
    }
    if (!replaced) {
      sessions.add(s);
    }
    return c.withSessions(sessions, c.lastActiveSessionId());
  }

  private static ClientResource withLastActive(ClientResource c, String sessionId) {
    return c.withSessions(c.sessions(), sessionId);
  }

  private static Optional<Session> activeSession(Client c) {
    return c.lastActiveSessionId()
        .flatMap(c::session)
        .filter(s -> s.status() == SessionStatus.ACTIVE || s.status() == SessionStatus.PENDING);
  }

  private void notifyListeners(Client before, Client after) {
    if (listeners.isEmpty()) {
      return; // most apps have none: no session comparison per answer
    }
    Optional<Session> sessionBefore = activeSession(before);
    Optional<Session> sessionAfter = activeSession(after);
    boolean sessionChanged = !sessionKey(sessionBefore).equals(sessionKey(sessionAfter));
    for (ClerkListener l : listeners) {
      try {
        l.onClientChanged(after);
        if (sessionChanged) {
          l.onSessionChanged(sessionAfter);
        }
      } catch (RuntimeException e) {
        Log.warn(() -> "a ClerkListener threw " + e.getClass().getName() + ": "
            + Redactor.scrub(e.getMessage()));
      }
    }
  }

  private static List<Object> sessionKey(Optional<Session> s) {
    return s.<List<Object>>map(x -> List.of(x.id(), String.valueOf(x.rawStatus()), x.tasks()))
        .orElse(List.of());
  }

  /**
   * The transport found with {@link ServiceLoader}, looked up once per context class loader: the
   * lookup scans the class path, and a server that builds a Clerk per end user would pay it each
   * time.
   */
  private static TransportFactory discoverTransport() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    DiscoveredTransport found = discovered;
    if (found != null && found.loader().get() == context) {
      return found.factory();
    }
    TransportFactory factory = lookUpTransport();
    discovered = new DiscoveredTransport(new WeakReference<>(context), factory);
    return factory;
  }

  private static TransportFactory lookUpTransport() {
    Iterator<TransportFactory> it = ServiceLoader.load(TransportFactory.class).iterator();
    if (!it.hasNext()) {
      it = ServiceLoader.load(TransportFactory.class, Clerk.class.getClassLoader()).iterator();
    }
    if (!it.hasNext()) {
      throw new IllegalStateException(
          "no clerk4j transport found: add clerk4j-okhttp (io.github.clerk4j:clerk4j-okhttp) to "
              + "the class path or module path, or pass one to Clerk.builder().transport(...)");
    }
    return it.next();
  }

  /** The last lookup's result, with the context class loader (held weakly) it was made with. */
  private record DiscoveredTransport(WeakReference<ClassLoader> loader, TransportFactory factory) {}

  private static volatile @Nullable DiscoveredTransport discovered;

  /** The executor of async calls; Clerk's own pool is made here, never after {@link #close()}. */
  private Executor executor() {
    if (givenExecutor != null) {
      return givenExecutor;
    }
    synchronized (executorLock) {
      if (closed.get()) {
        throw new RejectedExecutionException("this Clerk is closed");
      }
      if (ownedExecutor == null) {
        ownedExecutor = Executors.newCachedThreadPool(daemonThreads());
      }
      return ownedExecutor;
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "clerk4j-async-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures a {@link Clerk}; give it a publishable key or a Frontend API URL. */
  public static final class Builder {
    private @Nullable URI url;
    private @Nullable String urlSource;
    private @Nullable TransportFactory transportFactory;
    private TokenStore tokenStore = TokenStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private @Nullable Executor executor;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    /**
     * The instance's publishable key ({@code pk_test_...} or {@code pk_live_...}), from which the
     * Frontend API URL is decoded.
     *
     * @param publishableKey the key as the Dashboard shows it
     * @return this builder
     * @throws IllegalArgumentException the key is malformed; the message says how
     */
    public Builder publishableKey(String publishableKey) {
      this.url = FrontendApi.fromPublishableKey(publishableKey);
      this.urlSource = "publishableKey";
      return this;
    }

    /**
     * The Frontend API origin; HTTPS, or HTTP on a loopback address (the emulator).
     *
     * @param frontendApiUrl the origin, such as {@code https://x.clerk.accounts.dev}
     * @return this builder
     * @throws IllegalArgumentException it is not such an origin; the message says why
     */
    public Builder frontendApiUrl(URI frontendApiUrl) {
      this.url = FrontendApi.fromUrl(frontendApiUrl);
      this.urlSource = "frontendApiUrl";
      return this;
    }

    /**
     * The Frontend API origin; HTTPS, or HTTP on a loopback address (the emulator).
     *
     * @param frontendApiUrl the origin, such as {@code https://x.clerk.accounts.dev}
     * @return this builder
     * @throws IllegalArgumentException it is not a URL, or not such an origin
     */
    public Builder frontendApiUrl(String frontendApiUrl) {
      Objects.requireNonNull(frontendApiUrl, "frontendApiUrl");
      try {
        return frontendApiUrl(URI.create(frontendApiUrl.trim()));
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("frontend API URL")) {
          throw e;
        }
        throw new IllegalArgumentException("invalid frontend API URL: " + frontendApiUrl, e);
      }
    }

    /**
     * The transport; by default the one found with {@link ServiceLoader} (clerk4j-okhttp).
     *
     * @param transportFactory makes the transport when the Clerk is built
     * @return this builder
     */
    public Builder transport(TransportFactory transportFactory) {
      this.transportFactory = Objects.requireNonNull(transportFactory, "transportFactory");
      return this;
    }

    /**
     * Where the client token lives; default {@link TokenStore#inMemory()}.
     *
     * @param tokenStore the store, such as {@link TokenStore#file(java.nio.file.Path)}
     * @return this builder
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /**
     * The clock for session-token expiry and the overall deadline of each call; default the
     * system clock.
     *
     * @param clock the clock; tests pass one they move by hand
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Runs {@link Clerk#async(Supplier)} and the resources' {@code async(...)}; by default Clerk
     * makes a pool of daemon threads and shuts it down in {@link Clerk#close()}. An executor given
     * here is not shut down by Clerk.
     *
     * @param executor the executor of the asynchronous calls
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * When to retry; default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the attempts, backoff and deadline of every call
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Builds the Clerk, with its transport; it sends no request yet.
     *
     * @return the new Clerk; close it when done
     * @throws IllegalStateException no URL or key was given, or no transport was found
     */
    public Clerk build() {
      if (url == null) {
        throw new IllegalStateException("set publishableKey(...) or frontendApiUrl(...) first");
      }
      return new Clerk(this, url);
    }

    @Override
    public String toString() {
      return "Clerk.Builder{" + (urlSource == null ? "no URL" : url) + '}';
    }
  }
}
