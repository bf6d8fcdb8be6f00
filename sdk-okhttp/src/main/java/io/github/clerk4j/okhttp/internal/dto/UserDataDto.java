package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;

/** A sign-in's {@code user_data}. */
public record UserDataDto(
    @Json(name = "first_name") String firstName,
    @Json(name = "last_name") String lastName,
    @Json(name = "image_url") String imageUrl,
    @Json(name = "has_image") Boolean hasImage) {}
