package io.github.clerk4j.testing.internal;

import java.util.Locale;
import java.util.Set;

/**
 * An estimate of how hard a password is to guess, on zxcvbn's 0–4 scale, for Clerk's {@code
 * min_zxcvbn_strength} rule. Not zxcvbn: it counts the guesses a brute-force search over the
 * password's character classes needs for its length, where a run of one repeated character or of
 * consecutive characters ({@code aaaa}, {@code 1234}, {@code abcd}) counts as one character, and
 * one of the most common passwords as a single guess. The score then follows zxcvbn's thresholds
 * (fewer than 10^3 guesses is 0, 10^6 is 1, 10^8 is 2, 10^10 is 3, else 4), so that a test
 * instance refuses what a real one would refuse in the obvious cases.
 */
final class PasswordStrength {
  /** The most common passwords of the public breach lists, lower-cased. */
  private static final Set<String> COMMON = Set.of("123456", "password", "12345678", "qwerty", "123456789",
      "12345", "1234", "111111", "1234567", "dragon", "123123", "baseball", "abc123", "football", "monkey",
      "letmein", "696969", "shadow", "master", "666666", "qwertyuiop", "123321", "mustang", "1234567890",
      "michael", "654321", "superman", "1qaz2wsx", "7777777", "121212", "000000", "qazwsx", "123qwe",
      "killer", "trustno1", "jordan", "jennifer", "zxcvbnm", "asdfgh", "hunter", "buster", "soccer",
      "harley", "batman", "andrew", "tigger", "sunshine", "iloveyou", "password1", "welcome");

  private PasswordStrength() {}

  /** The score, 0 (guessed at once) to 4 (very hard to guess). */
  static int score(String password) {
    double log10Guesses = log10Guesses(password);
    if (log10Guesses < 3) {
      return 0;
    }
    if (log10Guesses < 6) {
      return 1;
    }
    if (log10Guesses < 8) {
      return 2;
    }
    return log10Guesses < 10 ? 3 : 4;
  }

  private static double log10Guesses(String password) {
    if (password.isEmpty() || COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      return 0;
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    int[] cps = password.codePoints().toArray();
    for (int c : cps) {
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        other = true;
      }
    }
    int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    return effectiveLength(cps) * Math.log10(alphabet);
  }

  /** The length with each run of a repeated or consecutive character (step -1, 0 or 1) as one. */
  private static int effectiveLength(int[] cps) {
    int length = 1;
    for (int i = 1; i < cps.length; i++) {
      int step = cps[i] - cps[i - 1];
      boolean continuesRun = Math.abs(step) <= 1
          && (i < 2 || cps[i - 1] - cps[i - 2] == step);
      if (!continuesRun) {
        length++;
      }
    }
    return length;
  }
}
