package io.github.clerk4j.testing.internal;

import org.jspecify.annotations.Nullable;

/**
 * One factor a user is offered ({@code supported_first_factors} / {@code supported_second_factors}).
 *
 * @param strategy the strategy
 * @param identifierId the e-mail address or phone number id a code goes to, or null
 * @param safeIdentifier the identifier as shown to the person, or null
 * @param primary whether that identifier is the primary one, or null without identifier
 * @param isDefault whether it is the default second factor, or null for first factors
 */
record FactorOffer(FactorStrategy strategy, @Nullable String identifierId, @Nullable String safeIdentifier,
    @Nullable Boolean primary, @Nullable Boolean isDefault) {

  static FactorOffer of(FactorStrategy strategy) {
    return new FactorOffer(strategy, null, null, null, null);
  }

  FactorOffer asSecondFactor(boolean isDefault) {
    return new FactorOffer(strategy, identifierId, safeIdentifier, primary, isDefault);
  }
}
