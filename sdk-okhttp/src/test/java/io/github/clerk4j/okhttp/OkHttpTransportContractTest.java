package io.github.clerk4j.okhttp;

import io.github.clerk4j.spi.TransportFactory;
import io.github.clerk4j.testing.transport.TransportContractSuite;

/** The OkHttp transport with its defaults keeps the {@code Transport} contract. */
class OkHttpTransportContractTest extends TransportContractSuite {

  @Override
  protected TransportFactory transportFactory() {
    return OkHttpTransport.factory();
  }
}
