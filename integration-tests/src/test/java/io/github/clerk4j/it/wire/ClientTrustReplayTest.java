package io.github.clerk4j.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.ClientTrustState;
import io.github.clerk4j.Factor;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.testing.transport.RecordedAnswers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clerk's client-trust guide through the SDK's public API, replayed from Clerk's recorded
 * responses (the copies clerk4j-testing's TransportContractSuite serves, from the Flutter SDK's
 * recordings): password → {@code NEEDS_CLIENT_TRUST} → e-mail code sent → code verified →
 * finalize (touch). Every request is checked as it leaves the OkHttp transport.
 */
class ClientTrustReplayTest {

  /** The identifier and ids of the recordings. */
  private static final String EMAIL = "jane+clerk_test@example.com";
  private static final String SIGN_IN_ID = "SIGN_IN_ID";
  private static final String EMAIL_ADDRESS_ID = "IDENTIFIER_ID";
  private static final String SESSION_ID = "SESSION_ID";
  private static final String USER_ID = "USER_ID";
  private static final String PASSWORD = "correct horse battery staple";

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  @Test
  void passwordThenEmailCodeThenFinalize() {
    // S1: identifier and password, no strategy (clerk-js SignInFuture.password()); no token yet
    fapi.ok(RecordedAnswers.body("flutter-sign_in-create-password-needs_client_trust"));
    SignIn signIn = fapi.clerk.signIn().password(EMAIL, PASSWORD);
    fapi.expect("POST", "/v1/client/sign_ins")
        .rawBody("identifier=jane%2Bclerk_test%40example.com&password=correct+horse+battery+staple")
        .form("identifier", EMAIL, "password", PASSWORD);

    assertThat(signIn.id()).isEqualTo(SIGN_IN_ID);
    assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    assertThat(signIn.identifier()).contains(EMAIL);
    assertThat(signIn.rawClientTrustState()).as("not in the recording").isEmpty();
    assertThat(signIn.clientTrustState()).isEqualTo(ClientTrustState.UNKNOWN);
    assertThat(signIn.firstFactorVerification()).hasValueSatisfying(v -> {
      assertThat(v.status()).isEqualTo(VerificationStatus.VERIFIED);
      assertThat(v.strategy()).isEqualTo(Strategy.PASSWORD);
    });
    assertThat(signIn.mfa().factors()).singleElement().satisfies(f -> {
      assertThat(f.strategy()).isEqualTo(Strategy.EMAIL_CODE);
      assertThat(f.emailAddressId()).isEqualTo(EMAIL_ADDRESS_ID);
      assertThat(f.safeIdentifier()).isEqualTo(EMAIL);
    });
    assertThat(signIn.supportedFirstFactors()).extracting(Factor::strategy)
        .containsExactly(Strategy.PASSWORD, Strategy.EMAIL_CODE, Strategy.RESET_PASSWORD_EMAIL_CODE);
    assertThat(fapi.clerk.client().signIn()).map(SignIn::id).contains(SIGN_IN_ID);

    // S5: the e-mail factor the sign-in offers, with the token S1 rotated
    fapi.ok(RecordedAnswers.body("flutter-sign_in-prepare_second_factor-email_code"));
    signIn = signIn.mfa().sendEmailCode();
    fapi.expect("POST", "/v1/client/sign_ins/SIGN_IN_ID/prepare_second_factor")
        .rawBody("strategy=email_code&email_address_id=IDENTIFIER_ID");

    assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    assertThat(signIn.secondFactorVerification()).hasValueSatisfying(v -> {
      assertThat(v.status()).isEqualTo(VerificationStatus.UNVERIFIED);
      assertThat(v.strategy()).isEqualTo(Strategy.EMAIL_CODE);
      assertThat(v.expireAt()).isEqualTo(Instant.ofEpochMilli(1767229200000L));
    });

    // S6: the code
    fapi.ok(RecordedAnswers.body("flutter-sign_in-attempt_second_factor-email_code-complete"));
    signIn = signIn.mfa().verifyEmailCode("424242");
    fapi.expect("POST", "/v1/client/sign_ins/SIGN_IN_ID/attempt_second_factor")
        .rawBody("strategy=email_code&code=424242");

    assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(signIn.createdSessionId()).contains(SESSION_ID);
    assertThat(signIn.secondFactorVerification()).map(v -> v.status()).contains(VerificationStatus.VERIFIED);
    // the piggybacked client of the recording is the SDK's client now
    assertThat(fapi.clerk.client().id()).contains("CLIENT_ID");
    assertThat(fapi.clerk.client().signIn()).isEmpty();
    assertThat(fapi.clerk.client().session(SESSION_ID)).hasValueSatisfying(s -> {
      assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(s.lastActiveToken()).contains("e30=.e30=.e30=");
      assertThat(s.user()).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(USER_ID));
    });

    // finalize: touch the created session (no recording exists; the touch may skip the client)
    fapi.ok(Fapi.session("active", "id", SESSION_ID, "user", Fapi.user("id", USER_ID)), null);
    List<Session> navigated = new ArrayList<>();
    List<String> decorated = new ArrayList<>();
    Session session = signIn.finalize((s, decorateUrl) -> {
      navigated.add(s);
      decorated.add(decorateUrl.apply("https://app.example/home"));
    });
    fapi.expect("POST", "/v1/client/sessions/SESSION_ID/touch")
        .rawBody("active_organization_id=&intent=select_session");

    assertThat(session.id()).isEqualTo(SESSION_ID);
    assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(session.user()).map(u -> u.id()).contains(USER_ID);
    assertThat(navigated).containsExactly(session);
    assertThat(decorated).as("decorateUrl is the identity for a native client").containsExactly("https://app.example/home");
    assertThat(fapi.clerk.session()).map(Session::id).contains(SESSION_ID);
  }
}
