package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.EMAIL_ID;
import static io.github.clerk4j.it.wire.Fapi.PHONE_ID;
import static io.github.clerk4j.it.wire.Fapi.SESSION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.AttemptFirstFactorParams;
import io.github.clerk4j.AttemptSecondFactorParams;
import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.PrepareFirstFactorParams;
import io.github.clerk4j.PrepareSecondFactorParams;
import io.github.clerk4j.ReverificationPrompt;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SessionVerification;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.VerificationLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Session calls through the SDK (wire spec §4, §5.1): the session token, touch, end, sign-out, and
 * the reverification (step-up) calls, alone and driven by {@code Clerk.withReverification}.
 */
class SessionWireTest {

  private static final String SESSIONS = "/v1/client/sessions/" + SESSION_ID;
  private static final String CODE = "123456";
  private static final String PASSWORD = "Reverify-pa55word";

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  private Session signedInSession() {
    fapi.signedIn();
    return fapi.clerk.session().orElseThrow();
  }

  @Test
  void getTokenPostsToTokensOnceThenCaches() {
    Session session = signedInSession();
    String jwt = Fapi.jwt(System.currentTimeMillis() / 1000 + 3600);
    fapi.ok(Fapi.token(jwt));

    assertThat(session.getToken()).isEqualTo(jwt);
    assertThat(session.getToken()).as("cached: no second request").isEqualTo(jwt);

    fapi.expect("POST", SESSIONS + "/tokens").form();
  }

  @Test
  void setActiveTouchesAndTheNextTokenIsFetchedAgain() {
    Session session = signedInSession();
    String first = Fapi.jwt(System.currentTimeMillis() / 1000 + 3600);
    fapi.ok(Fapi.token(first));
    assertThat(session.getToken()).isEqualTo(first);
    fapi.expect("POST", SESSIONS + "/tokens").form();

    fapi.ok(Fapi.session("active"), null);
    Session active = fapi.clerk.setActive(session);
    fapi.expect("POST", SESSIONS + "/touch").form("active_organization_id", "", "intent", "select_session");

    String second = Fapi.jwt(System.currentTimeMillis() / 1000 + 7200);
    fapi.ok(Fapi.token(second));
    assertThat(active.getToken()).isEqualTo(second);
    fapi.expect("POST", SESSIONS + "/tokens").form();
  }

  @Test
  void touchSendsTheSessionsOrganizationAndIntentFocus() {
    Session session = signedInSession();
    fapi.ok(Fapi.session("active"), Fapi.signedInClient());

    assertThat(session.touch().status()).isEqualTo(SessionStatus.ACTIVE);

    fapi.expect("POST", SESSIONS + "/touch").form("active_organization_id", "", "intent", "focus");
  }

  @Test
  void endPostsToEnd() {
    Session session = signedInSession();
    fapi.ok(Fapi.session("ended"), Fapi.client(Json.arr(Fapi.session("ended")), null, null));

    Session ended = session.end();

    fapi.expect("POST", SESSIONS + "/end").form();
    assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
    assertThat(fapi.clerk.session()).isEmpty();
  }

  @Test
  void signOutDeletesTheClientAndForgetsTheToken() {
    signedInSession();
    fapi.ok(Fapi.client(Json.arr(), null, null), null);

    fapi.clerk.signOut();

    fapi.expect("DELETE", "/v1/client").noBody();
    assertThat(fapi.clerk.session()).isEmpty();
    assertNextRequestHasNoClientToken();
  }

  @Test
  void signOutForgetsTheTokenEvenWhenTheCallFails() {
    signedInSession();
    fapi.dropAfterRequest();

    ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class, () -> fapi.clerk.signOut());

    assertThat(e).isNotNull();
    fapi.expect("DELETE", "/v1/client").noBody();
    assertThat(fapi.clerk.session()).isEmpty();
    assertNextRequestHasNoClientToken();
  }

  @Test
  void anAnswerWithABareBearerForgetsTheClientToken() {
    signedInSession();
    fapi.ok(Fapi.envelope(Fapi.client(Json.arr(), null, null), null), "Bearer");

    fapi.clerk.loadClient();

    fapi.expect("GET", "/v1/client").noBody();
    fapi.ok(Fapi.client(Json.arr(), null, null), null);
    fapi.clerk.loadClient();
    fapi.expect("GET", "/v1/client").noBody(); // MockFapi expects no Authorization after a bare Bearer
  }

  private void assertNextRequestHasNoClientToken() {
    fapi.tokenCleared();
    fapi.ok(Fapi.client(Json.arr(), null, null), null);
    fapi.clerk.loadClient();
    fapi.expect("GET", "/v1/client").noBody();
  }

  // ---------------------------------------------------------------- reverification (§5.1)

  @Test
  void reverifyWithAnSmsSecondFactor() {
    Session session = signedInSession();
    fapi.ok(Fapi.reverification("second_factor", "needs_second_factor",
        "supported_second_factors", Fapi.mfaFactors()), null);
    SessionVerification v = session.startVerification(VerificationLevel.SECOND_FACTOR);
    fapi.expect("POST", SESSIONS + "/verify").form("level", "second_factor");
    assertThat(v.status()).isEqualTo(SessionVerification.Status.NEEDS_SECOND_FACTOR);
    assertThat(v.supportedSecondFactors()).extracting(f -> f.strategy())
        .containsExactly(Strategy.PHONE_CODE, Strategy.TOTP, Strategy.BACKUP_CODE);

    fapi.ok(Fapi.reverification("second_factor", "needs_second_factor",
        "second_factor_verification", Fapi.verification("phone_code", "unverified")), null);
    v = v.prepareSecondFactor(PrepareSecondFactorParams.phoneCode(PHONE_ID));
    fapi.expect("POST", SESSIONS + "/verify/prepare_second_factor")
        .form("strategy", "phone_code", "phone_number_id", PHONE_ID);

    fapi.ok(Fapi.reverification("second_factor", "complete"), null);
    v = v.attemptSecondFactor(AttemptSecondFactorParams.phoneCode(CODE));
    fapi.expect("POST", SESSIONS + "/verify/attempt_second_factor").form("strategy", "phone_code", "code", CODE);
    assertThat(v.status()).isEqualTo(SessionVerification.Status.COMPLETE);
  }

  @Test
  void reverifyWithAnEmailCodeFirstFactor() {
    Session session = signedInSession();
    fapi.ok(Fapi.reverification("first_factor", "needs_first_factor",
        "supported_first_factors", Json.arr(Fapi.emailFactor("email_code"))), null);
    SessionVerification v = session.startVerification(VerificationLevel.FIRST_FACTOR);
    fapi.expect("POST", SESSIONS + "/verify").form("level", "first_factor");

    fapi.ok(Fapi.reverification("first_factor", "needs_first_factor",
        "first_factor_verification", Fapi.verification("email_code", "unverified")), null);
    v = v.prepareFirstFactor(PrepareFirstFactorParams.emailCode(EMAIL_ID));
    fapi.expect("POST", SESSIONS + "/verify/prepare_first_factor")
        .form("strategy", "email_code", "email_address_id", EMAIL_ID);

    fapi.ok(Fapi.reverification("first_factor", "complete"), null);
    v = v.attemptFirstFactor(AttemptFirstFactorParams.emailCode(CODE));
    fapi.expect("POST", SESSIONS + "/verify/attempt_first_factor").form("strategy", "email_code", "code", CODE);
    assertThat(v.status()).isEqualTo(SessionVerification.Status.COMPLETE);
  }

  /**
   * Wire spec §5.1 step 2 and the OpenAPI operation list {@code strategy}, {@code
   * email_address_id} / {@code phone_number_id} (and {@code proof_token}) for the reverification's
   * prepare_first_factor, although the sign-in's S3 params it reuses add {@code channel=sms}.
   */
  @Test
  void reverifyWithAnSmsFirstFactorSendsOnlyStrategyAndPhoneNumberId() {
    Session session = signedInSession();
    fapi.ok(Fapi.reverification("first_factor", "needs_first_factor",
        "supported_first_factors", Json.arr(Fapi.phoneFactor("phone_code", false))), null);
    SessionVerification v = session.startVerification(VerificationLevel.FIRST_FACTOR);
    fapi.expect("POST", SESSIONS + "/verify").form("level", "first_factor");

    fapi.ok(Fapi.reverification("first_factor", "needs_first_factor",
        "first_factor_verification", Fapi.verification("phone_code", "unverified")), null);
    v.prepareFirstFactor(PrepareFirstFactorParams.phoneCode(PHONE_ID));
    fapi.expect("POST", SESSIONS + "/verify/prepare_first_factor")
        .form("strategy", "phone_code", "phone_number_id", PHONE_ID);
  }

  @Test
  void reverifyWithAPasswordNeedsNoPrepare() {
    Session session = signedInSession();
    fapi.ok(Fapi.reverification("multi_factor", "needs_first_factor",
        "supported_first_factors", Json.arr(Json.obj("strategy", "password"))), null);
    SessionVerification v = session.startVerification(VerificationLevel.MULTI_FACTOR);
    fapi.expect("POST", SESSIONS + "/verify").form("level", "multi_factor");

    fapi.ok(Fapi.reverification("multi_factor", "needs_second_factor",
        "supported_second_factors", Fapi.mfaFactors()), null);
    v = v.attemptFirstFactor(AttemptFirstFactorParams.password(PASSWORD));
    fapi.expect("POST", SESSIONS + "/verify/attempt_first_factor")
        .form("strategy", "password", "password", PASSWORD);
    assertThat(v.status()).isEqualTo(SessionVerification.Status.NEEDS_SECOND_FACTOR);
  }

  @Test
  void withReverificationVerifiesThenRunsTheActionOnceMore() {
    User user = fapi.signedIn();
    fapi.answer(403, Fapi.errors("session_reverification_required", null, "trace_rv"));
    fapi.ok(Fapi.reverification("second_factor", "needs_second_factor", "supported_second_factors",
        Json.arr(Json.obj("strategy", "totp", "default", true), Json.obj("strategy", "backup_code"))), null);
    fapi.ok(Fapi.reverification("second_factor", "complete"), null);
    fapi.ok(Fapi.backupCodes("aaaa1111", "bbbb2222"), Fapi.signedInClient());
    List<ReverificationPrompt> prompts = new ArrayList<>();

    BackupCodes codes = fapi.clerk.withReverification(user::createBackupCode, prompt -> {
      prompts.add(prompt);
      return Optional.of(CODE);
    });

    fapi.expectMe("POST", "/v1/me/backup_codes", SESSION_ID).form();
    fapi.expect("POST", SESSIONS + "/verify").form("level", "second_factor");
    fapi.expect("POST", SESSIONS + "/verify/attempt_second_factor").form("strategy", "totp", "code", CODE);
    fapi.expectMe("POST", "/v1/me/backup_codes", SESSION_ID).form();
    assertThat(codes.codes()).containsExactly("aaaa1111", "bbbb2222");
    assertThat(prompts).singleElement().satisfies(p -> {
      assertThat(p.strategy()).isEqualTo(Strategy.TOTP);
      assertThat(p.secondFactor()).isTrue();
    });
  }
}
