package io.github.clerk4j.okhttp.internal.dto;

/** {@code {object, id, deleted}}: the answer to a delete. */
public record DeletedObjectDto(String object, String id, Boolean deleted) {}
