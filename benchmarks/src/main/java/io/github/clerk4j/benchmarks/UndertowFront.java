package io.github.clerk4j.benchmarks;

import io.github.clerk4j.testing.internal.EmulatorHandler;
import io.github.clerk4j.testing.internal.HttpAnswer;
import io.github.clerk4j.testing.internal.HttpCall;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.xnio.Options;

/** Undertow 2.4 (blocking handlers on its worker pool) in front of the emulator's request handling. */
final class UndertowFront implements AutoCloseable {
  private final Undertow server;

  UndertowFront(EmulatorHandler handler, int threads) {
    HttpHandler blocking = new HttpHandler() {
      @Override
      public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
          exchange.dispatch(this);
          return;
        }
        exchange.startBlocking();
        byte[] read = exchange.getInputStream().readNBytes(EmulatorHandler.MAX_BODY_BYTES + 1);
        byte[] body = read.length > EmulatorHandler.MAX_BODY_BYTES ? null : read;
        HttpAnswer answer = handler.handle(new HttpCall(exchange.getRequestMethod().toString(),
            exchange.getRequestURI(), exchange.getQueryString(), exchange.getRequestHeaders()::getFirst, body,
            exchange.getSourceAddress().getAddress().getHostAddress()));
        exchange.setStatusCode(answer.status());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.getResponseSender().send(ByteBuffer.wrap(answer.body()));
      }
    };
    server = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setIoThreads(2)
        .setWorkerThreads(threads)
        .setSocketOption(Options.TCP_NODELAY, true)
        .setHandler(blocking)
        .build();
    server.start();
  }

  int port() {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void close() {
    server.stop();
  }
}
