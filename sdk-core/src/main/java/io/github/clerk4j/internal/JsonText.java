package io.github.clerk4j.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes JSON text (RFC 8259) from plain Java values, for the few form fields that carry JSON as a
 * string, such as a sign-up's {@code unsafe_metadata}. core has no JSON library, and needs none for
 * this: values are {@link Map} (string keys), {@link Collection}, {@link String}, {@link Character},
 * {@link Boolean}, {@link Number} (finite) and {@code null}; anything else is refused rather than
 * written as its {@code toString()}.
 */
public final class JsonText {

  /** Deeper than this is a mistake (or a cycle that slipped past the identity check). */
  private static final int MAX_DEPTH = 64;

  private JsonText() {}

  /**
   * The JSON text of {@code value}, compact, members in the map's iteration order.
   *
   * @throws IllegalArgumentException for a value of another type, a non-string map key, a
   *     non-finite number, a cycle or nesting deeper than 64; the message gives the path to it
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "$", Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, String path, Set<Object> open, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Character c) {
      string(c.toString(), out);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Number n) {
      number(n, out, path);
    } else if (value instanceof Map<?, ?> map) {
      enter(value, open, depth, path);
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings; " + path + " has the key "
              + (e.getKey() == null ? "null" : "of type " + e.getKey().getClass().getName()));
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(key, out);
        out.append(':');
        write(e.getValue(), out, path + "." + key, open, depth + 1);
      }
      out.append('}');
      open.remove(value);
    } else if (value instanceof Collection<?> list) {
      enter(value, open, depth, path);
      out.append('[');
      int i = 0;
      for (Object item : list) {
        if (i > 0) {
          out.append(',');
        }
        write(item, out, path + "[" + i + "]", open, depth + 1);
        i++;
      }
      out.append(']');
      open.remove(value);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName() + " at " + path
          + ": use Map, List, String, Number, Boolean or null");
    }
  }

  private static void enter(Object container, Set<Object> open, int depth, String path) {
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH + " levels at " + path);
    }
    if (!open.add(container)) {
      throw new IllegalArgumentException("a cycle: " + path + " contains itself");
    }
  }

  private static void number(Number n, StringBuilder out, String path) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d + " (at " + path + ")");
      }
      // Whole values as integers (2.0 -> 2), as JavaScript writes them; others as Java writes
      // them, which is valid JSON (1.5E-7).
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(n instanceof Float ? Float.toString(n.floatValue()) : Double.toString(d));
      }
    } else if (n instanceof BigDecimal b) {
      out.append(b.toString());
    } else if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger || n instanceof AtomicInteger || n instanceof AtomicLong) {
      out.append(n.toString());
    } else {
      throw new IllegalArgumentException("no JSON form for the number type " + n.getClass().getName()
          + " at " + path + ": use Integer, Long, Double or BigDecimal");
    }
  }

  /** A JSON string: quotes, backslashes, control characters and lone surrogates escaped. */
  private static void string(String s, StringBuilder out) {
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
          boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
          if (pair) {
            out.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
            // A lone surrogate cannot be encoded in UTF-8 on the wire; escaped, it is valid JSON.
            // U+2028/9 are escaped because JavaScript before ES2019 reads them as line breaks.
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
