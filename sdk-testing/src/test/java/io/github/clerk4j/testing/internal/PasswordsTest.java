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

    assertThat(Passwords.matches(stored, "right-password", right)).isTrue();
    assertThat(Passwords.matches(stored, "wrong-password", wrong)).isFalse();
    // made for another candidate: derived afresh
    assertThat(Passwords.matches(stored, "right-password", wrong)).isTrue();
  }

  @Test
  void passwordChangedSinceThePrecomputationIsDerivedAfresh() {
    Passwords.Hash old = Passwords.hash("old-password", SALT, 16);
    Passwords.Hash changed = Passwords.hash("new-password", SALT, 16);
    Passwords.Precomputed againstOld = Passwords.precompute(old, "old-password");

    assertThat(Passwords.matches(changed, "old-password", againstOld)).isFalse();
    assertThat(Passwords.matches(changed, "new-password", againstOld)).isTrue();
  }
}
