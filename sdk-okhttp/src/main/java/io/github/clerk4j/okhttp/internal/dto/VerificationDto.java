package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.time.Instant;

/** {@code object: verification_*}. */
public record VerificationDto(
    String status,
    String strategy,
    Integer attempts,
    @Json(name = "expire_at") Instant expireAt,
    ErrorDto error) {}
