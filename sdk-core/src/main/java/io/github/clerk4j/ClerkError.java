package io.github.clerk4j;

import java.util.Map;

/**
 * One error of a Frontend API error response. Branch on {@link #code()}, never on the messages,
 * which are English prose that may change.
 *
 * @param code the machine-readable code, for example {@code form_password_incorrect}
 * @param message a short message, for example "is incorrect"
 * @param longMessage a sentence for the user
 * @param meta the error's {@code meta} object (values are String, Number, Boolean, List or Map);
 *     {@code param_name} names the form field at fault
 */
// Serializable because ClerkApiException, a Throwable and so Serializable, holds a list of them.
public record ClerkError(String code, String message, String longMessage, Map<String, Object> meta)
    implements java.io.Serializable {

  public ClerkError {
    meta = meta == null ? Map.of() : Map.copyOf(meta);
  }

  /** The form field the error is about ({@code meta.param_name}), or {@code null}. */
  public String paramName() {
    Object v = meta.get("param_name");
    return v == null ? null : v.toString();
  }
}
