package io.github.clerk4j.testing.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's own HTTP server ({@code com.sun.net.httpserver}) in front of an {@link
 * EmulatorHandler}, on 127.0.0.1: no dependency, keep-alive, and chosen by measurement (see the
 * README). Accepted sockets get TCP_NODELAY through {@code sun.net.httpserver.nodelay}: the server
 * writes headers and body in two writes, and with Nagle's algorithm on, the body of every
 * loopback answer waits about 44 ms for a delayed ACK.
 */
public final class JdkHttpFront implements AutoCloseable {
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";
  /** How much of a body over the limit is read and dropped before answering 413. */

  static {
    // Read once, when the JDK's server classes initialise; left alone if the application set it.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private JdkHttpFront(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on 127.0.0.1 at {@code port} (0 for any free port).
   *
   * @param threads how many requests are handled at once
   * @throws java.net.BindException if the port is in use
   */
  public static JdkHttpFront start(EmulatorHandler handler, int port, int threads) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 256);
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "clerk-emulator-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(handler, exchange));
    server.start();
    return new JdkHttpFront(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(EmulatorHandler handler, HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpCall call = new HttpCall(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders()::getFirst,
          readLimited(exchange.getRequestBody(), EmulatorHandler.bodyLimit(exchange.getRequestURI().getRawPath())),
          exchange.getRemoteAddress().getAddress().getHostAddress());
      HttpAnswer answer = handler.handle(call);
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  /**
   * The body, or null once it passes {@code limit}. The rest of a body over the limit is read and
   * dropped (up to {@link #DRAIN_LIMIT}): closing a connection with unread request bytes resets
   * it, and the client may then lose the 413 it was already sent.
   */
  static byte @Nullable [] readLimited(InputStream in, int limit) throws IOException {
    byte[] body = in.readNBytes(limit + 1);
    if (body.length <= limit) {
      return body;
    }
    long drained = 0;
    byte[] sink = new byte[64 * 1024];
    for (int n; drained < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
      drained += n;
    }
    return null;
  }

  /** How much of an oversized body is read before the answer; past it the connection may reset. */
  static final long DRAIN_LIMIT = 32L * 1024 * 1024;

  /** Stops at once (waiting for running requests would add 200 ms to every close). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "JdkHttpFront[127.0.0.1:" + port() + "]";
  }
}
