package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.testing.Fapi.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State kept across restarts: a data directory (written after every change, atomically,
 * owner-only, locked), import and export, and the errors that leave a file as it is.
 */
class PersistentStateTest {
  private static final String STATE = "emulator-state.json";

  private static ClerkEmulator.Builder builder() {
    return ClerkEmulator.builder().rateLimits(RateLimits.disabled());
  }

  @Test
  void aRestartedEmulatorKnowsItsUsersClientsSessionsAndOutbox(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("data");
    String clientToken;
    String sessionId;
    String code;
    try (ClerkEmulator first = builder().dataDir(dir)
        .user(EmulatorUser.builder().email("ines@example.com").password("ines-password-1").firstName("Inès")
            .totpSecret("JBSWY3DPEHPK3PXP").backupCodes("12345678").build())
        .build().start()) {
      assertThat(first.restored()).isFalse();
      first.addUser(EmulatorUser.builder().email("added@example.com").password("added-password-1").build());
      new Fapi(first).signIn(first, "added@example.com", "added-password-1"); // a client-trust code
      code = first.outbox().latestCodeFor("added@example.com");
      Fapi fapi = new Fapi(first);
      Answer signIn = fapi.passwordSignIn("ines@example.com", "ines-password-1");
      String id = (String) signIn.response().get("id");
      // With TOTP the second factor is MFA; the backup code completes it.
      Answer done = fapi.post("/v1/client/sign_ins/" + id + "/attempt_second_factor", "strategy", "backup_code",
          "code", "12345678");
      sessionId = (String) done.response().get("created_session_id");
      assertThat(sessionId).startsWith("sess_");
      clientToken = fapi.token();
    }
    Path file = dir.resolve(STATE);
    assertThat(Files.readString(file)).startsWith("{\"format\":\"clerk4j-emulator-state\",\"version\":1,")
        .doesNotContain("ines-password-1").doesNotContain("12345678");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    try (ClerkEmulator second = builder().dataDir(dir)
        .user(EmulatorUser.builder().email("ines@example.com").password("other-password-1").build()) // not seeded again
        .build().start()) {
      assertThat(second.restored()).isTrue();
      Fapi fapi = new Fapi(second);
      fapi.token(clientToken);
      Answer client = fapi.get("/v1/client");
      assertThat(client.status()).as(client.raw()).isEqualTo(200);
      List<Map<String, Object>> sessions = Fapi.list(client.response().get("sessions"));
      assertThat(sessions).extracting(s -> s.get("id")).containsExactly(sessionId);
      Map<String, Object> user = Fapi.map(sessions.get(0).get("user"));
      assertThat(user.get("first_name")).isEqualTo("Inès");
      assertThat(user.get("totp_enabled")).isEqualTo(true);
      assertThat(user.get("backup_code_enabled")).as("the backup code was used up").isEqualTo(false);
      assertThat(fapi.post("/v1/client/sessions/" + sessionId + "/tokens").status()).isEqualTo(200);
      assertThat(new Fapi(second).passwordSignIn("ines@example.com", "ines-password-1").response().get("status"))
          .as("the password from before the restart").isEqualTo("needs_second_factor");
      assertThat(new Fapi(second).passwordSignIn("ines@example.com", "other-password-1").errorCode())
          .isEqualTo("form_password_incorrect");
      assertThat(new Fapi(second).passwordSignIn("added@example.com", "added-password-1").response().get("status"))
          .isEqualTo("needs_client_trust");
      assertThat(second.outbox().latestCodeFor("added@example.com")).isEqualTo(code);
    }
  }

  @Test
  void aChangeIsWrittenWithoutWaitingForClose(@TempDir Path dir) throws Exception {
    try (ClerkEmulator emulator = builder().dataDir(dir).build().start()) {
      emulator.addUser(EmulatorUser.builder().email("live@example.com").build());
      Path file = dir.resolve(STATE);
      long deadline = System.nanoTime() + 20_000_000_000L; // a bound for a slow machine, not a measurement
      while (!(Files.exists(file) && Files.readString(file).contains("live@example.com")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.readString(file)).contains("live@example.com");
    }
  }

  @Test
  void aCorruptOrNewerFileIsAClearErrorAndIsLeftAsItIs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(STATE);
    Files.writeString(file, "{\"format\": \"clerk4j-emulator-state\", \"version\": 1, \"users\": [");
    assertThatThrownBy(() -> builder().dataDir(dir).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON")
        .hasMessageContaining("leaves it as it is");
    assertThat(Files.readString(file)).endsWith("\"users\": [");

    Files.writeString(file, "{\"format\": \"clerk4j-emulator-state\", \"version\": 7}");
    assertThatThrownBy(() -> builder().dataDir(dir).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("written by a newer emulator (format version 7; this one reads up to 1)");
    assertThat(Files.readString(file)).isEqualTo("{\"format\": \"clerk4j-emulator-state\", \"version\": 7}");

    Files.writeString(file, "{\"users\": []}");
    assertThatThrownBy(() -> builder().dataDir(dir).build())
        .hasMessageContaining("not a clerk4j emulator state file");

    try (ClerkEmulator emulator = builder().user(EmulatorUser.builder().email("x@example.com").build()).build()) {
      emulator.exportState(file);
    }
    String whole = Files.readString(file);
    Files.writeString(file, whole.replaceFirst("\"users\":\\[", "\"users\":[{\"id\":7},"));
    assertThatThrownBy(() -> builder().dataDir(dir).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("users[0].id must be a string");
    // A failed start unlocked the directory: a good file starts.
    Files.writeString(file, whole);
    try (ClerkEmulator emulator = builder().dataDir(dir).build()) {
      assertThat(emulator.restored()).isTrue();
    }
  }

  @Test
  void oneDataDirectoryServesOneEmulatorAtATime(@TempDir Path dir) {
    try (ClerkEmulator first = builder().dataDir(dir).build()) {
      assertThatThrownBy(() -> builder().dataDir(dir).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("data directory of another emulator");
      assertThat(first.restored()).isFalse();
    }
    try (ClerkEmulator again = builder().dataDir(dir).build()) {
      assertThat(again.restored()).isTrue();
    }
  }

  @Test
  void exportOnCloseThenImportAsFirebasesEmulatorsDo(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export.json");
    try (ClerkEmulator first = builder().exportOnClose(export)
        .user(EmulatorUser.builder().email("tomas@example.com").password("tomas-password-1").build()).build().start()) {
      new Fapi(first).signIn(first, "tomas@example.com", "tomas-password-1");
    }
    assertThat(export).exists();
    String exported = Files.readString(export);
    try (ClerkEmulator second = builder().importFrom(export).build().start()) {
      assertThat(second.restored()).isTrue();
      assertThat(new Fapi(second).passwordSignIn("tomas@example.com", "tomas-password-1").response().get("status"))
          .isEqualTo("needs_client_trust");
      assertThat(second.outbox().latestCodeFor("tomas@example.com")).isNotEmpty();
    }
    assertThat(Files.readString(export)).as("an import is only read").isEqualTo(exported);

    Path data = dir.resolve("data");
    try (ClerkEmulator withData = builder().dataDir(data).importFrom(export).build()) {
      assertThat(withData.restored()).isTrue();
    }
    assertThatThrownBy(() -> builder().dataDir(data).importFrom(export).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds state already");
  }
}
