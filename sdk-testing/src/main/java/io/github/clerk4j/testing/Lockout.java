package io.github.clerk4j.testing;

import java.time.Duration;

/**
 * Account lockout after repeated wrong passwords: at {@code maxAttempts} consecutive failures the
 * user is locked for {@code duration} (403 {@code user_locked} with
 * {@code meta.lockout_expires_in_seconds}).
 *
 * @param enabled whether lockout applies
 * @param maxAttempts consecutive wrong passwords that lock the account
 * @param duration how long the account stays locked
 */
public record Lockout(boolean enabled, int maxAttempts, Duration duration) {

  /**
   * Validates the numbers.
   *
   * @param enabled whether lockout applies
   * @param maxAttempts consecutive wrong passwords that lock the account, at least 1
   * @param duration how long the account stays locked, positive
   * @throws IllegalArgumentException when {@code maxAttempts} or {@code duration} is not positive
   */
  public Lockout {
    if (maxAttempts < 1 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("lockout settings must be positive");
    }
  }

  /** {@return Clerk's default: 100 attempts, locked for one hour} */
  public static Lockout clerkDefaults() {
    return new Lockout(true, 100, Duration.ofHours(1));
  }

  /** {@return no lockout} */
  public static Lockout disabled() {
    return new Lockout(false, 100, Duration.ofHours(1));
  }
}
