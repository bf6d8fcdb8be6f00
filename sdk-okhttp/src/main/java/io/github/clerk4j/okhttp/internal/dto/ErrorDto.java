package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.util.Map;

/** One error of an error envelope (also a verification's {@code error}). */
public record ErrorDto(
    String code,
    String message,
    @Json(name = "long_message") String longMessage,
    Map<String, Object> meta) {}
