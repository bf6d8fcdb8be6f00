package io.github.clerk4j;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception clerk4j throws. Unchecked: expected outcomes of a flow (for example
 * {@link SignInStatus#NEEDS_CLIENT_TRUST}) are states, not exceptions. Messages never contain
 * passwords, codes, tokens or secrets.
 */
public class ClerkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with this message.
   *
   * @param message what went wrong and what to do, without secrets
   */
  public ClerkException(String message) {
    super(message);
  }

  /**
   * An exception with this message and cause.
   *
   * @param message what went wrong and what to do, without secrets
   * @param cause the exception that caused it, or {@code null}
   */
  public ClerkException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
