package io.github.clerk4j.internal.wire;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of the user's signed-in sessions as {@code GET /v1/me/sessions/active} lists it ({@code
 * Client.ActiveSession}): the session's own fields and its latest activity, or {@code null} when
 * the server sent none.
 */
public record ActiveSessionResource(
    String id,
    String status,
    @Nullable Instant expireAt,
    @Nullable Instant abandonAt,
    @Nullable Instant lastActiveAt,
    @Nullable SessionActivityResource latestActivity) {}
