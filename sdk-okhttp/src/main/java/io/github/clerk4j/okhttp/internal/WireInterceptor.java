package io.github.clerk4j.okhttp.internal;

import java.io.IOException;
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
 * </ul>
 */
public final class WireInterceptor implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder().removeHeader("Origin");
    HttpUrl url = request.url();
    if (url.queryParameter(FapiRequestInterceptor.API_VERSION_QUERY) != null) {
      builder.url(
          url.newBuilder()
              .removeAllQueryParameters(FapiRequestInterceptor.API_VERSION_QUERY)
              .build());
    }
    CallContext ctx = request.tag(CallContext.class);
    if (ctx != null) {
      ctx.markHandedToConnection();
    }
    return chain.proceed(builder.build());
  }
}
