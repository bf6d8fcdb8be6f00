package io.github.clerk4j.okhttp.internal.dto;

/** One entry of a session's {@code tasks}. */
public record SessionTaskDto(String key) {}
