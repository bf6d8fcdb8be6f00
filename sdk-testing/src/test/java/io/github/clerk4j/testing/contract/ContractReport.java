package io.github.clerk4j.testing.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link OpenApiContract} found in one {@link Interaction}: the violations (each one a
 * failure) and the deviations it tolerated, with the reason for each, so that a test can show
 * what the harness let through rather than swallow it silently.
 */
public record ContractReport(String label, List<Finding> violations, List<Finding> tolerated) {

  public ContractReport {
    violations = List.copyOf(violations);
    tolerated = List.copyOf(tolerated);
  }

  /** Which half of the interaction a finding is about. */
  public enum Side {
    REQUEST,
    RESPONSE
  }

  /**
   * The only deviations from the OpenAPI file that are not failures: each is a way in which
   * Clerk's own recorded traffic differs from the file (DESIGN §6 item 4), so a server imitating
   * Clerk may differ in the same way.
   */
  public enum Tolerance {
    /**
     * A response object carries a property the file does not list while the file says
     * {@code additionalProperties: false}: Clerk sends {@code locale} on sign-ins,
     * {@code bypass_client_trust} on users, and more. Clients must ignore unknown fields.
     */
    EXTRA_RESPONSE_PROPERTY,
    /**
     * A request form carries a parameter that Clerk's own clients send although the file does not
     * list it ({@code locale}, {@code timezone} on sign-in creation, see wire spec §1.4; {@code
     * channel} on a sign-up's {@code prepare_verification}, addendum §12.4).
     */
    CLIENT_SENT_REQUEST_PARAMETER,
    /**
     * A {@code null} value where the file declares {@code nullable: true} on an {@code allOf} or
     * {@code oneOf} of references ({@code client.sign_in}, {@code second_factor_verification},
     * ...): the validator applies the composite to null and fails, though the file allows null.
     */
    NULLABLE_REFERENCE,
    /**
     * {@code "password"} in a sign-in's {@code supported_identifiers}: every recorded Clerk
     * sign-in for an instance with passwords has it, the file's enum lacks it.
     */
    PASSWORD_IN_SUPPORTED_IDENTIFIERS,
    /**
     * A query parameter that Clerk's own clients send and the operation does not declare (DESIGN
     * §6): {@code _is_native} on every native request and {@code _clerk_session_id} on {@code
     * /v1/me} calls (wire spec §1.2–1.4); {@code __clerk_api_version}, the API version as query,
     * {@code _clerk_js_version} and {@code _method} (the verb of a PATCH or DELETE clerk-js sends
     * as POST, §1.3), all from clerk-js; and {@code rotating_token_nonce} on the reload of a sign-in or sign-up after a
     * browser round trip, as clerk-android, clerk-ios and Expo send it (addendum §14.2 step 6,
     * uncertainty 11), while the file's {@code getSignIn} and {@code getSignUp} declare no query.
     */
    CLIENT_SENT_QUERY_PARAMETER,
    /**
     * A verification whose strategy is {@code enterprise_sso}: the file lists the strategy for
     * factors and for {@code prepare_first_factor}, but none of its verification schemas allows
     * it (the SAML one, which enterprise SSO succeeds, names only {@code saml}; the OAuth one's
     * pattern is {@code ^oauth_}), while clerk-js's own tests read {@code
     * first_factor_verification.strategy: enterprise_sso}. Only that enum is tolerated.
     */
    ENTERPRISE_SSO_VERIFICATION
  }

  /**
   * One message of the validator.
   *
   * @param side request or response
   * @param rule the validator's key, shortened (e.g. {@code schema.type}, {@code status.unknown})
   * @param pointer JSON pointer into the body where it applies, or "" when not about the body
   * @param message the validator's text
   * @param tolerance why this is tolerated, or null for a violation
   */
  public record Finding(Side side, String rule, String pointer, String message, Tolerance tolerance) {
    @Override
    public String toString() {
      String where = pointer.isEmpty() ? "" : " at " + pointer;
      String why = tolerance == null ? "" : " (tolerated: " + tolerance + ")";
      return side.name().toLowerCase(java.util.Locale.ROOT) + " [" + rule + "]" + where + ": " + message + why;
    }
  }

  public boolean isValid() {
    return violations.isEmpty();
  }

  /** Throws an {@link AssertionError} listing every violation (and what was tolerated) unless valid. */
  public ContractReport assertValid() {
    if (!isValid()) {
      throw new AssertionError(describe());
    }
    return this;
  }

  /** A multi-line, human-readable account of the findings. */
  public String describe() {
    StringBuilder out = new StringBuilder(label)
        .append(": ")
        .append(violations.size())
        .append(" contract violation(s)");
    violations.forEach(v -> out.append("\n  - ").append(v));
    if (!tolerated.isEmpty()) {
      out.append("\n  tolerated: ")
          .append(tolerated.stream()
              .map(t -> t.tolerance() + (t.pointer().isEmpty() ? "" : "@" + t.pointer()))
              .distinct()
              .collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
