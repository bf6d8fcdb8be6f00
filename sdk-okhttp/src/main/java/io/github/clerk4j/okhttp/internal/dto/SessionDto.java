package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/** {@code object: session}. */
public record SessionDto(
    String id,
    String status,
    @Json(name = "expire_at") Instant expireAt,
    @Json(name = "abandon_at") Instant abandonAt,
    @Json(name = "last_active_at") Instant lastActiveAt,
    @Json(name = "last_active_token") TokenDto lastActiveToken,
    @Json(name = "last_active_organization_id") String lastActiveOrganizationId,
    List<SessionTaskDto> tasks,
    UserDto user,
    @Json(name = "factor_verification_age") List<Integer> factorVerificationAge,
    @Json(name = "created_at") Instant createdAt,
    @Json(name = "updated_at") Instant updatedAt) {}
