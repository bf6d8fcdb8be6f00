package io.github.clerk4j.testing.contract;

import io.github.clerk4j.testing.NoDelayServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback MockWebServer that keeps every exchange it answers, so that a test can assert on what
 * a client it does not control (clerk-js) sent and validate both sides against the contract.
 *
 * @param <S> the subclass, so that {@link #start()} returns it
 */
abstract class ExchangeRecordingServer<S extends ExchangeRecordingServer<S>> implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  /** Every exchange, in order; subclasses add one per answer. */
  final List<WireExchange> exchanges = new CopyOnWriteArrayList<>();

  ExchangeRecordingServer() {
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        return answer(request);
      }
    });
  }

  /** Answers one request (and records the exchange). */
  abstract MockResponse answer(RecordedRequest request) throws InterruptedException;

  @SuppressWarnings("unchecked")
  S start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    return (S) this;
  }

  /** The base URL, without a trailing slash (what clerk-js takes as {@code proxyUrl}). */
  String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  List<WireExchange> exchanges() {
    return List.copyOf(exchanges);
  }

  @Override
  public void close() {
    server.close();
  }
}
