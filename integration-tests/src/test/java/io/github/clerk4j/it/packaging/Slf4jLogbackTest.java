package io.github.clerk4j.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.ClerkEmulator;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clerk4j's log through SLF4J and Logback, set up as the README's Logging section says (only
 * {@code slf4j-jdk-platform-logging} added beside Logback, the logger {@code io.github.clerk4j} at
 * DEBUG), in a JVM of its own so that SLF4J's {@code System.LoggerFinder} is not this JVM's: the
 * DEBUG lines arrive under that logger, nothing above DEBUG on a sign-in, and no password, code or
 * token is in them.
 */
class Slf4jLogbackTest {

  @Test
  void theLogThroughSlf4jAndLogbackHasDebugLinesAndNoSecret(@TempDir Path dir) throws Exception {
    List<Path> classPath = new ArrayList<>();
    classPath.add(ConsumerProgram.compile(dir.resolve("classes"), ConsumerProgram.clerk4jRuntime(), false));
    classPath.addAll(ConsumerProgram.clerk4jRuntime());
    try (Stream<Path> jars = Files.list(Path.of("target", "slf4j-logback"))) {
      List<Path> logging = jars.sorted().toList();
      assertThat(logging).hasSize(4);
      classPath.addAll(logging);
    }
    classPath.add(ConsumerProgram.resource("consumer-logging"));   // logback.xml
    Path log = dir.resolve("clerk4j.log");
    Path tokenFile = dir.resolve("clerk-token");
    Path sessionToken = dir.resolve("session-token");

    String code;
    String output;
    try (ClerkEmulator emulator = ConsumerProgram.emulator(true)) {
      Process p = ConsumerProgram.start(emulator, List.of(
              "-Dlog.file=" + log, "-cp", ConsumerProgram.join(classPath), "app.LoggedSignIn"),
          tokenFile.toString(), sessionToken.toString());
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line; (line = out.readLine()) != null && !line.equals("code?"); ) {
        seen.append(line).append('\n');
      }
      assertThat(p.isAlive()).as("asked for the code: " + seen).isTrue();
      code = emulator.outbox().latestCodeFor(ConsumerProgram.EMAIL);
      try (Writer in = p.outputWriter(StandardCharsets.UTF_8)) {
        in.write(code + "\n");
      }
      output = seen + ConsumerProgram.finish(p);
    }
    assertThat(output).contains("wrong password refused: form_password_incorrect")
        .contains("wrong code refused: form_code_incorrect").containsPattern("signed in: sess_\\w+");

    List<String> lines = Files.readAllLines(log);
    assertThat(lines).as("DEBUG lines under clerk4j's logger, through Logback's pattern")
        .filteredOn(l -> l.startsWith("DEBUG io.github.clerk4j ")).hasSizeGreaterThan(5);
    assertThat(lines).as("nothing but DEBUG on a sign-in").allMatch(l -> l.startsWith("DEBUG "));
    String all = String.join("\n", lines);
    String clientToken = Files.readString(tokenFile).trim();
    assertThat(clientToken).isNotEmpty();
    for (String secret : List.of(ConsumerProgram.PASSWORD, "but wrong", code,
        Files.readString(sessionToken), bareJwt(clientToken))) {
      assertThat(all).as("the log holds a secret").doesNotContain(secret);
      for (String part : secret.split("\\.")) {
        if (part.length() > 16) {
          assertThat(all).as("the log holds part of a token").doesNotContain(part);
        }
      }
    }
  }

  /** The token store keeps what the server sent; the JWT itself is its last word. */
  private static String bareJwt(String stored) {
    String[] words = stored.split("\\s+");
    return words[words.length - 1];
  }
}
