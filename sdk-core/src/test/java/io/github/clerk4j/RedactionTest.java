package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.client;
import static io.github.clerk4j.Fixtures.emailFactor;
import static io.github.clerk4j.Fixtures.jwt;
import static io.github.clerk4j.Fixtures.session;
import static io.github.clerk4j.Fixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.SessionResource;
import io.github.clerk4j.spi.SignInResource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  final List<String> logLines = new ArrayList<>();
  final List<String> texts = new ArrayList<>();
  Logger julLogger;
  Handler handler;
  Level oldLevel;

  @BeforeEach
  void captureLogs() {
    julLogger = Logger.getLogger("io.github.clerk4j");
    oldLevel = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    SimpleFormatter fmt = new SimpleFormatter();
    handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (logLines) {
          logLines.add(fmt.format(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    julLogger.addHandler(handler);
  }

  @AfterEach
  void restore() {
    julLogger.removeHandler(handler);
    julLogger.setLevel(oldLevel);
  }

  private void see(Object o) {
    texts.add(String.valueOf(o));
  }

  private void seeFailure(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.toString());
        texts.add(String.valueOf(t.getMessage()));
      }
      return;
    }
    throw new AssertionError("expected a failure");
  }

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
        null, List.of(new SessionTask("reset-password")), null, List.of(), Instant.EPOCH, Instant.EPOCH);
    String serverEcho = "server said Authorization: " + CLIENT_TOKEN + " / " + SESSION_JWT;

    fake.thenRespond(trust, null, CLIENT_TOKEN)                                // password
        .thenRespond(trust)                                                   // send
        .thenThrow(new ClerkApiException(422, List.of(new ClerkError("form_code_incorrect", "is incorrect",
            "Incorrect code", Map.of("param_name", "code"))), "trace"))       // wrong code
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
    see(s);
    SignIn sent = s.mfa().sendEmailCode();
    see(sent);
    see(sent.mfa());
    seeFailure(() -> sent.mfa().verifyEmailCode(WRONG_CODE));
    seeFailure(() -> sent.mfa().verifyEmailCode(EMAIL_CODE));
    SignIn reloaded = sent.reload();
    SignIn done = reloaded.mfa().verifyTOTP(TOTP_CODE);
    see(done);
    Session session = done.finalize((sess, d) -> see(sess));
    see(session);
    assertThat(session.getToken()).isEqualTo(SESSION_JWT);
    see(session);
    see(clerk.client());
    see(clerk);
    seeFailure(() -> clerk.signIn().password("ada@example.com", PASSWORD));
    SignIn reset = clerk.signIn().create(SignInCreateParams.resetPasswordEmailCode("ada@example.com"));
    seeFailure(() -> reset.resetPasswordEmailCode().submitPassword(NEW_PASSWORD));
    see(reset.mfa().toString());

    // the parameter objects and wire values
    see(SignInCreateParams.password("ada@example.com", PASSWORD));
    see(AttemptFirstFactorParams.password(PASSWORD));
    see(AttemptFirstFactorParams.emailCode(EMAIL_CODE));
    see(AttemptSecondFactorParams.totp(TOTP_CODE));
    see(AttemptSecondFactorParams.backupCode(BACKUP_CODE));
    see(ResetPasswordParams.of(NEW_PASSWORD, true));
    fake.requests().forEach(this::see);
    see(new FapiResponse<>(200, pending, null, CLIENT_TOKEN));
    see(new Totp("totp_1", TOTP_SECRET, "otpauth://totp/x?secret=" + TOTP_SECRET, false, List.of(BACKUP_CODE),
        null, null));
    see(new BackupCodes("bc_1", List.of(BACKUP_CODE), null));
    TokenStore store = TokenStore.inMemory();
    store.set(CLIENT_TOKEN);
    see(store);
    clerk.close();

    List<String> all = new ArrayList<>(texts);
    synchronized (logLines) {
      all.addAll(logLines);
    }
    // the capture worked: requests, the retry refusal and the pending-session warning were logged
    assertThat(logLines).anyMatch(l -> l.contains("CREATE_SIGN_IN"));
    assertThat(logLines).anyMatch(l -> l.contains("reset-password"));
    assertThat(texts).anyMatch(t -> t.contains("form_code_incorrect"));

    for (String secret : List.of(PASSWORD, NEW_PASSWORD, EMAIL_CODE, WRONG_CODE, TOTP_CODE, BACKUP_CODE,
        CLIENT_JWT, SESSION_JWT, TOTP_SECRET)) {
      assertThat(all).as("texts containing a secret").noneMatch(t -> t.contains(secret));
    }
  }
}
