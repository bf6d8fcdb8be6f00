package io.github.clerk4j.internal;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.spi.ClientResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.Transport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one place where Frontend API calls are made: it attaches the client token, retries by the
 * {@link RetryPolicy}, applies rotated tokens, hands every piggybacked client to the state owner
 * and logs (redacted). Every resource ({@code SignIn}, {@code Session}, {@code User}, ...) goes
 * through it, so these rules hold for calls added later without repeating them.
 */
public final class CallExecutor {

  private static final Logger LOG = System.getLogger("io.github.clerk4j");

  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final TokenKeeper tokens;
  private final Consumer<ClientResource> onClient;
  private final Runnable onUnauthenticated;

  /**
   * @param onClient receives the piggybacked client of every successful response, before the
   *     caller sees the response (except of requests sent before the client was forgotten)
   * @param onUnauthenticated forgets the local client state after a 401 cleared the client token
   *     ({@link ClerkApiException#isUnauthenticated()}), before the caller sees the exception
   */
  public CallExecutor(Transport transport, RetryPolicy retryPolicy, TokenKeeper tokens,
      Consumer<ClientResource> onClient, Runnable onUnauthenticated) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.onClient = Objects.requireNonNull(onClient, "onClient");
    this.onUnauthenticated = Objects.requireNonNull(onUnauthenticated, "onUnauthenticated");
  }

  /**
   * Executes one logical call (one or more attempts).
   *
   * @param id the path id of the endpoint (sign-in id, phone number id, token template), or null
   * @param sessionId the session path parameter or {@code _clerk_session_id}, or null
   * @throws ClerkApiException the server's answer was an error (after any allowed retries)
   * @throws ClerkNetworkException no usable answer (after any allowed retries)
   */
  public <T> FapiResponse<T> execute(Endpoint<T> endpoint, String id, String sessionId, Form form) {
    Objects.requireNonNull(endpoint, "endpoint");
    Form body = form == null ? Form.empty() : form;
    for (int attempt = 1; ; attempt++) {
      long ticket = tokens.ticket();
      FapiRequest<T> request = new FapiRequest<>(endpoint, id, sessionId, body, tokens.current());
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "-> " + describe(endpoint, id, sessionId) + " form=" + Redactor.describe(body)
            + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
      }
      FapiResponse<T> response;
      try {
        response = transport.execute(request);
      } catch (ClerkException raw) {
        ClerkException e = raw instanceof ClerkApiException
            ? onErrorAnswer(ticket, request.clientToken(), sessionId, (ClerkApiException) raw)
            : redacted(raw);
        Duration wait = retryDelay(endpoint, e, attempt);
        if (wait == null) {
          LOG.log(Level.DEBUG, () -> "<- " + describe(endpoint, id, sessionId) + " failed: "
              + Redactor.scrub(e.getMessage()));
          throw e;
        }
        LOG.log(Level.INFO, () -> "retrying " + describe(endpoint, id, sessionId) + " in "
            + wait.toMillis() + " ms after: " + Redactor.scrub(e.getMessage()));
        sleep(wait, e);
        continue;
      }
      if (tokens.onResponse(ticket, response.clientToken())) {
        LOG.log(Level.DEBUG, "client token rotated");
      }
      LOG.log(Level.DEBUG, () -> "<- " + describe(endpoint, id, sessionId) + " HTTP " + response.httpStatus());
      // A late answer to a request sent before a sign-out or a 401 must not bring the forgotten
      // client back into the local state.
      if (response.client() != null && !tokens.sentBeforeClear(ticket)) {
        onClient.accept(response.client());
      }
      return response;
    }
  }

  /**
   * The client-token side of an error answer: a token the transport attached is applied by the
   * rules of a success response (FAPI may issue one with a 4xx, and it would otherwise be lost),
   * and a 401 other than {@code requires_captcha} means the server no longer accepts this client,
   * so the token and the local state are forgotten (clerk-js resets on the same condition). A 401
   * about one session (for example {@code signed_out} on the token request of a session that was
   * ended elsewhere) says nothing about the client's other sessions: only {@code
   * authentication_invalid}, the verdict on the client token itself, forgets the client then.
   *
   * @return the exception to throw, without the token: the application has no use for it, and
   *     an exception travels into logs
   */
  private ClerkApiException onErrorAnswer(
      long ticket, String sentToken, String sessionId, ClerkApiException e) {
    String header = e.clientToken().orElse(null);
    boolean clientRejected =
        e.isUnauthenticated() && (sessionId == null || e.hasCode("authentication_invalid"));
    if (clientRejected) {
      if (tokens.onUnauthenticated(ticket, sentToken, header)) {
        LOG.log(Level.INFO, () -> "the server no longer accepts this client (HTTP 401 "
            + (e.firstError() == null ? "" : e.firstError().code())
            + "): cleared the client token and the local client state");
        onUnauthenticated.run();
      }
    } else if (tokens.onResponse(ticket, header)) {
      LOG.log(Level.DEBUG, "client token rotated by an error response");
    }
    return header == null ? e : e.withClientToken(null);
  }

  /** How long to wait before the next attempt, or {@code null} to give up and throw. */
  private Duration retryDelay(Endpoint<?> endpoint, ClerkException e, int attempt) {
    if (attempt >= retryPolicy.maxAttempts()) {
      return null;
    }
    if (e instanceof ClerkRateLimitException) {
      // A 429 was not processed by the server, so even a non-idempotent call may go again.
      Duration retryAfter = ((ClerkRateLimitException) e).retryAfter().orElse(null);
      if (retryAfter == null) {
        return retryPolicy.backoff(attempt);
      }
      return retryAfter.compareTo(retryPolicy.maxRetryAfter()) <= 0 ? retryAfter : null;
    }
    if (e instanceof ClerkApiException) {
      int status = ((ClerkApiException) e).httpStatus();
      boolean transientServerError = status == 500 || status == 502 || status == 503 || status == 504;
      return transientServerError && endpoint.idempotent() ? retryPolicy.backoff(attempt) : null;
    }
    if (e instanceof ClerkNetworkException) {
      boolean safe = endpoint.idempotent() || !((ClerkNetworkException) e).requestMayHaveBeenSent();
      return safe ? retryPolicy.backoff(attempt) : null;
    }
    return null;
  }

  /**
   * A transport's network failure with any token scrubbed from its message and causes: a lower
   * layer may quote a header or URL, and the exception travels into the app's logs.
   */
  static ClerkException redacted(ClerkException e) {
    if (!(e instanceof ClerkNetworkException) || !needsScrubbing(e)) {
      return e;
    }
    ClerkNetworkException n = (ClerkNetworkException) e;
    ClerkNetworkException copy = new ClerkNetworkException(
        Redactor.scrub(n.getMessage()), scrubbedCopy(n.getCause()), n.requestMayHaveBeenSent());
    copy.setStackTrace(n.getStackTrace());
    return copy;
  }

  private static boolean needsScrubbing(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      String m = x.getMessage();
      if (m != null && !m.equals(Redactor.scrub(m))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable scrubbedCopy(Throwable t) {
    if (t == null) {
      return null;
    }
    RedactedCause copy = new RedactedCause(
        t.getClass().getName() + ": " + Redactor.scrub(t.getMessage()), scrubbedCopy(t.getCause()));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** Stands in for a cause whose message had to be scrubbed; it names the original type. */
  static final class RedactedCause extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedCause(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private void sleep(Duration wait, ClerkException cause) {
    try {
      retryPolicy.sleeper().sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      cause.addSuppressed(ie);
      throw cause;
    }
  }

  private static String describe(Endpoint<?> endpoint, String id, String sessionId) {
    return endpoint.name() + (id == null ? "" : " " + id) + (sessionId == null ? "" : " session=" + sessionId);
  }
}
