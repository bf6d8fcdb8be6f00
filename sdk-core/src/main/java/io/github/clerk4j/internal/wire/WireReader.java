package io.github.clerk4j.internal.wire;

import io.github.clerk4j.spi.JsonSource;
import io.github.clerk4j.spi.JsonSource.Names;
import io.github.clerk4j.spi.JsonSource.Token;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Null-tolerant reads on a {@link JsonSource}, in the forms the Frontend API uses: Clerk sends
 * explicit nulls for absent members, so every read accepts {@code null}; a value of another kind
 * is a {@link WireFormatException} naming its path.
 */
public final class WireReader {

  /** A member name as FAPI sends them. */
  private static final Pattern FAPI_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** Reads one value; returns {@code null} for JSON {@code null}. */
  @FunctionalInterface
  public interface Item<T> {
    @Nullable T read(WireReader in) throws IOException;
  }

  private final JsonSource source;
  /** How many objects and arrays are open: the number of segments of the source's path. */
  private int depth;
  /**
   * The segment of the source's path (counted from 1) that names the member whose value is being
   * or was last skipped, or 0: a name no decoder knows, which is body text (a broken body can turn
   * any value, a backup code say, into a "name"). Until the next name is read or its object ends,
   * the source's path still ends with it, or goes through it while the skip fails half way. Kept
   * as a depth, not as the path itself, so that skipping costs no path string: the path is built
   * only for a message.
   */
  private int skippedSegment;
  /** See {@link #takeCopiesFrom}. */
  private @Nullable Identified response;

  public WireReader(JsonSource source) {
    this.source = source;
  }

  /** Consumes a {@code null} and returns true, or returns false when the next value is not null. */
  public boolean nullValue() throws IOException {
    if (source.peek() == Token.NULL) {
      source.nextNull();
      return true;
    }
    return false;
  }

  public void beginObject() throws IOException {
    expect(Token.BEGIN_OBJECT, "an object");
    source.beginObject();
    depth++;
  }

  public void endObject() throws IOException {
    source.endObject();
    closed();
  }

  private void beginArray() throws IOException {
    source.beginArray();
    depth++;
  }

  private void endArray() throws IOException {
    source.endArray();
    closed();
  }

  /** A container ended: a member skipped inside it is no longer on the path. */
  private void closed() {
    depth--;
    if (skippedSegment > depth) {
      skippedSegment = 0;
    }
  }

  public boolean hasNext() throws IOException {
    return source.hasNext();
  }

  /** The next name of a free-form object (metadata), which no set describes. */
  public String nextName() throws IOException {
    skippedSegment = 0;
    return source.nextName();
  }

  /** The next name of an object of the kind whose members {@code expected} lists. */
  public String nextName(Names expected) throws IOException {
    skippedSegment = 0;
    return source.nextName(expected);
  }

  /** Skips the next value; if it is a member's, {@link #path()} hides the member's name from now on. */
  public void skipValue() throws IOException {
    skippedSegment = depth;
    source.skipValue();
  }

  /**
   * From now on, an object of {@code response}'s kind with {@code response}'s id is read as
   * {@code response} itself ({@link #copyOfResponse}). Clerk serializes one state into both parts
   * of an answer, so the resource an answer responds with comes again in its piggybacked client:
   * the sign-in in progress as {@code client.sign_in}, the touched session among {@code
   * client.sessions}, the user of a {@code /v1/me} answer in each of its sessions. Taking the
   * response for the copy spares decoding a third to a half of a sign-in's answer twice; the
   * recorded answers have the copies equal (PiggybackedCopyTest), and the emulator is checked to
   * send them so.
   */
  public void takeCopiesFrom(@Nullable Object response) {
    this.response = response instanceof Identified r ? r : null;
  }

  /**
   * The answer's response if it is a {@code kind} with the id {@code id}, just read as the id of
   * the object being read, whose members {@code names} lists: then the rest of that object is
   * skipped, its end included, and the caller returns the response for it. Null otherwise, and
   * nothing is read.
   */
  public <T> @Nullable T copyOfResponse(Class<T> kind, @Nullable String id, Names names)
      throws IOException {
    Identified r = response;
    if (!kind.isInstance(r) || !r.id().equals(id)) {
      return null;
    }
    while (source.hasNext()) {
      nextName(names);
      skipValue();
    }
    endObject();
    return kind.cast(r);
  }

  public Token peek() throws IOException {
    return source.peek();
  }

  /**
   * Where the reader is, for messages: {@code $.response.supported_first_factors[1]}. A member
   * no decoder knows (one being skipped), and any name that FAPI could not have sent (anything but
   * lowercase snake_case of up to 64 characters), shows as {@code ?}: a broken body can put any
   * text where a name belongs, a token or a backup code included, and messages end up in logs.
   */
  public String path() {
    String raw = source.path();
    if (raw == null || !raw.startsWith("$")) {
      return "$?";
    }
    StringBuilder out = new StringBuilder("$");
    int i = 1;
    int segment = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      int end = i + 1;
      segment++;
      if (c == '[') {
        end = raw.indexOf(']', i);
        end = end < 0 ? raw.length() : end + 1;
        String index = raw.substring(i + 1, Math.max(i + 1, end - 1));
        out.append('[').append(index.matches("[0-9]{1,9}") ? index : "?").append(']');
      } else if (segment == skippedSegment) {
        // the skipped member, and whatever of its value the source is still in
        return out.append(".?").toString();
      } else {
        while (end < raw.length() && raw.charAt(end) != '.' && raw.charAt(end) != '[') {
          end++;
        }
        String name = raw.substring(i + 1, end);
        out.append('.').append(c == '.' && FAPI_NAME.matcher(name).matches() ? name : "?");
      }
      i = end;
    }
    return out.toString();
  }

  /** A string (a number as its text), or null. */
  public @Nullable String string() throws IOException {
    return string(false);
  }

  /**
   * A string that names a constant of one of core's enums (a status, a strategy; {@link
   * KnownStrings}), or null: read with {@link JsonSource#nextKnownString()}.
   */
  public @Nullable String knownString() throws IOException {
    return string(true);
  }

  private @Nullable String string(boolean known) throws IOException {
    Token t = source.peek();
    if (t == Token.NULL) {
      source.nextNull();
      return null;
    }
    if (t != Token.STRING && t != Token.NUMBER) {
      throw mismatch("a string", t);
    }
    return known ? source.nextKnownString() : source.nextString();
  }

  /** A boolean, or null. */
  public @Nullable Boolean bool() throws IOException {
    Token t = source.peek();
    if (t == Token.NULL) {
      source.nextNull();
      return null;
    }
    if (t != Token.BOOLEAN) {
      throw mismatch("a boolean", t);
    }
    return source.nextBoolean();
  }

  /** A boolean; false for null. */
  public boolean isTrue() throws IOException {
    return Boolean.TRUE.equals(bool());
  }

  /** A whole number, or null. */
  public @Nullable Long number() throws IOException {
    Token t = source.peek();
    if (t == Token.NULL) {
      source.nextNull();
      return null;
    }
    if (t != Token.NUMBER && t != Token.STRING) {
      throw mismatch("a number", t);
    }
    try {
      return source.nextLong();
    } catch (NumberFormatException e) {
      throw new WireFormatException("expected a whole number at " + path());
    }
  }

  /** A whole number that fits an int, or null. */
  public @Nullable Integer integer() throws IOException {
    Long n = number();
    if (n == null) {
      return null;
    }
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new WireFormatException("number out of range at " + path());
    }
    return n.intValue();
  }

  /**
   * Epoch milliseconds, the Frontend API's timestamps; also the number as a string and an ISO-8601
   * instant, because a timestamp in an unexpected but unambiguous form is no reason to fail a
   * sign-in.
   */
  public @Nullable Instant instant() throws IOException {
    Token t = source.peek();
    if (t == Token.NULL) {
      source.nextNull();
      return null;
    }
    if (t == Token.NUMBER) {
      return Instant.ofEpochMilli(source.nextLong());
    }
    if (t != Token.STRING) {
      throw mismatch("a timestamp", t);
    }
    String text = source.nextString();
    try {
      return Instant.ofEpochMilli(Long.parseLong(text));
    } catch (NumberFormatException notANumber) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new WireFormatException("expected a timestamp at " + path());
      }
    }
  }

  /** An array of items, null elements dropped; null for JSON null. */
  public <T> @Nullable List<T> list(Item<T> item) throws IOException {
    Token t = source.peek();
    if (t == Token.NULL) {
      source.nextNull();
      return null;
    }
    if (t != Token.BEGIN_ARRAY) {
      throw mismatch("an array", t);
    }
    beginArray();
    List<T> out = new ArrayList<>();
    while (source.hasNext()) {
      T value = item.read(this);
      if (value != null) {
        out.add(value);
      }
    }
    endArray();
    return out;
  }

  /** An array of strings, null elements dropped; null for JSON null. */
  public @Nullable List<String> strings() throws IOException {
    return list(WireReader::string);
  }

  /** An array of {@link #knownString()}s, null elements dropped; null for JSON null. */
  public @Nullable List<String> knownStrings() throws IOException {
    return list(WireReader::knownString);
  }

  /**
   * Any value, for free-form members such as an error's {@code meta}: String, Long (whole
   * numbers), Double, Boolean, List or Map; null members of objects are dropped, because the
   * immutable maps of the API cannot hold them.
   */
  public @Nullable Object any() throws IOException {
    Token t = source.peek();
    return switch (t) {
      case NULL -> {
        source.nextNull();
        yield null;
      }
      case STRING -> source.nextString();
      case BOOLEAN -> source.nextBoolean();
      case NUMBER -> number(source.nextString());
      case BEGIN_ARRAY -> {
        beginArray();
        List<@Nullable Object> list = new ArrayList<>();
        while (source.hasNext()) {
          list.add(any());
        }
        endArray();
        yield Collections.unmodifiableList(list);
      }
      case BEGIN_OBJECT -> object();
      default -> throw mismatch("a value", t);
    };
  }

  /** A JSON number as Long when whole, else Double. */
  private Object number(String text) throws WireFormatException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notWhole) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new WireFormatException("expected a number at " + path());
      }
    }
  }

  /** An object of free-form values ({@link #any()}); null for JSON null. */
  public @Nullable Map<String, Object> object() throws IOException {
    if (nullValue()) {
      return null;
    }
    beginObject();
    Map<String, Object> map = new LinkedHashMap<>();
    while (source.hasNext()) {
      String name = nextName();
      Object value = any();
      if (value != null) {
        map.put(name, value);
      }
    }
    endObject();
    return Collections.unmodifiableMap(map);
  }

  /** {@code value}, or a {@link WireFormatException} that the resource lacks {@code member}. */
  public <T> T required(@Nullable T value, String object, String member) throws WireFormatException {
    if (value == null) {
      throw new WireFormatException("a " + object + " without " + member + " at " + path());
    }
    return value;
  }

  private void expect(Token wanted, String what) throws IOException {
    Token t = source.peek();
    if (t != wanted) {
      throw mismatch(what, t);
    }
  }

  private WireFormatException mismatch(String wanted, Token found) {
    return new WireFormatException("expected " + wanted + " but found " + found + " at " + path());
  }
}
