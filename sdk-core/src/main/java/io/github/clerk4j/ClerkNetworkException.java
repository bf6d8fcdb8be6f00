package io.github.clerk4j;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer came back: the connection failed or timed out, or the body was broken or not
 * JSON. The {@code SignIn} (or other value) the caller holds is unchanged and still usable.
 */
public class ClerkNetworkException extends ClerkException {

  private static final long serialVersionUID = 1L;

  /** See {@link #requestMayHaveBeenSent()}. */
  private final boolean requestMayHaveBeenSent;

  /**
   * A failure to get a usable answer.
   *
   * @param message what failed, without the form, the token or the body
   * @param cause the I/O or parser exception behind it, or {@code null}
   * @param requestMayHaveBeenSent {@code false} only when it is known that no byte of the request
   *     left the machine
   */
  public ClerkNetworkException(String message, @Nullable Throwable cause, boolean requestMayHaveBeenSent) {
    super(message, cause);
    this.requestMayHaveBeenSent = requestMayHaveBeenSent;
  }

  /**
   * {@return whether the server may have received (and acted on) the request} When {@code true}, a
   * code may have been consumed or sent: reload the sign-in ({@code SignIn.reload()}) before trying
   * again rather than repeating blindly.
   */
  public boolean requestMayHaveBeenSent() {
    return requestMayHaveBeenSent;
  }
}
