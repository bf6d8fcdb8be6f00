package io.github.clerk4j.spi;

import java.net.URI;

/**
 * Makes the {@link Transport} of one {@code Clerk} instance. A transport module also registers its
 * factory with {@link java.util.ServiceLoader}, so that {@code Clerk.builder()} finds it when the
 * application names none.
 */
@FunctionalInterface
public interface TransportFactory {

  /**
   * Makes the transport of one {@code Clerk}.
   *
   * @param frontendApiUrl the instance's Frontend API origin, for example {@code
   *     https://example-13.clerk.accounts.dev} or {@code http://127.0.0.1:8787}, without {@code /v1}
   * @return a transport that sends to {@code frontendApiUrl}; {@code Clerk.close()} closes it
   */
  Transport create(URI frontendApiUrl);
}
