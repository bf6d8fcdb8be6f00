package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What an emulator answers before it starts, while it runs and once it is closed. */
class EmulatorLifecycleTest {

  @Test
  void urlsNeedARunningEmulatorAndToStringSaysWhichItIs() {
    ClerkEmulator emulator = ClerkEmulator.builder().build();
    assertThat(emulator).hasToString("ClerkEmulator[not started]");
    assertThatThrownBy(emulator::url).isInstanceOf(IllegalStateException.class).hasMessage("call start() first");

    emulator.start();
    String url = emulator.url();
    assertThat(url).startsWith("http://127.0.0.1:");
    assertThat(emulator).hasToString("ClerkEmulator[" + url + "]");

    emulator.close();
    assertThat(emulator).hasToString("ClerkEmulator[closed]");
    assertThatThrownBy(emulator::url).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not listening").hasMessageContaining("closed");
    assertThatThrownBy(emulator::publishableKey).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stateIsNotExportedToARootDirectory() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().build()) {
      Path root = Path.of("/").toAbsolutePath().getRoot();
      assertThatThrownBy(() -> emulator.exportState(root))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot export the emulator's state to " + root)
          .hasRootCauseMessage(root + " is a root directory, not a file");
    }
  }
}
