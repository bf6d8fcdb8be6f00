package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Right passwords by their keyed digest, wrong ones by a full derivation, changes never cached. */
class PasswordsTest {
  private final Passwords passwords = new Passwords(16, new Random(1), new byte[] {1, 2, 3});

  @Test
  void seededAndHashedPasswordsMatchOnlyThemselves() {
    for (Passwords.Stored stored : new Passwords.Stored[] {
        passwords.seeded("right-password"), passwords.hash("right-password")}) {
      assertThat(passwords.matches(stored, "right-password")).isTrue();
      assertThat(passwords.matches(stored, "wrong-password")).isFalse();
      assertThat(passwords.matches(stored, "right-password ")).isFalse();
      assertThat(passwords.matches(stored, "")).isFalse();
    }
    assertThat(passwords.seeded("right-password").key()).isNull(); // no derivation at seed
    assertThat(passwords.hash("right-password").key()).hasSize(32);
  }

  @Test
  void theSamePasswordStoredTwiceHasOtherSaltsAndDigests() {
    Passwords.Stored one = passwords.seeded("same-password");
    Passwords.Stored two = passwords.seeded("same-password");
    assertThat(one.salt()).isNotEqualTo(two.salt());
    assertThat(one.digest()).isNotEqualTo(two.digest());
    assertThat(one.toString()).doesNotContain("same-password");
    // Another emulator's secret gives another digest: nothing carries over between runs.
    Passwords.Stored elsewhere = new Passwords(16, new Random(1), new byte[] {4, 5, 6}).seeded("same-password");
    assertThat(passwords.matches(elsewhere, "same-password")).isFalse();
  }

  @Test
  void aCheckMadeAheadAnswersLikeCheckingThen() {
    Passwords.Stored stored = passwords.seeded("right-password");
    Passwords.Precomputed right = passwords.precompute(stored, "right-password");
    Passwords.Precomputed wrong = passwords.precompute(stored, "wrong-password");
    assertThat(passwords.matches(stored, "right-password", right)).isTrue();
    assertThat(passwords.matches(stored, "wrong-password", wrong)).isFalse();
    // made for another candidate: checked afresh
    assertThat(passwords.matches(stored, "right-password", wrong)).isTrue();
  }

  @Test
  void aPasswordChangedSinceTheCheckIsCheckedAfresh() {
    Passwords.Stored old = passwords.seeded("old-password");
    Passwords.Stored changed = passwords.hash("new-password");
    Passwords.Precomputed againstOld = passwords.precompute(old, "old-password");
    assertThat(passwords.matches(changed, "old-password", againstOld)).isFalse();
    assertThat(passwords.matches(changed, "new-password", againstOld)).isTrue();
  }
}
