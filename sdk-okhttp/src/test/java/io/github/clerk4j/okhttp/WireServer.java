package io.github.clerk4j.okhttp;

import com.squareup.moshi.JsonReader;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.Buffer;

/**
 * A MockWebServer on loopback with TCP_NODELAY, an {@link OkHttpTransport} pointed at it, and the
 * recorded Clerk responses. One per test; close it in {@code @AfterEach}.
 */
final class WireServer implements AutoCloseable {

  final MockWebServer server = new MockWebServer();
  final OkHttpTransport transport;

  WireServer() {
    this(OkHttpTransport.builder());
  }

  WireServer(OkHttpTransport.Builder builder) {
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    transport = builder.build(baseUri());
  }

  URI baseUri() {
    return server.url("/").uri();
  }

  void enqueue(int status, String body) {
    server.enqueue(new MockResponse(status, Headers.of(), body));
  }

  void enqueue(int status, String body, String... headerNamesAndValues) {
    server.enqueue(new MockResponse(status, Headers.of(headerNamesAndValues), body));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  <T> FapiResponse<T> execute(
      Endpoint<T> endpoint, String id, String sessionId, Form form, String token) {
    return transport.execute(new FapiRequest<>(endpoint, id, sessionId, form, token));
  }

  /** The next request the server received; fails the test if there is none within a second. */
  RecordedRequest takeRequest() {
    try {
      RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("the server received no request");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String bodyOf(RecordedRequest r) {
    return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
  }

  /** The raw JSON text of a recorded fixture's {@code body} member, byte for byte. */
  static String recordedBody(String file) {
    return recordedMember(file, "body");
  }

  /** The {@code key} of a recorded fixture: {@code "<METHOD> <path> <params>"}. */
  static String recordedKey(String file) {
    String quoted = recordedMember(file, "key");
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String recordedMember(String file, String member) {
    try (InputStream in = WireServer.class.getResourceAsStream("/recorded/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      JsonReader reader = JsonReader.of(new Buffer().readFrom(in));
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals(member)) {
          // nextSource keeps the number literals as written (a Map would turn them into doubles)
          return reader.nextSource().readUtf8();
        }
        reader.skipValue();
      }
      throw new IllegalArgumentException(file + " has no " + member);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    transport.close();
    server.close();
  }
}
