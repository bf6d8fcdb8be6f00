package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;

/** One entry of {@code supported_first_factors} / {@code supported_second_factors}. */
public record FactorDto(
    String strategy,
    @Json(name = "safe_identifier") String safeIdentifier,
    @Json(name = "email_address_id") String emailAddressId,
    @Json(name = "phone_number_id") String phoneNumberId,
    Boolean primary,
    @Json(name = "default") Boolean isDefault) {}
