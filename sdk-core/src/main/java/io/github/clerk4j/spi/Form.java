package io.github.clerk4j.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ordered, immutable form body with snake_case keys, as the Frontend API expects
 * ({@code application/x-www-form-urlencoded}). Values are already in wire form: booleans as {@code
 * true}/{@code false}, an empty string where Clerk means "clear".
 *
 * <p>{@code toString()} lists only the keys: form values include passwords and codes.
 */
public final class Form {

  private static final Form EMPTY = new Form(Map.of());

  private final Map<String, String> fields;

  private Form(Map<String, String> fields) {
    this.fields = fields;
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
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put(key, value);
    return new Form(Collections.unmodifiableMap(copy));
  }

  /**
   * {@return a copy without {@code key} (this form itself when it has no such field)}
   *
   * @param key the field to leave out
   */
  public Form without(String key) {
    if (!fields.containsKey(key)) {
      return this;
    }
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.remove(key);
    return new Form(Collections.unmodifiableMap(copy));
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
    return fields;
  }

  /**
   * {@return the value of {@code key}, or {@code null} when the form has no such field}
   *
   * @param key the field
   */
  public @Nullable String get(String key) {
    return fields.get(key);
  }

  /** {@return whether the form has no field} */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Form f && f.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "Form" + fields.keySet();
  }
}
