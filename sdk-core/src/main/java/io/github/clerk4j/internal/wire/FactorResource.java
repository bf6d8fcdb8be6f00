package io.github.clerk4j.internal.wire;

/** One entry of {@code supported_first_factors} or {@code supported_second_factors}. */
public record FactorResource(
    String strategy,
    String safeIdentifier,
    String emailAddressId,
    String phoneNumberId,
    Boolean primary,
    boolean isDefault) {}
