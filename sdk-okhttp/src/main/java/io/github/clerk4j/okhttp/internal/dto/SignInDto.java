package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/** {@code object: sign_in_attempt}. */
public record SignInDto(
    String id,
    String status,
    @Json(name = "supported_identifiers") List<String> supportedIdentifiers,
    @Json(name = "supported_first_factors") List<FactorDto> supportedFirstFactors,
    @Json(name = "supported_second_factors") List<FactorDto> supportedSecondFactors,
    @Json(name = "first_factor_verification") VerificationDto firstFactorVerification,
    @Json(name = "second_factor_verification") VerificationDto secondFactorVerification,
    String identifier,
    @Json(name = "user_data") UserDataDto userData,
    @Json(name = "created_session_id") String createdSessionId,
    @Json(name = "abandon_at") Instant abandonAt,
    @Json(name = "client_trust_state") String clientTrustState) {}
