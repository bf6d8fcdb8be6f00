package io.github.clerk4j.testing.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out with Moshi over plain maps and lists; nulls are written, as Clerk does. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);
  private static final JsonAdapter<Object> WRITER = ADAPTER.serializeNulls();

  private Json() {}

  /** Serialises maps, lists, strings, numbers, booleans and nulls. */
  public static String write(Object value) {
    return WRITER.toJson(value);
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
