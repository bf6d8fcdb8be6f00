package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Per-call state that travels with the OkHttp request as a tag: the client token for {@link
 * FapiRequestInterceptor} and a marker that {@link WireInterceptor} sets once the request is on a
 * connected socket, just before OkHttp writes it. The marker is how a failure is classified: if it
 * was never set, nothing of the request left the machine (DNS, connect, TLS or an interceptor
 * failed), so core may safely re-send even a non-idempotent call.
 */
public final class CallContext {

  private final Endpoint endpoint;
  private final @Nullable String clientToken;
  private final AtomicBoolean handedToConnection = new AtomicBoolean();
  /** The OkHttp call Retrofit made for this context's request (see FapiExecutor). */
  private okhttp3.@Nullable Call call;

  private CallContext(Endpoint endpoint, @Nullable String clientToken) {
    this.endpoint = endpoint;
    this.clientToken = clientToken;
  }

  /** A fresh context for one execution of {@code request}. */
  public static CallContext of(FapiRequest request) {
    return new CallContext(request.endpoint(), request.clientToken());
  }

  void bind(okhttp3.Call call) {
    this.call = call;
  }

  /**
   * {@return the OkHttp call of {@code retrofitCall}'s request}: asking Retrofit for the request
   * makes it build the request and, through FapiExecutor's call factory, the OkHttp call, which
   * the factory binds to this context
   */
  okhttp3.Call callOf(retrofit2.Call<?> retrofitCall) {
    retrofitCall.request();
    okhttp3.Call made = call;
    if (made == null) {
      throw new IllegalStateException("Retrofit built the request without FapiExecutor's call factory");
    }
    return made;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /** The {@code Authorization} value to send verbatim, or {@code null}. */
  @Nullable String clientToken() {
    return clientToken;
  }

  void markHandedToConnection() {
    handedToConnection.set(true);
  }

  /** Whether the request reached a connected socket, so the server may have received it. */
  boolean handedToConnection() {
    return handedToConnection.get();
  }

  @Override
  public String toString() {
    return "CallContext{"
        + endpoint
        + ", clientToken="
        + (clientToken == null ? "none" : "[redacted]")
        + '}';
  }
}
