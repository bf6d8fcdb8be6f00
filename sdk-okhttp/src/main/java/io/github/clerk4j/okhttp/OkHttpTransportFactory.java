package io.github.clerk4j.okhttp;

import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.net.URI;

/**
 * Makes {@link OkHttpTransport}s. Registered with {@link java.util.ServiceLoader} (in {@code
 * META-INF/services/io.github.clerk4j.spi.TransportFactory}), so that {@code Clerk.builder()} uses
 * OkHttp when the application names no transport; the instance the service loader makes has the
 * defaults of {@link OkHttpTransport#builder()}. For other settings use {@link
 * OkHttpTransport.Builder#factory()}.
 */
public final class OkHttpTransportFactory implements TransportFactory {

  private final OkHttpTransport.Settings settings;

  /**
   * The factory with the default settings (the constructor {@link java.util.ServiceLoader} calls).
   */
  public OkHttpTransportFactory() {
    this(OkHttpTransport.builder().settings());
  }

  OkHttpTransportFactory(OkHttpTransport.Settings settings) {
    this.settings = settings;
  }

  @Override
  public Transport create(URI frontendApiUrl) {
    return settings.create(frontendApiUrl);
  }

  @Override
  public String toString() {
    return "OkHttpTransportFactory";
  }
}
