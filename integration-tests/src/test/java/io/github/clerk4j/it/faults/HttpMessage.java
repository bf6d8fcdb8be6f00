package io.github.clerk4j.it.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request or response as the fault proxy carries it: the start line, the headers in
 * order, and the whole body (FAPI's bodies are small and always have a {@code Content-Length}).
 */
record HttpMessage(String startLine, List<String[]> headers, byte[] body) {

  /** The path of a request, without the query. */
  String path() {
    String target = startLine.split(" ", 3)[1];
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  String method() {
    return startLine.split(" ", 2)[0];
  }

  /** The status of a response. */
  int status() {
    return Integer.parseInt(startLine.split(" ", 3)[1]);
  }

  String header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  HttpMessage withHeader(String name, String value) {
    List<String[]> copy = new ArrayList<>();
    for (String[] h : headers) {
      if (!h[0].equalsIgnoreCase(name)) {
        copy.add(h);
      }
    }
    if (value != null) {
      copy.add(new String[] {name, value});
    }
    return new HttpMessage(startLine, copy, body);
  }

  HttpMessage withBody(byte[] newBody) {
    return new HttpMessage(startLine, headers, newBody);
  }

  HttpMessage withStatus(int status, String reason) {
    return new HttpMessage("HTTP/1.1 " + status + " " + reason, headers, body);
  }

  /** A response of the proxy's own making. */
  static HttpMessage response(int status, String reason, String contentType, String body) {
    List<String[]> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add(new String[] {"Content-Type", contentType});
    }
    return new HttpMessage("HTTP/1.1 " + status + " " + reason, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the message with its body's exact {@code Content-Length} (and no other framing). */
  void write(OutputStream out) throws IOException {
    StringBuilder head = new StringBuilder(startLine).append("\r\n");
    for (String[] h : headers) {
      String name = h[0].toLowerCase(Locale.ROOT);
      if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
        head.append(h[0]).append(": ").append(h[1]).append("\r\n");
      }
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** Writes a request to the emulator, asking it to close the connection after answering. */
  void writeClosing(OutputStream out) throws IOException {
    withHeader("Connection", null).write(out);
  }

  /**
   * Reads one message; {@code null} when the stream ends before its first byte (the peer closed
   * an idle connection). Without a {@code Content-Length} the body runs to the end of the stream.
   */
  static HttpMessage read(InputStream in) throws IOException {
    String start = line(in);
    if (start == null) {
      return null;
    }
    List<String[]> headers = new ArrayList<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
    }
    HttpMessage head = new HttpMessage(start, headers, new byte[0]);
    if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
      throw new IOException("the fault proxy does not read chunked bodies");
    }
    String length = head.header("Content-Length");
    byte[] body;
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if (start.startsWith("HTTP/")) {
      body = in.readAllBytes();
    } else {
      body = new byte[0];
    }
    return head.withBody(body);
  }

  /** One CRLF-terminated line, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = buf.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      buf.write(b);
    }
    return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
  }
}
