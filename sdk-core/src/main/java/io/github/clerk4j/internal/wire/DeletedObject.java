package io.github.clerk4j.internal.wire;

import org.jspecify.annotations.Nullable;

/** The answer to a delete: which object was deleted. */
public record DeletedObject(@Nullable String object, @Nullable String id, boolean deleted) {}
