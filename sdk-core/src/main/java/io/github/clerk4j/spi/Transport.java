package io.github.clerk4j.spi;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkNetworkException;

/**
 * Carries one attempt of one Frontend API call. Core decides everything around it (retries, client
 * token bookkeeping, state); a transport only encodes the request, sends it once and decodes the
 * answer.
 *
 * <p>Implementations must be thread-safe and must never retry on their own: a request that may
 * have reached the server is re-sent only when core decides so. {@code clerk4j-okhttp} is the
 * standard implementation.
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends {@code request} once.
   *
   * @return the decoded answer of a 2xx response
   * @throws ClerkApiException the server answered with an error envelope (any 4xx/5xx with a
   *     decodable body); for HTTP 429 a {@link io.github.clerk4j.ClerkRateLimitException}. If the
   *     error response had an {@code Authorization} header, attach its value verbatim with {@link
   *     ClerkApiException#withClientToken(String)}: FAPI may issue or rotate the client token on
   *     an error too, and core applies it as it does {@link FapiResponse#clientToken()}
   * @throws ClerkNetworkException no usable answer: connect failure, timeout, broken or non-JSON
   *     body; {@link ClerkNetworkException#requestMayHaveBeenSent()} must be {@code true} unless the
   *     transport knows the request never left the machine
   */
  <T> FapiResponse<T> execute(FapiRequest<T> request);

  /** Releases connections and threads. Calls after close fail. */
  @Override
  void close();
}
