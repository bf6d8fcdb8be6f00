package io.github.clerk4j.okhttp.internal;

import java.io.IOException;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The last network interceptor: it runs on a connected socket right before OkHttp writes the
 * request, after every interceptor of the application.
 *
 * <ul>
 *   <li>It removes {@code Origin}: FAPI rejects a request with both {@code Origin} and {@code
 *       Authorization} ({@code origin_authorization_headers_conflict}), and a browser header has no
 *       place in a native client even if an application interceptor adds one.
 *   <li>It removes the {@code __clerk_api_version} query parameter, for the same reason as {@link
 *       FapiRequestInterceptor} (an application interceptor may have added it back).
 *   <li>It marks the {@link CallContext}: from here on the server may receive the request, so a
 *       failure must be reported with {@code requestMayHaveBeenSent() == true}.
 *   <li>It keeps OkHttp from re-sending after a 503 with {@code Retry-After: 0} (see {@link
 *       #withoutResendInvitation}).
 * </ul>
 */
public final class WireInterceptor implements Interceptor {

  /** What OkHttp reads as "retry a 503 without delay": digits only, all zero. */
  private static final Pattern ZERO_SECONDS = Pattern.compile("0+");
  private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    boolean versionInQuery = url.queryParameter(FapiRequestInterceptor.API_VERSION_QUERY) != null;
    if (versionInQuery || request.header("Origin") != null) {
      Request.Builder builder = request.newBuilder().removeHeader("Origin");
      if (versionInQuery) {
        builder.url(url.newBuilder().removeAllQueryParameters(FapiRequestInterceptor.API_VERSION_QUERY).build());
      }
      request = builder.build();
    }
    CallContext ctx = request.tag(CallContext.class);
    if (ctx != null) {
      ctx.markHandedToConnection();
    }
    return withoutResendInvitation(chain.proceed(request));
  }

  /**
   * OkHttp sends a request again by itself, even a POST and whatever {@code
   * retryOnConnectionFailure} says, when a 503 carries {@code Retry-After: 0} (delay-seconds of
   * zero). The same instruction as an HTTP date in the past means the same to core ("retry now",
   * if core retries at all) and nothing to OkHttp, so the request goes out once.
   */
  private static Response withoutResendInvitation(Response response) {
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null || !ZERO_SECONDS.matcher(retryAfter).matches()) {
      return response;
    }
    return response.newBuilder().header("Retry-After", EPOCH).build();
  }
}
