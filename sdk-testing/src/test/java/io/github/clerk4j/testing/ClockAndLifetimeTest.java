package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session lifetime, code lifetime and reverification age, and the admin call that moves the clock. */
class ClockAndLifetimeTest {
  private static final String EMAIL = "jan@example.com";
  private static final String PASSWORD = "jan-password-1";

  private ClerkEmulator emulator;

  private ClerkEmulator start(ClerkEmulator.Builder builder) {
    emulator = builder.rateLimits(RateLimits.disabled()).clientTrust(false)
        .user(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build()).build().start();
    return emulator;
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aSessionExpiresAfterItsLifetimeWhenTheClockIsMovedPastIt() {
    start(ClerkEmulator.builder().sessionLifetime(Duration.ofHours(1)));
    Fapi fapi = new Fapi(emulator);
    Answer signedIn = fapi.passwordSignIn(EMAIL, PASSWORD);
    String sessionId = (String) signedIn.response().get("created_session_id");
    java.util.Map<String, Object> session = Fapi.list(signedIn.client().get("sessions")).get(0);
    long created = ((Number) session.get("last_active_at")).longValue();
    assertThat(((Number) session.get("expire_at")).longValue()).isEqualTo(created + Duration.ofHours(1).toMillis());

    assertThat(fapi.post("/__emulator/clock", "advance", "59m").status()).isEqualTo(200);
    assertThat(fapi.post("/v1/client/sessions/" + sessionId + "/touch").status()).isEqualTo(200);
    Answer moved = fapi.post("/__emulator/clock", "advance", "2m");
    assertThat(moved.json()).containsEntry("advanced_by_seconds", 61 * 60.0);

    Answer touch = fapi.post("/v1/client/sessions/" + sessionId + "/touch");
    assertThat(touch.status()).isEqualTo(401);
    assertThat(touch.errorCode()).isEqualTo("signed_out");
    assertThat(fapi.get("/v1/client/sessions/" + sessionId).response()).containsEntry("status", "expired");
    Answer client = fapi.get("/v1/client");
    assertThat(client.response()).containsEntry("sessions", List.of()).containsEntry("last_active_session_id", null);
  }

  @Test
  void codesExpireAndReverificationAgesWithTheMovedClock() {
    start(ClerkEmulator.builder().codeTtl(Duration.ofMinutes(2)).reverificationMaxAge(Duration.ofMinutes(3)));
    Fapi fapi = new Fapi(emulator);
    String sessionId = (String) fapi.passwordSignIn(EMAIL, PASSWORD).response().get("created_session_id");
    String me = "?_clerk_session_id=" + sessionId;
    assertThat(fapi.post("/v1/me/totp" + me).status()).isEqualTo(200);
    fapi.delete("/v1/me/totp" + me);
    fapi.post("/__emulator/clock", "advance", "PT4M");
    Answer stale = fapi.post("/v1/me/totp" + me);
    assertThat(stale.status()).isEqualTo(403);
    assertThat(stale.errorCode()).isEqualTo("session_reverification_required");

    Fapi other = new Fapi(emulator);
    String signInId = (String) other.post("/v1/client/sign_ins", "identifier", EMAIL, "strategy", "email_code")
        .response().get("id");
    String code = emulator.outbox().latestCodeFor(EMAIL);
    other.post("/__emulator/clock", "advance", "121s");
    Answer expired = other.post("/v1/client/sign_ins/" + signInId + "/attempt_first_factor",
        "strategy", "email_code", "code", code);
    assertThat(expired.errorCode()).isEqualTo("verification_expired");
  }

  /** A touch right after sign-in gets the token just issued; tokens asked for are always new. */
  @Test
  void touchReusesARecentTokenAndTokensAreAlwaysNew() {
    start(ClerkEmulator.builder());
    Fapi fapi = new Fapi(emulator);
    Answer signedIn = fapi.passwordSignIn(EMAIL, PASSWORD);
    String sessionId = (String) signedIn.response().get("created_session_id");
    String issued = jwt(Fapi.list(signedIn.client().get("sessions")).get(0));
    String touched = jwt(fapi.post("/v1/client/sessions/" + sessionId + "/touch").response());
    assertThat(touched).isEqualTo(issued);
    String asked = (String) fapi.post("/v1/client/sessions/" + sessionId + "/tokens").json().get("jwt");
    assertThat(asked).isNotEqualTo(issued);
    fapi.post("/__emulator/clock", "advance", "11s");
    String later = jwt(fapi.post("/v1/client/sessions/" + sessionId + "/touch").response());
    assertThat(later).isNotEqualTo(asked).isNotEqualTo(issued);
    // A change the token carries (here: the factor age) is never served from an older token.
    fapi.post("/__emulator/clock", "advance", "61s");
    String afterAMinute = jwt(fapi.post("/v1/client/sessions/" + sessionId + "/touch").response());
    assertThat(afterAMinute).isNotEqualTo(later);
  }

  private static String jwt(java.util.Map<String, Object> session) {
    return (String) Fapi.map(session.get("last_active_token")).get("jwt");
  }

  @Test
  void theClockOnlyMovesForwardAndMovesAGivenTestClockToo() {
    TestClock clock = TestClock.at(Instant.parse("2030-06-01T12:00:00Z"));
    start(ClerkEmulator.builder().clock(clock));
    Fapi fapi = new Fapi(emulator);
    Answer back = fapi.post("/__emulator/clock", "advance", "-1h");
    assertThat(back.status()).isEqualTo(422);
    assertThat(back.errorCode()).isEqualTo("form_param_format_invalid");
    assertThat(fapi.post("/__emulator/clock", "advance", "soon").errorCode()).isEqualTo("form_param_format_invalid");
    assertThat(fapi.post("/__emulator/clock").errorCode()).isEqualTo("form_param_missing");
    clock.advance(Duration.ofMinutes(5));
    Answer moved = fapi.post("/__emulator/clock", "advance", "1d");
    assertThat(moved.json()).containsEntry("iso", "2030-06-02T12:05:00Z");
    assertThat(fapi.get("/__emulator/clock").json()).containsEntry("iso", "2030-06-02T12:05:00Z");
  }
}
