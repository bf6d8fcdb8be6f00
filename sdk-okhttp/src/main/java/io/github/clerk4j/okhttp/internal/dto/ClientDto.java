package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/** {@code object: client}. */
public record ClientDto(
    String id,
    List<SessionDto> sessions,
    @Json(name = "sign_in") SignInDto signIn,
    @Json(name = "last_active_session_id") String lastActiveSessionId,
    @Json(name = "cookie_expires_at") Instant cookieExpiresAt,
    @Json(name = "created_at") Instant createdAt,
    @Json(name = "updated_at") Instant updatedAt) {}
