package io.github.clerk4j.testing.internal;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the emulator needs it, whatever server received it.
 *
 * @param method the request method as sent
 * @param rawPath the path, still percent-encoded
 * @param rawQuery the query string without {@code ?}, still encoded, or null
 * @param header header lookup by name, case-insensitive; null when absent
 * @param body the body, or null when it was longer than {@link EmulatorHandler#bodyLimit} of its
 *     path (the server stops keeping it there)
 * @param remoteIp the peer's address
 */
public record HttpCall(String method, String rawPath, @Nullable String rawQuery,
    Function<String, @Nullable String> header, byte @Nullable [] body, String remoteIp) {}
