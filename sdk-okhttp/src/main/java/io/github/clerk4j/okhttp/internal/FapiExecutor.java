package io.github.clerk4j.okhttp.internal;

import com.squareup.moshi.JsonDataException;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import java.io.IOException;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * One attempt of one call: route lookup, the Retrofit call, and the translation of its outcome into
 * a {@link FapiResponse} or a clerk4j exception.
 */
public final class FapiExecutor {

  private final FapiService api;

  /**
   * @param client the fully configured client (interceptors, timeouts, no retries)
   * @param baseUrl the Frontend API base URL, ending with {@code /}
   */
  public FapiExecutor(OkHttpClient client, HttpUrl baseUrl) {
    EndpointTable.requireComplete();
    Retrofit.Builder retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(client)
            // parse every FapiService annotation now, so a broken table fails at start-up
            .validateEagerly(true);
    for (retrofit2.Converter.Factory f : WireJson.converterFactories()) {
      retrofit.addConverterFactory(f);
    }
    this.api = retrofit.build().create(FapiService.class);
  }

  /** Sends {@code request} once; see {@link io.github.clerk4j.spi.Transport#execute}. */
  public <T> FapiResponse<T> execute(FapiRequest<T> request) {
    return execute(EndpointTable.route(request.endpoint()), request);
  }

  private <D, T> FapiResponse<T> execute(Route<D, T> route, FapiRequest<T> request) {
    CallContext ctx = CallContext.of(request);
    Call<D> call = route.call(api, request, ctx);
    Response<D> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw NetworkFailures.ioFailure(ctx, e);
    } catch (JsonDataException e) {
      throw NetworkFailures.badBody(ctx, e);
    }
    if (!response.isSuccessful()) {
      throw apiError(response);
    }
    return route.answer(response.code(), response.body(), response.headers().get("Authorization"));
  }

  private static ClerkApiException apiError(Response<?> response) {
    String body;
    try (ResponseBody errorBody = response.errorBody()) {
      // Retrofit has already buffered the error body, so this read does not touch the network.
      body = errorBody == null ? null : errorBody.string();
    } catch (IOException unreadable) {
      body = null;
    }
    return ErrorDecoder.decode(response.code(), body, response.headers(), Instant.now());
  }
}
