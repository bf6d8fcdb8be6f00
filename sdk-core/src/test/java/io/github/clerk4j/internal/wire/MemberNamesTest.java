package io.github.clerk4j.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.spi.JsonSource;
import java.io.IOException;
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

/**
 * {@link MemberNames} lists every name a decoder looks for: read from the decoders' sources (each
 * {@code case "..." ->} of a switch on {@code nextName()}, each {@code nextName().equals("...")}),
 * so that a decoder learning a member cannot leave it out and make its answers allocate again.
 */
class MemberNamesTest {

  private static final Path DECODERS = Path.of("src/main/java/io/github/clerk4j/internal/wire");
  private static final Pattern CASE = Pattern.compile("case (\"[^;{]*?\")\\s*->");
  private static final Pattern EQUALS = Pattern.compile("nextName\\(\\)\\.equals\\(\"([a-z0-9_]+)\"\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([a-z0-9_]+)\"");

  @Test
  void everyNameADecoderLooksForIsListed() throws IOException {
    Set<String> looked = new TreeSet<>();
    try (Stream<Path> files = Files.list(DECODERS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(f);
        Matcher c = CASE.matcher(source);
        while (c.find()) {
          Matcher q = QUOTED.matcher(c.group(1));
          while (q.find()) {
            looked.add(q.group(1));
          }
        }
        Matcher e = EQUALS.matcher(source);
        while (e.find()) {
          looked.add(e.group(1));
        }
      }
    }
    assertThat(looked).as("names read from the decoders' sources").hasSizeGreaterThan(50);
    assertThat(JsonSource.knownNames()).containsAll(looked);
  }

  @Test
  void theListHasNoDuplicatesAndIsSorted() {
    List<String> sorted = new ArrayList<>(new TreeSet<>(MemberNames.ALL));
    assertThat(MemberNames.ALL).isEqualTo(sorted);
  }
}
