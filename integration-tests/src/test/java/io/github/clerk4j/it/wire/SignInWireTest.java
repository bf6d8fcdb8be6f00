package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.EMAIL;
import static io.github.clerk4j.it.wire.Fapi.EMAIL_ID;
import static io.github.clerk4j.it.wire.Fapi.PHONE;
import static io.github.clerk4j.it.wire.Fapi.PHONE_ID;
import static io.github.clerk4j.it.wire.Fapi.SIGN_IN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.AttemptFirstFactorParams;
import io.github.clerk4j.AttemptSecondFactorParams;
import io.github.clerk4j.PrepareFirstFactorParams;
import io.github.clerk4j.PrepareSecondFactorParams;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.ResetPasswordParams;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInCreateParams;
import io.github.clerk4j.SignInStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SignIn call of Clerk's sign-in guides through the SDK, each request checked on the wire
 * (method, path, exact form fields; wire spec §2, §2.1): code sign-in by e-mail and SMS, password
 * reset by e-mail and SMS, MFA, reload, and the lower-level create / prepare / attempt / reset calls.
 */
class SignInWireTest {

  private static final String PASSWORD = "Sign-in-pa55word";
  private static final String NEW_PASSWORD = "Brand-new-pa55word";
  private static final String CODE = "424242";
  private static final String S3 = "/v1/client/sign_ins/" + SIGN_IN_ID + "/prepare_first_factor";
  private static final String S4 = "/v1/client/sign_ins/" + SIGN_IN_ID + "/attempt_first_factor";
  private static final String S5 = "/v1/client/sign_ins/" + SIGN_IN_ID + "/prepare_second_factor";
  private static final String S6 = "/v1/client/sign_ins/" + SIGN_IN_ID + "/attempt_second_factor";
  private static final String S7 = "/v1/client/sign_ins/" + SIGN_IN_ID + "/reset_password";

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  // ---------------------------------------------------------------- code flows (§2.1)

  /**
   * A first-factor code flow of SignIn, with what S3 must carry for it, and whether a new sign-in
   * is created with the strategy, which sends the code in the same request (S1 with {@code
   * strategy}, wire spec §S1: e-mail and SMS codes, as the iOS and Android SDKs send them).
   */
  record CodeFlowCase(String name, Function<SignIn, SignIn.CodeFlow> flow, String identifier,
      String strategy, String[] prepareFields, SignInStatus afterVerify, boolean sentOnCreate) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<CodeFlowCase> codeFlows() {
    return Stream.of(
        new CodeFlowCase("emailCode", SignIn::emailCode, EMAIL, "email_code",
            new String[] {"strategy", "email_code", "email_address_id", EMAIL_ID}, SignInStatus.COMPLETE, true),
        new CodeFlowCase("phoneCode", SignIn::phoneCode, PHONE, "phone_code",
            new String[] {"strategy", "phone_code", "phone_number_id", PHONE_ID, "channel", "sms"},
            SignInStatus.COMPLETE, true),
        new CodeFlowCase("resetPasswordEmailCode", SignIn::resetPasswordEmailCode, EMAIL,
            "reset_password_email_code",
            new String[] {"strategy", "reset_password_email_code", "email_address_id", EMAIL_ID},
            SignInStatus.NEEDS_NEW_PASSWORD, false),
        new CodeFlowCase("resetPasswordPhoneCode", SignIn::resetPasswordPhoneCode, PHONE,
            "reset_password_phone_code",
            new String[] {"strategy", "reset_password_phone_code", "phone_number_id", PHONE_ID},
            SignInStatus.NEEDS_NEW_PASSWORD, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codeFlows")
  void sendCodeForAnIdentifierCreatesAndSends_verifyCodeAttempts(CodeFlowCase c) {
    var sentAnswer = Json.with(needsFirstFactor(c.identifier()),
        "first_factor_verification", Fapi.verification(c.strategy(), "unverified"));
    if (!c.sentOnCreate()) {
      fapi.ok(needsFirstFactor(c.identifier()), null);
    }
    fapi.ok(sentAnswer, null);
    SignIn sent = c.flow().apply(fapi.clerk.signIn()).sendCode(c.identifier());
    if (c.sentOnCreate()) {
      fapi.expect("POST", "/v1/client/sign_ins").form("strategy", c.strategy(), "identifier", c.identifier());
    } else {
      fapi.expect("POST", "/v1/client/sign_ins").form("identifier", c.identifier());
      fapi.expect("POST", S3).form(c.prepareFields());
    }
    assertThat(sent.firstFactorVerification()).map(v -> v.rawStatus()).contains("unverified");

    fapi.ok(Fapi.signIn(c.afterVerify().wireValue()), null);
    SignIn verified = c.flow().apply(sent).verifyCode(CODE);
    fapi.expect("POST", S4).form("strategy", c.strategy(), "code", CODE);
    assertThat(verified.status()).isEqualTo(c.afterVerify());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codeFlows")
  void sendCodeOnTheCurrentSignInOnlyPrepares(CodeFlowCase c) {
    fapi.ok(needsFirstFactor(c.identifier()), null);
    SignIn signIn = fapi.clerk.signIn().create(SignInCreateParams.identifier(c.identifier()));
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", c.identifier());

    fapi.ok(needsFirstFactor(c.identifier()), null);
    c.flow().apply(signIn).sendCode();
    fapi.expect("POST", S3).form(c.prepareFields());
  }

  @Test
  void everySendCodeSendsANewCode() {
    fapi.ok(needsFirstFactor(EMAIL), null);
    SignIn sent = fapi.clerk.signIn().emailCode().sendCode(EMAIL);
    fapi.expect("POST", "/v1/client/sign_ins").form("strategy", "email_code", "identifier", EMAIL);

    fapi.ok(needsFirstFactor(EMAIL), null);
    sent.emailCode().sendCode(); // "I need a new code": sent again, as clerk-js does
    fapi.expect("POST", S3).form("strategy", "email_code", "email_address_id", EMAIL_ID);
  }

  @Test
  void submitPasswordSignsOutOfOtherSessionsByDefault() {
    SignIn signIn = needsNewPassword();
    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID), null);

    SignIn complete = signIn.resetPasswordEmailCode().submitPassword(NEW_PASSWORD);

    fapi.expect("POST", S7).form("password", NEW_PASSWORD, "sign_out_of_other_sessions", "true");
    assertThat(complete.status()).isEqualTo(SignInStatus.COMPLETE);
  }

  @Test
  void submitPasswordKeepsOtherSessionsWhenAskedAndContinuesIntoSmsMfa() {
    SignIn signIn = needsNewPassword();
    fapi.ok(Fapi.signIn("needs_second_factor", "supported_second_factors", Fapi.mfaFactors()), null);

    SignIn mfa = signIn.resetPasswordPhoneCode().submitPassword(NEW_PASSWORD, false);

    fapi.expect("POST", S7).form("password", NEW_PASSWORD, "sign_out_of_other_sessions", "false");
    assertThat(mfa.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);

    fapi.ok(Fapi.signIn("needs_second_factor", "supported_second_factors", Fapi.mfaFactors(),
        "second_factor_verification", Fapi.verification("phone_code", "unverified")), null);
    SignIn sent = mfa.mfa().sendPhoneCode();
    fapi.expect("POST", S5).form("strategy", "phone_code", "phone_number_id", PHONE_ID);

    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID), null);
    assertThat(sent.mfa().verifyPhoneCode(CODE).status()).isEqualTo(SignInStatus.COMPLETE);
    fapi.expect("POST", S6).form("strategy", "phone_code", "code", CODE);
  }

  // ---------------------------------------------------------------- finalize (§2.1, §4.3)

  @Test
  void finalizeFetchesTheClientWhenTheCreatedSessionIsNotKnownThenTouches() {
    // the attempt's answer carries no client, so the new session is unknown locally
    fapi.ok(Fapi.signIn("needs_second_factor", "supported_second_factors", Fapi.mfaFactors()), null);
    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID), null);
    SignIn complete = fapi.clerk.signIn().password(EMAIL, PASSWORD).mfa().verifyTOTP(CODE);
    fapi.expect("POST", "/v1/client/sign_ins");
    fapi.expect("POST", S6).form("strategy", "totp", "code", CODE);

    fapi.ok(Fapi.signedInClient(), null);
    fapi.ok(Fapi.session("active"), null);
    Session session = complete.finalize(Navigate.none());

    fapi.expect("GET", "/v1/client").noBody();
    fapi.expect("POST", "/v1/client/sessions/" + Fapi.SESSION_ID + "/touch")
        .form("active_organization_id", "", "intent", "select_session");
    assertThat(session.id()).isEqualTo(Fapi.SESSION_ID);
  }

  @Test
  void finalizeHandsAPendingSessionWithItsTaskToNavigate() {
    Map<String, Object> pending =
        Fapi.session("pending", "tasks", Json.arr(Json.obj("key", "reset-password")));
    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID),
        Fapi.client(Json.arr(pending), null, Fapi.SESSION_ID));
    SignIn complete = fapi.clerk.signIn().password(EMAIL, PASSWORD);
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);

    fapi.ok(pending, null);
    List<Session> navigated = new ArrayList<>();
    complete.finalize((s, decorateUrl) -> navigated.add(s));

    fapi.expect("POST", "/v1/client/sessions/" + Fapi.SESSION_ID + "/touch")
        .form("active_organization_id", "", "intent", "select_session");
    assertThat(navigated).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(SessionStatus.PENDING);
      assertThat(s.currentTask()).map(SessionTask::key).contains(SessionTask.Key.RESET_PASSWORD);
    });
  }

  // ---------------------------------------------------------------- MFA (§2.1 mfa.*)

  /** An MFA call on a {@code needs_second_factor} sign-in, with the request it must make. */
  record MfaCase(String name, UnaryOperator<SignIn> call, String path, String[] fields) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<MfaCase> mfaCalls() {
    return Stream.of(
        new MfaCase("sendPhoneCode (the default phone factor)", s -> s.mfa().sendPhoneCode(), S5,
            new String[] {"strategy", "phone_code", "phone_number_id", PHONE_ID}),
        new MfaCase("sendPhoneCode(phoneNumberId)", s -> s.mfa().sendPhoneCode(PHONE_ID), S5,
            new String[] {"strategy", "phone_code", "phone_number_id", PHONE_ID}),
        new MfaCase("sendEmailCode(emailAddressId)", s -> s.mfa().sendEmailCode(EMAIL_ID), S5,
            new String[] {"strategy", "email_code", "email_address_id", EMAIL_ID}),
        new MfaCase("verifyPhoneCode", s -> s.mfa().verifyPhoneCode(CODE), S6,
            new String[] {"strategy", "phone_code", "code", CODE}),
        new MfaCase("verifyEmailCode", s -> s.mfa().verifyEmailCode(CODE), S6,
            new String[] {"strategy", "email_code", "code", CODE}),
        new MfaCase("verifyTOTP", s -> s.mfa().verifyTOTP("123456"), S6,
            new String[] {"strategy", "totp", "code", "123456"}),
        new MfaCase("verifyBackupCode", s -> s.mfa().verifyBackupCode("abcd-efgh"), S6,
            new String[] {"strategy", "backup_code", "code", "abcd-efgh"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mfaCalls")
  void mfaCall(MfaCase c) {
    fapi.ok(Fapi.signIn("needs_second_factor", "identifier", EMAIL, "supported_second_factors",
        Json.arr(Fapi.phoneFactor("phone_code", true), Fapi.emailFactor("email_code"),
            Json.obj("strategy", "totp"), Json.obj("strategy", "backup_code"))), null);
    SignIn signIn = fapi.clerk.signIn().password(EMAIL, PASSWORD);
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);

    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID), null);
    c.call().apply(signIn);
    fapi.expect("POST", c.path()).form(c.fields());
  }

  @Test
  void sendPhoneCodeWithoutAnOfferedPhoneFactorSendsNothing() {
    fapi.ok(Fapi.signIn("needs_second_factor", "supported_second_factors", Json.arr(Json.obj("strategy", "totp"))), null);
    SignIn signIn = fapi.clerk.signIn().password(EMAIL, PASSWORD);
    fapi.expect("POST", "/v1/client/sign_ins");

    assertThatThrownBy(() -> signIn.mfa().sendPhoneCode())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("totp");
    // MockFapi.close() fails if a request reached the server
  }

  @Test
  void asyncFormsSendTheSameRequests() throws Exception {
    fapi.ok(Fapi.signIn("needs_second_factor", "supported_second_factors", Fapi.mfaFactors()), null);
    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID), null);

    SignIn complete = fapi.clerk.signIn().async(s -> s.password(EMAIL, PASSWORD))
        .thenCompose(s -> s.async(x -> x.mfa().verifyBackupCode("abcd-efgh")))
        .get(5, TimeUnit.SECONDS);

    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);
    fapi.expect("POST", S6).form("strategy", "backup_code", "code", "abcd-efgh");
    assertThat(complete.status()).isEqualTo(SignInStatus.COMPLETE);
  }

  // ---------------------------------------------------------------- lower level (§2 S1–S7)

  /** A lower-level call, with the request it must make; {@code path} null means S1. */
  record CallCase(String name, UnaryOperator<SignIn> call, String method, String path, String[] fields) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<CallCase> lowerLevelCalls() {
    return Stream.of(
        new CallCase("create(identifier)", s -> s.create(SignInCreateParams.identifier(EMAIL)),
            "POST", "/v1/client/sign_ins", new String[] {"identifier", EMAIL}),
        new CallCase("create(password)", s -> s.create(SignInCreateParams.password(EMAIL, PASSWORD)),
            "POST", "/v1/client/sign_ins", new String[] {"identifier", EMAIL, "password", PASSWORD}),
        new CallCase("create(emailCode)", s -> s.create(SignInCreateParams.emailCode(EMAIL)),
            "POST", "/v1/client/sign_ins", new String[] {"strategy", "email_code", "identifier", EMAIL}),
        new CallCase("create(phoneCode)", s -> s.create(SignInCreateParams.phoneCode(PHONE)),
            "POST", "/v1/client/sign_ins", new String[] {"strategy", "phone_code", "identifier", PHONE}),
        new CallCase("create(resetPasswordEmailCode)",
            s -> s.create(SignInCreateParams.resetPasswordEmailCode(EMAIL)), "POST", "/v1/client/sign_ins",
            new String[] {"strategy", "reset_password_email_code", "identifier", EMAIL}),
        new CallCase("create(resetPasswordPhoneCode)",
            s -> s.create(SignInCreateParams.resetPasswordPhoneCode(PHONE)), "POST", "/v1/client/sign_ins",
            new String[] {"strategy", "reset_password_phone_code", "identifier", PHONE}),
        new CallCase("reload()", SignIn::reload, "GET", "/v1/client/sign_ins/" + SIGN_IN_ID, new String[0]),
        new CallCase("prepareFirstFactor(emailCode)",
            s -> s.prepareFirstFactor(PrepareFirstFactorParams.emailCode(EMAIL_ID)), "POST", S3,
            new String[] {"strategy", "email_code", "email_address_id", EMAIL_ID}),
        new CallCase("prepareFirstFactor(phoneCode)",
            s -> s.prepareFirstFactor(PrepareFirstFactorParams.phoneCode(PHONE_ID)), "POST", S3,
            new String[] {"strategy", "phone_code", "phone_number_id", PHONE_ID, "channel", "sms"}),
        new CallCase("prepareFirstFactor(resetPasswordEmailCode)",
            s -> s.prepareFirstFactor(PrepareFirstFactorParams.resetPasswordEmailCode(EMAIL_ID)), "POST", S3,
            new String[] {"strategy", "reset_password_email_code", "email_address_id", EMAIL_ID}),
        new CallCase("prepareFirstFactor(resetPasswordPhoneCode)",
            s -> s.prepareFirstFactor(PrepareFirstFactorParams.resetPasswordPhoneCode(PHONE_ID)), "POST", S3,
            new String[] {"strategy", "reset_password_phone_code", "phone_number_id", PHONE_ID}),
        new CallCase("attemptFirstFactor(password)",
            s -> s.attemptFirstFactor(AttemptFirstFactorParams.password(PASSWORD)), "POST", S4,
            new String[] {"strategy", "password", "password", PASSWORD}),
        new CallCase("attemptFirstFactor(emailCode)",
            s -> s.attemptFirstFactor(AttemptFirstFactorParams.emailCode(CODE)), "POST", S4,
            new String[] {"strategy", "email_code", "code", CODE}),
        new CallCase("attemptFirstFactor(phoneCode)",
            s -> s.attemptFirstFactor(AttemptFirstFactorParams.phoneCode(CODE)), "POST", S4,
            new String[] {"strategy", "phone_code", "code", CODE}),
        new CallCase("attemptFirstFactor(resetPasswordEmailCode)",
            s -> s.attemptFirstFactor(AttemptFirstFactorParams.resetPasswordEmailCode(CODE)), "POST", S4,
            new String[] {"strategy", "reset_password_email_code", "code", CODE}),
        new CallCase("attemptFirstFactor(resetPasswordPhoneCode)",
            s -> s.attemptFirstFactor(AttemptFirstFactorParams.resetPasswordPhoneCode(CODE)), "POST", S4,
            new String[] {"strategy", "reset_password_phone_code", "code", CODE}),
        new CallCase("prepareSecondFactor(emailCode)",
            s -> s.prepareSecondFactor(PrepareSecondFactorParams.emailCode(EMAIL_ID)), "POST", S5,
            new String[] {"strategy", "email_code", "email_address_id", EMAIL_ID}),
        new CallCase("prepareSecondFactor(phoneCode)",
            s -> s.prepareSecondFactor(PrepareSecondFactorParams.phoneCode(PHONE_ID)), "POST", S5,
            new String[] {"strategy", "phone_code", "phone_number_id", PHONE_ID}),
        new CallCase("attemptSecondFactor(emailCode)",
            s -> s.attemptSecondFactor(AttemptSecondFactorParams.emailCode(CODE)), "POST", S6,
            new String[] {"strategy", "email_code", "code", CODE}),
        new CallCase("attemptSecondFactor(phoneCode)",
            s -> s.attemptSecondFactor(AttemptSecondFactorParams.phoneCode(CODE)), "POST", S6,
            new String[] {"strategy", "phone_code", "code", CODE}),
        new CallCase("attemptSecondFactor(totp)",
            s -> s.attemptSecondFactor(AttemptSecondFactorParams.totp(CODE)), "POST", S6,
            new String[] {"strategy", "totp", "code", CODE}),
        new CallCase("attemptSecondFactor(backupCode)",
            s -> s.attemptSecondFactor(AttemptSecondFactorParams.backupCode(CODE)), "POST", S6,
            new String[] {"strategy", "backup_code", "code", CODE}),
        new CallCase("resetPassword(password)",
            s -> s.resetPassword(ResetPasswordParams.of(NEW_PASSWORD)), "POST", S7,
            new String[] {"password", NEW_PASSWORD}),
        new CallCase("resetPassword(password, false)",
            s -> s.resetPassword(ResetPasswordParams.of(NEW_PASSWORD, false)), "POST", S7,
            new String[] {"password", NEW_PASSWORD, "sign_out_of_other_sessions", "false"}),
        new CallCase("resetPassword(password, true)",
            s -> s.resetPassword(ResetPasswordParams.of(NEW_PASSWORD, true)), "POST", S7,
            new String[] {"password", NEW_PASSWORD, "sign_out_of_other_sessions", "true"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lowerLevelCalls")
  void lowerLevelCall(CallCase c) {
    fapi.ok(needsFirstFactor(EMAIL), null);
    SignIn signIn = fapi.clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL);

    fapi.ok(needsFirstFactor(EMAIL), null);
    SignIn next = c.call().apply(signIn);
    MockFapi.Sent sent = fapi.expect(c.method(), c.path());
    if (c.method().equals("GET")) {
      sent.noBody();
    } else {
      sent.form(c.fields());
    }
    assertThat(next.id()).isEqualTo(SIGN_IN_ID);
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, Object> needsFirstFactor(String identifier) {
    return Fapi.signIn("needs_first_factor", "identifier", identifier,
        "supported_first_factors", Fapi.firstFactors());
  }

  /** A sign-in in {@code needs_new_password}, after a reset code (its requests checked). */
  private SignIn needsNewPassword() {
    fapi.ok(needsFirstFactor(EMAIL), null);
    SignIn signIn = fapi.clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
    fapi.expect("POST", "/v1/client/sign_ins");
    fapi.ok(Fapi.signIn("needs_new_password", "identifier", EMAIL,
        "first_factor_verification", Fapi.verification("reset_password_email_code", "verified")), null);
    signIn = signIn.attemptFirstFactor(AttemptFirstFactorParams.resetPasswordEmailCode(CODE));
    fapi.expect("POST", S4);
    assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_NEW_PASSWORD);
    return signIn;
  }
}
