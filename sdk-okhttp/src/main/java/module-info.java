/**
 * clerk4j's transport over OkHttp, Retrofit and Moshi. On the module path it is found by service
 * binding when {@code io.github.clerk4j} asks for a {@link io.github.clerk4j.spi.TransportFactory};
 * it is required directly only to configure it ({@link io.github.clerk4j.okhttp.OkHttpTransport}).
 */
module io.github.clerk4j.okhttp {
  exports io.github.clerk4j.okhttp;

  // OkHttpTransport.Builder takes an OkHttpClient, and its transports are core Transports.
  requires transitive io.github.clerk4j;
  requires transitive okhttp3;
  requires retrofit2;
  requires com.squareup.moshi;
  requires okio;

  provides io.github.clerk4j.spi.TransportFactory with
      io.github.clerk4j.okhttp.OkHttpTransportFactory;

  // nullness annotations, for compilers and IDEs only
  requires static org.jspecify;
}
