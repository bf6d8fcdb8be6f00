package io.github.clerk4j.spi;

import io.github.clerk4j.ClerkNetworkException;

/**
 * Carries one attempt of one Frontend API call. clerk4j-core decides everything around it
 * (retries, the overall deadline, the client token, state) and decodes every answer; a transport
 * only sends the request once and hands the HTTP answer to {@link FapiResponse#decode}.
 *
 * <p>The contract, which {@code clerk4j-testing}'s {@code TransportContractSuite} checks for any
 * implementation:
 *
 * <ul>
 *   <li><b>The request</b>: the method and path of {@link Endpoint}'s javadoc on the factory's
 *       base URL; the form as an {@code application/x-www-form-urlencoded} body (query parameters
 *       for {@code GET} and {@code DELETE}); the query parameter {@code _is_native=true}; the
 *       headers {@code clerk-api-version: 2026-05-12} (never also the {@code __clerk_api_version}
 *       query parameter, which FAPI rejects together with the header), {@code Authorization}
 *       with {@link FapiRequest#clientToken()} verbatim when it is not {@code null}, a {@code
 *       User-Agent}; never an {@code Origin} header (FAPI rejects it next to {@code
 *       Authorization}).
 *   <li><b>At most once</b>: never re-send a request, whatever happens (no retry on a failed
 *       connection, no redirect followed, no authentication challenge answered). Whether to try
 *       again is core's decision. One exception is tolerable: an HTTP stack that repeats an
 *       idempotent {@code GET} by itself when a pooled connection closed before answering (as
 *       {@code java.net.http} does, and RFC 9110 §9.2.2 allows) harms nothing but core's count of
 *       attempts; a non-idempotent call must never be repeated.
 *   <li><b>Every answer</b>, whatever its status, goes to {@link FapiResponse#decode} and its
 *       result is returned.
 *   <li><b>No answer</b> (connect failure, timeout, broken connection) is a {@link
 *       ClerkNetworkException} whose {@link ClerkNetworkException#requestMayHaveBeenSent()} is
 *       {@code false} only when the transport knows that no byte of the request left the machine.
 *       Messages never quote the form, the token or the body.
 *   <li>An attempt ends after {@link FapiRequest#timeout()} at the latest.
 *   <li>Thread-safe. After {@link #close()} every call throws {@link ClerkNetworkException} with
 *       {@code requestMayHaveBeenSent() == false}.
 *   <li>A transport that does not know every {@link Endpoint} of the clerk4j-core it runs with
 *       refuses to be built ({@link TransportFactory#create}) and says so.
 * </ul>
 *
 * {@code clerk4j-okhttp} is the standard implementation.
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends {@code request} once.
   *
   * @param request the call, with the client token to send and the time it may take
   * @return the decoded answer, a refusal included
   * @throws ClerkNetworkException no usable answer
   */
  FapiResponse execute(FapiRequest request);

  /** Releases connections and threads. */
  @Override
  void close();
}
