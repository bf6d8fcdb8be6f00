package io.github.clerk4j.desktop;

import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkTimeoutException;
import io.github.clerk4j.internal.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Receives the browser's return from a sign-in page on {@code http://127.0.0.1:<port><path>}
 * (RFC 8252 §7.3), for apps without a URL scheme of their own: a desktop app, a command-line
 * tool. It takes exactly one callback, answers it with a small "you can close this tab" page and
 * closes its socket; {@link #close()} closes it on every other path.
 *
 * <p>It is a minimal HTTP/1.1 server on a plain {@link ServerSocket}, strict and bounded: one
 * connection at a time, a request head of at most 8 KiB read within 2 seconds, only {@code GET}
 * of the exact path, only requests whose {@code Host} is this address (so that a web page cannot
 * reach it through a DNS name of its own). Other requests (a {@code favicon.ico}) are answered
 * with an error and the wait goes on.
 *
 * <p>Clerk compares redirect URLs exactly: the port is fixed, not "any free port", so that the
 * URL can be allowlisted on the instance. Whether a production instance accepts an {@code
 * http://127.0.0.1} redirect at all must be checked on that instance.
 */
public final class LoopbackReceiver implements AutoCloseable {

  static final int MAX_HEAD_BYTES = 8 * 1024;
  private static final int READ_TIMEOUT_MILLIS = 2_000;
  /** How often a wait checks for an interrupt and its deadline. */
  private static final int ACCEPT_SLICE_MILLIS = 200;
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)+");
  private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]{1,16}) (/[\\x21-\\x7e]*) HTTP/1\\.[01]");

  private final ServerSocket server;
  private final String path;
  private final URI redirectUrl;

  private LoopbackReceiver(ServerSocket server, String path) {
    this.server = server;
    this.path = path;
    this.redirectUrl = URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  /**
   * Listens on {@code 127.0.0.1:port}.
   *
   * @param port 1 to 65535, the port of the allowlisted redirect URL
   * @param path the redirect URL's path, such as {@code /sso-callback}
   * @return the receiver, listening; close it when done
   * @throws IllegalArgumentException the port is out of range or the path is not a plain path
   * @throws ClerkException the port is in use or cannot be bound; the message says what to do
   */
  public static LoopbackReceiver bind(int port, String path) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535 (a fixed port: Clerk allowlists exact redirect"
          + " URLs), got " + port);
    }
    checkPath(Objects.requireNonNull(path, "path"));
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 4);
      return new LoopbackReceiver(server, path);
    } catch (BindException e) {
      closeQuietly(server);
      throw new ClerkException("port " + port + " on 127.0.0.1 is in use (another sign-in in progress, or another"
          + " program): close it, or choose another port and allowlist http://127.0.0.1:<port>" + path
          + " on the instance", e);
    } catch (IOException e) {
      closeQuietly(server);
      throw new ClerkException("cannot listen on 127.0.0.1:" + port + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  static void checkPath(String path) {
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("path must be a URL path such as /sso-callback, without query; got " + path);
    }
  }

  /** {@return {@code http://127.0.0.1:<port><path>}, the redirect URL to send and to allowlist} */
  public URI redirectUrl() {
    return redirectUrl;
  }

  /**
   * {@return whether the socket is closed (after a callback, a timeout, a cancel or {@link
   * #close()})}
   */
  public boolean isClosed() {
    return server.isClosed();
  }

  /**
   * Waits for the browser to come back and returns the URL it came back to ({@link
   * #redirectUrl()} with the query Clerk added). The socket is closed when this returns or throws.
   *
   * @param timeout how long to wait; positive
   * @return the callback URL, with its query
   * @throws IllegalArgumentException the timeout is zero or negative
   * @throws ClerkTimeoutException no callback within {@code timeout}
   * @throws CancellationException the thread was interrupted (its interrupt flag stays set) or
   *     {@link #close()} was called meanwhile
   */
  public URI awaitCallback(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (ServerSocket s = server) {
      while (true) {
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException("the wait for the browser was interrupted");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new ClerkTimeoutException("the browser did not come back to " + redirectUrl + " within " + timeout
              + ": sign in again (the sign-in is unchanged)", timeout);
        }
        s.setSoTimeout((int) Math.max(1, Math.min(ACCEPT_SLICE_MILLIS, left / 1_000_000)));
        Socket connection;
        try {
          connection = s.accept();
        } catch (SocketTimeoutException slice) {
          continue;
        }
        URI callback = serve(connection);
        if (callback != null) {
          return callback;
        }
      }
    } catch (SocketException closed) {
      throw new CancellationException("the wait for the browser was cancelled (the receiver was closed)");
    } catch (IOException e) {
      throw new ClerkException("the loopback receiver failed (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Answers one connection; the callback URL if it was the callback, else null. */
  private @Nullable URI serve(Socket connection) {
    try (Socket c = connection) {
      c.setSoTimeout(READ_TIMEOUT_MILLIS);
      Head head = readHead(c.getInputStream());
      OutputStream out = c.getOutputStream();
      if (head == null) {
        write(out, 400, "Bad Request", "The request could not be read.", null);
        return null;
      }
      String expectedHost = "127.0.0.1:" + server.getLocalPort();
      if (!expectedHost.equals(head.host)) {
        write(out, 400, "Bad Request", "This address only answers requests for " + expectedHost + ".", null);
        return null;
      }
      if (!head.method.equals("GET")) {
        write(out, 405, "Method Not Allowed", "Only GET is answered here.", "Allow: GET\r\n");
        return null;
      }
      int q = head.target.indexOf('?');
      String requestPath = q < 0 ? head.target : head.target.substring(0, q);
      if (!requestPath.equals(path)) {
        write(out, 404, "Not Found", "Nothing here.", null);
        return null;
      }
      URI callback;
      try {
        callback = new URI("http://" + expectedHost + head.target);
      } catch (URISyntaxException e) {
        write(out, 400, "Bad Request", "The request's URL could not be read.", null);
        return null;
      }
      boolean success = q >= 0 && head.target.indexOf("rotating_token_nonce=", q) > 0;
      write(out, 200, "OK", success
          ? "You are back in the app. You can close this tab."
          : "The sign-in came back to the app, which shows what happened. You can close this tab.", null);
      return callback;
    } catch (IOException e) {
      // A client that connected and went away, or too slow: not the browser's callback.
      Log.debug(() -> "loopback receiver: a connection failed (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  /** The parts of a request head this receiver reads. */
  record Head(String method, String target, @Nullable String host) {}

  /**
   * Reads the request head (up to the empty line) strictly: CRLF line ends, at most {@link
   * #MAX_HEAD_BYTES}, a request line of the form {@code METHOD /target HTTP/1.x}, one {@code
   * Host}. Null for anything else. The body, if any, is never read.
   */
  static @Nullable Head readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      if (head.size() >= MAX_HEAD_BYTES) {
        return null;
      }
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      if (b == '\r') {
        matched = matched == 2 ? 3 : 1;
      } else if (b == '\n' && (matched == 1 || matched == 3)) {
        matched++;
      } else {
        matched = 0; // a bare LF is not a line end here
      }
    }
    // Not toString(Charset), Java 10's, which Android (API 26) lacks.
    String text = new String(head.toByteArray(), StandardCharsets.ISO_8859_1);
    String[] lines = text.substring(0, text.length() - 4).split("\r\n", -1);
    var requestLine = REQUEST_LINE.matcher(lines[0]);
    if (!requestLine.matches()) {
      return null;
    }
    String host = null;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon <= 0 || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        return null;
      }
      if (line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("host")) {
        if (host != null) {
          return null;
        }
        host = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      }
    }
    return new Head(requestLine.group(1), requestLine.group(2), host);
  }

  private static void write(
      OutputStream out, int status, String reason, String message, @Nullable String extraHeaders)
      throws IOException {
    String title = status == 200 ? "Signed in" : reason;
    byte[] body = ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head>\n<body style=\"font-family:sans-serif;margin:3em\"><p>" + message
        + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
    String headers = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: text/html; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Cache-Control: no-store\r\n"
        // The callback's URL carries the nonce: no page may see it as a referrer.
        + "Referrer-Policy: no-referrer\r\n"
        + "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
        + "X-Content-Type-Options: nosniff\r\n"
        + (extraHeaders == null ? "" : extraHeaders)
        + "Connection: close\r\n\r\n";
    out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** Closes the socket; a wait in progress ends with {@link CancellationException}. Idempotent. */
  @Override
  public void close() {
    closeQuietly(server);
  }

  private static void closeQuietly(@Nullable ServerSocket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing a listening socket has nothing left to report
      }
    }
  }

  @Override
  public String toString() {
    return "LoopbackReceiver[" + redirectUrl + (isClosed() ? ", closed" : "") + "]";
  }
}
