package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;

/** {@code object: email_address}. */
public record EmailAddressDto(
    String id, @Json(name = "email_address") String emailAddress, VerificationDto verification) {}
