package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits, lockout, code expiry and attempt limits, test-mode codes. */
class AbuseProtectionTest {
  private static final String BOB = "bob@example.com";
  private static final String PASSWORD = "bob-password-1";

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T10:00:00Z"));
  private ClerkEmulator emulator;

  private ClerkEmulator start(ClerkEmulator.Builder builder) {
    emulator = builder.clock(clock)
        .user(EmulatorUser.builder().email(BOB).password(PASSWORD).build())
        .user(EmulatorUser.builder().email(TestMode.email("tess", "example.com")).phone(TestMode.phone(42)).build())
        .build().start();
    return emulator;
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void sixthSignInCreateWithinTenSecondsIs429WithRetryAfter() {
    start(ClerkEmulator.builder());
    Fapi fapi = new Fapi(emulator);
    for (int i = 0; i < 5; i++) {
      assertThat(fapi.post("/v1/client/sign_ins", "identifier", BOB).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
    }
    Answer limited = fapi.post("/v1/client/sign_ins", "identifier", BOB);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("too_many_requests");
    assertThat(limited.header("Retry-After")).hasValue("5"); // the oldest call leaves the window in 5 s

    Fapi otherIp = new Fapi(emulator);
    otherIp.forwardedFor = "10.0.0.2";
    assertThat(otherIp.post("/v1/client/sign_ins", "identifier", BOB).status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(5));
    assertThat(fapi.post("/v1/client/sign_ins", "identifier", BOB).status()).isEqualTo(200);
  }

  @Test
  void fourthFactorAttemptWithinTenSecondsIs429() {
    start(ClerkEmulator.builder());
    Fapi fapi = new Fapi(emulator);
    String id = (String) fapi.post("/v1/client/sign_ins", "identifier", BOB).response().get("id");
    for (int i = 0; i < 3; i++) {
      Answer wrong = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
          "strategy", "password", "password", "wrong-" + i);
      assertThat(wrong.errorCode()).isEqualTo("form_password_incorrect");
    }
    Answer limited = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "password", "password", PASSWORD);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).hasValue("10");
  }

  @Test
  void rateLimitsCanBeSwitchedOff() {
    start(ClerkEmulator.builder().rateLimits(RateLimits.disabled()));
    Fapi fapi = new Fapi(emulator);
    for (int i = 0; i < 20; i++) {
      assertThat(fapi.post("/v1/client/sign_ins", "identifier", BOB).status()).isEqualTo(200);
    }
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountUntilTheLockoutExpires() {
    start(ClerkEmulator.builder().rateLimits(RateLimits.disabled())
        .lockout(new Lockout(true, 3, Duration.ofMinutes(30))));
    Fapi fapi = new Fapi(emulator);
    assertThat(fapi.passwordSignIn(BOB, "nope-1").errorCode()).isEqualTo("form_password_incorrect");
    assertThat(fapi.passwordSignIn(BOB, "nope-2").firstError().get("meta"))
        .isEqualTo(Map.of("param_name", "password"));

    Answer locked = fapi.passwordSignIn(BOB, "nope-3");
    assertThat(locked.status()).isEqualTo(403);
    assertThat(locked.errorCode()).isEqualTo("user_locked");
    assertThat(Fapi.map(locked.firstError().get("meta")).get("lockout_expires_in_seconds")).isEqualTo(1800.0);

    clock.advance(Duration.ofMinutes(10));
    Answer stillLocked = fapi.passwordSignIn(BOB, PASSWORD);
    assertThat(stillLocked.errorCode()).isEqualTo("user_locked");
    assertThat(Fapi.map(stillLocked.firstError().get("meta")).get("lockout_expires_in_seconds")).isEqualTo(1200.0);

    clock.advance(Duration.ofMinutes(21));
    assertThat(fapi.passwordSignIn(BOB, PASSWORD).response().get("status")).isEqualTo("needs_client_trust");
  }

  @Test
  void lockoutCanBeSwitchedOff() {
    start(ClerkEmulator.builder().rateLimits(RateLimits.disabled()).lockout(Lockout.disabled()));
    Fapi fapi = new Fapi(emulator);
    for (int i = 0; i < 120; i++) {
      assertThat(fapi.passwordSignIn(BOB, "nope").errorCode()).isEqualTo("form_password_incorrect");
    }
  }

  @Test
  void codeExpiresAfterItsLifetime() {
    start(ClerkEmulator.builder());
    Fapi fapi = new Fapi(emulator);
    Answer created = fapi.post("/v1/client/sign_ins", "identifier", BOB, "strategy", "email_code");
    long expireAt = ((Number) Fapi.map(created.response().get("first_factor_verification")).get("expire_at")).longValue();
    assertThat(expireAt).isEqualTo(clock.millis() + Duration.ofMinutes(10).toMillis());

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    String id = (String) created.response().get("id");
    Answer late = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "email_code", "code", emulator.outbox().latestCodeFor(BOB));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.errorCode()).isEqualTo("verification_expired");
    Answer reload = fapi.get("/v1/client/sign_ins/" + id);
    assertThat(Fapi.map(reload.response().get("first_factor_verification")).get("status")).isEqualTo("expired");
  }

  @Test
  void thirdWrongCodeFailsTheVerification() {
    start(ClerkEmulator.builder().rateLimits(RateLimits.disabled()));
    Fapi fapi = new Fapi(emulator);
    String id = (String) fapi.post("/v1/client/sign_ins", "identifier", BOB, "strategy", "email_code")
        .response().get("id");
    String right = emulator.outbox().latestCodeFor(BOB);
    String wrong = right.equals("000000") ? "111111" : "000000";
    String attempt = "/v1/client/sign_ins/" + id + "/attempt_first_factor";

    Answer first = fapi.post(attempt, "strategy", "email_code", "code", wrong);
    assertThat(first.status()).isEqualTo(422);
    assertThat(first.errorCode()).isEqualTo("form_code_incorrect");
    assertThat(first.firstError().get("meta")).isEqualTo(Map.of("param_name", "code"));
    assertThat(fapi.post(attempt, "strategy", "email_code", "code", wrong).errorCode()).isEqualTo("form_code_incorrect");
    Answer third = fapi.post(attempt, "strategy", "email_code", "code", wrong);
    assertThat(third.status()).isEqualTo(400);
    assertThat(third.errorCode()).isEqualTo("verification_failed");

    Answer afterwards = fapi.post(attempt, "strategy", "email_code", "code", right);
    assertThat(afterwards.errorCode()).isEqualTo("verification_failed");
    Map<String, Object> verification = Fapi.map(fapi.get("/v1/client/sign_ins/" + id).response().get("first_factor_verification"));
    assertThat(verification).containsEntry("status", "failed").containsEntry("attempts", 3.0);
  }

  @Test
  void testModeIdentifiersGet424242AndOthersARandomCode() {
    start(ClerkEmulator.builder());
    Fapi fapi = new Fapi(emulator);
    String testEmail = TestMode.email("tess", "example.com");
    String id = (String) fapi.post("/v1/client/sign_ins", "identifier", testEmail, "strategy", "email_code")
        .response().get("id");
    assertThat(emulator.outbox().latestCodeFor(testEmail)).isEqualTo(TestMode.CODE);
    assertThat(fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "email_code", "code", TestMode.CODE).response().get("status")).isEqualTo("complete");

    Fapi byPhone = new Fapi(emulator);
    byPhone.post("/v1/client/sign_ins", "identifier", TestMode.phone(42), "strategy", "phone_code");
    assertThat(emulator.outbox().latestCodeFor(TestMode.phone(42))).isEqualTo(TestMode.CODE);

    Fapi normal = new Fapi(emulator);
    normal.post("/v1/client/sign_ins", "identifier", BOB, "strategy", "email_code");
    assertThat(emulator.outbox().latestCodeFor(BOB)).matches("\\d{6}");
    assertThat(TestMode.isTestPhone("+12125550100")).isTrue();
    assertThat(TestMode.isTestPhone("+12125550200")).isFalse();
  }
}
