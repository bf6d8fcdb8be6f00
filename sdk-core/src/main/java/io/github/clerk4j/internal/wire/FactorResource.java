package io.github.clerk4j.internal.wire;

import org.jspecify.annotations.Nullable;

/** One entry of {@code supported_first_factors} or {@code supported_second_factors}. */
public record FactorResource(
    String strategy,
    @Nullable String safeIdentifier,
    @Nullable String emailAddressId,
    @Nullable String phoneNumberId,
    @Nullable Boolean primary,
    boolean isDefault) {}
