package io.github.clerk4j.okhttp;

import static io.github.clerk4j.okhttp.WireServer.ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.ClerkNetworkException;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Where OkHttp failed decides {@code requestMayHaveBeenSent()}, not the exception's type: the
 * transport marks the request when it reaches a connected socket. Failures before that (DNS, an
 * interceptor of the application) sent nothing; a read timeout came after sending.
 */
class NetworkFailureTest {

  @Test
  void aReadTimeoutMayHaveReachedTheServer() {
    try (WireServer wire = new WireServer(OkHttpTransport.builder().readTimeout(Duration.ofMillis(200)))) {
      wire.enqueue(new MockResponse.Builder().body(WireServer.NO_CLIENT).headersDelay(2, TimeUnit.SECONDS).build());

      ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class, () -> wire.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(e.getMessage()).contains("ATTEMPT_SECOND_FACTOR").contains("after the request was sent");
      assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void anUnknownHostWasNotSent() {
    OkHttpClient noDns = new OkHttpClient.Builder()
        .dns(host -> {
          throw new UnknownHostException(host);
        })
        .build();
    try (OkHttpTransport transport = OkHttpTransport.builder().okHttpClient(noDns)
        .build(URI.create("https://example-13.clerk.accounts.dev"))) {

      ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class, () -> transport.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(e.getCause()).isInstanceOf(UnknownHostException.class);
      assertThat(e.getMessage()).contains("not sent");
    }
  }

  @Test
  void aFailureInAnApplicationInterceptorWasNotSent() {
    OkHttpClient offline = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          throw new IOException("offline mode");
        })
        .build();
    try (WireServer wire = new WireServer(OkHttpTransport.builder().okHttpClient(offline))) {

      ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class, () -> wire.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(wire.server.getRequestCount()).isZero();
    }
  }

  /** The application's network interceptors run on the connection, but before clerk4j's marker. */
  @Test
  void aFailureInAnApplicationNetworkInterceptorWasNotSent() {
    OkHttpClient failing = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          throw new IOException("certificate transparency check failed");
        })
        .build();
    try (WireServer wire = new WireServer(OkHttpTransport.builder().okHttpClient(failing))) {

      ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class, () -> wire.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(wire.server.getRequestCount()).isZero();
    }
  }

  /** OkHttp and interceptors report some failures unchecked; they are network failures too. */
  @Test
  void anUncheckedFailureBeforeSendingIsANetworkFailureThatWasNotSent() {
    OkHttpClient broken = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          throw new IllegalStateException("interceptor bug");
        })
        .build();
    try (WireServer wire = new WireServer(OkHttpTransport.builder().okHttpClient(broken))) {

      ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class, () -> wire.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
    }
  }
}
