package io.github.clerk4j.testing.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import okio.Buffer;

/** JSON in and out with Moshi over plain maps and lists; nulls are written, as Clerk does. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {}

  /**
   * Serialises maps (string keys), collections, strings, {@link WireValue}s (as their wire
   * string), numbers, booleans and nulls; a {@link
   * Supplier} is written as what it supplies, computed now (session tokens are signed this way,
   * outside the emulator's lock). Walks the tree itself rather than through Moshi's {@code Object}
   * adapter, which looks up an adapter for every value's class: every response is written this
   * way, and that lookup was most of it.
   */
  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does no I/O
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof WireValue w) {
      writer.value(w.wire());
    } else if (value instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (value instanceof Number n) {
      writer.value(n);
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name((String) e.getKey());
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof Supplier<?> later) {
      write(writer, later.get());
    } else if (value instanceof Collection<?> list) {
      writer.beginArray();
      for (Object item : list) {
        write(writer, item);
      }
      writer.endArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** Parses JSON into maps, lists, strings, doubles, booleans and nulls. */
  public static Object read(String json) {
    try {
      return ADAPTER.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An insertion-ordered JSON object from alternating keys and values. */
  public static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
