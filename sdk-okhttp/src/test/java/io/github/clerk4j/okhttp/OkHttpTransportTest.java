package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.spi.ClientResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.SignInResource;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building, configuring and closing the transport. */
class OkHttpTransportTest {

  private static final String NO_CLIENT = "{\"response\":null,\"client\":null}";
  private static final FapiRequest<ClientResource> GET_CLIENT =
      new FapiRequest<>(Endpoint.GET_CLIENT, null, null, Form.empty(), "Bearer t");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example-13.clerk.accounts.dev",
        "http://127.0.0.1.example.com",
        "http://10.0.0.1:8080",
        "http://[::2]",
        "http://localhost.example.com"
      })
  void plainHttpIsRejectedUnlessLoopback(String url) {
    assertThatThrownBy(() -> OkHttpTransport.create(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https")
        .hasMessageContaining(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example-13.clerk.accounts.dev",
        "https://clerk.example.com/",
        "http://127.0.0.1:8787",
        "http://127.1.2.3",
        "http://localhost:3000",
        "http://LOCALHOST",
        "http://[::1]:8787",
        "http://[0:0:0:0:0:0:0:1]"
      })
  void httpsAndLoopbackAreAccepted(String url) {
    assertThatCode(() -> OkHttpTransport.create(URI.create(url)).close())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/?x=1",
        "https://example.com/#frag",
        "https://user:secret@example.com",
        "ftp://example.com",
        "example.com"
      })
  void urlsThatAreNoOriginAreRejected(String url) {
    assertThatThrownBy(() -> OkHttpTransport.create(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("secret");
  }

  @Test
  void aPathPrefixIsKept() {
    try (WireServer wire = new WireServer();
        OkHttpTransport proxied = OkHttpTransport.create(wire.server.url("/__clerk").uri())) {
      wire.enqueue(200, NO_CLIENT);

      proxied.execute(GET_CLIENT);

      assertThat(wire.takeRequest().getUrl().encodedPath()).isEqualTo("/__clerk/v1/client");
    }
  }

  @Test
  void userAgentNamesClerk4jAndItsVersion() {
    try (WireServer wire = new WireServer()) {
      wire.enqueue(200, NO_CLIENT);

      wire.transport.execute(GET_CLIENT);

      String userAgent = wire.takeRequest().getHeaders().get("User-Agent");
      // the version comes from the Maven-filtered version.properties, so never "dev" in a build
      assertThat(userAgent)
          .matches(
              "clerk4j/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java "
                  + java.util.regex.Pattern.quote(System.getProperty("java.version"))
                  + "\\)");
    }
  }

  @Test
  void theApplicationsClientAndInterceptorsAreUsed() {
    List<String> seenByApp = new CopyOnWriteArrayList<>();
    OkHttpClient appClient =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Request r = chain.request();
                  seenByApp.add(
                      r.header("Authorization") + " " + r.url().queryParameter("_is_native"));
                  // a careless interceptor: a browser header and the query form of the version
                  return chain.proceed(
                      r.newBuilder()
                          .header("X-App", "1")
                          .header("Origin", "https://app.example.com")
                          .url(
                              r.url()
                                  .newBuilder()
                                  .addQueryParameter("__clerk_api_version", "2021-02-05")
                                  .build())
                          .build());
                })
            .addNetworkInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Origin", "https://net.example.com")
                            .build()))
            .build();
    try (WireServer wire = new WireServer(OkHttpTransport.builder().okHttpClient(appClient))) {
      wire.enqueue(200, NO_CLIENT);

      wire.transport.execute(GET_CLIENT);

      RecordedRequest r = wire.takeRequest();
      assertThat(seenByApp).containsExactly("Bearer t true");
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
      wire.transport.execute(GET_CLIENT);

      wire.transport.close();

      try (Response r =
          appClient.newCall(new Request.Builder().url(wire.server.url("/x")).build()).execute()) {
        assertThat(r.body().string()).isEqualTo("ok");
      }
    }
  }

  @Test
  void aClosedTransportRefusesCalls() {
    try (WireServer wire = new WireServer()) {
      wire.transport.close();
      wire.transport.close(); // idempotent

      assertThatThrownBy(() -> wire.transport.execute(GET_CLIENT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThat(wire.server.getRequestCount()).isZero();
    }
  }

  @Test
  void theServiceLoaderFindsTheFactory() {
    List<TransportFactory> factories =
        ServiceLoader.load(TransportFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .collect(Collectors.toList());

    assertThat(factories).hasAtLeastOneElementOfType(OkHttpTransportFactory.class);
    try (WireServer wire = new WireServer();
        Transport transport =
            factories.stream()
                .filter(OkHttpTransportFactory.class::isInstance)
                .findFirst()
                .orElseThrow()
                .create(wire.baseUri())) {
      wire.enqueue(200, NO_CLIENT);

      assertThat(transport.execute(GET_CLIENT).httpStatus()).isEqualTo(200);
    }
  }

  @Test
  void aBuildersFactoryKeepsItsSettings() {
    List<String> calls = new CopyOnWriteArrayList<>();
    OkHttpClient appClient =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  calls.add(chain.request().url().encodedPath());
                  return chain.proceed(chain.request());
                })
            .build();
    OkHttpTransport.Builder builder = OkHttpTransport.builder().okHttpClient(appClient);
    TransportFactory factory = builder.factory();
    builder.okHttpClient(new OkHttpClient()); // later changes do not reach the factory
    try (WireServer wire = new WireServer();
        Transport transport = factory.create(wire.baseUri())) {
      wire.enqueue(200, NO_CLIENT);

      transport.execute(GET_CLIENT);

      assertThat(calls).containsExactly("/v1/client");
    }
    assertThat(OkHttpTransport.factory()).isInstanceOf(OkHttpTransportFactory.class);
  }

  /** One transport, many threads: each call carries its own token and gets its own answer. */
  @Test
  void concurrentCallsDoNotMixTokensOrAnswers() throws Exception {
    try (WireServer wire = new WireServer()) {
      wire.server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
              String id = r.getUrl().pathSegments().get(3);
              return new MockResponse(
                  200,
                  Headers.of("Authorization", r.getHeaders().get("Authorization") + "-rotated"),
                  "{\"response\":{\"id\":\"" + id + "\",\"status\":\"needs_first_factor\"}}");
            }
          });
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          String id = "sia_" + i;
          results.add(
              pool.submit(
                  () -> {
                    FapiResponse<SignInResource> r =
                        wire.execute(Endpoint.GET_SIGN_IN, id, null, Form.empty(), "Bearer " + id);
                    return r.response().id() + " " + r.clientToken();
                  }));
        }
        for (int i = 0; i < results.size(); i++) {
          assertThat(results.get(i).get(10, TimeUnit.SECONDS))
              .isEqualTo("sia_" + i + " Bearer sia_" + i + "-rotated");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void negativeTimeoutsAreRejected() {
    assertThatThrownBy(() -> OkHttpTransport.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("readTimeout");
  }

  @Test
  void aCallWithoutItsPathIdFailsBeforeSending() {
    try (WireServer wire = new WireServer()) {
      assertThatThrownBy(
              () ->
                  wire.execute(Endpoint.ATTEMPT_FIRST_FACTOR, null, null, Form.empty(), "Bearer t"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ATTEMPT_FIRST_FACTOR needs FapiRequest.id");
      assertThatThrownBy(
              () -> wire.execute(Endpoint.TOUCH_SESSION, null, null, Form.empty(), "Bearer t"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("TOUCH_SESSION needs FapiRequest.sessionId");
      assertThat(wire.server.getRequestCount()).isZero();
    }
  }
}
