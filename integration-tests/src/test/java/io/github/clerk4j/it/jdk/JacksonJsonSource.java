package io.github.clerk4j.it.jdk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.github.clerk4j.spi.JsonSource;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Jackson's streaming {@link JsonParser} as clerk4j-core's {@link JsonSource}: Jackson moves to a
 * token and then reads it, where the contract peeks at a token and then consumes it, so this holds
 * one token of look-ahead.
 */
final class JacksonJsonSource implements JsonSource {

  private final JsonParser parser;
  /** The token {@link #peek()} has read and nothing has consumed yet, if {@link #peeked}. */
  private JsonToken next;
  private boolean peeked;

  JacksonJsonSource(JsonParser parser) {
    this.parser = parser;
  }

  @Override
  public Token peek() throws IOException {
    JsonToken t = lookAhead();
    if (t == null) {
      return Token.END_DOCUMENT;
    }
    return switch (t) {
      case START_ARRAY -> Token.BEGIN_ARRAY;
      case END_ARRAY -> Token.END_ARRAY;
      case START_OBJECT -> Token.BEGIN_OBJECT;
      case END_OBJECT -> Token.END_OBJECT;
      case FIELD_NAME -> Token.NAME;
      case VALUE_STRING -> Token.STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Token.NUMBER;
      case VALUE_TRUE, VALUE_FALSE -> Token.BOOLEAN;
      case VALUE_NULL -> Token.NULL;
      case NOT_AVAILABLE, VALUE_EMBEDDED_OBJECT -> throw new SyntaxException("not JSON at " + path(), null);
    };
  }

  @Override
  public void beginArray() throws IOException {
    consume(JsonToken.START_ARRAY);
  }

  @Override
  public void endArray() throws IOException {
    consume(JsonToken.END_ARRAY);
  }

  @Override
  public void beginObject() throws IOException {
    consume(JsonToken.START_OBJECT);
  }

  @Override
  public void endObject() throws IOException {
    consume(JsonToken.END_OBJECT);
  }

  @Override
  public boolean hasNext() throws IOException {
    JsonToken t = lookAhead();
    return t != null && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY;
  }

  @Override
  public String nextName() throws IOException {
    consume(JsonToken.FIELD_NAME);
    return guarded(parser::currentName);
  }

  @Override
  public String nextString() throws IOException {
    consume(JsonToken.VALUE_STRING, JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
    return guarded(parser::getText);
  }

  @Override
  public boolean nextBoolean() throws IOException {
    return consume(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE) == JsonToken.VALUE_TRUE;
  }

  @Override
  public long nextLong() throws IOException {
    JsonToken t = consume(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT, JsonToken.VALUE_STRING);
    try {
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return guarded(parser::getLongValue);
      }
      double d = t == JsonToken.VALUE_STRING ? Double.parseDouble(guarded(parser::getText))
          : guarded(parser::getDoubleValue);
      if ((long) d != d) {
        throw new SyntaxException("not a whole number at " + path(), null);
      }
      return (long) d;
    } catch (NumberFormatException e) {
      throw new SyntaxException("not a number at " + path(), null);
    }
  }

  @Override
  public double nextDouble() throws IOException {
    JsonToken t = consume(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT, JsonToken.VALUE_STRING);
    try {
      return t == JsonToken.VALUE_STRING ? Double.parseDouble(guarded(parser::getText))
          : guarded(parser::getDoubleValue);
    } catch (NumberFormatException e) {
      throw new SyntaxException("not a number at " + path(), null);
    }
  }

  @Override
  public void nextNull() throws IOException {
    consume(JsonToken.VALUE_NULL);
  }

  @Override
  public void skipValue() throws IOException {
    JsonToken t = consumeAny();
    if (t == JsonToken.FIELD_NAME) {
      t = consumeAny();
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      guarded(() -> parser.skipChildren());
    }
  }

  /** {@code $.response.supported_first_factors[1]}, from Jackson's parsing contexts. */
  @Override
  public String path() {
    Deque<String> steps = new ArrayDeque<>();
    for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      steps.push(c.inArray() ? "[" + Math.max(0, c.getCurrentIndex()) + "]"
          : "." + (c.getCurrentName() == null ? "" : c.getCurrentName()));
    }
    return "$" + String.join("", steps);
  }

  private JsonToken lookAhead() throws IOException {
    if (!peeked) {
      next = guarded(parser::nextToken);
      peeked = true;
    }
    return next;
  }

  /** Consumes the next token, which must be one of {@code wanted}. */
  private JsonToken consume(JsonToken... wanted) throws IOException {
    JsonToken t = lookAhead();
    if (!List.of(wanted).contains(t)) {
      throw unexpected(t, List.of(wanted).toString());
    }
    peeked = false;
    return t;
  }

  /** Consumes the next token, whatever it is, short of the end of an object, array or body. */
  private JsonToken consumeAny() throws IOException {
    JsonToken t = lookAhead();
    if (t == null || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
      throw unexpected(t, "a value");
    }
    peeked = false;
    return t;
  }

  private IOException unexpected(JsonToken found, String wanted) {
    return found == null ? new EOFException("the body ends at " + path())
        : new SyntaxException("expected " + wanted + " but found " + found + " at " + path(), null);
  }

  private interface Read<T> {
    T read() throws IOException;
  }

  /**
   * Jackson's end of input inside a value is the contract's cut-off body; its other parse errors
   * are syntax errors. Jackson throws {@link JsonEOFException} for most ends of input, but a plain
   * parse exception, worded the same, for one right after a comma. Every read goes through here,
   * because Jackson reads a string lazily, when its text is asked for. Jackson's messages quote the
   * offending text, which may be a secret of the answer, so only the path is kept.
   */
  private <T> T guarded(Read<T> read) throws IOException {
    try {
      return read.read();
    } catch (StreamReadException e) {
      String m = e.getOriginalMessage();
      if (e instanceof JsonEOFException || (m != null && m.startsWith("Unexpected end-of-input"))) {
        throw new EOFException("the body ends inside a value");
      }
      throw new SyntaxException("not JSON at " + path() + " (" + e.getClass().getSimpleName() + ")", null);
    }
  }
}
