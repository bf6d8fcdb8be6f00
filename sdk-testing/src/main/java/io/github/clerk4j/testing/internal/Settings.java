package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import java.time.Duration;
import java.util.Set;

/**
 * The instance settings of one emulator.
 *
 * @param mfaRequired new sessions of users without MFA get the {@code setup-mfa} task
 * @param clientTrust password sign-ins on a client new to the user need a second step
 * @param rateLimits per-IP limits on sign-in calls
 * @param lockout lockout after wrong passwords
 * @param pwnedPasswords passwords refused as new passwords ({@code form_password_pwned})
 * @param reverificationMaxAge sensitive {@code /me} calls need a factor verified this recently
 * @param codeTtl lifetime of e-mail and SMS codes
 * @param sessionLifetime how long a session lasts from sign-in ({@code expire_at}); then it is
 *     {@code expired}
 * @param passwordIterations PBKDF2 iterations of passwords set through the API and of wrong guesses
 * @param adminToken the bearer token {@code /__emulator/*} needs, or null for none
 * @param signUp what a sign-up must and may give, and who may sign up
 * @param passwordMinLength the fewest characters a new password may have
 * @param passwordMinStrength the strength (0 to 4, {@link PasswordStrength}) a new password needs;
 *     0 checks none
 * @param browserAuth OAuth providers, enterprise connections, redirect URLs and e-mail links
 */
public record Settings(boolean mfaRequired, boolean clientTrust, RateLimits rateLimits,
    Lockout lockout, Set<String> pwnedPasswords, Duration reverificationMaxAge, Duration codeTtl,
    Duration sessionLifetime, int passwordIterations, String adminToken, SignUpPolicy signUp,
    int passwordMinLength, int passwordMinStrength, BrowserAuth browserAuth) {

  /** PBKDF2 iterations unless configured: about 1 ms per derivation on the benchmark machine. */
  public static final int DEFAULT_PASSWORD_ITERATIONS = 4096;

  /** Copies the pwned list; toString() leaves the admin token out. */
  public Settings {
    pwnedPasswords = Set.copyOf(pwnedPasswords);
    if (passwordIterations < 1) {
      throw new IllegalArgumentException("passwordIterations must be at least 1");
    }
    if (passwordMinLength < 1 || passwordMinLength > 72) {
      throw new IllegalArgumentException("passwordMinLength must be 1 to 72 (Clerk's limit is 72 bytes)");
    }
    if (passwordMinStrength < 0 || passwordMinStrength > 4) {
      throw new IllegalArgumentException("passwordMinStrength must be 0 to 4 (zxcvbn's scale)");
    }
  }

  @Override
  public String toString() {
    return "Settings[mfaRequired=" + mfaRequired + ", clientTrust=" + clientTrust + ", rateLimits="
        + rateLimits + ", lockout=" + lockout + ", pwnedPasswords=" + pwnedPasswords.size()
        + ", reverificationMaxAge=" + reverificationMaxAge + ", codeTtl=" + codeTtl
        + ", sessionLifetime=" + sessionLifetime + ", passwordIterations=" + passwordIterations
        + ", adminToken=" + (adminToken == null ? "none" : "<redacted>") + ", signUp=" + signUp
        + ", passwordMinLength=" + passwordMinLength + ", passwordMinStrength=" + passwordMinStrength
        + ", browserAuth=" + browserAuth + "]";
  }
}
