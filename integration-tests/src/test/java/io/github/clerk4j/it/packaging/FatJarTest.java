package io.github.clerk4j.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.ClerkEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat-jar trap: a shaded or assembled jar whose manifest lacks {@code Multi-Release: true}
 * gets the Java 8 base classes of multi-release dependencies. Moshi's base {@code
 * RecordJsonAdapter} throws {@code AssertionError} and Retrofit's base {@code
 * DefaultMethodSupport} cannot call default methods; clerk4j needs neither (it reads JSON with
 * Moshi's streaming reader, and its Retrofit interface has no default methods), so such a jar
 * signs in like any other.
 */
class FatJarTest {

  @Test
  void aJarWithoutMultiReleaseSignsIn(@TempDir Path dir) throws Exception {
    List<Path> clerk4j = ConsumerProgram.clerk4jRuntime();
    Path app = ConsumerProgram.compile(dir.resolve("classes"), clerk4j, false);
    Path fat = dir.resolve("app.jar");
    assemble(fat, Stream.concat(Stream.of(app), clerk4j.stream()).toList());

    try (JarFile jar = new JarFile(fat.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isNull();
      assertThat(jar.getEntry("com/squareup/moshi/RecordJsonAdapter.class")).isNotNull();
      assertThat(jar.getEntry("META-INF/versions/16/com/squareup/moshi/RecordJsonAdapter.class"))
          .as("the trap is in the jar").isNotNull();
    }
    try (ClerkEmulator emulator = ConsumerProgram.emulator()) {
      String out = ConsumerProgram.run(emulator, List.of("-jar", fat.toString()));
      assertThat(out).containsPattern("signed in: sess_\\w+, token of \\d+ characters")
          .doesNotContain("AssertionError");
    }
  }

  /**
   * What a naive assembly does: every entry of every input once (the first wins), service files
   * concatenated, the inputs' manifests replaced by one with only a main class.
   */
  private static void assemble(Path target, List<Path> inputs) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (Path input : inputs) {
      for (Map.Entry<String, byte[]> e : read(input).entrySet()) {
        String name = e.getKey();
        if (name.equals(JarFile.MANIFEST_NAME) || name.endsWith("module-info.class")) {
          continue;
        }
        if (name.startsWith("META-INF/services/") && entries.containsKey(name)) {
          entries.put(name, concat(entries.get(name), e.getValue()));
        } else {
          entries.putIfAbsent(name, e.getValue());
        }
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "app.SignInOnce");
    try (OutputStream file = Files.newOutputStream(target);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }

  private static Map<String, byte[]> read(Path input) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (Files.isDirectory(input)) {
      try (Stream<Path> files = Files.walk(input)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          entries.put(input.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
      }
      return entries;
    }
    try (ZipFile jar = new ZipFile(input.toFile())) {
      for (Enumeration<? extends ZipEntry> it = jar.entries(); it.hasMoreElements(); ) {
        ZipEntry e = it.nextElement();
        if (!e.isDirectory()) {
          try (InputStream in = jar.getInputStream(e)) {
            entries.put(e.getName(), in.readAllBytes());
          }
        }
      }
    }
    return entries;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.write('\n');
    out.writeBytes(b);
    return out.toByteArray();
  }
}
