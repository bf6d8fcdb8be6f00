package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeding from JSON and the builder, TOTP codes, test-mode helpers, determinism. */
class SeedingAndToolsTest {

  @Test
  void totpMatchesTheRfc6238Sha1Vectors() {
    // RFC 6238 appendix B: secret "12345678901234567890", 8-digit codes; ours are their last 6 digits.
    String secret = io.github.clerk4j.testing.internal.Base32.encode("12345678901234567890".getBytes());
    assertThat(TotpGenerator.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(TotpGenerator.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(TotpGenerator.code(secret, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
    assertThat(TotpGenerator.code(secret.toLowerCase(), Instant.ofEpochSecond(59))).isEqualTo("287082");
  }

  @Test
  void usersFromJsonFileCanSignIn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    Files.writeString(file, """
        {"users": [
          {"id": "user_fixed", "first_name": "Jo", "email": ["jo@example.com"],
           "phone": "+15555550150", "username": "jo", "password": "jo-password-1",
           "totp_secret": "JBSWY3DPEHPK3PXP", "backup_codes": ["code0001"], "password_compromised": false}
        ]}""");
    try (ClerkEmulator emulator = ClerkEmulator.builder().usersFromJson(file).build().start()) {
      Fapi fapi = new Fapi(emulator);
      Fapi.Answer a = fapi.passwordSignIn("JO@example.com", "jo-password-1");
      assertThat(a.response().get("status")).isEqualTo("needs_second_factor");
      String id = (String) a.response().get("id");
      Fapi.Answer done = fapi.post("/v1/client/sign_ins/" + id + "/attempt_second_factor",
          "strategy", "backup_code", "code", "code0001");
      assertThat(Fapi.map(Fapi.list(done.client().get("sessions")).get(0).get("user")))
          .containsEntry("id", "user_fixed").containsEntry("first_name", "Jo").containsEntry("username", "jo");
    }
  }

  @Test
  void badSeedsAreRejectedWithTheirPlace(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    Files.writeString(file, "[{\"email\": 42}]");
    assertThatThrownBy(() -> ClerkEmulator.builder().usersFromJson(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("users[0].email");
    Files.writeString(file, "{\"users\": [{\"email\": \"a@example.com\", \"emial\": \"b@example.com\"}]}");
    assertThatThrownBy(() -> ClerkEmulator.builder().usersFromJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users[0].emial is not a user field")
        .hasMessageContaining("backup_codes, email, first_name, id, last_name, mfa_phone, password,"
            + " password_compromised, phone, totp_secret, username");
    Files.writeString(file, "{\"users\": [{\"email_addresses\": [\"a@example.com\"]}]}");
    assertThatThrownBy(() -> ClerkEmulator.builder().usersFromJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users[0].email_addresses is now called email");
    Files.writeString(file, "{\"user\": []}");
    assertThatThrownBy(() -> ClerkEmulator.builder().usersFromJson(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[user]");
    EmulatorUser one = EmulatorUser.builder().email("same@example.com").build();
    EmulatorUser two = EmulatorUser.builder().email("SAME@example.com").build();
    assertThatThrownBy(() -> ClerkEmulator.builder().user(one).user(two).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already taken");
    EmulatorUser badPhone = EmulatorUser.builder().phone("555-1234").build();
    assertThatThrownBy(() -> ClerkEmulator.builder().user(badPhone).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E.164");
  }

  @Test
  void secretsStayOutOfToString() {
    EmulatorUser user = EmulatorUser.builder().email("s@example.com").password("hunter2-secret")
        .totpSecret("JBSWY3DPEHPK3PXP").backupCodes("bk123456").build();
    assertThat(user.toString()).doesNotContain("hunter2-secret", "JBSWY3DPEHPK3PXP", "bk123456");
  }

  @Test
  void seededRandomMakesIdsAndCodesRepeatable() {
    String[] first = run();
    String[] second = run();
    assertThat(first).containsExactly(second);
  }

  private static String[] run() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().random(new Random(42))
        .user(EmulatorUser.builder().email("r@example.com").build()).build().start()) {
      Fapi fapi = new Fapi(emulator);
      String signInId = (String) fapi.post("/v1/client/sign_ins", "identifier", "r@example.com",
          "strategy", "email_code").response().get("id");
      return new String[] {signInId, emulator.outbox().latestCodeFor("r@example.com")};
    }
  }

  @Test
  void theOutboxOverHttpFiltersByRecipientAndKeepsTheNewest() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email("o1@example.com").build())
        .user(EmulatorUser.builder().email("o2@example.com").build()).build().start()) {
      Fapi fapi = new Fapi(emulator);
      for (String who : new String[] {"o1@example.com", "o2@example.com", "o1@example.com"}) {
        new Fapi(emulator).post("/v1/client/sign_ins", "identifier", who, "strategy", "email_code");
      }
      assertThat(Fapi.list(fapi.get("/__emulator/outbox").json().get("messages"))).hasSize(3);
      List<Map<String, Object>> o1 = Fapi.list(fapi.get("/__emulator/outbox?recipient=O1%40example.com")
          .json().get("messages"));
      assertThat(o1).extracting(m -> m.get("recipient")).containsExactly("o1@example.com", "o1@example.com");
      List<Map<String, Object>> newest = Fapi.list(fapi.get("/__emulator/outbox?recipient=o1%40example.com&limit=1")
          .json().get("messages"));
      assertThat(newest).singleElement().satisfies(m ->
          assertThat(m.get("code")).isEqualTo(emulator.outbox().latestCodeFor("o1@example.com")));
      assertThat(fapi.get("/__emulator/outbox?limit=lots").errorCode()).isEqualTo("form_param_format_invalid");
    }
  }

  @Test
  void testModeHelpers() {
    assertThat(TestMode.email("jane", "example.com")).isEqualTo("jane+clerk_test@example.com");
    assertThat(TestMode.isTestEmail("Jane+Clerk_Test@example.com")).isTrue();
    assertThat(TestMode.phone(7)).isEqualTo("+15555550107");
    assertThat(TestMode.isTestPhone(TestMode.phone(99))).isTrue();
    assertThatThrownBy(() -> TestMode.phone(100)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cheapPasswordHashesStillCheckPasswords() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().passwordHashIterations(1)
        .user(EmulatorUser.builder().email("cheap@example.com").password("cheap-password-1").build())
        .build().start()) {
      Fapi fapi = new Fapi(emulator);
      assertThat(fapi.passwordSignIn("cheap@example.com", "cheap-password-2").errorCode())
          .isEqualTo("form_password_incorrect");
      assertThat(fapi.passwordSignIn("cheap@example.com", "cheap-password-1").response().get("status"))
          .isEqualTo("needs_client_trust");
    }
    assertThatThrownBy(() -> ClerkEmulator.builder().passwordHashIterations(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
