package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Passwords and lockout: checks in Clerk's order, the new-password policy, the lockout counter. */
final class PasswordRules {
  private final EmulatorState state;
  private final Passwords passwords;

  PasswordRules(EmulatorState state) {
    this.state = state;
    this.passwords = new Passwords(state.settings.passwordIterations(), state.random, state.keys.passwordKey);
  }

  /** A password the person set (sign-up): derived with PBKDF2, as a real store does. */
  Passwords.Stored hash(String password) {
    return passwords.hash(password);
  }

  /** A seeded password, stored without a derivation (see {@link Passwords}). */
  Passwords.Stored seeded(String password) {
    return passwords.seeded(password);
  }

  /** Checks a candidate ahead of {@link #checkPassword}, outside the state lock. */
  Passwords.Precomputed checkAhead(Passwords.Stored stored, String candidate) {
    return passwords.precompute(stored, candidate);
  }

  /** Refuses a locked user (403 {@code user_locked}); an expired lockout is lifted. */
  void checkNotLocked(UserRecord user) {
    long now = state.now();
    if (!state.settings.lockout().enabled()) {
      return;
    }
    if (user.lockedUntil > now) {
      throw ApiException.userLocked(secondsUntil(user.lockedUntil, now));
    }
    if (user.lockedUntil != 0) {
      user.lockedUntil = 0;
      user.failedPasswordAttempts = 0;
    }
  }

  static long secondsUntil(long at, long now) {
    return Math.max(0, (at - now + 999) / 1000);
  }

  /**
   * Checks a password with lockout and the compromised flag, in Clerk's order: a locked account
   * is refused first, a wrong password counts towards lockout, and only a right password reveals
   * that it is compromised.
   *
   * @param ahead the derivation of {@code password} made before the lock was taken, or null
   */
  void checkPassword(UserRecord user, String password, String param, Passwords.@Nullable Precomputed ahead) {
    if (user.password == null) {
      throw ApiException.strategyForUserInvalid("strategy");
    }
    checkNotLocked(user);
    if (!passwords.matches(user.password, password, ahead)) {
      user.failedPasswordAttempts++;
      if (state.settings.lockout().enabled()
          && user.failedPasswordAttempts >= state.settings.lockout().maxAttempts()) {
        user.lockedUntil = state.now() + state.settings.lockout().duration().toMillis();
        throw ApiException.userLocked(state.settings.lockout().duration().toSeconds());
      }
      throw ApiException.param(422, "form_password_incorrect", param, "is incorrect",
          "Password is incorrect. Try again, or use another method.");
    }
    user.failedPasswordAttempts = 0;
    if (user.passwordCompromised) {
      throw ApiException.param(422, "form_password_compromised", param, "is compromised",
          "Your password may be compromised. To protect your account, please continue with an"
              + " alternative sign-in method. You will be required to reset your password after"
              + " signing in.");
    }
  }

  /** Whether {@code candidate} is the user's current password (no lockout counting). */
  boolean isCurrent(UserRecord user, String candidate) {
    return user.password != null && passwords.matches(user.password, candidate);
  }

  /**
   * Refuses a new password (sign-up, reset, change) that fails the instance's policy, in this
   * order: shorter than the minimum, over Clerk's 72 bytes, in the pwned list, weaker than the
   * strength rule ({@link PasswordStrength}).
   */
  void checkPolicy(String newPassword, String param) {
    int minLength = state.settings.passwordMinLength();
    if (newPassword.codePointCount(0, newPassword.length()) < minLength) {
      throw ApiException.param(422, "form_password_length_too_short", param, "is too short",
          "Passwords must be " + minLength + " characters or more.");
    }
    if (newPassword.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw ApiException.param(422, "form_password_size_in_bytes_exceeded", param, "is too long",
          "Passwords can be at most 72 bytes long.");
    }
    if (state.settings.pwnedPasswords().contains(newPassword)) {
      throw ApiException.param(422, "form_password_pwned", param, "has been found in a data breach",
          "Password has been found in an online data breach. For account safety, please use a"
              + " different password.");
    }
    int minStrength = state.settings.passwordMinStrength();
    if (minStrength > 0 && PasswordStrength.score(newPassword) < minStrength) {
      throw new ApiException(422, "form_password_not_strong_enough", "is not strong enough",
          "This password is too easy to guess. Please choose a longer one, or mix in other kinds of"
              + " characters.",
          Json.obj("param_name", param, "zxcvbn", Json.obj("suggestions", List.of(Json.obj(
              "code", "anotherWord", "message", "Make it longer, or add words and characters of other kinds.")))),
          Map.of());
    }
  }

  /** Refuses a new password that fails the policy or is the current one. */
  void checkNewPassword(UserRecord user, String newPassword, String param) {
    checkPolicy(newPassword, param);
    if (isCurrent(user, newPassword)) {
      throw ApiException.param(422, "form_new_password_matches_current", param, "matches current",
          "Your new password cannot be the same as your current password.");
    }
  }

  /** Sets a new password after the policy checks; clears the compromised flag and the lockout. */
  void setPassword(UserRecord user, String newPassword, String param) {
    checkNewPassword(user, newPassword, param);
    long now = state.now();
    user.password = passwords.hash(newPassword);
    user.passwordUpdatedAt = now;
    user.passwordCompromised = false;
    user.failedPasswordAttempts = 0;
    user.lockedUntil = 0;
    user.updatedAt = now;
  }
}
