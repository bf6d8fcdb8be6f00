package io.github.clerk4j.testing;

import java.time.Duration;

/**
 * Per-IP rate limits on sign-in calls, as Clerk documents them: {@code creates} sign-in creations
 * and {@code attempts} factor attempts per {@code window}; above that, 429 with {@code Retry-After}.
 * The client IP is the first {@code X-Forwarded-For} address when present, else the peer address.
 *
 * @param enabled whether limits apply at all (switch them off for load tests)
 * @param creates sign-in creations allowed per window
 * @param attempts first- and second-factor attempts allowed per window
 * @param window the sliding window
 */
public record RateLimits(boolean enabled, int creates, int attempts, Duration window) {

  /**
   * Validates the numbers.
   *
   * @param enabled whether limits apply at all
   * @param creates sign-in creations allowed per window, at least 1
   * @param attempts factor attempts allowed per window, at least 1
   * @param window the sliding window, positive
   * @throws IllegalArgumentException when a number or the window is not positive
   */
  public RateLimits {
    if (creates < 1 || attempts < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** {@return Clerk's limits: 5 creates and 3 attempts per 10 seconds} */
  public static RateLimits clerkDefaults() {
    return new RateLimits(true, 5, 3, Duration.ofSeconds(10));
  }

  /** {@return no rate limiting} */
  public static RateLimits disabled() {
    return new RateLimits(false, 5, 3, Duration.ofSeconds(10));
  }
}
