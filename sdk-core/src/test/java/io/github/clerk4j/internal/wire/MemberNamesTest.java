package io.github.clerk4j.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.JsonSource.Names;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each decoder reads its kind of object with that kind's {@link MemberNames} set, and the set lists
 * every name the decoder looks for (read from the decoders' sources: each {@code case "..." ->} of
 * a switch on {@code nextName(MemberNames.X)}, each {@code nextName(MemberNames.X).equals("...")})
 * and every name the recorded answers carry: a name left out would take the parser's slower path,
 * a string and a search, and make its answers allocate again.
 */
class MemberNamesTest {

  private static final Path DECODERS = Path.of("src/main/java/io/github/clerk4j/internal/wire");
  private static final Pattern READ = Pattern.compile("nextName\\(MemberNames\\.(\\w+)\\)");
  private static final Pattern EQUALS = Pattern.compile("^\\.equals\\(\"([a-z0-9_]+)\"\\)");
  private static final Pattern CASE = Pattern.compile("case (\"[^;{]*?\")\\s*->");
  private static final Pattern QUOTED = Pattern.compile("\"([a-z0-9_]+)\"");

  @Test
  void everyNameADecoderLooksForIsInTheSetItReadsWith() throws Exception {
    int reads = 0;
    List<String> missing = new ArrayList<>();
    for (Path f : decoderSources()) {
      String source = Files.readString(f);
      Matcher read = READ.matcher(source);
      while (read.find()) {
        reads++;
        Set<String> looked = new TreeSet<>();
        String after = source.substring(read.end());
        Matcher equals = EQUALS.matcher(after);
        if (equals.find()) {
          looked.add(equals.group(1));
        } else {
          // the switch's cases, up to its default
          Matcher c = CASE.matcher(after.substring(0, after.indexOf("default ->")));
          while (c.find()) {
            Matcher q = QUOTED.matcher(c.group(1));
            while (q.find()) {
              looked.add(q.group(1));
            }
          }
        }
        List<String> listed = set(read.group(1)).list();
        for (String name : looked) {
          if (!listed.contains(name)) {
            missing.add(f.getFileName() + ": " + name + " not in " + read.group(1));
          }
        }
      }
    }
    assertThat(reads).as("switches on nextName(MemberNames.X) in the decoders").isGreaterThan(20);
    assertThat(missing).isEmpty();
  }

  /** Only the free-form objects (metadata, {@code WireReader.object()}) are read without a set. */
  @Test
  void noDecoderReadsAClerkObjectWithoutItsSet() throws IOException {
    for (Path f : decoderSources()) {
      if (!f.endsWith("WireReader.java")) {
        assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContain("nextName()");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.clerk4j.internal.wire.AnswerDecoderTest#recordedAnswers")
  void everyNameOfARecordedAnswerIsInTheSetItIsReadWith(String file, Endpoint endpoint) throws IOException {
    TextJsonSource source = AnswerDecoderTest.decodedThroughText(file, endpoint);
    assertThat(source.namesReadWithASet).isGreaterThan(0);
    assertThat(source.unlisted).isEmpty();
    if (endpoint != Endpoint.GET_ENVIRONMENT) { // its user_settings are read as a free-form map
      assertThat(source.namesReadWithoutASet).as("names read without a set").isZero();
    }
  }

  @Test
  void everySetIsSorted() throws IllegalAccessException {
    int sets = 0;
    for (Field f : MemberNames.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Names.class) {
        sets++;
        List<String> names = ((Names) f.get(null)).list();
        assertThat(names).as(f.getName()).isEqualTo(new ArrayList<>(new TreeSet<>(names)));
      }
    }
    assertThat(sets).isGreaterThan(20);
  }

  private static List<Path> decoderSources() throws IOException {
    try (Stream<Path> files = Files.list(DECODERS)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static Names set(String field) throws ReflectiveOperationException {
    return (Names) MemberNames.class.getDeclaredField(field).get(null);
  }
}
