package io.github.clerk4j.internal.wire;

import org.jspecify.annotations.Nullable;

/** A sign-in's {@code user_data}. */
public record UserDataResource(
    @Nullable String firstName, @Nullable String lastName, @Nullable String imageUrl, boolean hasImage) {}
