package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.Form;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Failures below HTTP: each request goes out at most once, and {@code requestMayHaveBeenSent()} is
 * {@code false} only when nothing of the request left the machine.
 */
class NetworkFailureTest {

  private static final FapiRequest<?> ATTEMPT =
      new FapiRequest<>(
          Endpoint.ATTEMPT_SECOND_FACTOR,
          "sia_1",
          null,
          Form.empty().with("strategy", "email_code").with("code", "424242"),
          "Bearer t");

  @Test
  void connectionDroppedAfterTheRequestWasSentIsNotResent() {
    try (WireServer wire = new WireServer()) {
      wire.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      // if the transport re-sent, this answer would make the call succeed
      wire.enqueue(200, "{\"response\":null,\"client\":null}");

      ClerkNetworkException e =
          catchThrowableOfType(ClerkNetworkException.class, () -> wire.transport.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(e.getMessage())
          .contains("ATTEMPT_SECOND_FACTOR")
          .contains("after the request was sent");
      assertThat(e.getCause()).isInstanceOf(IOException.class);
      assertThat(wire.server.getRequestCount()).isEqualTo(1);
      assertThat(wire.takeRequest().getUrl().encodedPath()).endsWith("/attempt_second_factor");
    }
  }

  /**
   * The case {@code retryOnConnectionFailure(false)} exists for: a pooled connection fails under a
   * POST. With OkHttp's default ({@code true}) this test fails, because OkHttp silently re-sends
   * the attempt on a fresh connection and the third answer makes it succeed.
   */
  @Test
  void connectionDroppedOnAReusedConnectionIsNotResent() {
    try (WireServer wire = new WireServer()) {
      wire.enqueue(200, "{\"response\":null,\"client\":null}");
      wire.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      wire.enqueue(200, "{\"response\":null,\"client\":null}");
      wire.transport.execute(
          new FapiRequest<>(Endpoint.GET_CLIENT, null, null, Form.empty(), "Bearer t"));

      ClerkNetworkException e =
          catchThrowableOfType(ClerkNetworkException.class, () -> wire.transport.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(wire.server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void readTimeoutMayHaveReachedTheServer() {
    try (WireServer wire =
        new WireServer(OkHttpTransport.builder().readTimeout(Duration.ofMillis(200)))) {
      wire.enqueue(
          new MockResponse.Builder()
              .body("{\"response\":null,\"client\":null}")
              .headersDelay(2, TimeUnit.SECONDS)
              .build());

      ClerkNetworkException e =
          catchThrowableOfType(ClerkNetworkException.class, () -> wire.transport.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void refusedConnectionWasNotSent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (OkHttpTransport transport =
        OkHttpTransport.create(URI.create("http://127.0.0.1:" + closedPort))) {

      ClerkNetworkException e =
          catchThrowableOfType(ClerkNetworkException.class, () -> transport.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(e.getCause()).isInstanceOf(ConnectException.class);
      assertThat(e.getMessage()).contains("not sent");
    }
  }

  @Test
  void unknownHostWasNotSent() {
    OkHttpClient noDns =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  throw new UnknownHostException(host);
                })
            .build();
    try (OkHttpTransport transport =
        OkHttpTransport.builder()
            .okHttpClient(noDns)
            .build(URI.create("https://example-13.clerk.accounts.dev"))) {

      ClerkNetworkException e =
          catchThrowableOfType(ClerkNetworkException.class, () -> transport.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(e.getCause()).isInstanceOf(UnknownHostException.class);
    }
  }

  @Test
  void failureInAnApplicationInterceptorWasNotSent() {
    OkHttpClient failing =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  throw new IOException("offline mode");
                })
            .build();
    try (WireServer wire = new WireServer(OkHttpTransport.builder().okHttpClient(failing))) {

      ClerkNetworkException e =
          catchThrowableOfType(ClerkNetworkException.class, () -> wire.transport.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(wire.server.getRequestCount()).isZero();
    }
  }
}
