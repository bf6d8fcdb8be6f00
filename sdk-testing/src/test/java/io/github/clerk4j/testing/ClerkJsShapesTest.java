package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What clerk-js sends that the native SDKs do not, and how Clerk shows identifiers on a sign-in. */
class ClerkJsShapesTest {
  private static final String EMAIL = "hana.example@example.com";
  private static final String PHONE = "+15555550101";
  private static final String MFA_PHONE = "+447700900123";
  private static final String PASSWORD = "hana-password-1";

  private ClerkEmulator emulator;

  @BeforeEach
  void start() {
    emulator = ClerkEmulator.builder().rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email(EMAIL).phone(PHONE).mfaPhone(MFA_PHONE).password(PASSWORD).build())
        .build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  /** clerk-js creates phone numbers and backup codes at paths with a trailing slash. */
  @Test
  void pathsWithATrailingSlashAreTheSameResource() {
    Fapi fapi = new Fapi(emulator);
    Answer first = fapi.passwordSignIn(EMAIL, PASSWORD);
    String signInId = (String) first.response().get("id");
    fapi.post("/v1/client/sign_ins/" + signInId + "/prepare_second_factor", "strategy", "phone_code");
    String sessionId = (String) fapi.post("/v1/client/sign_ins/" + signInId + "/attempt_second_factor",
        "strategy", "phone_code", "code", emulator.outbox().latestCodeFor(MFA_PHONE))
        .response().get("created_session_id");
    String me = "?_clerk_session_id=" + sessionId;

    Answer phone = fapi.post("/v1/me/phone_numbers/" + me, "phone_number", "+15555550199");
    assertThat(phone.status()).as(phone.raw()).isEqualTo(200);
    assertThat(phone.response()).containsEntry("object", "phone_number").containsEntry("phone_number", "+15555550199");
    Answer codes = fapi.post("/v1/me/backup_codes/" + me);
    assertThat(codes.status()).as(codes.raw()).isEqualTo(200);
    assertThat((List<?>) codes.response().get("codes")).hasSize(10);
    assertThat(fapi.get("/v1/me/" + me).response()).containsEntry("object", "user");
    assertThat(fapi.get("/v1/environment/").status()).isEqualTo(200);
  }

  /**
   * Recorded from Clerk (clerk-sdk-flutter's tests): the identifier typed is shown in full, the
   * account's other identifiers masked, a phone number as {@code +*********01}, an address as
   * {@code t**************@d********.london}.
   */
  @Test
  void identifiersOtherThanTheTypedOneAreMasked() {
    Fapi fapi = new Fapi(emulator);
    Answer byEmail = fapi.post("/v1/client/sign_ins", "identifier", EMAIL);
    assertThat(safeIdentifiers(byEmail.response().get("supported_first_factors")))
        .containsExactly(Map.entry("email_code", EMAIL), Map.entry("phone_code", "+*********01"),
            Map.entry("phone_code", "+**********23"), Map.entry("reset_password_email_code", EMAIL),
            Map.entry("reset_password_phone_code", "+*********01"));
    Answer mfa = fapi.post("/v1/client/sign_ins/" + byEmail.response().get("id") + "/attempt_first_factor",
        "strategy", "password", "password", PASSWORD);
    assertThat(mfa.response()).containsEntry("status", "needs_second_factor");
    assertThat(safeIdentifiers(mfa.response().get("supported_second_factors")))
        .containsExactly(Map.entry("phone_code", "+**********23"));

    Answer byPhone = new Fapi(emulator).post("/v1/client/sign_ins", "identifier", "+1 555-555-0101");
    assertThat(safeIdentifiers(byPhone.response().get("supported_first_factors")))
        .contains(Map.entry("email_code", "h***********@e******.com"), Map.entry("phone_code", PHONE));
  }

  private static List<Map.Entry<Object, Object>> safeIdentifiers(Object factors) {
    return Fapi.list(factors).stream().filter(f -> f.containsKey("safe_identifier"))
        .map(f -> Map.entry(f.get("strategy"), f.get("safe_identifier"))).toList();
  }
}
