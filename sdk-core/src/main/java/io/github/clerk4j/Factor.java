package io.github.clerk4j;

/**
 * One way the user may verify a step of a sign-in, as offered in {@code supported_first_factors}
 * or {@code supported_second_factors}.
 *
 * @param rawStrategy the strategy as sent (for example {@code phone_code}, {@code oauth_google})
 * @param safeIdentifier where a code goes, for display: the identifier the user typed, or a masked
 *     form such as {@code +1******0100}; {@code null} for factors without a destination
 * @param emailAddressId the e-mail address the factor uses ({@code idn_...}), or {@code null}
 * @param phoneNumberId the phone number the factor uses ({@code idn_...}), or {@code null}
 * @param primary whether it is the user's primary identifier of its kind, or {@code null}
 * @param isDefault whether it is the user's default second factor
 */
public record Factor(
    String rawStrategy,
    String safeIdentifier,
    String emailAddressId,
    String phoneNumberId,
    Boolean primary,
    boolean isDefault) {

  /** The strategy; {@link Strategy#UNKNOWN} for one this version does not name. */
  public Strategy strategy() {
    return Strategy.fromWire(rawStrategy);
  }
}
