package io.github.clerk4j.okhttp.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes a request a native Frontend API request: the client token in {@code Authorization}, the
 * API version as a header, clerk4j's {@code User-Agent} ({@code _is_native=true} is in every path
 * of {@link FapiService}). Installed as the first application interceptor, so that the
 * application's own interceptors (logging, metrics) see the request as it will be sent.
 */
public final class FapiRequestInterceptor implements Interceptor {

  /** The Frontend API version clerk4j speaks. */
  public static final String API_VERSION = "2026-05-12";

  static final String API_VERSION_HEADER = "clerk-api-version";

  /** The query form of the version; sending it as well as the header makes FAPI reject the call. */
  static final String API_VERSION_QUERY = "__clerk_api_version";

  private final String userAgent;

  public FapiRequestInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  /**
   * The URL is Retrofit's as it stands: every path of {@link FapiService} carries {@code
   * _is_native=true} once and no {@code __clerk_api_version} (EndpointTableTest checks each), so it
   * is not looked at or built a second time here.
   */
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder =
        request
            .newBuilder()
            .header(API_VERSION_HEADER, API_VERSION)
            .header("User-Agent", userAgent);
    CallContext ctx = request.tag(CallContext.class);
    String clientToken = ctx == null ? null : ctx.clientToken();
    if (clientToken != null) {
      builder.header("Authorization", checkedToken(clientToken));
    }
    return chain.proceed(builder.build());
  }

  /**
   * OkHttp would reject a value with control characters too, but its message is not ours to
   * control; this one never shows the token.
   */
  private static String checkedToken(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if ((c < 0x20 && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException(
            "the client token contains a character that is not allowed in an HTTP header (at index "
                + i
                + ")");
      }
    }
    return token;
  }
}
