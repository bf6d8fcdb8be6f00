package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Password reset, compromised and pwned passwords, and the session tasks they lead to. */
class PasswordLifecycleTest {
  private static final String ERIN = "erin@example.com";
  private static final String FRANK = "frank@example.com";
  private static final String GINA = "gina@example.com";
  private static final String PASSWORD = "old-password-1";
  private static final String NEW_PASSWORD = "brand-new-password-2";
  private static final String PWNED = "password123";

  private ClerkEmulator emulator;

  private ClerkEmulator start(boolean mfaRequired) {
    emulator = ClerkEmulator.builder().rateLimits(RateLimits.disabled()).mfaRequired(mfaRequired)
        .pwnedPasswords(List.of(PWNED))
        .user(EmulatorUser.builder().email(ERIN).phone("+15555550131").password(PASSWORD).build())
        .user(EmulatorUser.builder().email(FRANK).password(PASSWORD).totpSecret("JBSWY3DPEHPK3PXP").build())
        .user(EmulatorUser.builder().email(GINA).password(PASSWORD).passwordCompromised(true).build())
        .build().start();
    return emulator;
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  /** S1 identifier, S3 + S4 with a reset code; returns the sign-in id in needs_new_password. */
  private String verifyResetCode(Fapi fapi, String identifier, String strategy) {
    String id = (String) fapi.post("/v1/client/sign_ins", "identifier", identifier).response().get("id");
    fapi.post("/v1/client/sign_ins/" + id + "/prepare_first_factor", "strategy", strategy);
    Answer verified = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor", "strategy", strategy,
        "code", emulator.outbox().latestCodeFor(identifier.startsWith("+") ? identifier : identifier));
    assertThat(verified.response().get("status")).isEqualTo("needs_new_password");
    assertThat(emulator.outbox().messages().get(emulator.outbox().messages().size() - 1).purpose())
        .isEqualTo(OutboxMessage.Purpose.RESET_PASSWORD);
    return id;
  }

  @Test
  void resetByEmailCodeSignsOutOtherSessionsAndCompletes() {
    start(false);
    Fapi laptop = new Fapi(emulator);
    String oldSession = laptop.signIn(emulator, ERIN, PASSWORD);

    Fapi phone = new Fapi(emulator);
    String id = verifyResetCode(phone, ERIN, "reset_password_email_code");
    Answer reset = phone.post("/v1/client/sign_ins/" + id + "/reset_password",
        "password", NEW_PASSWORD, "sign_out_of_other_sessions", "true");
    assertThat(reset.response().get("status")).isEqualTo("complete");

    assertThat(laptop.get("/v1/client/sessions/" + oldSession).response().get("status")).isEqualTo("revoked");
    assertThat(laptop.get("/v1/client").response().get("sessions")).isEqualTo(List.of());
    Fapi next = new Fapi(emulator);
    assertThat(next.passwordSignIn(ERIN, PASSWORD).errorCode()).isEqualTo("form_password_incorrect");
    assertThat(next.passwordSignIn(ERIN, NEW_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void resetBySmsCodeKeepsOtherSessionsWhenAsked() {
    start(false);
    Fapi laptop = new Fapi(emulator);
    String oldSession = laptop.signIn(emulator, ERIN, PASSWORD);
    Fapi phone = new Fapi(emulator);
    String id = verifyResetCode(phone, "+15555550131", "reset_password_phone_code");
    Answer reset = phone.post("/v1/client/sign_ins/" + id + "/reset_password",
        "password", NEW_PASSWORD, "sign_out_of_other_sessions", "false");
    assertThat(reset.response().get("status")).isEqualTo("complete");
    assertThat(laptop.get("/v1/client/sessions/" + oldSession).response().get("status")).isEqualTo("active");
  }

  @Test
  void resetWithMfaNeedsTheSecondFactor() {
    start(false);
    Fapi fapi = new Fapi(emulator);
    String id = verifyResetCode(fapi, FRANK, "reset_password_email_code");
    Answer reset = fapi.post("/v1/client/sign_ins/" + id + "/reset_password", "password", NEW_PASSWORD);
    assertThat(reset.response().get("status")).isEqualTo("needs_second_factor");
    Answer done = fapi.post("/v1/client/sign_ins/" + id + "/attempt_second_factor", "strategy", "totp",
        "code", TotpGenerator.code("JBSWY3DPEHPK3PXP", java.time.Instant.now()));
    assertThat(done.response().get("status")).isEqualTo("complete");
  }

  /** S1 identifier and reset strategy (which sends the code); returns the sign-in id. */
  private String sendResetCode(Fapi fapi, String identifier, String strategy) {
    Answer created = fapi.post("/v1/client/sign_ins", "identifier", identifier, "strategy", strategy);
    assertThat(created.response().get("status")).isEqualTo("needs_first_factor");
    return (String) created.response().get("id");
  }

  @Test
  void oneCallResetSetsThePasswordAndCompletes() {
    start(false);
    Fapi laptop = new Fapi(emulator);
    String oldSession = laptop.signIn(emulator, ERIN, PASSWORD);
    Fapi fapi = new Fapi(emulator);
    String id = sendResetCode(fapi, ERIN, "reset_password_email_code");
    Answer reset = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "reset_password_email_code", "code", emulator.outbox().latestCodeFor(ERIN),
        "password", NEW_PASSWORD);
    assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
    assertThat(reset.response()).containsEntry("status", "complete");
    assertThat(Fapi.map(reset.response().get("first_factor_verification")))
        .containsEntry("strategy", "reset_password_email_code").containsEntry("status", "verified");
    assertThat((String) reset.response().get("created_session_id")).startsWith("sess_");
    // Other sessions stay unless asked, as with reset_password.
    assertThat(laptop.get("/v1/client/sessions/" + oldSession).response().get("status")).isEqualTo("active");
    Fapi next = new Fapi(emulator);
    assertThat(next.passwordSignIn(ERIN, PASSWORD).errorCode()).isEqualTo("form_password_incorrect");
    assertThat(next.passwordSignIn(ERIN, NEW_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void oneCallResetByPhoneWithMfaNeedsTheSecondFactor() {
    start(false);
    emulator.addUser(EmulatorUser.builder().phone("+15555550177").password(PASSWORD)
        .totpSecret("JBSWY3DPEHPK3PXP").build());
    Fapi fapi = new Fapi(emulator);
    String id = sendResetCode(fapi, "+15555550177", "reset_password_phone_code");
    Answer reset = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "reset_password_phone_code", "code", emulator.outbox().latestCodeFor("+15555550177"),
        "password", NEW_PASSWORD, "sign_out_of_other_sessions", "true");
    assertThat(reset.response()).containsEntry("status", "needs_second_factor");
    Answer done = fapi.post("/v1/client/sign_ins/" + id + "/attempt_second_factor", "strategy", "totp",
        "code", TotpGenerator.code("JBSWY3DPEHPK3PXP", java.time.Instant.now()));
    assertThat(done.response().get("status")).isEqualTo("complete");
    assertThat(new Fapi(emulator).passwordSignIn("+15555550177", NEW_PASSWORD).response().get("status"))
        .isEqualTo("needs_second_factor");
  }

  @Test
  void oneCallResetWithARefusedPasswordKeepsTheCodeForTheNextTry() {
    start(false);
    Fapi fapi = new Fapi(emulator);
    String id = sendResetCode(fapi, ERIN, "reset_password_email_code");
    String code = emulator.outbox().latestCodeFor(ERIN);
    Answer pwned = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "reset_password_email_code", "code", code, "password", PWNED);
    assertThat(pwned.status()).isEqualTo(422);
    assertThat(pwned.errorCode()).isEqualTo("form_password_pwned");
    assertThat(fapi.get("/v1/client/sign_ins/" + id).response()).containsEntry("status", "needs_first_factor");
    Answer wrongCode = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "reset_password_email_code", "code", code.equals("000000") ? "111111" : "000000",
        "password", NEW_PASSWORD);
    assertThat(wrongCode.errorCode()).isEqualTo("form_code_incorrect");
    assertThat(new Fapi(emulator).passwordSignIn(ERIN, NEW_PASSWORD).errorCode()).isEqualTo("form_password_incorrect");
    Answer ok = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "reset_password_email_code", "code", code, "password", NEW_PASSWORD);
    assertThat(ok.response()).containsEntry("status", "complete");
  }

  @Test
  void pwnedPasswordIsRefusedAsNewPassword() {
    start(false);
    Fapi fapi = new Fapi(emulator);
    String id = verifyResetCode(fapi, ERIN, "reset_password_email_code");
    Answer pwned = fapi.post("/v1/client/sign_ins/" + id + "/reset_password", "password", PWNED);
    assertThat(pwned.status()).isEqualTo(422);
    assertThat(pwned.errorCode()).isEqualTo("form_password_pwned");
    assertThat(pwned.firstError().get("meta")).isEqualTo(Map.of("param_name", "password"));
    Answer tooShort = fapi.post("/v1/client/sign_ins/" + id + "/reset_password", "password", "short");
    assertThat(tooShort.errorCode()).isEqualTo("form_password_length_too_short");
  }

  @Test
  void compromisedPasswordLeadsToCodeSignInAndAResetPasswordTask() {
    start(false);
    Fapi fapi = new Fapi(emulator);
    Answer refused = fapi.passwordSignIn(GINA, PASSWORD);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("form_password_compromised");

    Answer wrong = fapi.passwordSignIn(GINA, "not-her-password");
    assertThat(wrong.errorCode()).isEqualTo("form_password_incorrect"); // no hint without the password

    String id = (String) fapi.post("/v1/client/sign_ins", "identifier", GINA, "strategy", "email_code")
        .response().get("id");
    Answer signedIn = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor", "strategy", "email_code",
        "code", emulator.outbox().latestCodeFor(GINA));
    String sessionId = (String) signedIn.response().get("created_session_id");
    Map<String, Object> session = Fapi.list(signedIn.client().get("sessions")).get(0);
    assertThat(session).containsEntry("status", "pending")
        .containsEntry("tasks", List.of(Map.of("key", "reset-password")));

    // The task is done without the current password: it is the one that cannot be trusted.
    Answer changed = fapi.post("/v1/me/change_password?_clerk_session_id=" + sessionId,
        "new_password", NEW_PASSWORD);
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    Map<String, Object> after = fapi.get("/v1/client/sessions/" + sessionId).response();
    assertThat(after).containsEntry("status", "active").containsEntry("tasks", null);
  }

  @Test
  void changePasswordChecksCurrentAndPwnedList() {
    start(false);
    Fapi fapi = new Fapi(emulator);
    String sessionId = fapi.signIn(emulator, ERIN, PASSWORD);
    String path = "/v1/me/change_password?_clerk_session_id=" + sessionId;
    Answer noCurrent = fapi.post(path, "new_password", NEW_PASSWORD);
    assertThat(noCurrent.errorCode()).isEqualTo("form_param_missing");
    Answer wrongCurrent = fapi.post(path, "current_password", "nope", "new_password", NEW_PASSWORD);
    assertThat(wrongCurrent.errorCode()).isEqualTo("form_password_validation_failed");
    assertThat(wrongCurrent.firstError().get("meta")).isEqualTo(Map.of("param_name", "current_password"));
    Answer pwned = fapi.post(path, "current_password", PASSWORD, "new_password", PWNED);
    assertThat(pwned.errorCode()).isEqualTo("form_password_pwned");
    Answer ok = fapi.post(path, "current_password", PASSWORD, "new_password", NEW_PASSWORD);
    assertThat(ok.response().get("password_last_updated_at")).isNotNull();
  }

  @Test
  void mfaRequiredGivesSetupMfaTaskUntilTheUserEnablesTotp() {
    start(true);
    Fapi fapi = new Fapi(emulator);
    String sessionId = fapi.signIn(emulator, ERIN, PASSWORD);
    Map<String, Object> session = fapi.get("/v1/client/sessions/" + sessionId).response();
    assertThat(session).containsEntry("status", "pending")
        .containsEntry("tasks", List.of(Map.of("key", "setup-mfa")));

    String me = "?_clerk_session_id=" + sessionId;
    String secret = (String) fapi.post("/v1/me/totp" + me).response().get("secret");
    Answer verified = fapi.post("/v1/me/totp/attempt_verification" + me,
        "code", TotpGenerator.code(secret, java.time.Instant.now()));
    assertThat(verified.response().get("verified")).isEqualTo(true);
    assertThat(fapi.get("/v1/client/sessions/" + sessionId).response()).containsEntry("status", "active");

    Fapi frank = new Fapi(emulator);
    Answer frankStep = frank.passwordSignIn(FRANK, PASSWORD);
    assertThat(frankStep.response().get("status")).isEqualTo("needs_second_factor");
  }
}
