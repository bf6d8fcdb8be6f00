package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordStrengthTest {

  @Test
  void commonRepeatedAndConsecutivePasswordsScoreZero() {
    assertThat(PasswordStrength.score("")).isZero();
    assertThat(PasswordStrength.score("password")).isZero();
    assertThat(PasswordStrength.score("Password")).as("case does not help").isZero();
    assertThat(PasswordStrength.score("aaaaaaaaaaaa")).isZero();
    assertThat(PasswordStrength.score("abcdefghijkl")).isZero();
    assertThat(PasswordStrength.score("987654321098")).isLessThanOrEqualTo(1);
  }

  @Test
  void lengthAndCharacterClassesRaiseTheScore() {
    // 26 letters: about 10^1.4 guesses per character, so each score needs a few more of them.
    assertThat(PasswordStrength.score("tq")).isZero();
    assertThat(PasswordStrength.score("tqzm")).isEqualTo(1);
    assertThat(PasswordStrength.score("tqzmw")).isEqualTo(2);
    assertThat(PasswordStrength.score("tqzmwk")).isEqualTo(3);
    assertThat(PasswordStrength.score("tqzmwkvp")).isEqualTo(4);
    assertThat(PasswordStrength.score("Strong-Enough-42")).isEqualTo(4);
    assertThat(PasswordStrength.score("x7#Q")).isGreaterThan(PasswordStrength.score("xqzt"));
  }
}
