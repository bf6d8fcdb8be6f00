package io.github.clerk4j.okhttp;

import static io.github.clerk4j.okhttp.WireServer.ATTEMPT;
import static io.github.clerk4j.okhttp.WireServer.GET_CLIENT;
import static io.github.clerk4j.okhttp.WireServer.NO_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FilePart;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building and configuring the OkHttp transport: URLs, the application's client, timeouts. */
class OkHttpTransportTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "http://example-13.clerk.accounts.dev",
      "http://127.0.0.1.example.com",
      "http://10.0.0.1:8080",
      "http://[::2]",
      "http://localhost.example.com"})
  void plainHttpIsRejectedUnlessLoopback(String url) {
    assertThatThrownBy(() -> OkHttpTransport.create(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https")
        .hasMessageContaining(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example-13.clerk.accounts.dev",
      "https://clerk.example.com/",
      "http://127.0.0.1:8787",
      "http://127.1.2.3",
      "http://localhost:3000",
      "http://LOCALHOST",
      "http://[::1]:8787",
      "http://[0:0:0:0:0:0:0:1]"})
  void httpsAndLoopbackAreAccepted(String url) {
    assertThatCode(() -> OkHttpTransport.create(URI.create(url)).close()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.com/?x=1",
      "https://example.com/#frag",
      "https://user:secret@example.com",
      "ftp://example.com",
      "example.com"})
  void urlsThatAreNoOriginAreRejected(String url) {
    assertThatThrownBy(() -> OkHttpTransport.create(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("secret");
  }

  @Test
  void userAgentNamesClerk4jAndItsVersion() throws InterruptedException {
    try (WireServer wire = new WireServer()) {
      wire.enqueue(200, NO_CLIENT);

      wire.execute(GET_CLIENT);

      // the version comes from the Maven-filtered version.properties, so never "dev" in a build
      String java = Pattern.quote(System.getProperty("java.version"));
      assertThat(wire.takeRequest().getHeaders().get("User-Agent"))
          .matches("clerk4j/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java " + java + "\\)");
    }
  }

  /**
   * The application's client is used with its interceptors. Its application interceptors see the
   * request as it will be sent (clerk4j's own interceptor runs first); whatever they or its network
   * interceptors add, no {@code Origin} and no {@code __clerk_api_version} reach the wire.
   */
  @Test
  void theApplicationsInterceptorsRunAndCannotAddWhatFapiRejects() throws InterruptedException {
    List<String> seenByApp = new CopyOnWriteArrayList<>();
    OkHttpClient appClient = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          Request r = chain.request();
          seenByApp.add(r.header("Authorization") + " " + r.header("clerk-api-version") + " "
              + r.url().queryParameter("_is_native"));
          // a careless interceptor: a browser header and the query form of the version
          return chain.proceed(r.newBuilder()
              .header("X-App", "1")
              .header("Origin", "https://app.example.com")
              .url(r.url().newBuilder().addQueryParameter("__clerk_api_version", "2021-02-05").build())
              .build());
        })
        .addNetworkInterceptor(chain ->
            chain.proceed(chain.request().newBuilder().header("Origin", "https://net.example.com").build()))
        .build();
    try (WireServer wire = new WireServer(OkHttpTransport.builder().okHttpClient(appClient))) {
      wire.enqueue(200, NO_CLIENT);

      wire.execute(GET_CLIENT);

      RecordedRequest r = wire.takeRequest();
      assertThat(seenByApp).containsExactly("Bearer t 2026-05-12 true");
      assertThat(r.getHeaders().get("X-App")).isEqualTo("1");
      assertThat(r.getHeaders().get("Origin")).isNull();
      assertThat(r.getUrl().queryParameter("__clerk_api_version")).isNull();
      assertThat(r.getHeaders().get("clerk-api-version")).isEqualTo("2026-05-12");
    }
  }

  @Test
  void closingLeavesTheApplicationsClientUsable() throws IOException {
    OkHttpClient appClient = new OkHttpClient();
    try (WireServer wire = new WireServer(OkHttpTransport.builder().okHttpClient(appClient))) {
      wire.enqueue(200, NO_CLIENT);
      wire.enqueue(200, "ok");
      wire.execute(GET_CLIENT);

      wire.transport.close();

      try (Response r = appClient.newCall(new Request.Builder().url(wire.server.url("/x")).build()).execute()) {
        assertThat(r.body().string()).isEqualTo("ok");
      }
    }
  }

  @Test
  void theServiceLoaderFindsTheFactory() {
    List<TransportFactory> factories = ServiceLoader.load(TransportFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();

    assertThat(factories).hasAtLeastOneElementOfType(OkHttpTransportFactory.class);
    try (WireServer wire = new WireServer();
        Transport transport = factories.stream().filter(OkHttpTransportFactory.class::isInstance).findFirst()
            .orElseThrow().create(wire.origin())) {
      wire.enqueue(200, NO_CLIENT);

      assertThat(transport.execute(GET_CLIENT).httpStatus()).isEqualTo(200);
    }
  }

  @Test
  void aBuildersFactoryKeepsItsSettings() {
    List<String> calls = new CopyOnWriteArrayList<>();
    OkHttpClient appClient = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          calls.add(chain.request().url().encodedPath());
          return chain.proceed(chain.request());
        })
        .build();
    OkHttpTransport.Builder builder = OkHttpTransport.builder().okHttpClient(appClient);
    TransportFactory factory = builder.factory();
    builder.okHttpClient(new OkHttpClient()); // later changes do not reach the factory
    try (WireServer wire = new WireServer(); Transport transport = factory.create(wire.origin())) {
      wire.enqueue(200, NO_CLIENT);

      transport.execute(GET_CLIENT);

      assertThat(calls).containsExactly("/v1/client");
    }
    assertThat(OkHttpTransport.factory()).isInstanceOf(OkHttpTransportFactory.class);
  }

  @Test
  void negativeTimeoutsAreRejected() {
    assertThatThrownBy(() -> OkHttpTransport.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("readTimeout");
  }

  /** The builder's call timeout bounds a call even when core's deadline is longer. */
  @Test
  @Timeout(10)
  void theCallTimeoutEndsAStalledCall() {
    try (WireServer wire = new WireServer(OkHttpTransport.builder().callTimeout(Duration.ofMillis(300)))) {
      wire.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

      ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class, () -> wire.execute(ATTEMPT));

      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }
  }

  /**
   * OkHttp would send the request again after a 503 with {@code Retry-After: 0}; the transport
   * prevents that by handing the header on as the same instruction in date form, which core
   * still reads as "now".
   */
  @Test
  void aRetryAfterOfZeroStillMeansNowToCore() {
    try (WireServer wire = new WireServer()) {
      wire.enqueue(503, "", "Retry-After", "0");
      wire.enqueue(200, NO_CLIENT);

      ClerkApiException e = wire.execute(GET_CLIENT).error().orElseThrow();

      assertThat(e.httpStatus()).isEqualTo(503);
      assertThat(e.retryAfter()).contains(Duration.ZERO);
      assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aCallWithoutItsPathIdFailsBeforeSending() {
    try (WireServer wire = new WireServer()) {
      assertThatThrownBy(() -> wire.execute(new FapiRequest(Endpoint.ATTEMPT_FIRST_FACTOR, null, null,
          Form.empty(), "Bearer t", Duration.ofSeconds(1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ATTEMPT_FIRST_FACTOR needs FapiRequest.id");
      assertThatThrownBy(() -> wire.execute(new FapiRequest(Endpoint.TOUCH_SESSION, null, null,
          Form.empty(), "Bearer t", Duration.ofSeconds(1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("TOUCH_SESSION needs FapiRequest.sessionId");
      assertThat(wire.server.getRequestCount()).isZero();
    }
  }

  /** An upload's form fields go as UTF-8 text parts, in the form's order, after the file part. */
  @Test
  void anUploadsFormFieldsAreTextPartsAfterTheFile() throws InterruptedException {
    try (WireServer wire = new WireServer()) {
      wire.enqueue(200, "{\"response\": {\"object\": \"image\", \"id\": \"img_1\"}, \"client\": null}");

      wire.execute(new FapiRequest(Endpoint.SET_PROFILE_IMAGE, null, "sess_1",
          Form.empty().with("a", "1").with("b", "two"),
          new FilePart("file", "me.png", "image/png", new byte[] {'P', 'N', 'G'}), "Bearer t",
          Duration.ofSeconds(5)));

      RecordedRequest r = wire.takeRequest();
      String contentType = r.getHeaders().get("Content-Type");
      assertThat(contentType).startsWith("multipart/form-data; boundary=");
      String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
      assertThat(r.getBody().utf8()).isEqualTo(boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n"
          + "Content-Type: image/png\r\n\r\nPNG\r\n"
          + boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: binary\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n\r\n1\r\n"
          + boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"b\"\r\nContent-Transfer-Encoding: binary\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n\r\ntwo\r\n"
          + boundary + "--\r\n");
    }
  }
}
