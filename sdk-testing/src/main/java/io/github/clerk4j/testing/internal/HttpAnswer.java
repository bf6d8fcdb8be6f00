package io.github.clerk4j.testing.internal;

import java.util.Map;

/**
 * One HTTP answer for the server to write: status, headers (besides {@code Content-Length}) and
 * the body.
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body) {}
