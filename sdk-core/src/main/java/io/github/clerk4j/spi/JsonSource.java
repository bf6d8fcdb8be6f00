package io.github.clerk4j.spi;

import io.github.clerk4j.internal.wire.MemberNames;
import java.io.IOException;
import java.util.List;

/**
 * A pull parser over one JSON response body: how a transport hands a body to clerk4j-core, which
 * decodes it ({@link FapiResponse#decode}). Any streaming JSON parser fits in a few lines (Moshi's
 * {@code JsonReader} method for method; Jackson's {@code JsonParser} with one token of
 * look-ahead), so that a transport carries the Frontend API's JSON without knowing its shapes.
 *
 * <p>The methods mean what they mean on Moshi's and Gson's {@code JsonReader}. Failures must be
 * reported as:
 *
 * <ul>
 *   <li>{@link java.io.EOFException}: the body ended inside a value (a cut-off answer);
 *   <li>{@link SyntaxException}: the body is not JSON, or a value is not of the kind asked for
 *       (a string where {@link #nextBoolean()} was called, say);
 *   <li>any other {@link IOException}: reading the body failed (the connection broke).
 * </ul>
 *
 * Not thread-safe; used by one thread, once.
 */
public interface JsonSource {

  /** The kinds of the next token, as {@link #peek()} reports them. */
  enum Token {
    BEGIN_ARRAY,
    END_ARRAY,
    BEGIN_OBJECT,
    END_OBJECT,
    NAME,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    END_DOCUMENT
  }

  /** The body is not JSON, or a value is not of the kind that was asked for. */
  final class SyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong; must not quote the body, which may hold secrets, nor the
     *     path, whose member names come from the body too (core says where, from {@link
     *     JsonSource#path()})
     * @param cause the parser's own exception, or {@code null}
     */
    public SyntaxException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The member names of the Frontend API's answers that clerk4j-core knows: those its decoders
   * read and those they skip. A hint for a parser that can match a name against a fixed set
   * without making a string of it (Moshi's {@code JsonReader.Options}): {@link #nextName()} may
   * then return the listed instance; a body may carry any other name too.
   */
  static List<String> knownNames() {
    return MemberNames.ALL;
  }

  /** The kind of the next token, without consuming it. */
  Token peek() throws IOException;

  /** Consumes {@code [}. */
  void beginArray() throws IOException;

  /** Consumes {@code ]}. */
  void endArray() throws IOException;

  /** Consumes <code>{</code>. */
  void beginObject() throws IOException;

  /** Consumes <code>}</code>. */
  void endObject() throws IOException;

  /** Whether the current array or object has another element. */
  boolean hasNext() throws IOException;

  /** The next property name. */
  String nextName() throws IOException;

  /** The next string (a number is also returned as its text). */
  String nextString() throws IOException;

  /** The next boolean. */
  boolean nextBoolean() throws IOException;

  /** The next number as a {@code long}; also a string holding one. */
  long nextLong() throws IOException;

  /** The next number as a {@code double}; also a string holding one. */
  double nextDouble() throws IOException;

  /** Consumes a {@code null}. */
  void nextNull() throws IOException;

  /** Skips the next value, whatever its kind (an object or array with everything in it). */
  void skipValue() throws IOException;

  /** Where the parser is, as a JSONPath such as {@code $.response.supported_first_factors[1]}. */
  String path();
}
