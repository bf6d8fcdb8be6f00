package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A derivation done ahead of the lock is used only for the very hash and password it was made for. */
class PasswordsTest {
  private static final byte[] SALT = new byte[16];

  @Test
  void precomputedDerivationAnswersLikeDerivingThen() {
    Passwords.Hash stored = Passwords.hash("right-password", SALT, 16);
    Passwords.Precomputed right = Passwords.precompute(stored, "right-password");
    Passwords.Precomputed wrong = Passwords.precompute(stored, "wrong-password");

    assertThat(Passwords.using(right, () -> Passwords.matches(stored, "right-password"))).isTrue();
    assertThat(Passwords.using(wrong, () -> Passwords.matches(stored, "wrong-password"))).isFalse();
    // made for another candidate: derived afresh
    assertThat(Passwords.using(wrong, () -> Passwords.matches(stored, "right-password"))).isTrue();
  }

  @Test
  void passwordChangedSinceThePrecomputationIsDerivedAfresh() {
    Passwords.Hash old = Passwords.hash("old-password", SALT, 16);
    Passwords.Hash changed = Passwords.hash("new-password", SALT, 16);
    Passwords.Precomputed againstOld = Passwords.precompute(old, "old-password");

    assertThat(Passwords.using(againstOld, () -> Passwords.matches(changed, "old-password"))).isFalse();
    assertThat(Passwords.using(againstOld, () -> Passwords.matches(changed, "new-password"))).isTrue();
  }
}
