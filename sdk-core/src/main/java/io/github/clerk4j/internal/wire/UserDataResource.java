package io.github.clerk4j.internal.wire;

/** A sign-in's {@code user_data}. */
public record UserDataResource(String firstName, String lastName, String imageUrl, boolean hasImage) {}
