package io.github.clerk4j.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.codehaus.mojo.animal_sniffer.ClassListBuilder;
import org.codehaus.mojo.animal_sniffer.SignatureChecker;
import org.codehaus.mojo.animal_sniffer.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * clerk4j-core uses only what Android API 26 has with core-library desugaring (the signature is
 * gummy-bears-api-26's {@code coreLib2}, from Maven Central): what only a JVM reaches is marked
 * {@code @JvmOnly} ({@code System.Logger}'s backend). The check is animal-sniffer's own, run here
 * because its Maven plugin cannot choose a signature's classifier.
 */
class AndroidApiTest {

  private static final Path SIGNATURE =
      Path.of("target", "android-api", "gummy-bears-api-26-coreLib2.signature");

  @Test
  void coreUsesOnlyAndroidApi26WithDesugaring() throws IOException {
    assertThat(undefinedReferences("clerk4j-core", List.of())).isEmpty();
  }

  @Test
  void okhttpTransportUsesOnlyAndroidApi26WithDesugaring() throws IOException {
    assertThat(undefinedReferences("clerk4j-okhttp",
        List.of("clerk4j-core", "okhttp", "retrofit", "moshi", "okio", "kotlin-stdlib"))).isEmpty();
  }

  /**
   * The classes of one clerk4j module checked against the signature; references into {@code
   * libraries} (found by the classes they hold) count as defined.
   */
  static List<String> undefinedReferences(String module, List<String> libraries) throws IOException {
    List<Path> runtime = ConsumerProgram.clerk4jRuntime();
    Path classes = ConsumerProgram.entry(module);
    assertThat(classes).as("%s as classes or a jar", module).exists();
    List<String> errors = new ArrayList<>();
    Logger logger = new Logger() {
      @Override public void info(String m) { }
      @Override public void info(String m, Throwable t) { }
      @Override public void debug(String m) { }
      @Override public void debug(String m, Throwable t) { }
      @Override public void warn(String m) { errors.add(m); }
      @Override public void warn(String m, Throwable t) { errors.add(m); }
      @Override public void error(String m) { errors.add(m); }
      @Override public void error(String m, Throwable t) { errors.add(m + ": " + t); }
    };
    Set<String> defined = new HashSet<>();
    // D8 turns records into classes of its own (java.lang.Record is Android API 34)
    defined.add("java/lang/Record");
    ClassListBuilder own = new ClassListBuilder(defined, logger);
    own.process(classes.toFile());
    for (String library : libraries) {
      own.process(ConsumerProgram.entry(library).toFile());
    }
    try (InputStream signature = Files.newInputStream(SIGNATURE)) {
      SignatureChecker checker = new SignatureChecker(signature, defined, logger);
      checker.setAnnotationTypes(List.of("io.github.clerk4j.internal.JvmOnly"));
      checker.setSourcePath(List.of(new File("../sdk-core/src/main/java")));
      checker.process(classes.toFile());
    }
    assertThat(runtime).isNotEmpty();
    return errors;
  }
}
