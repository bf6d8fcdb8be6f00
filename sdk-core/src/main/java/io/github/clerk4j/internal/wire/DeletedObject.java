package io.github.clerk4j.internal.wire;

/** The answer to a delete: which object was deleted. */
public record DeletedObject(String object, String id, boolean deleted) {}
