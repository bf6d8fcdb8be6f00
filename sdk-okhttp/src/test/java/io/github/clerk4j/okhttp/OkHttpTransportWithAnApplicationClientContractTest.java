package io.github.clerk4j.okhttp;

import io.github.clerk4j.spi.TransportFactory;
import io.github.clerk4j.testing.transport.TransportContractSuite;
import okhttp3.OkHttpClient;

/**
 * The contract still holds when the application passes an OkHttpClient configured against it:
 * OkHttp's own re-sends on (retry on connection failure, follow redirects, an authenticator that
 * answers every 401), and interceptors that add what FAPI rejects. The transport must switch off
 * or undo each.
 */
class OkHttpTransportWithAnApplicationClientContractTest extends TransportContractSuite {

  private static final OkHttpClient CARELESS = new OkHttpClient.Builder()
      .retryOnConnectionFailure(true)
      .followRedirects(true)
      .followSslRedirects(true)
      .authenticator((route, response) -> response.request().newBuilder().header("X-Again", "1").build())
      .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
          .header("Origin", "https://app.example.com")
          .url(chain.request().url().newBuilder().addQueryParameter("__clerk_api_version", "2021-02-05").build())
          .build()))
      .addNetworkInterceptor(chain ->
          chain.proceed(chain.request().newBuilder().header("Origin", "https://net.example.com").build()))
      .build();

  @Override
  protected TransportFactory transportFactory() {
    return OkHttpTransport.builder().okHttpClient(CARELESS).factory();
  }
}
