package io.github.clerk4j.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root README.md's Java snippets, the quickstart first, compile as shown, imports included. */
class ReadmeTest {
  /** Maven runs tests with the module directory as working directory. */
  private static final Path README = Path.of("..", "README.md");

  @Test
  void everyJavaSnippetOfTheReadmeCompiles() {
    List<JavaSnippets.Snippet> snippets = JavaSnippets.in(README);
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(4);
    assertThat(JavaSnippets.compile(snippets)).isEmpty();
  }
}
