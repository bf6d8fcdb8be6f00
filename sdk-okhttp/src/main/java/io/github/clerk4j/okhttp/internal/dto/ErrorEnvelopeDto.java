package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.util.List;

/** The error envelope {@code {errors: [...], meta, clerk_trace_id}}. */
public record ErrorEnvelopeDto(
    List<ErrorDto> errors, @Json(name = "clerk_trace_id") String clerkTraceId) {}
