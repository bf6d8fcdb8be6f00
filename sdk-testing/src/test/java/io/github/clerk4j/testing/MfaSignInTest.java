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

/** Second factors at sign-in: SMS, TOTP (with replay refusal) and backup codes. */
class MfaSignInTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXP";
  private static final String CAROL = "carol@example.com";
  private static final String DAN = "dan@example.com";
  private static final String PASSWORD = "carol-password-1";

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T10:00:10Z"));
  private ClerkEmulator emulator;
  private Fapi fapi;

  @BeforeEach
  void start() {
    emulator = ClerkEmulator.builder().clock(clock).rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email(CAROL).password(PASSWORD).mfaPhone("+15555550123")
            .totpSecret(SECRET).backupCodes("alpha123", "bravo456").build())
        .user(EmulatorUser.builder().email(DAN).password(PASSWORD).totpSecret(SECRET).build())
        .build().start();
    fapi = new Fapi(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String passwordStep(String who) {
    Answer a = fapi.passwordSignIn(who, PASSWORD);
    assertThat(a.response().get("status")).isEqualTo("needs_second_factor"); // MFA before client trust
    return (String) a.response().get("id");
  }

  private Answer attempt(String id, String strategy, String code) {
    return fapi.post("/v1/client/sign_ins/" + id + "/attempt_second_factor", "strategy", strategy, "code", code);
  }

  @Test
  void mfaTakesPrecedenceOverClientTrustAndListsTheDefaultFirst() {
    Answer a = fapi.passwordSignIn(CAROL, PASSWORD);
    List<Map<String, Object>> factors = Fapi.list(a.response().get("supported_second_factors"));
    assertThat(factors).extracting(f -> f.get("strategy")).containsExactly("phone_code", "totp", "backup_code");
    assertThat(factors.get(0)).containsEntry("default", true);
    assertThat(factors.get(1)).containsEntry("default", false);
  }

  @Test
  void smsSecondFactorCompletesTheSignIn() {
    String id = passwordStep(CAROL);
    Answer prepared = fapi.post("/v1/client/sign_ins/" + id + "/prepare_second_factor", "strategy", "phone_code");
    assertThat(Fapi.map(prepared.response().get("second_factor_verification"))).containsEntry("strategy", "phone_code");
    assertThat(emulator.outbox().messagesFor("+15555550123")).singleElement()
        .satisfies(m -> assertThat(m.purpose()).isEqualTo(OutboxMessage.Purpose.SECOND_FACTOR));
    Answer done = attempt(id, "phone_code", TestMode.CODE);
    assertThat(done.response().get("status")).isEqualTo("complete");
    Map<String, Object> session = Fapi.list(done.client().get("sessions")).get(0);
    assertThat(session.get("factor_verification_age")).isEqualTo(List.of(0.0, 0.0));
  }

  @Test
  void totpAcceptsOneStepEitherSideAndRefusesAReplay() {
    String id = passwordStep(CAROL);
    String previousStep = TotpGenerator.code(SECRET, clock.instant().minusSeconds(30));
    assertThat(attempt(id, "totp", previousStep).response().get("status")).isEqualTo("complete");

    Fapi other = new Fapi(emulator);
    fapi = other;
    String second = passwordStep(CAROL);
    Answer replay = attempt(second, "totp", previousStep);
    assertThat(replay.status()).isEqualTo(422);
    assertThat(replay.errorCode()).isEqualTo("form_code_incorrect");
    String current = TotpGenerator.code(SECRET, clock.instant());
    assertThat(attempt(second, "totp", current).response().get("status")).isEqualTo("complete");

    fapi = new Fapi(emulator);
    String third = passwordStep(CAROL);
    clock.advance(Duration.ofSeconds(90)); // now three steps later: too far from the codes above
    assertThat(attempt(third, "totp", TotpGenerator.code(SECRET, clock.instant().minusSeconds(90))).errorCode())
        .isEqualTo("form_code_incorrect");
    assertThat(attempt(third, "totp", TotpGenerator.code(SECRET, clock.instant().plusSeconds(30)))
        .response().get("status")).isEqualTo("complete");
  }

  @Test
  void backupCodeWorksOnce() {
    String id = passwordStep(CAROL);
    assertThat(attempt(id, "backup_code", "alpha123").response().get("status")).isEqualTo("complete");

    fapi = new Fapi(emulator);
    String again = passwordStep(CAROL);
    Answer reuse = attempt(again, "backup_code", "alpha123");
    assertThat(reuse.status()).isEqualTo(422);
    assertThat(reuse.errorCode()).isEqualTo("form_code_incorrect");
    assertThat(attempt(again, "backup_code", "bravo456").response().get("status")).isEqualTo("complete");
  }

  @Test
  void totpIsTheDefaultWithoutAnSmsFactor() {
    Answer a = fapi.passwordSignIn(DAN, PASSWORD);
    assertThat(Fapi.list(a.response().get("supported_second_factors")))
        .containsExactly(Map.of("strategy", "totp", "default", true));
  }

  @Test
  void strategyTheUserLacksIsRefused() {
    fapi = new Fapi(emulator);
    String id = passwordStep(DAN);
    Answer a = attempt(id, "backup_code", "whatever1");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.errorCode()).isEqualTo("strategy_for_user_invalid");
  }
}
