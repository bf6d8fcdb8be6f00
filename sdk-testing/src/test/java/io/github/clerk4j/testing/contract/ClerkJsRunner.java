package io.github.clerk4j.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/node/clerk-js-flow.cjs}: Clerk's own JavaScript client (npm
 * {@code @clerk/clerk-js} 6.40.0, its React Native build) completing the client-trust sign-in
 * against a server; and {@code clerk-backend-flow.cjs}: Clerk's backend SDK ({@code
 * @clerk/backend} 3.25.0) against the emulator's Backend API. Installs the pinned package with {@code npm ci} the first time (node_modules is
 * not committed); a machine without Node skips these tests, one where npm fails fails them.
 */
final class ClerkJsRunner {

  /** Maven runs tests with the module directory as working directory. */
  static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();
  private static final Path CLERK_NATIVE_JS =
      NODE_DIR.resolve(Path.of("node_modules", "@clerk", "clerk-js", "dist", "clerk.native.js"));
  private static final Path CLERK_BACKEND =
      NODE_DIR.resolve(Path.of("node_modules", "@clerk", "backend", "dist", "index.js"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Object INSTALL_LOCK = new Object();

  /** What the script printed and how it ended. */
  record Result(int exitCode, JsonNode output, String stderr) {
    String describe() {
      return "exit " + exitCode + "\nstdout: " + output + "\nstderr: " + stderr;
    }
  }

  private ClerkJsRunner() {}

  /** Skips the calling test, with the reason, when no usable {@code node} is on the PATH. */
  static void assumeNodeInstalled() {
    String version;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        version = null;
      }
    } catch (IOException e) {
      version = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      version = null;
    }
    Assumptions.assumeTrue(version != null,
        "node is not installed: Clerk's JavaScript client cannot run here (needs Node 20 and npm on the PATH)");
    // clerk-js relies on the global fetch, Headers and Response of Node 18 and later.
    int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
    Assumptions.assumeTrue(major >= 18, "node " + version + " is too old for clerk-js (needs 18 or later)");
  }

  /** Installs the locked packages unless already there. Failing to install is a test failure. */
  static void ensureInstalled() throws IOException, InterruptedException {
    synchronized (INSTALL_LOCK) {
      if (Files.isRegularFile(CLERK_NATIVE_JS) && Files.isRegularFile(CLERK_BACKEND)) {
        return;
      }
      Result npm = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
      if (npm.exitCode() != 0 || !Files.isRegularFile(CLERK_NATIVE_JS) || !Files.isRegularFile(CLERK_BACKEND)) {
        throw new IllegalStateException("npm ci in " + NODE_DIR + " failed: " + npm.describe());
      }
    }
  }

  /** Runs the flow script with the given arguments (see the script's header for them). */
  static Result runFlow(List<String> args) throws IOException, InterruptedException {
    return runScript("clerk-js-flow.cjs", args);
  }

  /** Runs one of the scripts in {@link #NODE_DIR} (clerk-js-flow.cjs, clerk-backend-flow.cjs). */
  static Result runScript(String script, List<String> args) throws IOException, InterruptedException {
    ensureInstalled();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(args);
    return exec(command, Duration.ofSeconds(90));
  }

  private static Result exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
    Path out = Files.createTempFile("clerk-js-", ".out");
    Path err = Files.createTempFile("clerk-js-", ".err");
    try {
      // Output goes to files, not pipes: a child writing more than a pipe buffer would otherwise
      // block while nobody reads.
      Process process = new ProcessBuilder(command)
          .directory(NODE_DIR.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout
            + "\nstderr: " + Files.readString(err));
      }
      String stdout = Files.readString(out).trim();
      JsonNode output;
      try {
        String lastLine = stdout.isEmpty() ? "null" : stdout.substring(stdout.lastIndexOf('\n') + 1);
        output = JSON.readTree(lastLine);
      } catch (IOException notJson) {
        output = JSON.getNodeFactory().textNode(stdout);
      }
      return new Result(process.exitValue(), output, Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
