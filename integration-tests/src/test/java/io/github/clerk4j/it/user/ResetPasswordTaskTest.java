package io.github.clerk4j.it.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.UpdatePasswordParams;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.EmulatorUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A compromised password: code sign-in, a pending session with {@code reset-password}, a new password, active. */
class ResetPasswordTaskTest {

  static final String EMAIL = "barbara@example.com";
  static final String OLD_PASSWORD = "liskov-Substitution-1987";
  static final String NEW_PASSWORD = "clu-Abstraction-1974";
  static final String PWNED = "password-123456";

  @Test
  void outsideTheTaskTheCurrentPasswordIsNeeded() {
    try (Account a = new Account(EmulatorUser.builder().email(EMAIL).password(OLD_PASSWORD).build())) {
      User user = a.signIn(EMAIL, OLD_PASSWORD);
      assertThatThrownBy(() -> user.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD)))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.fieldErrors()).containsKey("current_password"))
          .hasMessageContaining("withCurrentPassword");
      assertThatThrownBy(() -> user.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD).withCurrentPassword("wrong-one-1")))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.fieldErrors()).containsKey("current_password"));
      User changed = user.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD).withCurrentPassword(OLD_PASSWORD));
      assertThat(changed.passwordEnabled()).isTrue();
      a.clerk.signOut();
      assertThat(a.clerk.signIn().password(EMAIL, NEW_PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void compromisedPasswordToActiveSession() {
    EmulatorUser barbara = EmulatorUser.builder().email(EMAIL).password(OLD_PASSWORD).passwordCompromised(true).build();
    try (Account a = new Account(b -> b.pwnedPasswords(List.of(PWNED)), barbara)) {
      assertThatThrownBy(() -> a.clerk.signIn().password(EMAIL, OLD_PASSWORD))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isPasswordCompromised()).isTrue());
      SignIn signIn = a.clerk.signIn().emailCode().sendCode(EMAIL);
      signIn = signIn.emailCode().verifyCode(a.code(EMAIL));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      Session pending = signIn.finalize((s, d) -> {});
      assertThat(pending.status()).isEqualTo(SessionStatus.PENDING);
      assertThat(pending.currentTask()).map(SessionTask::key).contains(SessionTask.Key.RESET_PASSWORD);

      User user = a.clerk.user().orElseThrow();
      assertThat(pending.user()).contains(user);
      assertThatThrownBy(() -> user.updatePassword(UpdatePasswordParams.of(PWNED)))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isPasswordPwned()).isTrue();
            assertThat(e.fieldErrors()).containsKey("new_password");
          });
      assertThat(a.clerk.session()).map(Session::status).contains(SessionStatus.PENDING);

      // As clerk-js's reset-password task: no current password, it is the one that cannot be trusted.
      user.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD).withSignOutOfOtherSessions(true));

      Session active = a.clerk.session().orElseThrow();
      assertThat(active.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(active.tasks()).isEmpty();
      a.clerk.signOut();
      assertThat(a.clerk.signIn().password(EMAIL, NEW_PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }
}
