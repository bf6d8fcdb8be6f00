package io.github.clerk4j.internal;

import io.github.clerk4j.spi.Form;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps secrets out of logs, {@code toString()} and exception messages. Form values are shown by
 * allowlist (new fields are hidden by default); free text is scrubbed of anything that looks like a
 * JWT or a bearer token.
 */
public final class Redactor {

  /** Form fields whose values are ids or switches, never secrets or personal data. */
  private static final Set<String> SHOWN_FIELDS =
      Set.of(
          "strategy",
          "email_address_id",
          "phone_number_id",
          "channel",
          "intent",
          "level",
          "sign_out_of_other_sessions",
          "active_organization_id",
          "reserved_for_second_factor",
          "default_second_factor",
          "transfer",
          "legal_accepted",
          "redirect_url",
          "action_complete_redirect_url",
          "oidc_prompt",
          "primary_email_address_id",
          "primary_phone_number_id");

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(Bearer)\\s+[^\\s,;\"']+");

  private Redactor() {}

  /** {@code {strategy=email_code, code=[redacted]}}: keys always, values only if allowlisted. */
  public static String describe(Form form) {
    if (form == null) {
      return "{}";
    }
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (Map.Entry<String, String> e : form.fields().entrySet()) {
      j.add(e.getKey() + "=" + (SHOWN_FIELDS.contains(e.getKey()) ? e.getValue() : "[redacted]"));
    }
    return j.toString();
  }

  /** {@code text} with JWTs and bearer tokens replaced by {@code [redacted]}; null stays null. */
  public static @Nullable String scrub(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String s = JWT.matcher(text).replaceAll("[redacted]");
    return BEARER.matcher(s).replaceAll("$1 [redacted]");
  }
}
