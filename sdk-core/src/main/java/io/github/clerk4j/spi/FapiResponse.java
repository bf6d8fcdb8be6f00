package io.github.clerk4j.spi;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.internal.wire.AnswerDecoder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one {@link FapiRequest}, as clerk4j-core decoded it: a resource, or the server's
 * refusal ({@link #error()}), with the piggybacked client and any client token the answer carried.
 *
 * <p>A transport makes it with {@link #decode}: clerk4j-core, not the transport, knows the
 * Frontend API's JSON and its status codes, so that every transport classifies answers the same
 * way. {@link #of} and {@link #refusal} are for test doubles and decorators.
 */
public final class FapiResponse {

  private final int httpStatus;
  private final @Nullable Object response;
  private final @Nullable Object client;
  private final @Nullable String clientToken;
  private final @Nullable ClerkApiException error;

  private FapiResponse(int httpStatus, @Nullable Object response, @Nullable Object client,
      @Nullable String clientToken, @Nullable ClerkApiException error) {
    this.httpStatus = httpStatus;
    this.response = response;
    this.client = client;
    this.clientToken = clientToken;
    this.error = error;
  }

  /**
   * Decodes one HTTP answer to {@code request}: what every transport does with every answer it
   * gets, whatever its status.
   *
   * <ul>
   *   <li>2xx: the body must be the endpoint's JSON; the {@code Authorization} header is the
   *       rotated client token.
   *   <li>4xx and 5xx: a refusal ({@link #error()}) with Clerk's error envelope, or a synthetic
   *       {@code http_<status>} error for any other body (a proxy's HTML page, an empty 502). A
   *       client token is taken only from a refusal whose body is Clerk's envelope.
   *   <li>1xx and 3xx (the transport follows no redirects): a refusal without a client token.
   * </ul>
   *
   * @param request the request this answers
   * @param httpStatus the answer's HTTP status
   * @param headers the answer's headers by name, case-insensitively ({@code null} when absent)
   * @param body the body, or {@code null} when it is empty
   * @return the resource, or the refusal, and the client and client token the answer carried
   * @throws ClerkNetworkException the body of a 2xx is empty, cut off, not JSON or not the
   *     endpoint's resource ({@link ClerkNetworkException#requestMayHaveBeenSent()} is {@code
   *     true}: the server answered); the same when reading the body failed
   */
  public static FapiResponse decode(
      FapiRequest request, int httpStatus, Function<String, @Nullable String> headers,
      @Nullable JsonSource body) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(headers, "headers");
    AnswerDecoder.Answer a = AnswerDecoder.decode(request.endpoint(), httpStatus, headers, body);
    return new FapiResponse(httpStatus, a.response(), a.client(), a.clientToken(), a.error());
  }

  /**
   * A successful answer, for test doubles and decorators.
   *
   * @param httpStatus a 2xx status
   * @param response the resource as clerk4j-core decodes it for the endpoint
   * @param client the piggybacked client as clerk4j-core decodes it, or {@code null}
   * @param clientToken the {@code Authorization} header, or {@code null}
   * @return the answer
   * @throws IllegalArgumentException the status is not 2xx
   */
  public static FapiResponse of(
      int httpStatus, @Nullable Object response, @Nullable Object client, @Nullable String clientToken) {
    if (httpStatus < 200 || httpStatus > 299) {
      throw new IllegalArgumentException("a successful answer has a 2xx status: " + httpStatus);
    }
    return new FapiResponse(httpStatus, response, client, clientToken, null);
  }

  /**
   * {@return a refusal, for test doubles and decorators: the server answered with {@code error}}
   *
   * @param error the server's refusal; its {@link ClerkApiException#httpStatus()} is the answer's
   * @param clientToken the {@code Authorization} header the refusal carried, or {@code null}
   */
  public static FapiResponse refusal(ClerkApiException error, @Nullable String clientToken) {
    Objects.requireNonNull(error, "error");
    return new FapiResponse(error.httpStatus(), null, null, clientToken, error);
  }

  /** {@return the HTTP status} */
  public int httpStatus() {
    return httpStatus;
  }

  /** {@return the server's refusal, for any status but 2xx} */
  public Optional<ClerkApiException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * {@return the decoded resource (the {@code response} member, or the whole body where the
   * endpoint's answer is not wrapped), in clerk4j-core's internal form; {@code null} for a refusal
   * and where the server sent none} Opaque to transports.
   */
  public @Nullable Object response() {
    return response;
  }

  /**
   * {@return the piggybacked client in clerk4j-core's internal form, or {@code null}} Opaque to
   * transports.
   */
  public @Nullable Object client() {
    return client;
  }

  /**
   * {@return the client token the answer carried, verbatim: an empty value or a bare {@code Bearer}
   * means the server cleared it} {@code null} when there was none, or it may not be taken from this
   * answer.
   */
  public @Nullable String clientToken() {
    return clientToken;
  }

  @Override
  public String toString() {
    return "FapiResponse{status="
        + httpStatus
        + (error == null ? "" : ", error=" + error.errors().stream().map(e -> e.code()).toList())
        + ", clientToken="
        + (clientToken == null ? "none" : "[redacted]")
        + '}';
  }
}
