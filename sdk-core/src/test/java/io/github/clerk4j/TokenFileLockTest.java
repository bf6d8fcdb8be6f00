package io.github.clerk4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One token file, one client: a second process or a second Clerk on the same file is refused
 * with a clear exception instead of silently taking over the other's identity.
 */
class TokenFileLockTest {

  @Test
  void aSecondStoreOnTheSameFileInThisJvmIsRefusedUntilTheFirstIsClosed(@TempDir Path dir) {
    Path file = dir.resolve("clerk-token");
    TokenStore first = TokenStore.file(file);
    first.set("Bearer mine");
    TokenStore second = TokenStore.file(dir.resolve(".").resolve("clerk-token"));
    assertThatThrownBy(second::get)
        .isInstanceOf(ClerkException.class)
        .hasMessageContaining("used by another Clerk in this JVM")
        .hasMessageNotContaining("mine");
    first.close();
    assertThat(second.get()).contains("Bearer mine");
    second.close();
  }

  @Test
  void closingTheClerkReleasesItsTokenFile(@TempDir Path dir) {
    Path file = dir.resolve("clerk-token");
    FakeTransport fake = new FakeTransport();
    Clerk clerk = Clerk.builder().frontendApiUrl(Fixtures.URL).transport(u -> fake)
        .tokenStore(TokenStore.file(file)).build();
    fake.thenRespond(Fixtures.client("client_1", Fixtures.T0, null, null), null, "Bearer issued");
    clerk.loadClient();
    TokenStore next = TokenStore.file(file);
    assertThatThrownBy(next::get).isInstanceOf(ClerkException.class);
    clerk.close();
    assertThat(next.get()).contains("Bearer issued");
    next.close();
  }

  @Test
  void aFileHeldByAnotherProcessIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("clerk-token");
    Process other = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", testClassPath(), TokenFileHolder.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("ready");
      TokenStore mine = TokenStore.file(file);
      assertThatThrownBy(mine::get)
          .isInstanceOf(ClerkException.class)
          .hasMessageContaining("used by another running process")
          .hasMessageNotContaining("held-by-another-process");
      other.getOutputStream().close();
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // the other process is gone: its client is now this one's
      assertThat(mine.get()).contains("Bearer held-by-another-process");
      mine.close();
    } finally {
      other.destroyForcibly();
    }
  }

  /** This test's classes and their dependencies, also when surefire runs it on the module path. */
  private static String testClassPath() {
    String modules = System.getProperty("jdk.module.path", "");
    String classes = System.getProperty("java.class.path", "");
    return modules.isEmpty() ? classes : modules + File.pathSeparator + classes;
  }
}
