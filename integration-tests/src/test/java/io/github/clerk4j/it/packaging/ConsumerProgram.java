package io.github.clerk4j.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;

/**
 * The consumer programs of the packaging tests ({@code src/test/resources/consumer}: an {@code app}
 * package and a {@code module-info.java}), compiled and run in a JVM of their own against clerk4j
 * and its runtime dependencies as an application gets them, with nothing of this test's class
 * path.
 */
final class ConsumerProgram {

  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "a long and uncommon passphrase 7";

  /**
   * clerk4j-core, clerk4j-okhttp and clerk4j-okhttp's runtime dependencies, each found on this
   * test's class path by a class only it has: the jars (or, in the reactor, the class directories)
   * an application's build would put next to its own code.
   */
  private static final Map<String, String> RUNTIME = Map.of(
      "clerk4j-core", "io/github/clerk4j/Clerk.class",
      "clerk4j-okhttp", "io/github/clerk4j/okhttp/OkHttpTransport.class",
      "okhttp", "okhttp3/OkHttpClient.class",
      "retrofit", "retrofit2/Retrofit.class",
      "moshi", "com/squareup/moshi/JsonReader.class",
      "okio", "okio/Buffer.class",
      "kotlin-stdlib", "kotlin/Unit.class");

  private ConsumerProgram() {}

  /** An emulator with the consumer's user, who signs in with a password alone. */
  static ClerkEmulator emulator() {
    return emulator(false);
  }

  /** An emulator with the consumer's user; with Client Trust a new device needs an e-mail code. */
  static ClerkEmulator emulator(boolean clientTrust) {
    return ClerkEmulator.builder().clientTrust(clientTrust)
        .user(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build())
        .build().start();
  }

  static List<Path> clerk4jRuntime() {
    return RUNTIME.keySet().stream().sorted().map(ConsumerProgram::entry).toList();
  }

  /** The class path entry of one of {@link #RUNTIME}'s artifacts. */
  static Path entry(String artifact) {
    String classFile = RUNTIME.get(artifact);
    List<Path> having = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).filter(p -> contains(p, classFile)).collect(Collectors.toList());
    assertThat(having).as("%s on the test class path", artifact).hasSize(1);
    return having.get(0);
  }

  /** Compiles the consumer into {@code out}: as a module, or (without module-info) for the class path. */
  static Path compile(Path out, List<Path> clerk4j, boolean asModule) throws IOException {
    Path sources = resource("consumer");
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
    args.add(asModule ? "--module-path" : "--class-path");
    args.add(join(clerk4j));
    try (Stream<Path> programs = Files.list(sources.resolve("app"))) {
      programs.map(Path::toString).sorted().forEach(args::add);
    }
    if (asModule) {
      args.add(sources.resolve("module-info.java").toString());
    }
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("javac " + args).isZero();
    return out;
  }

  /** Runs {@code java} with these options, then the emulator's key and the user; its output. */
  static String run(ClerkEmulator emulator, List<String> javaOptions) throws Exception {
    Process p = start(emulator, javaOptions);
    p.getOutputStream().close();
    return finish(p);
  }

  /**
   * Starts {@code java} with these options, then the emulator's key, the user and {@code more}
   * arguments; standard error goes with standard output.
   */
  static Process start(ClerkEmulator emulator, List<String> javaOptions, String... more)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.addAll(List.of(emulator.publishableKey(), EMAIL, PASSWORD));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Waits (at most 60 s) for a program to exit successfully; the rest of its output. */
  static String finish(Process p) throws Exception {
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(done).as("finished within 60 s: " + output).isTrue();
    assertThat(p.exitValue()).as("exit status of " + p.info().commandLine().orElse("java") + "\n"
        + output).isZero();
    return output;
  }

  static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean contains(Path entry, String classFile) {
    if (Files.isDirectory(entry)) {
      return Files.isRegularFile(entry.resolve(classFile));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (ZipFile jar = new ZipFile(entry.toFile())) {
      return jar.getEntry(classFile) != null;
    } catch (IOException e) {
      throw new UncheckedIOException(entry + " is not a jar", e);
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(ConsumerProgram.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
