package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.util.List;

/** {@code object: session_reverification}. */
public record ReverificationDto(
    String level,
    String status,
    @Json(name = "supported_first_factors") List<FactorDto> supportedFirstFactors,
    @Json(name = "supported_second_factors") List<FactorDto> supportedSecondFactors,
    @Json(name = "first_factor_verification") VerificationDto firstFactorVerification,
    @Json(name = "second_factor_verification") VerificationDto secondFactorVerification,
    SessionDto session) {}
