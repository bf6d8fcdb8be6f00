package io.github.clerk4j.okhttp;

import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.okhttp.internal.FapiExecutor;
import io.github.clerk4j.okhttp.internal.FapiRequestInterceptor;
import io.github.clerk4j.okhttp.internal.FrontendApiUrl;
import io.github.clerk4j.okhttp.internal.UserAgent;
import io.github.clerk4j.okhttp.internal.WireInterceptor;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The standard clerk4j {@link Transport}: Frontend API calls over OkHttp, with Retrofit as the
 * endpoint table and Moshi for the JSON.
 *
 * <p>Most applications never touch this class: with {@code clerk4j-okhttp} on the class path,
 * {@code Clerk.builder()} finds it through {@link OkHttpTransportFactory}. Build one yourself to
 * pass your own {@link OkHttpClient} (proxy, certificate pinning, interceptors) or timeouts:
 *
 * <pre>{@code
 * Clerk clerk = Clerk.builder()
 *     .publishableKey("pk_test_...")
 *     .transport(OkHttpTransport.builder()
 *         .okHttpClient(myClient)
 *         .readTimeout(Duration.ofSeconds(20))
 *         .factory())
 *     .build();
 * }</pre>
 *
 * <p>What it guarantees on the wire:
 *
 * <ul>
 *   <li>HTTPS only, except to a loopback address (a local emulator).
 *   <li>Every request is sent at most once: OkHttp's {@code retryOnConnectionFailure} is off (it
 *       would silently re-send a POST when a pooled connection turns out dead), redirects are not
 *       followed (a 307 re-sends the body) and no {@link Authenticator} answers a 401. Retries are
 *       core's decision, made with {@link
 *       io.github.clerk4j.ClerkNetworkException#requestMayHaveBeenSent()}.
 *   <li>Headers: the client token in {@code Authorization} verbatim, {@code clerk-api-version:
 *       2026-05-12}, {@code User-Agent: clerk4j/<version> (Java <version>)}, never {@code Origin};
 *       query {@code _is_native=true}.
 *   <li>Every answer goes to clerk4j-core as it came: status, headers ({@code Authorization},
 *       {@code Retry-After}) and the body through Moshi's streaming reader. Core decodes it.
 * </ul>
 *
 * <p>Thread-safe. Transports made without {@link Builder#okHttpClient(OkHttpClient)} share one
 * connection pool and dispatcher in the JVM, so a {@code Clerk} per end user costs no new
 * threads or connections; idle connections close by themselves. A client you pass in stays
 * yours: its pool and dispatcher are shared with the derived client and left alone.
 */
public final class OkHttpTransport implements Transport {

  /** Connect timeout unless configured: DNS, TCP and TLS to the Frontend API. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Read timeout unless configured: the longest silence while waiting for the answer. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** Write timeout unless configured. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

  /** Call timeout unless configured: the whole call, from DNS to the last byte of the answer. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private final FapiExecutor executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OkHttpTransport(Settings settings, URI frontendApiUrl) {
    this.executor = executorFor(settings, Objects.requireNonNull(frontendApiUrl, "frontendApiUrl"));
  }

  /**
   * Transports of the same base client, settings and URL share one executor: one derived {@link
   * OkHttpClient}, one Retrofit and one {@link FapiService} proxy, whose endpoint methods Retrofit
   * reads from their annotations once. An application that builds a {@code Clerk} per end user
   * thus builds none of them per user. Held per base client weakly (a client the application
   * drops is forgotten with its executors) and, per client, for the most recent URLs and
   * settings only (a test suite starting emulator after emulator does not pile them up).
   */
  private static final Map<OkHttpClient, Map<ExecutorKey, FapiExecutor>> EXECUTORS = new WeakHashMap<>();

  private static final int EXECUTORS_PER_CLIENT = 16;

  /**
   * What makes two transports of one base client the same. Not a record: a record's {@code
   * hashCode} is linked through method handles on first use, which costs a fresh JVM tens of
   * milliseconds (measured with -Xlog:class+load, see benchmarks/README.md).
   */
  private static final class ExecutorKey {
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration writeTimeout;
    final Duration callTimeout;
    /** As given: the URL is checked and parsed only when no executor exists for it yet. */
    final URI frontendApiUrl;

    ExecutorKey(Settings s, URI frontendApiUrl) {
      this.connectTimeout = s.connectTimeout;
      this.readTimeout = s.readTimeout;
      this.writeTimeout = s.writeTimeout;
      this.callTimeout = s.callTimeout;
      this.frontendApiUrl = frontendApiUrl;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ExecutorKey k && k.connectTimeout.equals(connectTimeout)
          && k.readTimeout.equals(readTimeout) && k.writeTimeout.equals(writeTimeout)
          && k.callTimeout.equals(callTimeout) && k.frontendApiUrl.equals(frontendApiUrl);
    }

    @Override
    public int hashCode() {
      return Objects.hash(connectTimeout, readTimeout, writeTimeout, callTimeout, frontendApiUrl);
    }
  }

  private static FapiExecutor executorFor(Settings settings, URI frontendApiUrl) {
    OkHttpClient base = settings.base == null ? SharedClient.INSTANCE : settings.base;
    ExecutorKey key = new ExecutorKey(settings, frontendApiUrl);
    synchronized (EXECUTORS) {
      return EXECUTORS.computeIfAbsent(base, b -> recentFirst()).computeIfAbsent(key, k -> newExecutor(base, k));
    }
  }

  private static Map<ExecutorKey, FapiExecutor> recentFirst() {
    return new LinkedHashMap<>(4, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ExecutorKey, FapiExecutor> eldest) {
        return size() > EXECUTORS_PER_CLIENT;
      }
    };
  }

  private static FapiExecutor newExecutor(OkHttpClient base, ExecutorKey k) {
    HttpUrl baseUrl = FrontendApiUrl.toBaseUrl(k.frontendApiUrl); // throws for a URL it refuses
    OkHttpClient.Builder b = base.newBuilder();
    b.connectTimeout(k.connectTimeout)
        .readTimeout(k.readTimeout)
        .writeTimeout(k.writeTimeout)
        .callTimeout(k.callTimeout)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE);
    // First, so that the application's own interceptors see the request as it will be sent ...
    b.interceptors().add(0, new FapiRequestInterceptor(UserAgent.VALUE));
    // ... and last on the network side, so that nothing added after it reaches the wire.
    b.addNetworkInterceptor(new WireInterceptor());
    return new FapiExecutor(b.build(), baseUrl);
  }

  /** The pool and dispatcher every default transport shares (created on first use). */
  private static final class SharedClient {
    static final OkHttpClient INSTANCE = new OkHttpClient();
  }

  /**
   * {@return a builder with the default timeouts, over the {@link OkHttpClient} every default
   * transport of the JVM shares (one connection pool and dispatcher) unless given one}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a transport with the defaults, for {@code frontendApiUrl}}
   *
   * @param frontendApiUrl the Frontend API's origin, as for {@link Builder#build(URI)}
   * @throws IllegalArgumentException when the URL is not https (plain http only to a loopback
   *     address), or has a query, fragment or user info
   */
  public static OkHttpTransport create(URI frontendApiUrl) {
    return builder().build(frontendApiUrl);
  }

  /** {@return the factory with the defaults: what {@code Clerk.builder()} uses when given none} */
  public static TransportFactory factory() {
    return builder().factory();
  }

  @Override
  public FapiResponse execute(FapiRequest request) {
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      // no cause: nothing failed, the transport was closed
      throw new ClerkNetworkException(request.endpoint() + ": this OkHttpTransport is closed", null, false);
    }
    return executor.execute(request);
  }

  /**
   * Closes the transport: later calls fail with {@link ClerkNetworkException}, sending nothing.
   * Pooled connections are left to the pool (shared, or the one of your client).
   */
  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "OkHttpTransport{" + (closed.get() ? "closed" : "open") + '}';
  }

  /** Configures {@link OkHttpTransport}s. Not thread-safe; {@link #factory()} takes a snapshot. */
  public static final class Builder {

    private @Nullable OkHttpClient base;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

    private Builder() {}

    /**
     * The client to derive from ({@link OkHttpClient#newBuilder()}): its proxy, TLS settings,
     * certificate pinner, interceptors, connection pool and dispatcher are kept. This transport
     * replaces its timeouts with the builder's and turns off retries on connection failure,
     * redirects and the 401 authenticator, because each would re-send a request core may not want
     * re-sent.
     *
     * @param client the application's client; it is not changed
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.base = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Timeout for DNS, TCP and TLS.
     *
     * @param timeout not negative; {@link Duration#ZERO} means none
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checked(timeout, "connectTimeout");
      return this;
    }

    /**
     * Longest wait for the next bytes of the answer.
     *
     * @param timeout not negative; {@link Duration#ZERO} means none
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checked(timeout, "readTimeout");
      return this;
    }

    /**
     * Longest wait to write the next bytes of the request.
     *
     * @param timeout not negative; {@link Duration#ZERO} means none
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = checked(timeout, "writeTimeout");
      return this;
    }

    /**
     * Limit for the whole call.
     *
     * @param timeout not negative; {@link Duration#ZERO} means none
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = checked(timeout, "callTimeout");
      return this;
    }

    /**
     * A transport for one Frontend API.
     *
     * @param frontendApiUrl the origin, for example {@code https://example-13.clerk.accounts.dev},
     *     or {@code http://127.0.0.1:8787} for a local emulator; a path (a proxy's prefix) is kept
     * @return the transport
     * @throws IllegalArgumentException when the URL is not https (plain http only to a loopback
     *     address), or has a query, fragment or user info
     */
    public OkHttpTransport build(URI frontendApiUrl) {
      return new OkHttpTransport(settings(), frontendApiUrl);
    }

    /** {@return a factory that builds transports with this builder's current settings} */
    public TransportFactory factory() {
      return new OkHttpTransportFactory(settings());
    }

    Settings settings() {
      return new Settings(base, connectTimeout, readTimeout, writeTimeout, callTimeout);
    }

    private static Duration checked(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + timeout);
      }
      return timeout;
    }
  }

  /** An immutable snapshot of a {@link Builder}, held by factories. */
  static final class Settings {
    final @Nullable OkHttpClient base;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration writeTimeout;
    final Duration callTimeout;

    Settings(
        @Nullable OkHttpClient base,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration callTimeout) {
      this.base = base;
      this.connectTimeout = connectTimeout;
      this.readTimeout = readTimeout;
      this.writeTimeout = writeTimeout;
      this.callTimeout = callTimeout;
    }

    OkHttpTransport create(URI frontendApiUrl) {
      return new OkHttpTransport(this, frontendApiUrl);
    }
  }
}
