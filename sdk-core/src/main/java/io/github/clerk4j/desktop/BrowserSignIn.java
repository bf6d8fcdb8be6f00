package io.github.clerk4j.desktop;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkTimeoutException;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.internal.InterruptibleTask;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The whole browser round trip of an OAuth or enterprise SSO sign-in for a desktop or
 * command-line app, in one call: listen on a loopback redirect URL ({@link LoopbackReceiver}),
 * start the sign-in with it ({@link SignIn#sso(SsoParams)}), open the provider's page ({@link
 * BrowserLauncher}, the system browser by default), wait for the browser to come back (bounded,
 * cancellable) and finish the sign-in ({@link SignIn#handleRedirectCallback(URI)}).
 *
 * <pre>{@code
 * BrowserSignIn browser = BrowserSignIn.builder().port(45789).build();
 * SignIn signIn = browser.signIn(clerk, SsoParams.oauth("google"));
 * switch (signIn.status()) {
 *   case COMPLETE -> signIn.finalize(Navigate.none());
 *   case NEEDS_SECOND_FACTOR -> ...;           // signIn.mfa()
 *   default -> { if (signIn.isTransferable()) signIn.transferToSignUp(); }
 * }
 * }</pre>
 *
 * <p><b>Allowlist the redirect URL.</b> Clerk sends the nonce that finishes a sign-in only to
 * redirect URLs it accepts, compared exactly: allowlist {@link #redirectUrl()} ({@code
 * http://127.0.0.1:45789/sso-callback} by default) on the instance (Dashboard → Native
 * applications, or the Backend API's {@code POST /v1/redirect_urls}). Whether a production
 * instance accepts a loopback {@code http} redirect at all must be checked on it; an app that
 * registers a URL scheme of its own can use that instead and call {@code handleRedirectCallback}
 * itself.
 *
 * <p>Immutable and reusable; each call listens on the port for its own duration only and closes
 * it on every path (callback, timeout, cancel, failure).
 */
public final class BrowserSignIn {

  /** The port of Clerk's own (unreleased) loopback transport for Electron. */
  public static final int DEFAULT_PORT = 45789;
  /** The path that transport used. */
  public static final String DEFAULT_PATH = "/sso-callback";
  /** How long a person has to finish on the provider's page unless configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private static final Executor OWN_THREAD = r -> {
    Thread t = new Thread(r, "clerk4j-browser-sign-in");
    t.setDaemon(true);
    t.start();
  };

  private final int port;
  private final String path;
  private final BrowserLauncher launcher;
  private final Duration timeout;

  private BrowserSignIn(Builder b) {
    this.port = b.port;
    this.path = b.path;
    this.launcher = b.launcher;
    this.timeout = b.timeout;
  }

  /**
   * {@return a builder with the defaults: port {@value #DEFAULT_PORT}, path {@value
   * #DEFAULT_PATH}, the system browser and 5 minutes}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return {@code http://127.0.0.1:<port><path>}, the redirect URL to allowlist on the instance}
   */
  public URI redirectUrl() {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Signs in through the browser. Blocks until the browser came back (or the timeout); an
   * interrupt of the calling thread cancels the wait.
   *
   * @param clerk the Clerk to sign in with
   * @param params the provider or enterprise SSO; its redirect URL, if set, must be {@link
   *     #redirectUrl()}
   * @return the sign-in after the callback: {@code COMPLETE}, {@code NEEDS_SECOND_FACTOR}, or
   *     {@link SignIn#isTransferable() transferable} (a new account: {@link SignIn#transferToSignUp()})
   * @throws ClerkTimeoutException the browser did not come back in time
   * @throws CancellationException the thread was interrupted
   * @throws ClerkException the port is in use, the page could not be opened, or what {@link
   *     SignIn#sso(SsoParams)} and {@link SignIn#handleRedirectCallback(URI)} throw (for
   *     example {@link io.github.clerk4j.ClerkApiException#isOAuthAccessDenied()})
   */
  public SignIn signIn(Clerk clerk, SsoParams params) {
    Objects.requireNonNull(clerk, "clerk");
    try (LoopbackReceiver receiver = LoopbackReceiver.bind(port, path)) {
      return signInWith(receiver, clerk, ownRedirect(params));
    }
  }

  /**
   * Signs up through the browser ({@link SignUp#sso(SsoParams)}); as {@link #signIn(Clerk,
   * SsoParams)} otherwise. The result is {@code COMPLETE}, {@code MISSING_REQUIREMENTS}, or
   * {@link SignUp#isTransferable() transferable} (the account exists: {@link SignUp#transferToSignIn()}).
   *
   * @param clerk the Clerk to sign up with
   * @param params the provider or enterprise SSO; its redirect URL, if set, must be {@link
   *     #redirectUrl()}
   * @return the sign-up after the callback
   * @throws ClerkTimeoutException the browser did not come back in time
   * @throws CancellationException the thread was interrupted
   * @throws ClerkException the port is in use, the page could not be opened, or what {@link
   *     SignUp#sso(SsoParams)} and {@link SignUp#handleRedirectCallback(URI)} throw
   */
  public SignUp signUp(Clerk clerk, SsoParams params) {
    Objects.requireNonNull(clerk, "clerk");
    try (LoopbackReceiver receiver = LoopbackReceiver.bind(port, path)) {
      return signUpWith(receiver, clerk, ownRedirect(params));
    }
  }

  /**
   * {@link #signIn(Clerk, SsoParams)} on a thread of its own. The port is bound before this
   * returns (so a port in use throws here); {@code cancel(true)} on the future closes it and ends
   * the wait.
   *
   * @param clerk the Clerk to sign in with
   * @param params the provider or enterprise SSO; its redirect URL, if set, must be {@link
   *     #redirectUrl()}
   * @return a future of the sign-in after the callback, failed as {@link #signIn(Clerk, SsoParams)}
   *     throws
   * @throws ClerkException the port is in use
   */
  public CompletableFuture<SignIn> signInAsync(Clerk clerk, SsoParams params) {
    return async(clerk, params, this::signInWith);
  }

  /**
   * {@link #signUp(Clerk, SsoParams)} on a thread of its own, cancellable as {@link #signInAsync}.
   *
   * @param clerk the Clerk to sign up with
   * @param params the provider or enterprise SSO; its redirect URL, if set, must be {@link
   *     #redirectUrl()}
   * @return a future of the sign-up after the callback, failed as {@link #signUp(Clerk, SsoParams)}
   *     throws
   * @throws ClerkException the port is in use
   */
  public CompletableFuture<SignUp> signUpAsync(Clerk clerk, SsoParams params) {
    return async(clerk, params, this::signUpWith);
  }

  private interface Flow<T> {
    T run(LoopbackReceiver receiver, Clerk clerk, SsoParams params);
  }

  private <T> CompletableFuture<T> async(Clerk clerk, SsoParams params, Flow<T> flow) {
    Objects.requireNonNull(clerk, "clerk");
    SsoParams own = ownRedirect(params);
    LoopbackReceiver receiver = LoopbackReceiver.bind(port, path);
    return InterruptibleTask.start(OWN_THREAD, () -> {
      try (receiver) {
        return flow.run(receiver, clerk, own);
      }
    }, receiver::close);
  }

  private SignIn signInWith(LoopbackReceiver receiver, Clerk clerk, SsoParams params) {
    SignIn started = clerk.signIn().sso(params);
    URI callback = roundTrip(receiver, started.externalVerificationRedirectUrl(), started.id());
    return started.handleRedirectCallback(callback);
  }

  private SignUp signUpWith(LoopbackReceiver receiver, Clerk clerk, SsoParams params) {
    SignUp started = clerk.signUp().sso(params);
    URI callback = roundTrip(receiver, started.externalVerificationRedirectUrl(), started.id());
    return started.handleRedirectCallback(callback);
  }

  /** Opens the provider's page and waits for the browser to come back. */
  private URI roundTrip(LoopbackReceiver receiver, Optional<URI> page, @Nullable String attempt) {
    URI url = page.orElseThrow(() -> new ClerkException(attempt + " has no provider page to open"));
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      // Only web pages are handed to the browser (as Clerk's Electron transport checks).
      throw new ClerkException("the provider page of " + attempt + " is not an http(s) URL: refusing to open it");
    }
    try {
      launcher.open(url);
    } catch (IOException e) {
      throw new ClerkException("could not open the browser (" + e.getClass().getSimpleName() + "): pass another"
          + " BrowserLauncher, such as BrowserLauncher.printTo(System.out)", e);
    }
    return receiver.awaitCallback(timeout);
  }

  /** The params with this receiver's redirect URL; a different one given by the caller is a mistake. */
  private SsoParams ownRedirect(SsoParams params) {
    Objects.requireNonNull(params, "params");
    URI own = redirectUrl();
    params.redirectUrl().filter(given -> !given.equals(own)).ifPresent(given -> {
      throw new IllegalArgumentException("BrowserSignIn listens on " + own + ", but the params name the redirect URL "
          + given + ": leave it out, or configure the BrowserSignIn's port and path to match");
    });
    return params.redirectUrl(own);
  }

  @Override
  public String toString() {
    return "BrowserSignIn[" + redirectUrl() + ", timeout=" + timeout + "]";
  }

  /** Configures a {@link BrowserSignIn}. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String path = DEFAULT_PATH;
    private BrowserLauncher launcher = BrowserLauncher.system();
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * Sets the fixed loopback port of the allowlisted redirect URL (default {@value
     * BrowserSignIn#DEFAULT_PORT}).
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException the port is out of range
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535 (a fixed port: Clerk allowlists exact"
            + " redirect URLs), got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the redirect URL's path (default {@value BrowserSignIn#DEFAULT_PATH}).
     *
     * @param path a URL path such as {@code /sso-callback}, without query
     * @return this builder
     * @throws IllegalArgumentException it is not such a path
     */
    public Builder callbackPath(String path) {
      Objects.requireNonNull(path, "path");
      LoopbackReceiver.checkPath(path);
      this.path = path;
      return this;
    }

    /**
     * Sets what opens the provider's page (default {@link BrowserLauncher#system()}).
     *
     * @param launcher the browser, or anything else that shows the page to the person
     * @return this builder
     */
    public Builder launcher(BrowserLauncher launcher) {
      this.launcher = Objects.requireNonNull(launcher, "launcher");
      return this;
    }

    /**
     * Sets how long to wait for the browser to come back (default 5 minutes).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException it is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** {@return the configured, immutable {@link BrowserSignIn}} */
    public BrowserSignIn build() {
      return new BrowserSignIn(this);
    }
  }
}
