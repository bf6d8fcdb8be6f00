package io.github.clerk4j.internal.wire;

/** An uploaded image ({@code object: image}), such as the user's profile image. */
public record ImageResource(String id, String name, String publicUrl) {}
