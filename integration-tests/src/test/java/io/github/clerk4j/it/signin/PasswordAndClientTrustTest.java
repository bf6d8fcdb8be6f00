package io.github.clerk4j.it.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClientTrustState;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.testing.EmulatorUser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Password sign-in and Client Trust, end to end: SDK + OkHttp + emulator over loopback. */
class PasswordAndClientTrustTest {

  static final String EMAIL = "ada@example.com";
  static final String PHONE = "+15555550123";
  static final String PASSWORD = "analytical-Engine-1843";

  static EmulatorUser ada() {
    return EmulatorUser.builder().firstName("Ada").email(EMAIL).phone(PHONE).username("ada")
        .password(PASSWORD).build();
  }

  @Test
  void passwordSignInFinalizeTokenAndSignOut() {
    try (Harness h = new Harness(b -> b.clientTrust(false), ada())) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.userData()).hasValueSatisfying(u -> assertThat(u.firstName()).isEqualTo("Ada"));

      List<Session> navigated = new ArrayList<>();
      Session session = signIn.finalize((s, decorateUrl) -> navigated.add(s));
      assertThat(navigated).containsExactly(session);
      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(h.clerk.session()).map(Session::id).contains(session.id());

      String jwt = session.getToken();
      assertThat(jwt.split("\\.")).hasSize(3);
      assertThat(session.getToken()).as("cached").isEqualTo(jwt);

      h.clerk.signOut();
      assertThat(h.clerk.session()).isEmpty();
      assertThat(h.tokens.get()).isEmpty();
    }
  }

  @Test
  void passwordByUsernameAndByPhone() {
    try (Harness h = new Harness(b -> b.clientTrust(false), ada())) {
      assertThat(h.clerk.signIn().password("ada", PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
      // one session per client (Clerk's default): a second sign-in is refused until sign-out
      assertThatThrownBy(() -> h.clerk.signIn().password(PHONE, PASSWORD))
          .isInstanceOf(ClerkApiException.class);
      h.clerk.signOut();
      assertThat(h.clerk.signIn().password(PHONE, PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void wrongPasswordAndUnknownIdentifierAreFieldErrors() {
    try (Harness h = new Harness(ada())) {
      assertThatThrownBy(() -> h.clerk.signIn().password(EMAIL, "not-the-password-1"))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isPasswordIncorrect()).isTrue();
            assertThat(e.fieldErrors()).containsKey("password");
          });
      assertThatThrownBy(() -> h.clerk.signIn().password("nobody@example.com", PASSWORD))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> {
            assertThat(e.isIdentifierNotFound()).isTrue();
            assertThat(e.fieldErrors()).containsKey("identifier");
          });
    }
  }

  @Test
  void clientTrustByEmailCodeThenFinalize() {
    try (Harness h = new Harness(ada())) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
      assertThat(signIn.clientTrustState()).isEqualTo(ClientTrustState.NEW);
      assertThat(signIn.mfa().factors()).extracting(f -> f.strategy()).contains(Strategy.EMAIL_CODE);

      signIn = signIn.mfa().sendEmailCode();
      signIn = signIn.mfa().verifyEmailCode(h.code(EMAIL));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      Session session = signIn.finalize((s, d) -> {});
      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(h.clerk.client().lastActiveSessionId()).contains(session.id());
    }
  }

  @Test
  void clientTrustBySmsCodeThenFinalize() {
    // Client Trust asks for an e-mail code when the account has an e-mail address, so this
    // account has only a phone number
    EmulatorUser phoneOnly = EmulatorUser.builder().phone(PHONE).password(PASSWORD).build();
    try (Harness h = new Harness(phoneOnly)) {
      SignIn signIn = h.clerk.signIn().password(PHONE, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
      signIn = signIn.mfa().sendPhoneCode();
      signIn = signIn.mfa().verifyPhoneCode(h.code(PHONE));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.finalize((s, d) -> {}).status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }

  @Test
  void everySendSendsANewCodeThatReplacesTheLastOne() {
    try (Harness h = new Harness(ada())) {
      SignIn signIn = h.clerk.signIn().password(EMAIL, PASSWORD);
      signIn.mfa().sendEmailCode();
      String first = h.code(EMAIL);
      assertThat(h.sentTo(EMAIL)).isEqualTo(1);
      signIn = signIn.mfa().sendEmailCode(); // "I need a new code", at once
      assertThat(h.sentTo(EMAIL)).isEqualTo(2);
      String second = h.code(EMAIL);
      SignIn resent = signIn;
      if (!second.equals(first)) {
        // the new code replaced the first one
        assertThatThrownBy(() -> resent.mfa().verifyEmailCode(first))
            .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isCodeIncorrect()).isTrue());
      }
      assertThat(signIn.mfa().verifyEmailCode(second).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void asyncFormsRunTheSameFlow() throws Exception {
    try (Harness h = new Harness(ada())) {
      Session session = h.clerk.signIn().async(s -> s.password(EMAIL, PASSWORD))
          .thenCompose(s -> s.async(x -> x.mfa().sendEmailCode()))
          .thenCompose(s -> s.async(x -> x.mfa().verifyEmailCode(h.code(EMAIL))))
          .thenCompose(s -> s.async(x -> x.finalize((y, d) -> {})))
          .get(10, TimeUnit.SECONDS);
      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }
}
