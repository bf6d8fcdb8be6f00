package io.github.clerk4j.benchmarks;

import io.github.clerk4j.testing.internal.EmulatorHandler;
import io.github.clerk4j.testing.internal.HttpAnswer;
import io.github.clerk4j.testing.internal.HttpCall;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty 12 (core API, blocking handler) in front of the emulator's request handling. */
final class JettyFront implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  JettyFront(EmulatorHandler handler, int threads) throws Exception {
    // Jetty's pool also runs its acceptor and selector: two threads more than the handlers get.
    QueuedThreadPool pool = new QueuedThreadPool(threads + 2, threads + 2);
    pool.setName("jetty");
    server = new Server(pool);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setAcceptedTcpNoDelay(true);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
          byte[] read = in.readNBytes(EmulatorHandler.MAX_BODY_BYTES + 1);
          body = read.length > EmulatorHandler.MAX_BODY_BYTES ? null : read;
        }
        HttpAnswer answer = handler.handle(new HttpCall(request.getMethod(), request.getHttpURI().getPath(),
            request.getHttpURI().getQuery(), request.getHeaders()::get, body, Request.getRemoteAddr(request)));
        response.setStatus(answer.status());
        answer.headers().forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
      }
    });
    server.start();
  }

  int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
