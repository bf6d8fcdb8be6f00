package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.SignUpMode;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sign-in tokens: single use, expiring, revocable, and Clerk's ticket error for each way they fail. */
class SignInTokenRulesTest {
  private final TestClock clock = TestClock.at(Instant.parse("2030-01-01T09:00:00Z"));
  private final EmulatorState state = new EmulatorState(Settings.defaults().forLoad(1, Set.of()),
      clock, new Random(7), InstanceKeys.generate());
  private final Rules rules = new Rules(state, new TokenSigner(state.keys));
  private final UserRecord user;

  SignInTokenRulesTest() {
    user = state.user(rules.users.addUser(EmulatorUser.builder().email("tia@example.com").build())).orElseThrow();
  }

  private String code(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      assertThat(e.status).isEqualTo(400);
      return e.code;
    }
    throw new AssertionError("no error");
  }

  @Test
  void aTokenSignsItsUserInOnce() {
    SignInTokenRules.Minted minted = rules.signInTokens.mint(user, Duration.ofMinutes(5));
    assertThat(minted.token().status).isEqualTo(SignInTokenRules.Status.PENDING);
    assertThat(minted.toString()).doesNotContain(minted.text());
    assertThat(rules.signInTokens.consume(minted.text())).isSameAs(user);
    assertThat(minted.token().status).isEqualTo(SignInTokenRules.Status.ACCEPTED);
    assertThat(code(() -> rules.signInTokens.consume(minted.text()))).isEqualTo("sign_in_token_already_used_code");
    assertThat(code(() -> rules.signInTokens.revoke(minted.token().id))).isEqualTo("sign_in_token_already_used_code");
  }

  @Test
  void revokedExpiredUnknownAndOrphanedTokensAreRefusedWithClerksCodes() {
    SignInTokenRules.Minted revoked = rules.signInTokens.mint(user, Duration.ofMinutes(5));
    rules.signInTokens.revoke(revoked.token().id);
    assertThat(code(() -> rules.signInTokens.consume(revoked.text()))).isEqualTo("sign_in_token_revoked_code");

    SignInTokenRules.Minted expiring = rules.signInTokens.mint(user, Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(code(() -> rules.signInTokens.consume(expiring.text()))).isEqualTo("ticket_expired_code");

    assertThat(code(() -> rules.signInTokens.consume("not-a-token"))).isEqualTo("ticket_invalid_code");

    SignInTokenRules.Minted orphan = rules.signInTokens.mint(user, Duration.ofMinutes(5));
    rules.users.delete(user);
    assertThat(code(() -> rules.signInTokens.consume(orphan.text()))).isEqualTo("sign_in_token_cannot_be_used_code");
    assertThatThrownBy(() -> rules.signInTokens.revoke("sit_nope")).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status).isEqualTo(404));
    assertThatThrownBy(() -> rules.signInTokens.mint(user, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
