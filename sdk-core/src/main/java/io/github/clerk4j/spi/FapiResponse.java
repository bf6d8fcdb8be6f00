package io.github.clerk4j.spi;

/**
 * The decoded answer to one {@link FapiRequest}.
 *
 * @param httpStatus the HTTP status (2xx)
 * @param response the {@code response} member (or the whole body for unwrapped endpoints); may be
 *     {@code null} (for example {@code GET /v1/client} of an unknown client, or a 204)
 * @param client the piggybacked {@code client} member; {@code null} when the body had none or an
 *     explicit null
 * @param clientToken the value of the response's {@code Authorization} header, verbatim, or {@code
 *     null} when the header was absent. An empty value or a bare {@code Bearer} means the server
 *     cleared the client token.
 */
public record FapiResponse<T>(int httpStatus, T response, ClientResource client, String clientToken) {

  @Override
  public String toString() {
    return "FapiResponse{status="
        + httpStatus
        + ", response="
        + response
        + ", client="
        + (client == null ? "none" : client.id())
        + ", clientToken="
        + (clientToken == null ? "none" : "[redacted]")
        + '}';
  }
}
