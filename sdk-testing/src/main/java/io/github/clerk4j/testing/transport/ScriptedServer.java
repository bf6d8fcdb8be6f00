package io.github.clerk4j.testing.transport;

import io.github.clerk4j.testing.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * The Frontend API of one test: a MockWebServer on 127.0.0.1 that answers from a script and
 * records every request it receives. Its sockets have TCP_NODELAY, or each request over loopback
 * would wait about 44 ms for a delayed ACK.
 */
final class ScriptedServer implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();

  ScriptedServer() {
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    try {
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the suite's server on 127.0.0.1", e);
    }
  }

  /** The origin a transport is built for, {@code http://127.0.0.1:<port>}. */
  URI origin() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** An answer with {@code status}, the body as it is, and headers as name, value pairs. */
  void answer(int status, String body, String... headerNamesAndValues) {
    server.enqueue(new MockResponse.Builder().code(status).headers(Headers.of(headerNamesAndValues))
        .body(body).build());
  }

  void dispatcher(Dispatcher dispatcher) {
    server.setDispatcher(dispatcher);
  }

  /** Answers the next requests with {@code answers} in order, dropping what is still queued. */
  void script(MockResponse... answers) {
    QueueDispatcher queue = new QueueDispatcher();
    for (MockResponse answer : answers) {
      queue.enqueue(answer);
    }
    server.setDispatcher(queue);
  }

  /** How many requests the server has received so far. */
  int requestCount() {
    return server.getRequestCount();
  }

  /** The next request the server received; fails the test if none comes within 5 s. */
  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("the server received no request");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a request", e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
