package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.okhttp.internal.dto.ClientDto;
import io.github.clerk4j.okhttp.internal.dto.EnvelopeDto;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import java.util.function.Function;
import retrofit2.Call;

/**
 * How one {@link io.github.clerk4j.spi.Endpoint} travels: which {@link FapiService} method makes
 * the call, and how its decoded body becomes the SPI's response and piggybacked client.
 *
 * @param <D> the body type Moshi decodes (an envelope or an unwrapped resource)
 * @param <T> the endpoint's response type
 */
public final class Route<D, T> {

  /** Makes the Retrofit call for a request. */
  @FunctionalInterface
  public interface Invoker<D> {
    Call<D> call(FapiService api, FapiRequest<?> request, CallContext ctx);
  }

  private final Invoker<D> invoker;
  private final Function<D, T> response;
  private final Function<D, ClientDto> client;

  private Route(Invoker<D> invoker, Function<D, T> response, Function<D, ClientDto> client) {
    this.invoker = invoker;
    this.response = response;
    this.client = client;
  }

  /** A call answered with {@code {response, client}}; {@code map} turns the response member. */
  public static <R, T> Route<EnvelopeDto<R>, T> wrapped(
      Invoker<EnvelopeDto<R>> invoker, Function<R, T> map) {
    return new Route<>(invoker, envelope -> map.apply(envelope.response()), EnvelopeDto::client);
  }

  /** A call whose body is the resource itself (environment, session token). */
  public static <D, T> Route<D, T> unwrapped(Invoker<D> invoker, Function<D, T> map) {
    return new Route<>(invoker, map, body -> null);
  }

  Call<D> call(FapiService api, FapiRequest<?> request, CallContext ctx) {
    return invoker.call(api, request, ctx);
  }

  /**
   * The SPI's answer for a 2xx; {@code body} is {@code null} for a 204 or an empty body, and then
   * so are the response and the client.
   */
  FapiResponse<T> answer(int httpStatus, D body, String clientToken) {
    if (body == null) {
      return new FapiResponse<>(httpStatus, null, null, clientToken);
    }
    return new FapiResponse<>(
        httpStatus, response.apply(body), WireMapper.client(client.apply(body)), clientToken);
  }
}
