package io.github.clerk4j.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sdk-testing/README.md's Java snippets compile as shown, and JavaSnippets itself reports problems where they are. */
class SdkTestingReadmeTest {
  /** Maven runs tests with the module directory as working directory. */
  private static final Path README = Path.of("..", "sdk-testing", "README.md");

  @Test
  void everyJavaSnippetOfTheEmulatorsReadmeCompiles() {
    List<JavaSnippets.Snippet> snippets = JavaSnippets.in(README);
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(6);
    assertThat(JavaSnippets.compile(snippets)).isEmpty();
  }

  @Test
  void aSnippetThatDoesNotCompileIsNamedByItsLineInTheFile(@TempDir Path dir) throws Exception {
    Path md = dir.resolve("README.md");
    Files.writeString(md, String.join("\n",
        "# Title", "", "```java", "import java.util.List;", "", "List<String> names = List.of(\"a\");",
        "int n = names.size();", "```", "", "text", "", "```java", "import java.util.Map;", "",
        "record Pair(String a, String b) {", "  Map<String, String> asMap() { return Map.of(a, b); }", "}", "```", "",
        "```java", "String s = 42;", "```", ""));
    List<JavaSnippets.Snippet> snippets = JavaSnippets.in(md);
    assertThat(snippets).extracting(JavaSnippets.Snippet::line).containsExactly(4, 13, 21);
    assertThat(JavaSnippets.compile(snippets)).singleElement().asString()
        .startsWith("README.md:21: ").contains("incompatible types");
  }
}
