package io.github.clerk4j.okhttp.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.github.clerk4j.spi.JsonSource;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Moshi's streaming {@link JsonReader} as core's {@link JsonSource}: the body goes from the
 * socket's buffer to clerk4j-core's decoder with nothing in between. Moshi's two failure types map
 * onto the contract's {@link JsonSource.SyntaxException}; its {@code EOFException} and I/O
 * failures pass through.
 */
final class MoshiJsonSource implements JsonSource {

  /**
   * After this many answers in the JVM, names are matched against the {@link Names} core reads each
   * object with, and the values core reads with {@link #nextKnownString()} against {@link
   * JsonSource#knownStrings()}, without making strings. Not from the first one: building Moshi's
   * {@code Options} for the names core reads takes a fresh JVM tens of milliseconds (35 to 50 ms
   * for one set of all of them, timed around it, benchmarks/README.md), about 5 % of a cold
   * password sign-in and more than a program that signs in once and exits saves by it.
   */
  private static final int MATCH_AFTER = 32;

  private static final AtomicInteger answers = new AtomicInteger();
  private static volatile @Nullable KnownStrings knownStrings;
  /**
   * The {@code Options} of each name set at its {@link Names#index()}, made the first time a set is
   * matched; replaced, never changed, as sets are added.
   */
  private static volatile JsonReader.@Nullable Options[] nameOptions = new JsonReader.Options[0];

  /** The enums' values and their {@code Options}, built once. */
  private static final class KnownStrings {
    final List<String> values = JsonSource.knownStrings();
    final JsonReader.Options options = JsonReader.Options.of(values.toArray(String[]::new));
  }

  private final BufferedSource body;
  private final JsonReader reader;
  /** Null while the JVM has decoded only a few answers: then names and values are read as strings. */
  private final @Nullable KnownStrings known;

  MoshiJsonSource(BufferedSource body) {
    this.body = body;
    this.reader = JsonReader.of(body);
    KnownStrings strings = knownStrings;
    if (strings == null && answers.incrementAndGet() >= MATCH_AFTER) {
      strings = new KnownStrings(); // two threads may both build it: the same, once or twice
      knownStrings = strings;
    }
    this.known = strings;
  }

  @Override
  public Token peek() throws IOException {
    return (Token) guarded(Read.PEEK);
  }

  private static Token token(JsonReader reader) throws IOException {
    return switch (reader.peek()) {
      case BEGIN_ARRAY -> Token.BEGIN_ARRAY;
      case END_ARRAY -> Token.END_ARRAY;
      case BEGIN_OBJECT -> Token.BEGIN_OBJECT;
      case END_OBJECT -> Token.END_OBJECT;
      case NAME -> Token.NAME;
      case STRING -> Token.STRING;
      case NUMBER -> Token.NUMBER;
      case BOOLEAN -> Token.BOOLEAN;
      case NULL -> Token.NULL;
      case END_DOCUMENT -> Token.END_DOCUMENT;
    };
  }

  @Override
  public void beginArray() throws IOException {
    guarded(Read.BEGIN_ARRAY);
  }

  @Override
  public void endArray() throws IOException {
    guarded(Read.END_ARRAY);
  }

  @Override
  public void beginObject() throws IOException {
    guarded(Read.BEGIN_OBJECT);
  }

  @Override
  public void endObject() throws IOException {
    guarded(Read.END_OBJECT);
  }

  @Override
  public boolean hasNext() throws IOException {
    return (Boolean) guarded(Read.HAS_NEXT);
  }

  /** A name of a free-form object (metadata): nothing to match it against. */
  @Override
  public String nextName() throws IOException {
    return (String) guarded(Read.NEXT_NAME);
  }

  /** A listed name comes as core's own string, matched in the buffer without making one. */
  @Override
  public String nextName(Names expected) throws IOException {
    return known == null ? nextName() : matched(true, options(expected), expected.list());
  }

  /** {@code names}' {@code Options}, made the first time the set is matched. */
  private static JsonReader.Options options(Names names) {
    JsonReader.@Nullable Options[] all = nameOptions;
    int i = names.index();
    JsonReader.Options made = i < all.length ? all[i] : null;
    return made != null ? made : optionsMade(names);
  }

  /** Synchronized: threads that race to match a new set make its {@code Options} once. */
  private static synchronized JsonReader.Options optionsMade(Names names) {
    JsonReader.@Nullable Options[] all = nameOptions;
    int i = names.index();
    if (i < all.length && all[i] != null) {
      return all[i];
    }
    JsonReader.@Nullable Options[] grown = Arrays.copyOf(all, Math.max(all.length, i + 1));
    JsonReader.Options made = JsonReader.Options.of(names.list().toArray(String[]::new));
    grown[i] = made;
    nameOptions = grown;
    return made;
  }

  /**
   * Not matched against {@link JsonSource#knownStrings()}: core asks so for the values that are
   * never one of them (ids, tokens, addresses), and Moshi would try each against every listed
   * value after the match failed.
   */
  @Override
  public String nextString() throws IOException {
    return (String) guarded(Read.NEXT_STRING);
  }

  /** A value of core's enums comes as core's own string, as a listed name does. */
  @Override
  public String nextKnownString() throws IOException {
    KnownStrings strings = known;
    return strings == null ? nextString() : matched(false, strings.options, strings.values);
  }

  /**
   * The next name ({@code name}) or string value: {@code listed}'s instance if {@code options}, made
   * of {@code listed}, matches it, else read as a string.
   */
  private String matched(boolean name, JsonReader.Options options, List<String> listed) throws IOException {
    // Not through guarded(): the read depends on the list.
    try {
      int i = name ? reader.selectName(options) : reader.selectString(options);
      if (i >= 0) {
        return listed.get(i);
      }
      return name ? reader.nextName() : reader.nextString();
    } catch (JsonEncodingException e) {
      throw malformed(e);
    } catch (JsonDataException e) {
      throw syntaxError(e);
    }
  }

  @Override
  public boolean nextBoolean() throws IOException {
    return (Boolean) guarded(Read.NEXT_BOOLEAN);
  }

  @Override
  public long nextLong() throws IOException {
    // Not through guarded(): a timestamp per member would be boxed on the way.
    try {
      return reader.nextLong();
    } catch (JsonEncodingException e) {
      throw malformed(e);
    } catch (JsonDataException e) {
      throw syntaxError(e);
    }
  }

  @Override
  public double nextDouble() throws IOException {
    return (Double) guarded(Read.NEXT_DOUBLE);
  }

  @Override
  public void nextNull() throws IOException {
    guarded(Read.NEXT_NULL);
  }

  @Override
  public void skipValue() throws IOException {
    guarded(Read.SKIP_VALUE);
  }

  @Override
  public String path() {
    return reader.getPath();
  }

  /**
   * The reads that go through {@link #guarded}: constants of one switch rather than a method
   * reference each, which a fresh JVM would spin as a class apiece on its first answer.
   */
  private enum Read {
    PEEK, BEGIN_ARRAY, END_ARRAY, BEGIN_OBJECT, END_OBJECT, HAS_NEXT, NEXT_NAME, NEXT_STRING, NEXT_BOOLEAN,
    NEXT_DOUBLE, NEXT_NULL, SKIP_VALUE
  }

  /**
   * Moshi reports malformed JSON as {@link JsonEncodingException} and a value of another kind as
   * the unchecked {@link JsonDataException}; both are the contract's syntax error. Moshi's message
   * may quote the value ("Expected a long but was ..."), which can be a secret of the answer, so
   * it is not kept; nor is the path, whose member names come from the body too (a broken body can
   * put a token where a name belongs). Core's message says where, from {@link #path()}, showing
   * only names FAPI could have sent.
   *
   * <p>Moshi throws {@code EOFException} only when the body ends between two tokens. A body that
   * ends inside a string is an "Unterminated string" to it (raised only once it has searched the
   * rest of the body for the closing quote), and one that ends inside a literal leaves nothing to
   * read: both are cut off, which the contract wants reported as {@code EOFException}. Should a
   * later Moshi word it differently, the answer is still refused, as not JSON, and the
   * TransportContractSuite says so.
   */
  private Object guarded(Read read) throws IOException {
    try {
      switch (read) {
        case PEEK -> {
          return token(reader);
        }
        case BEGIN_ARRAY -> reader.beginArray();
        case END_ARRAY -> reader.endArray();
        case BEGIN_OBJECT -> reader.beginObject();
        case END_OBJECT -> reader.endObject();
        case HAS_NEXT -> {
          return reader.hasNext();
        }
        case NEXT_NAME -> {
          return reader.nextName();
        }
        case NEXT_STRING -> {
          return reader.nextString();
        }
        case NEXT_BOOLEAN -> {
          return reader.nextBoolean();
        }
        case NEXT_DOUBLE -> {
          return reader.nextDouble();
        }
        case NEXT_NULL -> reader.nextNull();
        case SKIP_VALUE -> reader.skipValue();
      }
      return Boolean.TRUE; // a step: nothing to yield
    } catch (JsonEncodingException e) {
      throw malformed(e);
    } catch (JsonDataException e) {
      throw syntaxError(e);
    }
  }

  /** A cut-off body as {@link EOFException}, anything else malformed as a syntax error. */
  private IOException malformed(JsonEncodingException e) throws IOException {
    String m = e.getMessage();
    if (body.exhausted() || (m != null && m.startsWith("Unterminated string"))
        || (m != null && m.startsWith("Unterminated escape sequence"))) {
      return new EOFException("the body ends inside a value");
    }
    return syntaxError(e);
  }

  private SyntaxException syntaxError(Exception e) {
    return new SyntaxException("not the expected JSON (" + e.getClass().getSimpleName() + ")", null);
  }
}
