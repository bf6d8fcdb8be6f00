package io.github.clerk4j.spi;

/** The answer to a delete: which object was deleted. */
public record DeletedObject(String object, String id, boolean deleted) {}
