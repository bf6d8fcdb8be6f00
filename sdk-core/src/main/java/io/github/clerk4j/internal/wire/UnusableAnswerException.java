package io.github.clerk4j.internal.wire;

import io.github.clerk4j.ClerkNetworkException;

/**
 * A 2xx whose body cannot be used (empty, cut off, not the endpoint's resource), carrying the
 * client token its {@code Authorization} header rotated: the server did process the request, so
 * the rotation happened and must not be lost. Core applies the token and throws {@link
 * #withoutToken()}; the token never reaches the application, and is neither in the message nor
 * serialized.
 */
public final class UnusableAnswerException extends ClerkNetworkException {
  private static final long serialVersionUID = 1L;

  private final transient String clientToken;

  UnusableAnswerException(String message, Throwable cause, String clientToken) {
    super(message, cause, true);
    this.clientToken = clientToken;
  }

  /** The answer's {@code Authorization} header, or {@code null}. */
  public String clientToken() {
    return clientToken;
  }

  /** The failure as the application sees it: the same message, cause and stack, no token. */
  public ClerkNetworkException withoutToken() {
    ClerkNetworkException e = new ClerkNetworkException(getMessage(), getCause(), true);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
