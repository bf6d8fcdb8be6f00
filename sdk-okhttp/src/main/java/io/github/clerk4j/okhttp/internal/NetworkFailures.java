package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.ClerkNetworkException;

/**
 * Turns an I/O failure of the exchange into {@link ClerkNetworkException}. The messages name the
 * endpoint and the kind of failure, never the request's form or token (the cause keeps the
 * library's own message, which carries neither).
 */
public final class NetworkFailures {

  private NetworkFailures() {}

  /**
   * Whether the server may have the request is decided by the {@link CallContext} marker, not by
   * the exception type: a {@code SocketTimeoutException} can be a connect timeout (nothing sent)
   * or a read timeout (request sent), and a {@code ConnectException} means nothing was sent only
   * if it happened while connecting.
   */
  public static ClerkNetworkException ioFailure(CallContext ctx, Exception cause) {
    boolean mayHaveBeenSent = ctx.handedToConnection();
    String what =
        mayHaveBeenSent
            ? "the connection failed after the request was sent; the server may have processed it"
            : "could not reach the Frontend API; the request was not sent";
    return new ClerkNetworkException(
        ctx.endpoint() + ": " + what + " (" + cause.getClass().getSimpleName() + ")",
        cause,
        mayHaveBeenSent);
  }
}
