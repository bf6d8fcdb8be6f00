package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.SignUpMode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * @param deleteSelfEnabled users may delete their own account ({@code DELETE /v1/me})
 * @param secretKey the {@code sk_test_...} key the Backend API ({@code /bapi/v1/*}) needs
 * @param browserAuth OAuth providers, enterprise connections, redirect URLs and e-mail links
 */
public record Settings(boolean mfaRequired, boolean clientTrust, RateLimits rateLimits,
    Lockout lockout, Set<String> pwnedPasswords, Duration reverificationMaxAge, Duration codeTtl,
    Duration sessionLifetime, int passwordIterations, @Nullable String adminToken, SignUpPolicy signUp,
    int passwordMinLength, int passwordMinStrength, boolean deleteSelfEnabled, String secretKey,
    BrowserAuth browserAuth) {

  /** PBKDF2 iterations unless configured: about 1 ms per derivation on the benchmark machine. */
  public static final int DEFAULT_PASSWORD_ITERATIONS = 4096;

  /**
   * Clerk's defaults for a new instance, as {@code ClerkEmulator.builder()} starts from, with a new
   * secret key.
   */
  public static Settings defaults() {
    return new Settings(false, true, RateLimits.clerkDefaults(), Lockout.clerkDefaults(), Set.of(),
        Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofDays(7), DEFAULT_PASSWORD_ITERATIONS, null,
        new SignUpPolicy(SignUpPolicy.defaultAttributes(), false, SignUpMode.PUBLIC), 8, 0, true,
        newSecretKey(), BrowserAuth.none());
  }

  /**
   * These settings without rate limits and lockout, with this PBKDF2 cost and pwned list: what
   * in-process drivers of the request handling (benchmarks, fuzzing) need.
   */
  public Settings forLoad(int iterations, Set<String> pwned) {
    return new Settings(mfaRequired, clientTrust, RateLimits.disabled(), Lockout.disabled(), pwned,
        reverificationMaxAge, codeTtl, sessionLifetime, iterations, adminToken, signUp, passwordMinLength,
        passwordMinStrength, deleteSelfEnabled, secretKey, browserAuth);
  }

  /**
   * A development secret key for an emulator started without one: {@code sk_test_} and 40 random
   * base-62 characters.
   */
  public static String newSecretKey() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    SecureRandom random = new SecureRandom();
    StringBuilder key = new StringBuilder("sk_test_");
    for (int i = 0; i < 40; i++) {
      key.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return key.toString();
  }

  /** Copies the sets; toString() leaves the admin token and the secret key out. */
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
    if (secretKey == null || !secretKey.matches("sk_test_[A-Za-z0-9_-]{8,}")) {
      throw new IllegalArgumentException("the secret key must look like sk_test_ and at least 8 letters, digits,"
          + " _ or - (a development instance's key)");
    }
  }

  /** These settings with client trust switched on or off. */
  public Settings withClientTrust(boolean enabled) {
    return new Settings(mfaRequired, enabled, rateLimits, lockout, pwnedPasswords, reverificationMaxAge,
        codeTtl, sessionLifetime, passwordIterations, adminToken, signUp, passwordMinLength,
        passwordMinStrength, deleteSelfEnabled, secretKey, browserAuth);
  }

  /** These settings with MFA required or not. */
  public Settings withMfaRequired(boolean required) {
    return new Settings(required, clientTrust, rateLimits, lockout, pwnedPasswords, reverificationMaxAge,
        codeTtl, sessionLifetime, passwordIterations, adminToken, signUp, passwordMinLength,
        passwordMinStrength, deleteSelfEnabled, secretKey, browserAuth);
  }

  /** These settings with other rate limits. */
  public Settings withRateLimits(RateLimits limits) {
    return new Settings(mfaRequired, clientTrust, limits, lockout, pwnedPasswords, reverificationMaxAge,
        codeTtl, sessionLifetime, passwordIterations, adminToken, signUp, passwordMinLength,
        passwordMinStrength, deleteSelfEnabled, secretKey, browserAuth);
  }

  @Override
  public String toString() {
    return "Settings[mfaRequired=" + mfaRequired + ", clientTrust=" + clientTrust + ", rateLimits="
        + rateLimits + ", lockout=" + lockout + ", pwnedPasswords=" + pwnedPasswords.size()
        + ", reverificationMaxAge=" + reverificationMaxAge + ", codeTtl=" + codeTtl
        + ", sessionLifetime=" + sessionLifetime + ", passwordIterations=" + passwordIterations
        + ", adminToken=" + (adminToken == null ? "none" : "<redacted>") + ", signUp=" + signUp
        + ", passwordMinLength=" + passwordMinLength + ", passwordMinStrength=" + passwordMinStrength
        + ", deleteSelfEnabled=" + deleteSelfEnabled + ", secretKey=<redacted>, browserAuth=" + browserAuth + "]";
  }
}
