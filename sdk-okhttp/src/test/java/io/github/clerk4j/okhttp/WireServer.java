package io.github.clerk4j.okhttp;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.testing.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A MockWebServer on 127.0.0.1 with TCP_NODELAY and an {@link OkHttpTransport} pointed at it, for
 * the tests of what is particular to OkHttp (the contract itself is TransportContractSuite's).
 * One per test; close it.
 */
final class WireServer implements AutoCloseable {

  /** A sign-in attempt, the kind of call that must never go out twice. */
  static final FapiRequest ATTEMPT = new FapiRequest(Endpoint.ATTEMPT_SECOND_FACTOR, "sia_1", null,
      Form.empty().with("strategy", "email_code").with("code", "424242"), "Bearer t", Duration.ofSeconds(10));

  /** {@code GET /v1/client} with a client token. */
  static final FapiRequest GET_CLIENT =
      new FapiRequest(Endpoint.GET_CLIENT, null, null, Form.empty(), "Bearer t", Duration.ofSeconds(10));

  /** The answer of {@code GET /v1/client} for a client the server does not know. */
  static final String NO_CLIENT = "{\"response\":null,\"client\":null}";

  final MockWebServer server = new MockWebServer();
  final OkHttpTransport transport;

  WireServer() {
    this(OkHttpTransport.builder());
  }

  WireServer(OkHttpTransport.Builder builder) {
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    try {
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    transport = builder.build(origin());
  }

  URI origin() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  void enqueue(int status, String body, String... headerNamesAndValues) {
    server.enqueue(new MockResponse(status, Headers.of(headerNamesAndValues), body));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  FapiResponse execute(FapiRequest request) {
    return transport.execute(request);
  }

  /** The next request the server received, waiting at most 5 s (then {@code null}). */
  RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    transport.close();
    server.close();
  }
}
