package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.bare;
import static io.github.clerk4j.Fixtures.client;
import static io.github.clerk4j.Fixtures.emailFactor;
import static io.github.clerk4j.Fixtures.phoneFactor;
import static io.github.clerk4j.Fixtures.session;
import static io.github.clerk4j.Fixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.internal.wire.SignInResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every flow's request sequence and form fields, exactly as wire spec §2.1. */
class SignInFlowsTest extends ScriptedClerkTest {

  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "correct-horse-9";
  static final String CODE = "482913";

  SignInFlowsTest() {
    super(Fixtures::clerk);
  }

  static SignInResource needsClientTrust() {
    return signIn("sia_1", "needs_client_trust").identifier(EMAIL).clientTrustState("new")
        .second(emailFactor("email_code", "a***@example.com", "idn_email")).build();
  }

  static SignInResource complete() {
    return signIn("sia_1", "complete").identifier(EMAIL).createdSessionId("sess_1").build();
  }

  @Test
  void emptySignInNeedsAnIdentifierAndSendsNothing() {
    SignIn s = clerk.signIn();
    assertThat(s.id()).isNull();
    assertThat(s.status()).isEqualTo(SignInStatus.NEEDS_IDENTIFIER);
    assertThat(s.rawStatus()).isEqualTo("needs_identifier");
    assertThat(s.supportedFirstFactors()).isEmpty();
    assertThat(fake.requests()).isEmpty();
    assertThatThrownBy(s::reload).isInstanceOf(IllegalStateException.class).hasMessageContaining("password(");
  }

  @Test
  void passwordIsOneCreateWithIdentifierAndPasswordAndNoStrategy() {
    fake.thenRespond(complete());
    SignIn done = clerk.signIn().password(EMAIL, PASSWORD);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN);
    assertThat(fake.form(0)).containsExactly(entry("identifier", EMAIL), entry("password", PASSWORD));
    assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(done.createdSessionId()).contains("sess_1");
  }

  @Test
  void passwordWithoutIdentifierUsesTheCurrentOne() {
    fake.thenRespond(signIn("sia_1", "needs_first_factor").identifier(EMAIL).first(bare("password")).build())
        .thenRespond(complete());
    SignIn first = clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
    first.password(PASSWORD);
    assertThat(fake.form(0)).containsExactly(entry("identifier", EMAIL));
    assertThat(fake.form(1)).containsExactly(entry("identifier", EMAIL), entry("password", PASSWORD));
    assertThatThrownBy(() -> clerk.signIn().reset().password(PASSWORD))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no identifier");
  }

  @Test
  void clientTrustByEmailThenFinalize() {
    fake.thenRespond(needsClientTrust())
        .thenRespond(signIn("sia_1", "needs_client_trust").identifier(EMAIL)
            .second(emailFactor("email_code", "a***@example.com", "idn_email"))
            .secondVerification("unverified", "email_code").build())
        .thenRespond(complete(), client("client_1", Fixtures.T0, complete(), null,
            session("sess_1", "active")), null)
        .thenRespond(session("sess_1", "active"));

    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThat(s.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    assertThat(s.clientTrustState()).isEqualTo(ClientTrustState.NEW);
    s = s.mfa().sendEmailCode();
    assertThat(s.secondFactorVerification()).map(Verification::status).contains(VerificationStatus.UNVERIFIED);
    s = s.mfa().verifyEmailCode(CODE);
    List<Object> navigated = new ArrayList<>();
    Session session = s.finalize((sess, decorate) -> {
      navigated.add(sess);
      navigated.add(decorate.apply("https://app.example/home"));
    });

    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_SECOND_FACTOR,
        Endpoint.ATTEMPT_SECOND_FACTOR, Endpoint.TOUCH_SESSION);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "email_code"), entry("email_address_id", "idn_email"));
    assertThat(fake.request(1).id()).isEqualTo("sia_1");
    assertThat(fake.form(2)).containsExactly(entry("strategy", "email_code"), entry("code", CODE));
    assertThat(fake.form(3)).containsExactly(entry("active_organization_id", ""), entry("intent", "select_session"));
    assertThat(fake.request(3).sessionId()).isEqualTo("sess_1");
    assertThat(session.id()).isEqualTo("sess_1");
    assertThat(navigated).containsExactly(session, "https://app.example/home");
    assertThat(clerk.session()).map(Session::id).contains("sess_1");
  }

  @Test
  void clientTrustBySmsPicksThePhoneFactor() {
    fake.thenRespond(signIn("sia_1", "needs_client_trust").identifier(EMAIL)
            .second(emailFactor("email_code", "a***@example.com", "idn_email"),
                phoneFactor("phone_code", "+1******0100", "idn_phone", false)).build())
        .thenRespond(signIn("sia_1", "needs_client_trust").build())
        .thenRespond(complete());
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD).mfa().sendPhoneCode();
    s.mfa().verifyPhoneCode(CODE);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "phone_code"), entry("phone_number_id", "idn_phone"));
    assertThat(fake.form(2)).containsExactly(entry("strategy", "phone_code"), entry("code", CODE));
  }

  @Test
  void mfaPhonePrefersTheDefaultFactorAndAcceptsAnExplicitId() {
    SignInResource twoPhones = signIn("sia_1", "needs_second_factor")
        .second(phoneFactor("phone_code", "+1******0101", "idn_a", false),
            phoneFactor("phone_code", "+1******0102", "idn_b", true), bare("totp")).build();
    fake.thenRespond(twoPhones).thenRespond(twoPhones).thenRespond(twoPhones);
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThat(s.mfa().factors()).hasSize(3);
    assertThat(s.mfa().defaultFactor()).map(Factor::phoneNumberId).contains("idn_b");
    s.mfa().sendPhoneCode();
    s.mfa().sendPhoneCode("idn_a");
    assertThat(fake.form(1)).containsEntry("phone_number_id", "idn_b");
    assertThat(fake.form(2)).containsEntry("phone_number_id", "idn_a");
    assertThatThrownBy(() -> s.mfa().sendPhoneCode("idn_zzz"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("idn_zzz");
  }

  @Test
  void sendingAFactorThatIsNotOfferedListsTheOffered() {
    fake.thenRespond(signIn("sia_1", "needs_second_factor")
        .second(bare("totp"), phoneFactor("phone_code", "+1******0100", "idn_p", true)).build());
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThatThrownBy(() -> s.mfa().sendEmailCode())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no email_code factor")
        .hasMessageContaining("totp")
        .hasMessageContaining("phone_code (+1******0100) [default]");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void totpAndBackupCodeNeedNoPrepare() {
    SignInResource mfa = signIn("sia_1", "needs_second_factor").second(bare("totp"), bare("backup_code")).build();
    fake.thenRespond(mfa).thenRespond(complete()).thenRespond(complete());
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThat(s.mfa().verifyTOTP("123456").status()).isEqualTo(SignInStatus.COMPLETE);
    s.mfa().verifyBackupCode("abcd-efgh");
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.ATTEMPT_SECOND_FACTOR,
        Endpoint.ATTEMPT_SECOND_FACTOR);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "totp"), entry("code", "123456"));
    assertThat(fake.form(2)).containsExactly(entry("strategy", "backup_code"), entry("code", "abcd-efgh"));
  }

  @Test
  void emailCodeSignInCreatesTheSignInAndSendsTheCodeInOneRequest() {
    SignInResource sent = signIn("sia_1", "needs_first_factor").identifier(EMAIL)
        .first(bare("password"), emailFactor("email_code", EMAIL, "idn_email")).build();
    fake.thenRespond(sent).thenRespond(complete());
    SignIn s = clerk.signIn().emailCode().sendCode(EMAIL);
    s = s.emailCode().verifyCode(CODE);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.ATTEMPT_FIRST_FACTOR);
    // the server sends the code to the address typed (wire spec §S1, as the native SDKs rely on)
    assertThat(fake.form(0)).containsExactly(entry("strategy", "email_code"), entry("identifier", EMAIL));
    assertThat(fake.form(1)).containsExactly(entry("strategy", "email_code"), entry("code", CODE));
    assertThat(s.status()).isEqualTo(SignInStatus.COMPLETE);
  }

  @Test
  void phoneCodeSignInCreatesTheSignInAndSendsTheCodeInOneRequest() {
    SignInResource sent = signIn("sia_1", "needs_first_factor").identifier("+15555550100")
        .first(phoneFactor("phone_code", "+15555550100", "idn_phone", false)).build();
    fake.thenRespond(sent);
    clerk.signIn().phoneCode().sendCode("+15555550100");
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN);
    assertThat(fake.form(0)).containsExactly(entry("strategy", "phone_code"), entry("identifier", "+15555550100"));
  }

  @Test
  void aCodeSignInForAnAccountWithoutThatFactorNamesTheWayOut() {
    fake.thenRefuse(MeFixtures.error(400, "strategy_for_user_invalid", "strategy"), null);
    assertThatThrownBy(() -> clerk.signIn().phoneCode().sendCode(EMAIL))
        .isInstanceOfSatisfying(ClerkApiException.class,
            e -> assertThat(e.hasCode("strategy_for_user_invalid")).isTrue())
        .hasMessageContaining("no phone_code factor")
        .hasMessageContaining("supportedFirstFactors()");
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN);
    assertThat(clerk.signIn().id()).as("nothing replaced locally").isNull();
  }

  @Test
  void aResetCodeCreatesWithTheIdentifierThenPreparesTheFactorOfTheTypedAddress() {
    SignInResource needsFirst = signIn("sia_1", "needs_first_factor").identifier(EMAIL)
        .first(bare("password"), emailFactor("reset_password_email_code", "other@example.com", "idn_other"),
            emailFactor("reset_password_email_code", EMAIL, "idn_email")).build();
    fake.thenRespond(needsFirst).thenRespond(needsFirst);
    clerk.signIn().resetPasswordEmailCode().sendCode(EMAIL);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR);
    assertThat(fake.form(0)).containsExactly(entry("identifier", EMAIL));
    // the factor whose safe identifier is the typed address wins over the first listed
    assertThat(fake.form(1)).containsExactly(entry("strategy", "reset_password_email_code"),
        entry("email_address_id", "idn_email"));
  }

  @Test
  void codeSignInOnASignInWithThatIdentifierOnlyPrepares() {
    SignInResource needsFirst = signIn("sia_1", "needs_first_factor").identifier("+15555550100")
        .first(phoneFactor("phone_code", "+15555550100", "idn_phone", false)).build();
    fake.thenRespond(needsFirst).thenRespond(needsFirst).thenRespond(needsFirst);
    SignIn s = clerk.signIn().create(SignInCreateParams.identifier("+15555550100"));
    s.phoneCode().sendCode("+15555550100");
    s.phoneCode().sendCode();
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR,
        Endpoint.PREPARE_FIRST_FACTOR);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "phone_code"),
        entry("phone_number_id", "idn_phone"), entry("channel", "sms"));
  }

  @Test
  void everySendSendsANewCodeAsClerkJsDoes() {
    SignInResource sent = signIn("sia_1", "needs_client_trust")
        .second(emailFactor("email_code", "a***@example.com", "idn_email"))
        .secondVerification("unverified", "email_code").build();
    fake.thenRespond(needsClientTrust()).thenRespond(sent).thenRespond(sent);
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    s.mfa().sendEmailCode();
    s.mfa().sendEmailCode();
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_SECOND_FACTOR,
        Endpoint.PREPARE_SECOND_FACTOR);
  }

  @Test
  void identicalSendsInFlightAtOnceShareOneRequest() throws Exception {
    SignInResource sent = signIn("sia_1", "needs_client_trust")
        .second(emailFactor("email_code", "a***@example.com", "idn_email"))
        .secondVerification("unverified", "email_code").build();
    java.util.concurrent.CountDownLatch inFlight = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    fake.thenRespond(needsClientTrust()).then(r -> {
      inFlight.countDown();
      try {
        release.await(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return io.github.clerk4j.spi.FapiResponse.of(200, sent, null, null);
    });
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    java.util.concurrent.CompletableFuture<SignIn> click1 =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> s.mfa().sendEmailCode());
    assertThat(inFlight.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    java.util.concurrent.CompletableFuture<SignIn> click2 = new java.util.concurrent.CompletableFuture<>();
    Thread second = new Thread(() -> click2.complete(s.mfa().sendEmailCode()));
    second.start();
    for (int i = 0; i < 500 && second.getState() != Thread.State.WAITING; i++) {
      Thread.sleep(10);
    }
    release.countDown();
    assertThat(click1.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(click2.get(5, java.util.concurrent.TimeUnit.SECONDS));
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_SECOND_FACTOR);
  }

  @Test
  void aFailedSendIsNotShared() {
    SignInResource sent = signIn("sia_1", "needs_client_trust").build();
    fake.thenRespond(needsClientTrust())
        .thenThrow(new ClerkApiException(400, List.of(new ClerkError("client_state_invalid", "x", "y", null)), null))
        .thenRespond(sent);
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThatThrownBy(() -> s.mfa().sendEmailCode()).isInstanceOf(ClerkApiException.class);
    s.mfa().sendEmailCode();
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void expiredCodeGetsAHintNamingTheCallAndTheNextSendIsReal() {
    fake.thenRespond(needsClientTrust()).thenRespond(needsClientTrust())
        .thenThrow(new ClerkApiException(400, List.of(new ClerkError("verification_expired", "expired",
            "This verification has expired.", null)), "trace-1"))
        .thenRespond(needsClientTrust());
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    SignIn sent = s.mfa().sendEmailCode();
    assertThatThrownBy(() -> sent.mfa().verifyEmailCode(CODE))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.isVerificationExpired()).isTrue();
          assertThat(e.traceId()).isEqualTo("trace-1");
          assertThat(e.getMessage()).contains("code expired: call mfa().sendEmailCode() again");
        });
    sent.mfa().sendEmailCode();
    assertThat(fake.requests()).hasSize(4);
  }

  @Test
  void hintsNameTheNextCallForEachKindOfCode() {
    ClerkApiException failed = new ClerkApiException(400,
        List.of(new ClerkError("verification_failed", "failed", "Too many failed attempts.", null)), null);
    ClerkApiException incorrect = new ClerkApiException(422,
        List.of(new ClerkError("form_code_incorrect", "is incorrect", "Incorrect code", null)), null);
    SignInResource mfa = signIn("sia_1", "needs_second_factor").second(bare("totp"), bare("backup_code"),
        phoneFactor("phone_code", "+1******0100", "idn_p", true)).build();
    fake.thenRespond(mfa).thenThrow(failed).thenThrow(incorrect).thenThrow(incorrect);
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThatThrownBy(() -> s.mfa().verifyPhoneCode(CODE))
        .hasMessageContaining("too many wrong attempts: call mfa().sendPhoneCode() for a new code");
    assertThatThrownBy(() -> s.mfa().verifyTOTP(CODE)).hasMessageContaining("authenticator app");
    assertThatThrownBy(() -> s.mfa().verifyBackupCode("bkp-1")).hasMessageContaining("each works once");
  }

  @Test
  void resetPasswordByEmailThenMfa() {
    SignInResource needsFirst = signIn("sia_1", "needs_first_factor").identifier(EMAIL)
        .first(bare("password"), emailFactor("reset_password_email_code", EMAIL, "idn_email")).build();
    fake.thenRespond(needsFirst).thenRespond(needsFirst)
        .thenRespond(signIn("sia_1", "needs_new_password").build())
        .thenRespond(signIn("sia_1", "needs_second_factor").second(bare("totp")).build())
        .thenRespond(complete());
    SignIn s = clerk.signIn().resetPasswordEmailCode().sendCode(EMAIL);
    s = s.resetPasswordEmailCode().verifyCode(CODE);
    assertThat(s.status()).isEqualTo(SignInStatus.NEEDS_NEW_PASSWORD);
    s = s.resetPasswordEmailCode().submitPassword("new-Password-77");
    assertThat(s.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
    s = s.mfa().verifyTOTP("654321");
    assertThat(s.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR,
        Endpoint.ATTEMPT_FIRST_FACTOR, Endpoint.RESET_PASSWORD, Endpoint.ATTEMPT_SECOND_FACTOR);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "reset_password_email_code"),
        entry("email_address_id", "idn_email"));
    assertThat(fake.form(2)).containsExactly(entry("strategy", "reset_password_email_code"), entry("code", CODE));
    assertThat(fake.form(3)).containsExactly(entry("password", "new-Password-77"),
        entry("sign_out_of_other_sessions", "true"));
  }

  @Test
  void resetPasswordByPhoneKeepsOtherSessionsWhenAsked() {
    SignInResource needsFirst = signIn("sia_1", "needs_first_factor").identifier("+15555550100")
        .first(phoneFactor("reset_password_phone_code", "+15555550100", "idn_phone", false)).build();
    fake.thenRespond(needsFirst).thenRespond(needsFirst)
        .thenRespond(signIn("sia_1", "needs_new_password").build()).thenRespond(complete());
    SignIn s = clerk.signIn().create(SignInCreateParams.identifier("+15555550100"));
    s = s.resetPasswordPhoneCode().sendCode();
    s = s.resetPasswordPhoneCode().verifyCode(CODE);
    s.resetPasswordPhoneCode().submitPassword("new-Password-77", false);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "reset_password_phone_code"),
        entry("phone_number_id", "idn_phone"));
    assertThat(fake.form(3)).containsEntry("sign_out_of_other_sessions", "false");
  }

  @Test
  void pwnedNewPasswordIsAFieldErrorWithAHintAndTheSignInStaysUsable() {
    fake.thenRespond(signIn("sia_1", "needs_new_password").build())
        .thenThrow(new ClerkApiException(422, List.of(new ClerkError("form_password_pwned", "pwned",
            "Password has been found in an online data breach.", Map.of("param_name", "password"))), null))
        .thenRespond(complete());
    SignIn s = clerk.signIn().create(SignInCreateParams.resetPasswordEmailCode(EMAIL));
    assertThatThrownBy(() -> s.resetPasswordEmailCode().submitPassword("password123"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.isPasswordPwned()).isTrue();
          assertThat(e.fieldErrors()).containsKey("password");
          assertThat(e.getMessage()).contains("submitPassword()");
        });
    assertThat(s.status()).isEqualTo(SignInStatus.NEEDS_NEW_PASSWORD);
    assertThat(s.resetPasswordEmailCode().submitPassword("a-Much-Better-one-42").status())
        .isEqualTo(SignInStatus.COMPLETE);
    assertThat(fake.form(0)).containsExactly(entry("strategy", "reset_password_email_code"), entry("identifier", EMAIL));
  }

  @Test
  void oldSignInStaysUsableAfterAFailure() {
    fake.thenRespond(needsClientTrust()).thenRespond(needsClientTrust())
        .thenThrow(new ClerkApiException(422, List.of(new ClerkError("form_code_incorrect", "is incorrect",
            "Incorrect code", Map.of("param_name", "code"))), null))
        .thenRespond(complete());
    SignIn sent = clerk.signIn().password(EMAIL, PASSWORD).mfa().sendEmailCode();
    assertThatThrownBy(() -> sent.mfa().verifyEmailCode("000000"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.fieldErrors()).containsKey("code"));
    assertThat(sent.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    assertThat(sent.mfa().verifyEmailCode(CODE).status()).isEqualTo(SignInStatus.COMPLETE);
  }

  @Test
  void aSecondSignInOnASignedInClientNamesTheWayOut() {
    fake.thenThrow(new ClerkApiException(400, List.of(new ClerkError("identifier_already_signed_in",
        "already signed in", "You're already signed in.", null)), null));
    assertThatThrownBy(() -> clerk.signIn().password(EMAIL, PASSWORD))
        .isInstanceOf(ClerkApiException.class).hasMessageContaining("Clerk.signOut() first");
  }

  @Test
  void unknownStatusesAreKeptRaw() {
    fake.thenRespond(signIn("sia_1", "needs_quantum_check").build());
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThat(s.status()).isEqualTo(SignInStatus.UNKNOWN);
    assertThat(s.rawStatus()).isEqualTo("needs_quantum_check");
    assertThat(s.toString()).contains("needs_quantum_check");
  }

  @Test
  void everyKnownStatusDecodes() {
    for (SignInStatus st : SignInStatus.values()) {
      if (st != SignInStatus.UNKNOWN) {
        fake.thenRespond(signIn("sia_1", st.wireValue()).build());
        assertThat(clerk.signIn().password(EMAIL, PASSWORD).status()).isEqualTo(st);
      }
    }
  }

  @Test
  void resetIsLocalAndClearsTheClientsSignIn() {
    fake.thenRespond(needsClientTrust(), client("client_1", Fixtures.T0, needsClientTrust(), null), null);
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThat(clerk.signIn().id()).isEqualTo("sia_1");
    SignIn empty = s.reset();
    assertThat(empty.status()).isEqualTo(SignInStatus.NEEDS_IDENTIFIER);
    assertThat(clerk.signIn().id()).isNull();
    assertThat(s.id()).isEqualTo("sia_1");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void lowerLevelCallsSendTheirParams() {
    SignInResource r = signIn("sia_1", "needs_first_factor").build();
    for (int i = 0; i < 8; i++) {
      fake.thenRespond(r);
    }
    SignIn s = clerk.signIn().create(SignInCreateParams.emailCode(EMAIL));
    s.prepareFirstFactor(PrepareFirstFactorParams.emailCode("idn_e"));
    s.attemptFirstFactor(AttemptFirstFactorParams.password(PASSWORD));
    s.prepareSecondFactor(PrepareSecondFactorParams.phoneCode("idn_p"));
    s.attemptSecondFactor(AttemptSecondFactorParams.phoneCode(CODE));
    s.resetPassword(ResetPasswordParams.of("n3w-Password"));
    s.reload();
    s.create(SignInCreateParams.phoneCode("+15555550100"));
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR,
        Endpoint.ATTEMPT_FIRST_FACTOR, Endpoint.PREPARE_SECOND_FACTOR, Endpoint.ATTEMPT_SECOND_FACTOR,
        Endpoint.RESET_PASSWORD, Endpoint.GET_SIGN_IN, Endpoint.CREATE_SIGN_IN);
    assertThat(fake.form(0)).containsExactly(entry("strategy", "email_code"), entry("identifier", EMAIL));
    assertThat(fake.form(2)).containsExactly(entry("strategy", "password"), entry("password", PASSWORD));
    assertThat(fake.form(5)).containsExactly(entry("password", "n3w-Password"));
    assertThat(fake.form(6)).isEmpty();
    assertThat(fake.request(6).id()).isEqualTo("sia_1");
    assertThat(fake.form(7)).containsExactly(entry("strategy", "phone_code"), entry("identifier", "+15555550100"));
  }

  @Test
  void finalizeNeedsACreatedSession() {
    fake.thenRespond(needsClientTrust());
    SignIn s = clerk.signIn().password(EMAIL, PASSWORD);
    assertThatThrownBy(() -> s.finalize(Navigate.none()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs_client_trust");
  }

  @Test
  void finalizeLoadsTheClientWhenTheSessionIsNotKnownLocally() {
    fake.thenRespond(complete())
        .thenRespond(client("client_1", Fixtures.T0, complete(), null, session("sess_1", "active")))
        .thenRespond(session("sess_1", "active"));
    clerk.signIn().password(EMAIL, PASSWORD).finalize(Navigate.none());
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.GET_CLIENT, Endpoint.TOUCH_SESSION);
    assertThat(clerk.client().lastActiveSessionId()).contains("sess_1");
  }

  @Test
  void finalizeOfAPendingSessionPassesItToNavigate() {
    SessionTask task = new SessionTask("reset-password");
    fake.thenRespond(complete(), client("client_1", Fixtures.T0, complete(), null,
            session("sess_1", "pending", task)), null)
        .thenRespond(session("sess_1", "pending", task));
    List<Session> seen = new ArrayList<>();
    Session s = clerk.signIn().password(EMAIL, PASSWORD).finalize((sess, d) -> seen.add(sess));
    assertThat(seen).containsExactly(s);
    assertThat(s.status()).isEqualTo(SessionStatus.PENDING);
    assertThat(s.currentTask()).map(SessionTask::key).contains(SessionTask.Key.RESET_PASSWORD);
  }
}
