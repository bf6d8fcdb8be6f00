package io.github.clerk4j;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One error of a Frontend API error response. Branch on {@link #code()}, never on the messages,
 * which are English prose that may change.
 *
 * @param code the machine-readable code, for example {@code form_password_incorrect}; {@code null}
 *     when the server sent none
 * @param message a short message, for example "is incorrect"; {@code null} when the server sent
 *     none
 * @param longMessage a sentence for the user; {@code null} when the server sent none
 * @param meta the error's {@code meta} object (values are String, Number, Boolean, List or Map);
 *     {@code param_name} names the form field at fault
 * @serial exclude
 */
// Serializable because ClerkApiException, a Throwable and so Serializable, holds a list of them.
// Its serial form is left out of the javadoc: JDK 17's doclint wants comments on a record's
// fields, which a record cannot declare.
public record ClerkError(
    @Nullable String code, @Nullable String message, @Nullable String longMessage, Map<String, Object> meta)
    implements java.io.Serializable {

  /**
   * Makes an error; the parameters are the components above, except that {@code meta} may be
   * {@code null} for none.
   *
   * @param code the machine-readable code, or {@code null}
   * @param message a short message, or {@code null}
   * @param longMessage a sentence for the user, or {@code null}
   * @param meta the {@code meta} object (copied), or {@code null} for an empty one
   */
  public ClerkError(@Nullable String code, @Nullable String message, @Nullable String longMessage,
      @Nullable Map<String, Object> meta) {
    this.code = code;
    this.message = message;
    this.longMessage = longMessage;
    this.meta = meta == null ? Map.of() : Map.copyOf(meta);
  }

  /**
   * The form field the error is about ({@code meta.param_name}).
   *
   * @return the field's name, or {@code null} when the error names none
   */
  public @Nullable String paramName() {
    Object v = meta.get("param_name");
    return v == null ? null : v.toString();
  }
}
