package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.testing.ClerkEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void parsesPortUsersAndSwitches(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.json");
    Files.writeString(users, "{\"users\": [{\"username\": \"cli-user\", \"password\": \"cli-password-1\"}]}");
    try (ClerkEmulator emulator = Main.parse(new String[] {"--port", "0", "--users", users.toString(),
        "--no-rate-limits", "--no-lockout", "--mfa-required", "--no-client-trust",
        "--password-iterations", "1"}).build().start()) {
      assertThat(emulator.url()).startsWith("http://127.0.0.1:");
    }
  }

  @Test
  void rejectsUnknownOptionsAndMissingValues() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--frobnicate"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--frobnicate");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "http"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number");
    assertThatThrownBy(() -> Main.parse(new String[] {"--password-iterations", "0"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
