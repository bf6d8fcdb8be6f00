package io.github.clerk4j.it.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TotpGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Clerk allows 3 factor attempts per 10 s. A 429 was not processed, so the SDK may wait out a
 * short {@code Retry-After} and send the attempt again, even though attempts are never re-sent
 * after other failures; by default it waits at most 2 s, so that an interactive app never
 * freezes, and surfaces a longer wait at once with the wait in its message.
 */
class RateLimitTest {

  static final String EMAIL = "edsger@example.com";
  static final String PASSWORD = "goto-Considered-1968";
  static final String SECRET = "MFRGGZDFMZTWQ2LK";

  static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @Test
  void aRateLimitedAttemptIsSentAgainAfterRetryAfterWhenThePolicyWaitsThatLong() {
    EmulatorUser user = EmulatorUser.builder().email(EMAIL).password(PASSWORD).totpSecret(SECRET).build();
    try (Harness h = new Harness(user);
        Clerk patient = h.newClerk(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)))) {
      SignIn signIn = patient.signIn().password(EMAIL, PASSWORD);
      String bad = wrong(TotpGenerator.code(SECRET, h.clock.instant()));
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> signIn.mfa().verifyTOTP(bad))
            .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isCodeIncorrect()).isTrue());
      }
      assertThat(h.waits).isEmpty();
      SignIn done = signIn.mfa().verifyTOTP(TotpGenerator.code(SECRET, h.clock.instant()));
      assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(h.waits).hasSize(1);
      assertThat(h.waits.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
    }
  }

  @Test
  void byDefaultARetryAfterLongerThanTwoSecondsIsSurfacedWithTheWait() {
    EmulatorUser user = EmulatorUser.builder().email(EMAIL).password(PASSWORD).totpSecret(SECRET).build();
    try (Harness h = new Harness(user)) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD);
      String bad = wrong(TotpGenerator.code(SECRET, h.clock.instant()));
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> signIn.mfa().verifyTOTP(bad)).isInstanceOf(ClerkApiException.class);
      }
      assertThatThrownBy(() -> signIn.mfa().verifyTOTP(bad))
          .isInstanceOfSatisfying(ClerkRateLimitException.class, e -> {
            assertThat(e.isTooManyRequests()).isTrue();
            assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(2)));
            assertThat(e.getMessage()).containsPattern("try again in \\d+ s");
          });
      assertThat(h.waits).isEmpty();
    }
  }
}
