package io.github.clerk4j.spi;

import io.github.clerk4j.internal.wire.KnownStrings;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

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
    /** {@code [}: an array begins. */
    BEGIN_ARRAY,
    /** {@code ]}: the array ends. */
    END_ARRAY,
    /** <code>{</code>: an object begins. */
    BEGIN_OBJECT,
    /** <code>}</code>: the object ends. */
    END_OBJECT,
    /** A property name. */
    NAME,
    /** A string. */
    STRING,
    /** A number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}. */
    NULL,
    /** The end of the body. */
    END_DOCUMENT
  }

  /** The body is not JSON, or a value is not of the kind that was asked for. */
  final class SyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * A body that is not JSON, or a value of another kind.
     *
     * @param message what was wrong; must not quote the body, which may hold secrets, nor the
     *     path, whose member names come from the body too (core says where, from {@link
     *     JsonSource#path()})
     * @param cause the parser's own exception, or {@code null}
     */
    public SyntaxException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The member names of one kind of object in the Frontend API's answers (a session's, a user's),
   * as clerk4j-core expects them when it reads such an object ({@link #nextName(Names)}): those
   * its decoder reads and those it skips. Core makes one set per kind, once. A parser that can
   * match a name against a fixed set without making a string of it (Moshi's {@code
   * JsonReader.Options}) may prepare a matcher per set, kept at the set's {@link #index()} for as
   * long as the class loader lives; so a set is made once and kept, never per read.
   */
  final class Names {
    private static final AtomicInteger made = new AtomicInteger();

    private final List<String> names;
    private final int index;

    private Names(List<String> names) {
      this.names = names;
      this.index = made.getAndIncrement();
    }

    /**
     * {@return a set of member names, in the order given}
     *
     * @param names the names, distinct
     * @throws IllegalArgumentException a name is given twice
     * @throws NullPointerException a name is {@code null}
     */
    public static Names of(String... names) {
      List<String> list = List.of(names);
      if (new HashSet<>(list).size() != list.size()) {
        throw new IllegalArgumentException("a name is given twice: " + list);
      }
      return new Names(list);
    }

    /** {@return the names, an unmodifiable list in the order given to {@link #of}} */
    public List<String> list() {
      return names;
    }

    /**
     * {@return this set's number: distinct for every set made in this class loader, counted from
     * 0}, so that a parser can keep what it prepares for each set in an array
     */
    public int index() {
      return index;
    }

    @Override
    public String toString() {
      return "Names" + names;
    }
  }

  /**
   * The string values that clerk4j-core's enums name (statuses such as {@code needs_client_trust},
   * strategies such as {@code email_code}): a hint, like {@link Names}, for a parser that can
   * match a string value against a fixed set without making a string of it (Moshi's {@code
   * JsonReader.selectString}). {@link #nextKnownString()} may then return the listed instance.
   *
   * @return the values, an unmodifiable list
   */
  static List<String> knownStrings() {
    return KnownStrings.ALL;
  }

  /**
   * {@return the kind of the next token, without consuming it}
   *
   * @throws IOException the body ended, is not JSON, or could not be read
   */
  Token peek() throws IOException;

  /**
   * Consumes {@code [}.
   *
   * @throws IOException the next token is not {@code [}, or the body could not be read
   */
  void beginArray() throws IOException;

  /**
   * Consumes {@code ]}.
   *
   * @throws IOException the next token is not {@code ]}, or the body could not be read
   */
  void endArray() throws IOException;

  /**
   * Consumes <code>{</code>.
   *
   * @throws IOException the next token is not <code>{</code>, or the body could not be read
   */
  void beginObject() throws IOException;

  /**
   * Consumes <code>}</code>.
   *
   * @throws IOException the next token is not <code>}</code>, or the body could not be read
   */
  void endObject() throws IOException;

  /**
   * {@return whether the current array or object has another element}
   *
   * @throws IOException the body ended inside it, is not JSON, or could not be read
   */
  boolean hasNext() throws IOException;

  /**
   * {@return the next property name}
   *
   * @throws IOException the next token is not a name, or the body could not be read
   */
  String nextName() throws IOException;

  /**
   * {@return the next property name, where clerk4j-core reads an object of the kind {@code
   * expected} lists the members of}: the same as {@link #nextName()}, but a parser that matches
   * names may return the listed instance. A name that is not listed (Clerk adds members) is
   * returned as {@code nextName()} would return it.
   *
   * @param expected the member names of the kind of object being read
   * @throws IOException the next token is not a name, or the body could not be read
   */
  default String nextName(Names expected) throws IOException {
    return nextName();
  }

  /**
   * {@return the next string (a number is also returned as its text)}
   *
   * @throws IOException the next token is neither a string nor a number, or the body could not be
   *     read
   */
  String nextString() throws IOException;

  /**
   * {@return the next string where clerk4j-core expects one of {@link #knownStrings()}} (a status,
   * a strategy): the same as {@link #nextString()}, but a parser that matches values may return
   * the listed instance. Core asks for the rest (ids, tokens, addresses: none of them listed) with
   * {@code nextString()}, so that a parser does not try each of them against the list in vain.
   *
   * @throws IOException the next token is neither a string nor a number, or the body could not be
   *     read
   */
  default String nextKnownString() throws IOException {
    return nextString();
  }

  /**
   * {@return the next boolean}
   *
   * @throws IOException the next token is not a boolean, or the body could not be read
   */
  boolean nextBoolean() throws IOException;

  /**
   * {@return the next number as a {@code long}; also a string holding one}
   *
   * @throws IOException the next token is neither a number nor a string holding one, or the body
   *     could not be read
   */
  long nextLong() throws IOException;

  /**
   * {@return the next number as a {@code double}; also a string holding one}
   *
   * @throws IOException the next token is neither a number nor a string holding one, or the body
   *     could not be read
   */
  double nextDouble() throws IOException;

  /**
   * Consumes a {@code null}.
   *
   * @throws IOException the next token is not {@code null}, or the body could not be read
   */
  void nextNull() throws IOException;

  /**
   * Skips the next value, whatever its kind (an object or array with everything in it).
   *
   * @throws IOException the body ended inside the value, is not JSON, or could not be read
   */
  void skipValue() throws IOException;

  /**
   * {@return where the parser is, as a JSONPath such as {@code
   * $.response.supported_first_factors[1]}}
   */
  String path();
}
