package io.github.clerk4j.testing.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** JSON in (Moshi, over plain maps and lists) and out (its own writer); nulls are written, as Clerk does. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Serialises maps (string keys), collections, strings, {@link WireValue}s (as their wire
   * string), numbers, booleans and nulls; a {@link Supplier} is written as what it supplies,
   * computed now (session tokens are signed this way, outside the emulator's lock). Its own
   * writer, not Moshi's: every answer is written this way, and in a profile of the emulator under
   * load Moshi's writer and okio's buffer were a fifth of the CPU, twice what this costs.
   */
  public static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder(1024);
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof WireValue w) {
      string(out, w.wire());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Number n) {
      number(out, n);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, (String) e.getKey());
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Supplier<?> later) {
      write(out, later.get());
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** As Moshi writes numbers: their own text; JSON has no NaN or infinity. */
  private static void number(StringBuilder out, Number n) {
    if (n instanceof Long || n instanceof Integer) {
      out.append(n.longValue());
      return;
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON has no " + n);
    }
    out.append(n);
  }

  /** A string with the escapes RFC 8259 requires (and U+2028, U+2029, as Moshi does). */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    int plain = 0;
    while (plain < s.length() && !needsEscape(s.charAt(plain))) {
      plain++;
    }
    // Most strings (ids, tokens, URLs) need no escape: appended whole, not char by char.
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
  }

  /** Parses JSON into maps, lists, strings, doubles, booleans and nulls; {@code null} is null. */
  public static @Nullable Object read(String json) {
    try {
      return ADAPTER.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An insertion-ordered JSON object from alternating keys and values. */
  public static Map<String, Object> obj(@Nullable Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>(keysAndValues.length);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
