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
 * @param passwordIterations PBKDF2 iterations of stored passwords (seeded and changed ones)
 * @param adminToken the bearer token {@code /__emulator/*} needs, or null for none
 * @param deleteSelfEnabled users may delete their own account ({@code DELETE /v1/me})
 * @param requiredIdentifiers the identifier attributes every user must keep one of ({@code
 *     email_address}, {@code phone_number})
 */
public record Settings(boolean mfaRequired, boolean clientTrust, RateLimits rateLimits,
    Lockout lockout, Set<String> pwnedPasswords, Duration reverificationMaxAge, Duration codeTtl,
    Duration sessionLifetime, int passwordIterations, String adminToken, boolean deleteSelfEnabled,
    Set<String> requiredIdentifiers) {

  /**
   * PBKDF2 iterations unless configured: about 2 ms per hash on a laptop core, so a sign-in pays
   * a realistic share of CPU for its password check, while seeding a thousand users takes ~2 s.
   */
  public static final int DEFAULT_PASSWORD_ITERATIONS = 4096;

  /** Copies the sets; toString() leaves the admin token out. */
  public Settings {
    pwnedPasswords = Set.copyOf(pwnedPasswords);
    requiredIdentifiers = Set.copyOf(requiredIdentifiers);
    if (passwordIterations < 1) {
      throw new IllegalArgumentException("passwordIterations must be at least 1");
    }
  }

  @Override
  public String toString() {
    return "Settings[mfaRequired=" + mfaRequired + ", clientTrust=" + clientTrust + ", rateLimits="
        + rateLimits + ", lockout=" + lockout + ", pwnedPasswords=" + pwnedPasswords.size()
        + ", reverificationMaxAge=" + reverificationMaxAge + ", codeTtl=" + codeTtl
        + ", sessionLifetime=" + sessionLifetime + ", passwordIterations=" + passwordIterations
        + ", adminToken=" + (adminToken == null ? "none" : "<redacted>")
        + ", deleteSelfEnabled=" + deleteSelfEnabled + ", requiredIdentifiers=" + requiredIdentifiers + "]";
  }
}
