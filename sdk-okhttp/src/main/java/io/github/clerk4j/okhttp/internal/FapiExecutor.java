package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;

/**
 * One attempt of one call: Retrofit builds the endpoint's request, OkHttp sends it with the
 * request's remaining deadline, and the answer goes to clerk4j-core for decoding.
 *
 * <p>Retrofit is the endpoint table (path, method, query, form or multipart body, from {@link
 * FapiService}'s annotations); the OkHttp call it makes is run here, not through Retrofit's {@code
 * Call.execute()}, whose answer wrapping (a copy of the response and its headers, the content
 * type parsed, the body wrapped twice) core does not need: it reads status, two headers and the
 * body's stream. Measured in benchmarks/README.md (ClientFlowBenchmark).
 */
public final class FapiExecutor {

  private final FapiService api;
  private final long callTimeoutMillis;

  /**
   * Retrofit's call factory: makes the OkHttp call of each request Retrofit builds and leaves it in
   * the request's {@link CallContext}, for {@link #execute} to run.
   */
  private static final class CallsIntoContext implements okhttp3.Call.Factory {
    private final OkHttpClient client;

    CallsIntoContext(OkHttpClient client) {
      this.client = client;
    }

    @Override
    public okhttp3.Call newCall(Request request) {
      okhttp3.Call call = client.newCall(request);
      CallContext ctx = request.tag(CallContext.class);
      if (ctx != null) {
        ctx.bind(call);
      }
      return call;
    }
  }

  /**
   * @param client the fully configured client (interceptors, timeouts, no retries)
   * @param baseUrl the Frontend API base URL, ending with {@code /}
   */
  public FapiExecutor(OkHttpClient client, HttpUrl baseUrl) {
    EndpointTable.requireComplete();
    this.api = new Retrofit.Builder().baseUrl(baseUrl).callFactory(new CallsIntoContext(client))
        .addConverterFactory(FormBodies.FACTORY).build().create(FapiService.class);
    this.callTimeoutMillis = client.callTimeoutMillis();
  }

  /** Sends {@code request} once; see {@link io.github.clerk4j.spi.Transport#execute}. */
  public FapiResponse execute(FapiRequest request) {
    CallContext ctx = CallContext.of(request);
    retrofit2.Call<ResponseBody> endpointCall = EndpointTable.call(api, request, ctx);
    Response response;
    try {
      okhttp3.Call call = ctx.callOf(endpointCall);
      // The call's own timeout, or what is left of core's deadline if that is shorter.
      long remaining = Math.max(1, request.timeout().toMillis());
      call.timeout().timeout(callTimeoutMillis == 0 ? remaining : Math.min(callTimeoutMillis, remaining),
          TimeUnit.MILLISECONDS);
      response = call.execute();
    } catch (IOException e) {
      throw NetworkFailures.ioFailure(ctx, e);
    } catch (RuntimeException e) {
      // Retrofit refuses a request it cannot build (a path parameter that would leave the path)
      // and OkHttp and its interceptors report a few failures unchecked; nothing tells whether
      // the request left, unless the send marker says it did not.
      throw new ClerkNetworkException(request.endpoint() + ": the HTTP call failed ("
          + e.getClass().getSimpleName() + ")", e, ctx.handedToConnection());
    }
    // Every answer, an error too, streams from the connection into core's decoder: no copy of the
    // body, and a connection that fails half way through it is core's "the connection failed
    // while reading the answer".
    try (ResponseBody body = response.body()) {
      boolean empty = body.source().exhausted();
      return FapiResponse.decode(request, response.code(), response::header,
          empty ? null : new MoshiJsonSource(body.source())); // null: the empty body
    } catch (IOException e) {
      // the connection failed before the body's first byte: the server had the request
      throw NetworkFailures.ioFailure(ctx, e);
    }
  }
}
