package io.github.clerk4j.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection to 127.0.0.1, so that a load test spends
 * its CPU on the server rather than on a client library: it writes a request, reads the status,
 * the headers it needs and a {@code Content-Length} body. Not thread-safe: one per load thread.
 */
final class LoadClient implements AutoCloseable {
  /** One answer: status, the {@code Authorization} header (or null) and the body. */
  record Answer(int status, String authorization, String body) {}

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  LoadClient(int port) {
    this.port = port;
  }

  Answer get(String path, String authorization) throws IOException {
    return send("GET", path, authorization, null);
  }

  Answer post(String path, String authorization, String form) throws IOException {
    return send("POST", path, authorization, form);
  }

  /** Sends one request; reconnects once if the server closed the idle connection. */
  private Answer send(String method, String path, String authorization, String form) throws IOException {
    byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
        .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    if (form != null) {
      head.append("Content-Type: application/x-www-form-urlencoded\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    boolean fresh = socket == null;
    try {
      connectIfNeeded();
      write(headBytes, body);
      return read();
    } catch (IOException e) {
      if (fresh) {
        throw e;
      }
      close();
      connectIfNeeded();
      write(headBytes, body);
      return read();
    }
  }

  private void connectIfNeeded() throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
  }

  private void write(byte[] head, byte[] body) throws IOException {
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    out.write(all); // one write: no Nagle interplay on the client side either
  }

  private Answer read() throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean close = false;
    String authorization = null;
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Integer.parseInt(value);
        case "authorization" -> authorization = value;
        case "connection" -> close = value.equalsIgnoreCase("close");
        case "transfer-encoding" -> throw new IOException("chunked answers are not expected here");
        default -> { }
      }
    }
    byte[] body = length < 0 ? new byte[0] : in.readNBytes(length);
    if (close) {
      close();
    }
    return new Answer(code, authorization, new String(body, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(128);
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int n = b.size();
        byte[] bytes = b.toByteArray();
        return new String(bytes, 0, n > 0 && bytes[n - 1] == '\r' ? n - 1 : n, StandardCharsets.US_ASCII);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a socket we are done with
      }
      socket = null;
    }
  }
}
