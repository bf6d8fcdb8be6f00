package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/me} MFA management and reverification of sensitive calls. */
class MeAndReverificationTest {
  private static final String IVY = "ivy@example.com";
  private static final String PASSWORD = "ivy-password-1";
  private static final String NEW_PHONE = "+15555550188";

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T10:00:00Z"));
  private ClerkEmulator emulator;
  private Fapi fapi;
  private String me;

  @BeforeEach
  void signIn() {
    emulator = ClerkEmulator.builder().clock(clock).rateLimits(RateLimits.disabled())
        .reverificationMaxAge(Duration.ofMinutes(10))
        .user(EmulatorUser.builder().email(IVY).password(PASSWORD).build())
        .build().start();
    fapi = new Fapi(emulator);
    me = "?_clerk_session_id=" + fapi.signIn(emulator, IVY, PASSWORD);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String addVerifiedPhone() {
    Answer created = fapi.post("/v1/me/phone_numbers" + me, "phone_number", NEW_PHONE);
    assertThat(created.response()).containsEntry("verification", null).containsEntry("reserved_for_second_factor", false);
    String id = (String) created.response().get("id");
    Answer prepared = fapi.post("/v1/me/phone_numbers/" + id + "/prepare_verification" + me, "strategy", "phone_code");
    assertThat(Fapi.map(prepared.response().get("verification"))).containsEntry("status", "unverified");
    Answer verified = fapi.post("/v1/me/phone_numbers/" + id + "/attempt_verification" + me,
        "code", emulator.outbox().latestCodeFor(NEW_PHONE));
    assertThat(Fapi.map(verified.response().get("verification"))).containsEntry("status", "verified");
    return id;
  }

  @Test
  void phoneReservedForMfaReturnsBackupCodesOnceAndBecomesDefault() {
    String id = addVerifiedPhone();
    Answer reserved = fapi.patch("/v1/me/phone_numbers/" + id + me, "reserved_for_second_factor", "true");
    assertThat(reserved.response()).containsEntry("reserved_for_second_factor", true)
        .containsEntry("default_second_factor", true);
    assertThat((List<?>) reserved.response().get("backup_codes")).hasSize(10);
    Map<String, Object> user = fapi.get("/v1/me" + me).response();
    assertThat(user).containsEntry("two_factor_enabled", true).containsEntry("backup_code_enabled", true);
    assertThat(user.get("mfa_enabled_at")).isNotNull();

    Answer listed = fapi.get("/v1/me/phone_numbers" + me);
    assertThat((List<?>) listed.body()).hasSize(1); // a bare array, not an envelope
    Answer again = fapi.patch("/v1/me/phone_numbers/" + id + me, "default_second_factor", "true");
    assertThat(again.response().get("backup_codes")).isNull();

    Answer deleted = fapi.delete("/v1/me/phone_numbers/" + id + me);
    assertThat(deleted.response()).containsEntry("object", "phone_number").containsEntry("deleted", true);
    Map<String, Object> after = fapi.get("/v1/me" + me).response();
    assertThat(after).containsEntry("two_factor_enabled", false).containsEntry("phone_numbers", List.of());
    assertThat(after.get("mfa_disabled_at")).isNotNull();
  }

  @Test
  void totpEnrolmentThenSignInWithIt() {
    Answer created = fapi.post("/v1/me/totp" + me);
    String secret = (String) created.response().get("secret");
    assertThat(created.response()).containsEntry("verified", false);
    assertThat((String) created.response().get("uri")).startsWith("otpauth://totp/").contains("secret=" + secret);

    Answer wrong = fapi.post("/v1/me/totp/attempt_verification" + me, "code", "000000".equals(
        TotpGenerator.code(secret, clock.instant())) ? "111111" : "000000");
    assertThat(wrong.status()).isEqualTo(422);
    Answer verified = fapi.post("/v1/me/totp/attempt_verification" + me, "code", TotpGenerator.code(secret, clock.instant()));
    assertThat(verified.response()).containsEntry("verified", true).containsEntry("secret", null);
    List<?> backupCodes = (List<?>) verified.response().get("backup_codes");
    assertThat(backupCodes).hasSize(10);
    assertThat(fapi.post("/v1/me/totp" + me).errorCode()).isEqualTo("totp_already_enabled");

    Fapi other = new Fapi(emulator);
    Answer step = other.passwordSignIn(IVY, PASSWORD);
    assertThat(step.response().get("status")).isEqualTo("needs_second_factor");
    String id = (String) step.response().get("id");
    Answer done = other.post("/v1/client/sign_ins/" + id + "/attempt_second_factor",
        "strategy", "backup_code", "code", (String) backupCodes.get(0));
    assertThat(done.response().get("status")).isEqualTo("complete");

    assertThat(fapi.delete("/v1/me/totp" + me).response()).containsEntry("object", "totp").containsEntry("deleted", true);
    assertThat(fapi.get("/v1/me" + me).response()).containsEntry("totp_enabled", false).containsEntry("backup_code_enabled", false);
  }

  @Test
  void backupCodesNeedAnotherSecondFactorAndAcceptATrailingSlash() {
    Answer refused = fapi.post("/v1/me/backup_codes" + me);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("backup_codes_not_available");
    String secret = (String) fapi.post("/v1/me/totp" + me).response().get("secret");
    fapi.post("/v1/me/totp/attempt_verification" + me, "code", TotpGenerator.code(secret, clock.instant()));
    for (String path : List.of("/v1/me/backup_codes", "/v1/me/backup_codes/")) {
      Answer codes = fapi.post(path + me);
      assertThat(codes.response()).containsEntry("object", "backup_code");
      assertThat((List<?>) codes.response().get("codes")).hasSize(10);
    }
  }

  @Test
  void staleSessionMustReverifyBeforeSensitiveCalls() {
    clock.advance(Duration.ofMinutes(11));
    Answer refused = fapi.post("/v1/me/totp" + me);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("session_reverification_required");
    assertThat(fapi.post("/v1/me/change_password" + me, "current_password", PASSWORD, "new_password", "whatever-123")
        .errorCode()).isEqualTo("session_reverification_required");
    assertThat(fapi.get("/v1/me" + me).status()).isEqualTo(200); // reading is not sensitive

    String sessionId = me.substring(me.indexOf('=') + 1);
    String verify = "/v1/client/sessions/" + sessionId + "/verify";
    Answer started = fapi.post(verify, "level", "second_factor");
    assertThat(started.response()).containsEntry("object", "session_reverification")
        .containsEntry("status", "needs_first_factor"); // no second factor yet: falls back
    assertThat(Fapi.list(started.response().get("supported_first_factors")))
        .extracting(f -> f.get("strategy")).contains("password", "email_code");
    Answer wrong = fapi.post(verify + "/attempt_first_factor", "strategy", "password", "password", "nope");
    assertThat(wrong.errorCode()).isEqualTo("form_password_incorrect");
    Answer done = fapi.post(verify + "/attempt_first_factor", "strategy", "password", "password", PASSWORD);
    assertThat(done.response()).containsEntry("status", "complete");
    assertThat(Fapi.map(done.response().get("session")).get("factor_verification_age"))
        .isEqualTo(List.of(0.0, 11.0)); // the client-trust code at sign-in counts as the second factor

    assertThat(fapi.post("/v1/me/totp" + me).status()).isEqualTo(200);
  }

  @Test
  void reverificationByEmailCodeThenSecondFactor() {
    String secret = (String) fapi.post("/v1/me/totp" + me).response().get("secret");
    fapi.post("/v1/me/totp/attempt_verification" + me, "code", TotpGenerator.code(secret, clock.instant()));
    clock.advance(Duration.ofMinutes(30));
    String sessionId = me.substring(me.indexOf('=') + 1);
    String verify = "/v1/client/sessions/" + sessionId + "/verify";
    assertThat(fapi.post(verify + "/attempt_first_factor", "strategy", "password", "password", PASSWORD).errorCode())
        .isEqualTo("session_reverification_missing");

    assertThat(fapi.post(verify, "level", "multi_factor").response()).containsEntry("status", "needs_first_factor");
    fapi.post(verify + "/prepare_first_factor", "strategy", "email_code");
    assertThat(emulator.outbox().messagesFor(IVY).get(emulator.outbox().messagesFor(IVY).size() - 1).purpose())
        .isEqualTo(OutboxMessage.Purpose.REVERIFICATION);
    Answer first = fapi.post(verify + "/attempt_first_factor", "strategy", "email_code",
        "code", emulator.outbox().latestCodeFor(IVY));
    assertThat(first.response()).containsEntry("status", "needs_second_factor");
    assertThat(Fapi.list(first.response().get("supported_second_factors"))).extracting(f -> f.get("strategy"))
        .containsExactly("totp", "backup_code");
    Answer second = fapi.post(verify + "/attempt_second_factor", "strategy", "totp",
        "code", TotpGenerator.code(secret, clock.instant()));
    assertThat(second.response()).containsEntry("status", "complete");
    assertThat(fapi.post("/v1/me/backup_codes" + me).status()).isEqualTo(200);
  }

  @Test
  void meNeedsASignedInSession() {
    Fapi stranger = new Fapi(emulator);
    assertThat(stranger.get("/v1/me").status()).isEqualTo(401);
    assertThat(fapi.post("/v1/me/phone_numbers" + me, "phone_number", "555-not-e164").errorCode())
        .isEqualTo("form_param_format_invalid");
  }
}
