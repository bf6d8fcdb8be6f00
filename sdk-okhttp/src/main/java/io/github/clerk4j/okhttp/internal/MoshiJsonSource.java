package io.github.clerk4j.okhttp.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.github.clerk4j.spi.JsonSource;
import java.io.EOFException;
import java.io.IOException;
import okio.BufferedSource;

/**
 * Moshi's streaming {@link JsonReader} as core's {@link JsonSource}: the body goes from the
 * socket's buffer to clerk4j-core's decoder with nothing in between. Moshi's two failure types map
 * onto the contract's {@link JsonSource.SyntaxException}; its {@code EOFException} and I/O
 * failures pass through.
 */
final class MoshiJsonSource implements JsonSource {

  private final BufferedSource body;
  private final JsonReader reader;

  MoshiJsonSource(BufferedSource body) {
    this.body = body;
    this.reader = JsonReader.of(body);
  }

  @Override
  public Token peek() throws IOException {
    return guarded(() -> switch (reader.peek()) {
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
    });
  }

  @Override
  public void beginArray() throws IOException {
    guardedStep(reader::beginArray);
  }

  @Override
  public void endArray() throws IOException {
    guardedStep(reader::endArray);
  }

  @Override
  public void beginObject() throws IOException {
    guardedStep(reader::beginObject);
  }

  @Override
  public void endObject() throws IOException {
    guardedStep(reader::endObject);
  }

  @Override
  public boolean hasNext() throws IOException {
    return guarded(reader::hasNext);
  }

  @Override
  public String nextName() throws IOException {
    return guarded(reader::nextName);
  }

  @Override
  public String nextString() throws IOException {
    return guarded(reader::nextString);
  }

  @Override
  public boolean nextBoolean() throws IOException {
    return guarded(reader::nextBoolean);
  }

  @Override
  public long nextLong() throws IOException {
    return guarded(reader::nextLong);
  }

  @Override
  public double nextDouble() throws IOException {
    return guarded(reader::nextDouble);
  }

  @Override
  public void nextNull() throws IOException {
    guardedStep(reader::nextNull);
  }

  @Override
  public void skipValue() throws IOException {
    guardedStep(reader::skipValue);
  }

  @Override
  public String path() {
    return reader.getPath();
  }

  private interface Read<T> {
    T read() throws IOException;
  }

  private interface Step {
    void run() throws IOException;
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
  private <T> T guarded(Read<T> read) throws IOException {
    try {
      return read.read();
    } catch (JsonEncodingException e) {
      String m = e.getMessage();
      if (body.exhausted() || (m != null && m.startsWith("Unterminated string"))
          || (m != null && m.startsWith("Unterminated escape sequence"))) {
        throw new EOFException("the body ends inside a value");
      }
      throw syntaxError(e);
    } catch (JsonDataException e) {
      throw syntaxError(e);
    }
  }

  /** {@link #guarded(Read)} for a step that reads no value. */
  private void guardedStep(Step step) throws IOException {
    guarded(() -> {
      step.run();
      return Boolean.TRUE; // any non-null value: guarded(Read) passes it through unused
    });
  }

  // Moshi's exception is left out on purpose (see guarded); SyntaxException documents a null
  // cause, but sdk-core does not mark it @Nullable (yet)
  @SuppressWarnings("NullAway")
  private SyntaxException syntaxError(Exception e) {
    return new SyntaxException("not the expected JSON (" + e.getClass().getSimpleName() + ")", null);
  }
}
