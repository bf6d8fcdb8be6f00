package io.github.clerk4j.internal.wire;

import io.github.clerk4j.ClerkNetworkException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A 2xx whose body cannot be used (empty, cut off, not the endpoint's resource), carrying the
 * client token its {@code Authorization} header rotated: the server did process the request, so
 * the rotation happened and must not be lost. Core applies the token and throws {@link
 * #withoutToken()}; the token never reaches the application, and is neither in the message nor
 * serialized.
 */
public final class UnusableAnswerException extends ClerkNetworkException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable String clientToken;

  UnusableAnswerException(String message, @Nullable Throwable cause, @Nullable String clientToken) {
    super(message, cause, true);
    this.clientToken = clientToken;
  }

  /** The answer's {@code Authorization} header, or {@code null}. */
  public @Nullable String clientToken() {
    return clientToken;
  }

  /** The failure as the application sees it: the same message, cause and stack, no token. */
  public ClerkNetworkException withoutToken() {
    ClerkNetworkException e = new ClerkNetworkException(
        Objects.requireNonNull(getMessage(), "made with a message"), getCause(), true);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
