package io.github.clerk4j.it.faults;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 between the SDK and the emulator. It forwards everything, except
 * that the calls matching the {@linkplain #arm armed} route get the armed {@link Fault}; it counts
 * how many of those reached the emulator. Every connection of the SDK is served on its own daemon
 * thread, with keep-alive as OkHttp expects; each forwarded request uses a new connection to the
 * emulator.
 */
final class FaultProxy implements AutoCloseable {

  /** How long a stalled answer is held at most, if the SDK never gives up (it must, much sooner). */
  private static final int STALL_LIMIT_MILLIS = 20_000;

  /** Calls to one endpoint: {@code "POST /v1/client/sign_ins/*}/attempt_first_factor"}. */
  record Route(String method, Pattern path) {
    static Route of(String route) {
      String[] parts = route.split(" ", 2);
      return new Route(parts[0], Pattern.compile(parts[1].replace("*", "[^/]+")));
    }

    boolean matches(HttpMessage request) {
      return request.method().equals(method) && path.matcher(request.path()).matches();
    }

    @Override
    public String toString() {
      return method + " " + path.pattern().replace("[^/]+", "*");
    }
  }

  private record Armed(Route route, Fault fault) {}

  /**
   * What the armed calls came to: how many attempts the proxy read, and how many of them it let
   * through to the emulator (a reset before sending reads none).
   */
  record Count(int attempts, int reachedEmulator) {}

  private final int upstreamPort;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  /** One forwarded call as the emulator answered it, for tests that check what went over the wire. */
  record Exchange(String requestToken, int status, String answerToken, String answerBody) {}

  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private volatile boolean recording;
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger reachedEmulator = new AtomicInteger();
  private volatile Armed armed;

  FaultProxy(int upstreamPort) {
    this.upstreamPort = upstreamPort;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  /** A development publishable key that points the SDK at this proxy. */
  String publishableKey() {
    String host = "127.0.0.1:" + server.getLocalPort();
    return "pk_test_" + Base64.getEncoder().withoutPadding()
        .encodeToString((host + "$").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * From now on, calls matching {@code route} get {@code fault}, every attempt of them. A reset
   * before sending also resets the idle connections the SDK pooled, so that the next call has to
   * connect, and its connection is reset before the request is read.
   */
  void arm(Route route, Fault fault) {
    attempts.set(0);
    reachedEmulator.set(0);
    armed = new Armed(route, fault);
    if (fault == Fault.RESET_BEFORE) {
      connections.forEach(FaultProxy::reset);
    }
  }

  /** From now on, every forwarded call is kept ({@link #exchanges()}). */
  void record() {
    recording = true;
  }

  /** The forwarded calls since {@link #record()}, in the order the emulator's answers came back. */
  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Back to forwarding everything; returns what the armed calls came to. */
  Count disarm() {
    armed = null;
    return new Count(attempts.get(), reachedEmulator.get());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        threads.execute(() -> serve(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    connections.add(client);
    try (client) {
      Armed a = armed;
      if (a != null && a.fault == Fault.RESET_BEFORE) {
        reset(client);
        return;
      }
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      for (HttpMessage request = HttpMessage.read(in); request != null; request = HttpMessage.read(in)) {
        a = armed;
        if (a == null || !a.route.matches(request)) {
          forward(request).write(out);
        } else {
          attempts.incrementAndGet();
          if (!inject(a.fault, request, client, out)) {
            return;
          }
        }
      }
    } catch (IOException gone) {
      // the SDK closed or abandoned the connection
    } finally {
      connections.remove(client);
    }
  }

  /** Applies {@code fault} to one call; false when the connection is finished with. */
  private boolean inject(Fault fault, HttpMessage request, Socket client, OutputStream out) throws IOException {
    if (!fault.reachesEmulator) {
      if (fault == Fault.RESET_BEFORE) {
        reset(client);
        return false;
      }
      fault.ownAnswer().write(out);
      return true;
    }
    reachedEmulator.incrementAndGet();
    HttpMessage answer = forward(request);
    switch (fault) {
      case RESET_AFTER -> {
        reset(client);
        return false;
      }
      case STALL -> {
        awaitClose(client);
        return false;
      }
      default -> {
        fault.alter(answer).write(out);
        return true;
      }
    }
  }

  private HttpMessage forward(HttpMessage request) throws IOException {
    try (Socket up = new Socket(InetAddress.getByName("127.0.0.1"), upstreamPort)) {
      up.setTcpNoDelay(true);
      up.setSoTimeout(STALL_LIMIT_MILLIS);
      request.writeClosing(up.getOutputStream());
      HttpMessage answer = HttpMessage.read(new BufferedInputStream(up.getInputStream()));
      if (answer == null) {
        throw new IOException("the emulator closed the connection without answering");
      }
      if (recording) {
        exchanges.add(new Exchange(request.header("Authorization"), answer.status(), answer.header("Authorization"),
            new String(answer.body(), StandardCharsets.UTF_8)));
      }
      return answer;
    }
  }

  /** Holds the connection without a byte of answer until the SDK closes it (its deadline). */
  private static void awaitClose(Socket client) throws IOException {
    client.setSoTimeout(STALL_LIMIT_MILLIS);
    try {
      while (client.getInputStream().read() != -1) {
        // the SDK sends nothing more on a connection that waits for an answer
      }
    } catch (SocketTimeoutException e) {
      // the SDK never gave up; the test's time bound reports it
    }
  }

  /** Closes with a TCP reset (RST) rather than an orderly FIN. */
  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
      s.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    connections.forEach(FaultProxy::reset);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
