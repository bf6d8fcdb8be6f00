package io.github.clerk4j.internal;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.internal.wire.ClientResource;
import io.github.clerk4j.internal.wire.UnusableAnswerException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.FilePart;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one place where Frontend API calls are made: it attaches the client token, keeps the
 * overall deadline, retries by the {@link RetryPolicy}, applies rotated tokens, hands every
 * piggybacked client to the state owner and logs (redacted). Every resource ({@code SignIn},
 * {@code Session}, {@code User}, ...) goes through it, so these rules hold for calls added later
 * without repeating them.
 */
public final class CallExecutor {

  /** The least time an attempt is given, so that the first one always goes. */
  private static final Duration ONE_MILLISECOND = Duration.ofMillis(1);

  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final TokenKeeper tokens;
  private final Consumer<ClientResource> onClient;
  private final Runnable onUnauthenticated;
  private final Consumer<String> onSessionSignedOut;

  /**
   * @param clock measures the overall deadline ({@link RetryPolicy#totalTimeout()})
   * @param onClient receives the piggybacked client of every successful response, before the
   *     caller sees the response (except of requests sent before the client was forgotten)
   * @param onUnauthenticated forgets the local client state after a 401 cleared the client token
   *     ({@link ClerkApiException#isUnauthenticated()}), before the caller sees the exception
   * @param onSessionSignedOut forgets one session locally after the server answered a call for
   *     it with 401 {@code signed_out} (the session was revoked or ended elsewhere), before the
   *     caller sees the exception
   */
  public CallExecutor(Transport transport, RetryPolicy retryPolicy, Clock clock, TokenKeeper tokens,
      Consumer<ClientResource> onClient, Runnable onUnauthenticated, Consumer<String> onSessionSignedOut) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.onClient = Objects.requireNonNull(onClient, "onClient");
    this.onUnauthenticated = Objects.requireNonNull(onUnauthenticated, "onUnauthenticated");
    this.onSessionSignedOut = Objects.requireNonNull(onSessionSignedOut, "onSessionSignedOut");
  }

  /**
   * Executes one logical call (one or more attempts, together within {@link
   * RetryPolicy#totalTimeout()}).
   *
   * @param id the path id of the endpoint (sign-in id, phone number id, token template), or null
   * @param sessionId the session path parameter or {@code _clerk_session_id}, or null
   * @return the successful answer
   * @throws ClerkApiException the server's answer was an error (after any allowed retries)
   * @throws ClerkNetworkException no usable answer (after any allowed retries)
   */
  public FapiResponse execute(Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form) {
    return execute(endpoint, id, sessionId, form, null);
  }

  /**
   * {@link #execute(Endpoint, String, String, Form)} with the file part of a {@code
   * multipart/form-data} body ({@link FapiRequest#file()}), or {@code null} for none.
   */
  public FapiResponse execute(
      Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form, @Nullable FilePart file) {
    Objects.requireNonNull(endpoint, "endpoint");
    Form body = form == null ? Form.empty() : form;
    Instant deadline = clock.instant().plus(retryPolicy.totalTimeout());
    for (int attempt = 1; ; attempt++) {
      long ticket = tokens.ticket();
      FapiRequest request =
          new FapiRequest(endpoint, id, sessionId, body, file, tokens.current(), remaining(deadline));
      if (Log.debugEnabled()) {
        Log.debug("-> " + describe(endpoint, id, sessionId) + " form=" + Redactor.describe(body)
            + (file == null ? "" : " file=" + file)
            + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
      }
      ClerkException failure;
      try {
        FapiResponse response = transport.execute(request);
        Optional<ClerkApiException> refusal = response.error();
        if (refusal.isEmpty()) {
          return accepted(ticket, request, response);
        }
        failure = onRefusal(ticket, request, refusal.get(), response.clientToken());
      } catch (UnusableAnswerException e) {
        // The server processed the request and rotated the token even though its body is unusable.
        if (tokens.onResponse(ticket, request.clientToken(), e.clientToken())) {
          Log.debug("client token rotated by an answer whose body could not be used");
        }
        failure = redacted(e.withoutToken());
      } catch (ClerkNetworkException e) {
        failure = redacted(e);
      } catch (RuntimeException e) {
        // A transport that breaks its contract must not escape as an unknown type; whether it
        // sent anything is unknown, so the call is not repeated unless it is idempotent.
        failure = new ClerkNetworkException(endpoint + ": the transport failed ("
            + e.getClass().getName() + ")", redactedCause(e), true);
      }
      Duration wait = retryDelay(endpoint, failure, attempt, deadline);
      if (wait == null) {
        ClerkException thrown = failure;
        Log.debug(() -> "<- " + describe(endpoint, id, sessionId) + " failed: "
            + Redactor.scrub(thrown.getMessage()));
        throw failure;
      }
      ClerkException retried = failure;
      Log.debug(() -> "retrying " + describe(endpoint, id, sessionId) + " in "
          + wait.toMillis() + " ms after: " + Redactor.scrub(retried.getMessage()));
      sleep(wait, failure);
    }
  }

  private FapiResponse accepted(long ticket, FapiRequest request, FapiResponse response) {
    if (tokens.onResponse(ticket, request.clientToken(), response.clientToken())) {
      Log.debug("client token rotated");
    }
    Log.debug(() -> "<- " + describe(request.endpoint(), request.id(), request.sessionId())
        + " HTTP " + response.httpStatus());
    // A late answer to a request sent before a sign-out or a 401 must not bring the forgotten
    // client back into the local state.
    if (response.client() instanceof ClientResource client && !tokens.sentBeforeClear(ticket)) {
      onClient.accept(client);
    }
    return response;
  }

  /** What is left until {@code deadline}; at least 1 ms, so that the first attempt always goes. */
  private Duration remaining(Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.compareTo(ONE_MILLISECOND) < 0 ? ONE_MILLISECOND : left;
  }

  /**
   * The client-token side of a refusal: a token that came with it is applied by the rules of a
   * success response (FAPI may issue one with a 4xx, and it would otherwise be lost), and a 401
   * other than {@code requires_captcha} means the server no longer accepts this client, so the
   * token and the local state are forgotten (clerk-js resets on the same condition). A 401 about
   * one session (for example {@code signed_out} on the token request of a session that was ended
   * elsewhere) says nothing about the client's other sessions: only {@code
   * authentication_invalid}, the verdict on the client token itself, forgets the client then.
   * {@code signed_out} for a session's call forgets that session alone: it was revoked or ended on
   * another device, and the local snapshot must not keep showing it signed in (clerk-js fetches
   * the client on every 401 to learn the same).
   */
  private ClerkApiException onRefusal(
      long ticket, FapiRequest request, ClerkApiException e, @Nullable String header) {
    boolean clientRejected =
        e.isUnauthenticated() && (request.sessionId() == null || e.hasCode("authentication_invalid"));
    if (clientRejected) {
      if (tokens.onUnauthenticated(ticket, request.clientToken(), header)) {
        Log.info(() -> "the server no longer accepts this client (HTTP 401 "
            + (e.firstError() == null ? "" : e.firstError().code())
            + "): cleared the client token and the local client state");
        onUnauthenticated.run();
      }
      return e;
    }
    if (tokens.onResponse(ticket, request.clientToken(), header)) {
      Log.debug("client token rotated by an error response");
    }
    if (e.isUnauthenticated() && e.hasCode("signed_out") && !tokens.sentBeforeClear(ticket)) {
      Log.info(() -> "session " + request.sessionId() + " is signed out on the server (HTTP 401"
          + " signed_out): removed it from the local client state");
      onSessionSignedOut.accept(request.sessionId());
    }
    return e;
  }

  /** How long to wait before the next attempt, or {@code null} to give up and throw. */
  private @Nullable Duration retryDelay(Endpoint endpoint, ClerkException e, int attempt, Instant deadline) {
    if (attempt >= retryPolicy.maxAttempts()) {
      return null;
    }
    Duration wait = null;
    if (e instanceof ClerkRateLimitException limited) {
      // A 429 was not processed by the server, so even a non-idempotent call may go again.
      wait = serverWait(limited, attempt);
    } else if (e instanceof ClerkApiException refused) {
      int status = refused.httpStatus();
      boolean transientServerError = status == 500 || status == 502 || status == 503 || status == 504;
      if (transientServerError && endpoint.idempotent()) {
        wait = status == 503 ? serverWait(refused, attempt) : retryPolicy.backoff(attempt);
      }
    } else if (e instanceof ClerkNetworkException failed) {
      if (endpoint.idempotent() || !failed.requestMayHaveBeenSent()) {
        wait = retryPolicy.backoff(attempt);
      }
    }
    // A retry that could not finish before the deadline is not started.
    if (wait != null && !clock.instant().plus(wait).isBefore(deadline)) {
      return null;
    }
    return wait;
  }

  /** The server's {@code Retry-After} when it is short enough to wait out, else backoff or null. */
  private @Nullable Duration serverWait(ClerkApiException e, int attempt) {
    Duration retryAfter = e.retryAfter().orElse(null);
    if (retryAfter == null) {
      return retryPolicy.backoff(attempt);
    }
    return retryAfter.compareTo(retryPolicy.maxRetryAfter()) <= 0 ? retryAfter : null;
  }

  /**
   * A transport's network failure with any token scrubbed from its message and causes: a lower
   * layer may quote a header or URL, and the exception travels into the app's logs.
   */
  static ClerkException redacted(ClerkNetworkException e) {
    if (!needsScrubbing(e)) {
      return e;
    }
    // A transport's exception has a message; an empty one stands in if it broke that rule.
    ClerkNetworkException copy = new ClerkNetworkException(
        Objects.requireNonNullElse(Redactor.scrub(e.getMessage()), ""), redactedCause(e.getCause()),
        e.requestMayHaveBeenSent());
    copy.setStackTrace(e.getStackTrace());
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

  private static @Nullable Throwable redactedCause(@Nullable Throwable t) {
    return t == null || !needsScrubbing(t) ? t : scrubbedCopy(t);
  }

  private static @Nullable Throwable scrubbedCopy(@Nullable Throwable t) {
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

    RedactedCause(String message, @Nullable Throwable cause) {
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

  private static String describe(Endpoint endpoint, @Nullable String id, @Nullable String sessionId) {
    return endpoint.name() + (id == null ? "" : " " + id) + (sessionId == null ? "" : " session=" + sessionId);
  }
}
