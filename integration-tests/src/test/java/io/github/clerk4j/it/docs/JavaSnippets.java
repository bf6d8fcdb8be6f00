package io.github.clerk4j.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The {@code ```java} blocks of a Markdown file, compiled with the JDK's compiler ({@code
 * javax.tools}) against the test class path, so that a README's snippets compile as shown:
 *
 * <pre>{@code
 * List<JavaSnippets.Snippet> snippets = JavaSnippets.in(Path.of("../sdk-testing/README.md"));
 * assertThat(JavaSnippets.compile(snippets)).isEmpty();   // each problem names README.md:line
 * }</pre>
 *
 * <p>A snippet is written as a reader would copy it: its {@code import} lines first, then either
 * whole types ({@code class}, {@code record}, {@code interface}, {@code enum}, annotated or not),
 * compiled as they are, or statements, compiled as the body of a method that may throw. Each
 * snippet gets a package of its own, so that two snippets may declare classes of the same name.
 */
public final class JavaSnippets {
  private static final Pattern TYPE_START = Pattern.compile(
      "^(@\\w+(\\([^)]*\\))?\\s*)*((public|abstract|final|static|sealed)\\s+)*(class|record|interface|enum)\\s.*",
      Pattern.DOTALL);

  private JavaSnippets() {}

  /**
   * One {@code ```java} block.
   *
   * @param file the Markdown file
   * @param line the line of the block's first code line in that file (1-based)
   * @param code the block's text
   */
  public record Snippet(Path file, int line, String code) {
    /** {@code README.md:42}. */
    public String where() {
      return file.getFileName() + ":" + line;
    }
  }

  /** The file's {@code ```java} blocks, in order. */
  public static List<Snippet> in(Path markdown) {
    List<String> lines;
    try {
      lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + markdown, e);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```java")) {
        int start = i + 1;
        StringBuilder code = new StringBuilder();
        for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
          code.append(lines.get(i)).append('\n');
        }
        if (i == lines.size()) {
          throw new IllegalArgumentException(markdown + ":" + start + ": a ```java block is not closed");
        }
        snippets.add(new Snippet(markdown, start + 1, code.toString()));
      }
    }
    return snippets;
  }

  /**
   * Compiles the snippets together against the test class path.
   *
   * @return every error, each as {@code README.md:LINE: message}; empty when all compile
   */
  public static List<String> compile(List<Snippet> snippets) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
    }
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      sources.add(Source.of(snippets.get(i), "snippet" + (i + 1)));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out;
    try {
      out = Files.createTempDirectory("java-snippets-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none", "-Xlint:none");
      compiler.getTask(null, files, diagnostics, options, null, sources).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(out);
    }
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        Source source = (Source) d.getSource();
        problems.add(source == null ? d.getMessage(Locale.ROOT)
            : source.snippet.file().getFileName() + ":" + source.markdownLine(d.getLineNumber()) + ": "
                + d.getMessage(Locale.ROOT));
      }
    }
    return problems;
  }

  /** Surefire puts the test class path in this property (java.class.path may be its own jar only). */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** A snippet as a compilation unit, and how its lines map back to the Markdown file. */
  private static final class Source extends SimpleJavaFileObject {
    final Snippet snippet;
    final String text;
    /** How many lines of the snippet come before its body (imports and blank lines). */
    final int headLines;
    /** The unit's line number (1-based) of the snippet's first body line. */
    final int bodyStart;

    private Source(Snippet snippet, String text, int headLines, int bodyStart) {
      super(URI.create("string:///" + snippet.where().replace(':', '_') + ".java"), Kind.SOURCE);
      this.snippet = snippet;
      this.text = text;
      this.headLines = headLines;
      this.bodyStart = bodyStart;
    }

    /** Line 1 the package, then the snippet's imports as they are, then its body (wrapped in a method unless it declares types). */
    static Source of(Snippet snippet, String pkg) {
      String[] lines = snippet.code().split("\n", -1);
      int head = 0;
      while (head < lines.length && (lines[head].startsWith("import ") || lines[head].isBlank())) {
        head++;
      }
      StringBuilder unit = new StringBuilder("package ").append(pkg).append(";\n");
      for (int i = 0; i < head; i++) {
        unit.append(lines[i]).append('\n');
      }
      String body = String.join("\n", Arrays.copyOfRange(lines, head, lines.length));
      int bodyStart = 2 + head;
      if (TYPE_START.matcher(body.strip()).matches()) {
        unit.append(body);
      } else {
        unit.append("class Snippet {\n  void run() throws Exception {\n").append(body).append("\n  }\n}\n");
        bodyStart += 2;
      }
      return new Source(snippet, unit.toString(), head, bodyStart);
    }

    /** The Markdown line of a line of this unit. */
    long markdownLine(long unitLine) {
      long offset = unitLine < bodyStart ? unitLine - 2 : headLines + (unitLine - bodyStart);
      return snippet.line() + Math.max(0, offset);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
