package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * One attempt of one call: the Retrofit call of the endpoint, with the request's remaining
 * deadline, and its answer handed to clerk4j-core for decoding.
 */
public final class FapiExecutor {

  private final FapiService api;
  private final long callTimeoutMillis;

  /**
   * @param client the fully configured client (interceptors, timeouts, no retries)
   * @param baseUrl the Frontend API base URL, ending with {@code /}
   */
  public FapiExecutor(OkHttpClient client, HttpUrl baseUrl) {
    EndpointTable.requireComplete();
    this.api = new Retrofit.Builder().baseUrl(baseUrl).client(client).build().create(FapiService.class);
    this.callTimeoutMillis = client.callTimeoutMillis();
  }

  /** Sends {@code request} once; see {@link io.github.clerk4j.spi.Transport#execute}. */
  public FapiResponse execute(FapiRequest request) {
    CallContext ctx = CallContext.of(request);
    Call<ResponseBody> call = EndpointTable.call(api, request, ctx);
    // The call's own timeout, or what is left of core's deadline if that is shorter.
    long remaining = Math.max(1, request.timeout().toMillis());
    call.timeout().timeout(callTimeoutMillis == 0 ? remaining : Math.min(callTimeoutMillis, remaining),
        TimeUnit.MILLISECONDS);
    Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw NetworkFailures.ioFailure(ctx, e);
    } catch (RuntimeException e) {
      // OkHttp and its interceptors report a few failures unchecked; nothing tells whether the
      // request left, unless the send marker says it did not.
      throw new ClerkNetworkException(request.endpoint() + ": the HTTP call failed ("
          + e.getClass().getSimpleName() + ")", e, ctx.handedToConnection());
    }
    // A successful answer streams from the connection into core's decoder (FapiService's methods
    // are @Streaming): no copy of the body, and a connection that fails half way through it is
    // core's "the connection failed while reading the answer". Retrofit reads an error answer
    // into memory before it returns.
    try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
      boolean empty = body == null || body.source().exhausted();
      return FapiResponse.decode(request, response.code(), response.headers()::get,
          empty ? null : new MoshiJsonSource(body.source())); // null: the empty body
    } catch (IOException e) {
      // the connection failed before the body's first byte: the server had the request
      throw NetworkFailures.ioFailure(ctx, e);
    }
  }
}
