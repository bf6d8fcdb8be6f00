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
 */
public record Settings(boolean mfaRequired, boolean clientTrust, RateLimits rateLimits,
    Lockout lockout, Set<String> pwnedPasswords, Duration reverificationMaxAge, Duration codeTtl) {

  /** Copies the pwned list. */
  public Settings {
    pwnedPasswords = Set.copyOf(pwnedPasswords);
  }
}
