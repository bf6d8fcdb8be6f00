package io.github.clerk4j.samples;

import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests a flow sends: a transport decorator, the kind of extension the transport
 * SPI is for.
 */
final class CountingTransport implements Transport {

  private final Transport delegate;
  private final AtomicInteger count;

  private CountingTransport(Transport delegate, AtomicInteger count) {
    this.delegate = delegate;
    this.count = count;
  }

  /** A factory whose transports add every request they send to {@code count}. */
  static TransportFactory counting(TransportFactory delegate, AtomicInteger count) {
    return url -> new CountingTransport(delegate.create(url), count);
  }

  @Override
  public FapiResponse execute(FapiRequest request) {
    count.incrementAndGet();
    return delegate.execute(request);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
