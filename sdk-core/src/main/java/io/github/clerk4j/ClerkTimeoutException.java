package io.github.clerk4j;

import java.time.Duration;

/**
 * A wait for something outside clerk4j ran out of time: the person did not open the e-mail link,
 * or the browser did not come back from the provider's page. Nothing is lost: the sign-in is as it
 * was, so the app may wait again or start over.
 */
public class ClerkTimeoutException extends ClerkException {

  private static final long serialVersionUID = 1L;

  /** See {@link #timeout()}. */
  private final Duration timeout;

  /**
   * A wait that ran out.
   *
   * @param message what was waited for and what to do now
   * @param timeout how long the wait lasted
   */
  public ClerkTimeoutException(String message, Duration timeout) {
    super(message);
    this.timeout = timeout;
  }

  /** {@return how long clerk4j waited} */
  public Duration timeout() {
    return timeout;
  }
}
