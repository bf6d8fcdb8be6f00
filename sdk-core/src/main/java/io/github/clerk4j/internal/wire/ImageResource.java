package io.github.clerk4j.internal.wire;

import org.jspecify.annotations.Nullable;

/** An uploaded image ({@code object: image}), such as the user's profile image. */
public record ImageResource(String id, @Nullable String name, @Nullable String publicUrl) {}
