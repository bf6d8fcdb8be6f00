package io.github.clerk4j;

import io.github.clerk4j.internal.Redactor;
import io.github.clerk4j.spi.Form;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Shared body of the typed parameter classes: an immutable form whose {@code toString()} shows
 * field names and only allowlisted values (never passwords or codes).
 */
abstract class FormParams {

  private final Form form;

  FormParams(Form form) {
    this.form = Objects.requireNonNull(form, "form");
  }

  /** The wire form. */
  final Form form() {
    return form;
  }

  static String require(@Nullable String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && ((FormParams) o).form.equals(form);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass(), form);
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + Redactor.describe(form);
  }
}
