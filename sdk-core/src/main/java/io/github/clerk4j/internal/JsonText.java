package io.github.clerk4j.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes JSON text from plain Java values, for the few form fields whose value is JSON ({@code
 * unsafe_metadata}). clerk4j-core has no JSON library, and these values are small.
 */
public final class JsonText {

  private JsonText() {}

  /**
   * The JSON text of {@code value}: {@code null}, a {@link String}, a {@link Boolean}, a finite
   * {@link Number} of the JDK's own types, a {@link Map} with string keys, an {@link Iterable} or
   * an array of these.
   *
   * @param what names the value in errors, such as {@code unsafe metadata}
   * @throws IllegalArgumentException for any other value, naming where it is (keys only, never
   *     values)
   */
  public static String write(Object value, String what) {
    StringBuilder out = new StringBuilder();
    write(out, value, what, "");
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, String what, String path) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Number n) {
      number(out, n, what, path);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(what + ": the keys of a map must be strings (at "
              + where(path) + ")");
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, key);
        out.append(':');
        write(out, e.getValue(), what, path.isEmpty() ? key : path + "." + key);
      }
      out.append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      int i = 0;
      for (Object item : items) {
        if (i > 0) {
          out.append(',');
        }
        write(out, item, what, path + "[" + i++ + "]");
      }
      out.append(']');
    } else if (value instanceof Object[] items) {
      write(out, java.util.Arrays.asList(items), what, path);
    } else {
      throw new IllegalArgumentException(what + ": " + value.getClass().getName() + " at " + where(path)
          + " is not a JSON value; use strings, numbers, booleans, null, maps and lists");
    }
  }

  private static void number(StringBuilder out, Number n, String what, String path) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(what + ": " + d + " at " + where(path) + " has no JSON form");
      }
      out.append(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
    } else if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger) {
      out.append(n);
    } else if (n instanceof BigDecimal b) {
      out.append(b.toPlainString());
    } else {
      throw new IllegalArgumentException(what + ": " + n.getClass().getName() + " at " + where(path)
          + " is not a number type clerk4j writes; use Integer, Long, Double or BigDecimal");
    }
  }

  private static String where(String path) {
    return path.isEmpty() ? "the top level" : "'" + path + "'";
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
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
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
