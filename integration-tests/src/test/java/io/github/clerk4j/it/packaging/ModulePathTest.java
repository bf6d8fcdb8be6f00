package io.github.clerk4j.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.ClerkEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application module that {@code requires io.github.clerk4j} and nothing else signs in on the
 * module path, with clerk4j-okhttp and its dependencies beside it and no {@code --add-modules}:
 * core's {@code uses} and okhttp's {@code provides} bind the transport, and okhttp's {@code
 * requires} bring in OkHttp, Retrofit and Moshi.
 */
class ModulePathTest {

  @Test
  void aModularApplicationSignsInWithoutAddModules(@TempDir Path dir) throws Exception {
    List<Path> clerk4j = ConsumerProgram.clerk4jRuntime();
    Path app = ConsumerProgram.compile(dir.resolve("consumer"), clerk4j, true);
    try (ClerkEmulator emulator = ConsumerProgram.emulator()) {
      String out = ConsumerProgram.run(emulator, List.of(
          "--module-path", app + java.io.File.pathSeparator + ConsumerProgram.join(clerk4j),
          "--module", "consumer/app.SignInOnce"));
      assertThat(out)
          .contains("clerk4j module: io.github.clerk4j")
          .contains("transport module: io.github.clerk4j.okhttp")
          .containsPattern("signed in: sess_\\w+, token of \\d+ characters")
          .doesNotContain(ConsumerProgram.PASSWORD);
    }
  }
}
