package io.github.clerk4j.it.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the wire tests: ordered objects built from key/value pairs (null values
 * kept, as FAPI sends them), a writer, and the raw text of one member of a recorded fixture.
 */
final class Json {

  private Json() {}

  /** An ordered object from {@code key, value, key, value, ...}. */
  static Map<String, Object> obj(Object... keysAndValues) {
    return with(new LinkedHashMap<>(), keysAndValues);
  }

  /** A copy of {@code base} with the pairs added or replaced (in place of the old value). */
  static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up: " + Arrays.toString(keysAndValues));
    }
    Map<String, Object> copy = new LinkedHashMap<>(base);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return copy;
  }

  /** An array (null elements kept). */
  static List<Object> arr(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      string((String) v, sb);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(e.getKey().toString(), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object item : (List<?>) v) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(item, sb);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("no JSON form for " + v.getClass());
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * The raw text of the top-level {@code member} of a JSON object in a test resource, byte for
   * byte (numbers stay as written). Finds the member by scanning, skipping strings and nesting.
   */
  static String member(String resource, String member) {
    String text = resource(resource);
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = endOfString(text, i);
        if (depth == 1 && text.substring(i + 1, end).equals(member)) {
          int colon = text.indexOf(':', end);
          int start = colon + 1;
          while (Character.isWhitespace(text.charAt(start))) {
            start++;
          }
          return text.substring(start, endOfValue(text, start));
        }
        i = end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    throw new IllegalArgumentException(resource + " has no top-level member " + member);
  }

  private static int endOfString(String text, int quote) {
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw new IllegalArgumentException("unterminated string");
  }

  /** The index after the value starting at {@code start}. */
  private static int endOfValue(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = endOfString(text, i);
        if (depth == 0) {
          return i + 1;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i; // a scalar that was the last member
        }
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        return i;
      }
    }
    return text.length();
  }

  private static String resource(String name) {
    try (InputStream in = Json.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
