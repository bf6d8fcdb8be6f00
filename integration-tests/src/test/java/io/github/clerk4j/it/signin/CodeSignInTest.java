package io.github.clerk4j.it.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInCreateParams;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.EmulatorUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in by e-mail or SMS code, and the way out of a compromised password. */
class CodeSignInTest {

  static final String EMAIL = "alan@example.com";
  static final String PHONE = "+15555550142";
  static final String PASSWORD = "enigma-Bombe-1940";

  @Test
  void emailCodeSignIn() {
    try (Harness h = new Harness(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      SignIn signIn = h.clerk.signIn().emailCode().sendCode(EMAIL);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_FIRST_FACTOR);
      signIn = signIn.emailCode().verifyCode(h.code(EMAIL));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.finalize((s, d) -> {}).status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }

  @Test
  void phoneCodeSignInWrongThenRight() {
    try (Harness h = new Harness(EmulatorUser.builder().phone(PHONE).build())) {
      SignIn sent = h.clerk.signIn().phoneCode().sendCode(PHONE);
      String code = h.code(PHONE);
      String wrong = code.equals("000000") ? "111111" : "000000";
      assertThatThrownBy(() -> sent.phoneCode().verifyCode(wrong))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isCodeIncorrect()).isTrue());
      assertThat(sent.phoneCode().verifyCode(code).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void phoneCodeForAnAccountWithoutPhoneIsRefusedWithTheWayOut() {
    try (Harness h = new Harness(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())) {
      assertThatThrownBy(() -> h.clerk.signIn().phoneCode().sendCode(EMAIL))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.hasCode("strategy_for_user_invalid")).isTrue())
          .hasMessageContaining("no phone_code factor")
          .hasMessageContaining("supportedFirstFactors()");
      assertThat(h.emulator.outbox().messages()).as("nothing sent").isEmpty();
      // the way out the message names
      SignIn identified = h.clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
      assertThat(identified.supportedFirstFactors()).extracting(f -> f.rawStrategy()).contains("email_code");
    }
  }

  @Test
  void compromisedPasswordThenEmailCodeEndsInAPendingSessionWithResetPassword() {
    EmulatorUser user = EmulatorUser.builder().email(EMAIL).password(PASSWORD).passwordCompromised(true).build();
    try (Harness h = new Harness(user)) {
      assertThatThrownBy(() -> h.clerk.signIn().password(EMAIL, PASSWORD))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isPasswordCompromised()).isTrue();
            assertThat(e.getMessage()).contains("emailCode().sendCode(identifier)");
          });
      SignIn signIn = h.clerk.signIn().emailCode().sendCode(EMAIL);
      signIn = signIn.emailCode().verifyCode(h.code(EMAIL));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);

      List<Session> navigated = new ArrayList<>();
      Session session = signIn.finalize((s, d) -> navigated.add(s));
      assertThat(navigated).containsExactly(session);
      assertThat(session.status()).isEqualTo(SessionStatus.PENDING);
      assertThat(session.currentTask()).map(SessionTask::key).contains(SessionTask.Key.RESET_PASSWORD);
      assertThat(h.clerk.session()).map(Session::status).contains(SessionStatus.PENDING);
      // changing the password (User.updatePassword) comes with the User resource
    }
  }
}
