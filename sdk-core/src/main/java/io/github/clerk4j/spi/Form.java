package io.github.clerk4j.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An ordered, immutable form body with snake_case keys, as the Frontend API expects
 * ({@code application/x-www-form-urlencoded}). Values are already in wire form: booleans as {@code
 * true}/{@code false}, an empty string where Clerk means "clear".
 *
 * <p>{@code toString()} lists only the keys: form values include passwords and codes.
 */
public final class Form {

  private static final Form EMPTY = new Form(new String[0]);

  /**
   * Keys and values alternating, in insertion order. Arrays rather than a map: a form has a few
   * fields and is built by a chain of {@link #with} calls, each a copy; a map per step was a tenth
   * of what a sign-in allocated outside OkHttp (benchmarks/README.md).
   */
  private final String[] keysAndValues;

  /** The map view of {@link #fields()}, made on first use. */
  private @Nullable Map<String, String> view;

  private Form(String[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /** {@return the form without fields} */
  public static Form empty() {
    return EMPTY;
  }

  /**
   * {@return a copy with {@code key=value} added (or replaced); a {@code null} value leaves the
   * field out}
   *
   * @param key the field, in snake_case
   * @param value the value in wire form, or {@code null} to leave the field out
   */
  public Form with(String key, @Nullable String value) {
    Objects.requireNonNull(key, "key");
    if (value == null) {
      return this;
    }
    int at = indexOf(key);
    String[] copy;
    if (at >= 0) {
      copy = keysAndValues.clone();
    } else {
      at = keysAndValues.length;
      copy = Arrays.copyOf(keysAndValues, at + 2);
      copy[at] = key;
    }
    copy[at + 1] = value;
    return new Form(copy);
  }

  /**
   * {@return a copy without {@code key} (this form itself when it has no such field)}
   *
   * @param key the field to leave out
   */
  public Form without(String key) {
    int at = indexOf(key);
    if (at < 0) {
      return this;
    }
    String[] copy = new String[keysAndValues.length - 2];
    System.arraycopy(keysAndValues, 0, copy, 0, at);
    System.arraycopy(keysAndValues, at + 2, copy, at, copy.length - at);
    return new Form(copy);
  }

  /**
   * {@return a copy with {@code key=true|false} added; a {@code null} value leaves the field out}
   *
   * @param key the field, in snake_case
   * @param value the value, or {@code null} to leave the field out
   */
  public Form with(String key, @Nullable Boolean value) {
    return with(key, value == null ? null : value.toString());
  }

  /** {@return the fields in insertion order (unmodifiable)} */
  public Map<String, String> fields() {
    Map<String, String> v = view;
    if (v == null) {
      Map<String, String> m = new LinkedHashMap<>(keysAndValues.length);
      for (int i = 0; i < keysAndValues.length; i += 2) {
        m.put(keysAndValues[i], keysAndValues[i + 1]);
      }
      v = Collections.unmodifiableMap(m);
      view = v; // racy but benign: every thread builds an equal map
    }
    return v;
  }

  /**
   * Gives each field to {@code action}, in insertion order, without making the map of {@link
   * #fields()}: how a transport writes the body.
   *
   * @param action called with each key and its value
   */
  public void forEach(BiConsumer<? super String, ? super String> action) {
    Objects.requireNonNull(action, "action");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      action.accept(keysAndValues[i], keysAndValues[i + 1]);
    }
  }

  /**
   * {@return the value of {@code key}, or {@code null} when the form has no such field}
   *
   * @param key the field
   */
  public @Nullable String get(String key) {
    int at = indexOf(key);
    return at < 0 ? null : keysAndValues[at + 1];
  }

  /** {@return whether the form has no field} */
  public boolean isEmpty() {
    return keysAndValues.length == 0;
  }

  private int indexOf(String key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Equal when both have the same fields with the same values, whatever their order. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Form f) || f.keysAndValues.length != keysAndValues.length) {
      return false;
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!keysAndValues[i + 1].equals(f.get(keysAndValues[i]))) {
        return false;
      }
    }
    return true;
  }

  /** As a map's: independent of the fields' order. */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < keysAndValues.length; i += 2) {
      h += keysAndValues[i].hashCode() ^ keysAndValues[i + 1].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Form[");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.append(i == 0 ? "" : ", ").append(keysAndValues[i]);
    }
    return out.append(']').toString();
  }
}
