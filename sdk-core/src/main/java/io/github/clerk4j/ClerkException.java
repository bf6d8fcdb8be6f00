package io.github.clerk4j;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception clerk4j throws. Unchecked: expected outcomes of a flow (for example
 * {@link SignInStatus#NEEDS_CLIENT_TRUST}) are states, not exceptions. Messages never contain
 * passwords, codes, tokens or secrets.
 */
public class ClerkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ClerkException(String message) {
    super(message);
  }

  public ClerkException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
