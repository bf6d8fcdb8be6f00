package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.client;
import static io.github.clerk4j.Fixtures.emailFactor;
import static io.github.clerk4j.Fixtures.jwt;
import static io.github.clerk4j.Fixtures.session;
import static io.github.clerk4j.Fixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.internal.wire.SignInResource;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.github.clerk4j.internal.wire.TotpResource;
import io.github.clerk4j.internal.wire.BackupCodesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the flows with known secrets and fails if any of them shows up in a {@code toString()}, an
 * exception message or the captured {@link System.Logger} output.
 */
class RedactionTest {

  static final String PASSWORD = "Sup3r-Secret-Passw0rd";
  static final String NEW_PASSWORD = "An0ther-Secret-Passw0rd";
  static final String EMAIL_CODE = "731904";
  static final String WRONG_CODE = "118822";
  static final String TOTP_CODE = "550193";
  static final String BACKUP_CODE = "bkp-7f3k-9x2q";
  static final String CLIENT_JWT = jwt("client_secret_subject", 1_000, 99_999_999_999L);
  static final String CLIENT_TOKEN = "Bearer " + CLIENT_JWT;
  static final String SESSION_JWT = jwt("session_secret_subject", 1_000, 99_999_999_999L);
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPSECRET";

  @RegisterExtension
  final SecretCapture capture = new SecretCapture();

  @Test
  void noSecretAppearsAnywhere() {
    FakeTransport fake = new FakeTransport();
    Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).build();
    SignInResource trust = signIn("sia_1", "needs_client_trust").identifier("ada@example.com")
        .second(emailFactor("email_code", "a***@example.com", "idn_e")).build();
    SignInResource mfa = signIn("sia_1", "needs_second_factor").second(
        Fixtures.bare("totp"), Fixtures.bare("backup_code")).build();
    SignInResource complete = signIn("sia_1", "complete").createdSessionId("sess_1").build();
    SessionResource pending = new SessionResource("sess_1", "pending", null, null, Instant.EPOCH, SESSION_JWT,
        null, List.of("reset-password"), null, List.of(), Instant.EPOCH, Instant.EPOCH);
    String serverEcho = "server said Authorization: " + CLIENT_TOKEN + " / " + SESSION_JWT;

    fake.thenRespond(trust, null, CLIENT_TOKEN)                                // password
        .thenRespond(trust)                                                   // send
        .thenRefuse(new ClerkApiException(422, List.of(new ClerkError("form_code_incorrect", "is incorrect",
            "Incorrect code", Map.of("param_name", "code"))), "trace"), CLIENT_TOKEN) // wrong code, token on it
        .thenThrow(new ClerkNetworkException(serverEcho, new IOException(serverEcho), true)) // dropped
        .thenRespond(mfa)                                                     // reload
        .thenRespond(complete, client("client_1", Instant.EPOCH, complete, null, pending), CLIENT_TOKEN)
        .thenRespond(pending)                                                 // touch
        .thenRespond(SESSION_JWT)                                             // getToken
        .thenThrow(new ClerkRateLimitException(List.of(), null, java.time.Duration.ofSeconds(60), null))
        .thenRespond(signIn("sia_2", "needs_new_password").build())
        .thenThrow(new ClerkApiException(422, List.of(new ClerkError("form_password_pwned", "pwned",
            "Password has been found in an online data breach.", Map.of("param_name", "password"))), null))
        .thenRespond(complete);

    SignIn s = clerk.signIn().password("ada@example.com", PASSWORD);
    capture.see(s);
    SignIn sent = s.mfa().sendEmailCode();
    capture.see(sent);
    capture.see(sent.mfa());
    capture.seeFailure(() -> sent.mfa().verifyEmailCode(WRONG_CODE));
    capture.seeFailure(() -> sent.mfa().verifyEmailCode(EMAIL_CODE));
    SignIn reloaded = sent.reload();
    SignIn done = reloaded.mfa().verifyTOTP(TOTP_CODE);
    capture.see(done);
    Session session = done.finalize((sess, d) -> capture.see(sess));
    capture.see(session);
    assertThat(session.getToken()).isEqualTo(SESSION_JWT);
    capture.see(session);
    capture.see(clerk.client());
    capture.see(clerk);
    capture.seeFailure(() -> clerk.signIn().password("ada@example.com", PASSWORD));
    SignIn reset = clerk.signIn().create(SignInCreateParams.resetPasswordEmailCode("ada@example.com"));
    capture.seeFailure(() -> reset.resetPasswordEmailCode().submitPassword(NEW_PASSWORD));
    capture.see(reset.mfa().toString());

    // the parameter objects and wire values
    capture.see(SignInCreateParams.password("ada@example.com", PASSWORD));
    capture.see(AttemptFirstFactorParams.password(PASSWORD));
    capture.see(AttemptFirstFactorParams.emailCode(EMAIL_CODE));
    capture.see(AttemptSecondFactorParams.totp(TOTP_CODE));
    capture.see(AttemptSecondFactorParams.backupCode(BACKUP_CODE));
    capture.see(ResetPasswordParams.of(NEW_PASSWORD, true));
    fake.requests().forEach(capture::see);
    capture.see(FapiResponse.of(200, pending, null, CLIENT_TOKEN));
    capture.see(new Totp(new TotpResource("totp_1", TOTP_SECRET, "otpauth://totp/x?secret=" + TOTP_SECRET, false, List.of(BACKUP_CODE),
        null, null)));
    capture.see(new BackupCodesResource("bc_1", List.of(BACKUP_CODE), null));
    TokenStore store = TokenStore.inMemory();
    store.set(CLIENT_TOKEN);
    capture.see(store);
    clerk.close();

    // the capture worked: requests, the retry refusal and the pending-session warning were logged
    assertThat(capture.logLines()).anyMatch(l -> l.contains("CREATE_SIGN_IN"));
    assertThat(capture.logLines()).anyMatch(l -> l.contains("reset-password"));
    assertThat(capture.texts()).anyMatch(t -> t.contains("form_code_incorrect"));

    capture.assertNoneContains(List.of(PASSWORD, NEW_PASSWORD, EMAIL_CODE, WRONG_CODE, TOTP_CODE, BACKUP_CODE,
        CLIENT_JWT, SESSION_JWT, TOTP_SECRET));
  }
}
