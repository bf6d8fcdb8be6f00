package io.github.clerk4j.okhttp.internal.dto;

/**
 * The {@code {response, client}} envelope of most Frontend API answers.
 *
 * @param response the resource the call is about; {@code null} for an unknown client or an explicit
 *     null
 * @param client the client state after the call ("piggybacked"), or {@code null}
 */
public record EnvelopeDto<R>(R response, ClientDto client) {}
