package io.github.clerk4j.spi;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Frontend API call to make: what to call, on which resource, with which form body and client
 * token, and how long it may take. Immutable; its {@code toString()} shows no form values and no
 * token.
 *
 * @param endpoint the call
 * @param id the path's resource id where the endpoint's javadoc names one (a sign-in id, a phone
 *     number id, a JWT template name or {@code null} for {@link Endpoint#CREATE_SESSION_TOKEN});
 *     otherwise {@code null}
 * @param sessionId the session: a path parameter of the {@code /v1/client/sessions/{sessionId}}
 *     calls, the {@code _clerk_session_id} query parameter of the {@code /v1/me} calls; otherwise
 *     {@code null}
 * @param form the form body (empty for calls without one); for a call with a {@code file}, the
 *     text parts of its {@code multipart/form-data} body
 * @param file the file part of a {@code multipart/form-data} body, for the endpoints whose
 *     javadoc names one ({@link Endpoint#SET_PROFILE_IMAGE}); {@code null} for every other call
 * @param clientToken the {@code Authorization} value to send, verbatim, or {@code null} when this
 *     client has none yet
 * @param timeout the longest this attempt may take, from the first byte sent to the last byte
 *     read: what is left of the call's overall deadline. A transport stops the attempt then (as a
 *     timeout, so {@link io.github.clerk4j.ClerkNetworkException}) even if its own timeouts are
 *     longer.
 */
public record FapiRequest(
    Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form,
    @Nullable FilePart file, @Nullable String clientToken, Duration timeout) {

  /**
   * Checks the parts: endpoint, form and timeout are required, the timeout positive.
   *
   * @param endpoint the call
   * @param id the path's resource id where the endpoint names one, else {@code null}
   * @param sessionId the session the call acts for, else {@code null}
   * @param form the form body; empty for calls without one
   * @param file the file part of a {@code multipart/form-data} body, else {@code null}
   * @param clientToken the {@code Authorization} value to send, or {@code null} for none
   * @param timeout the longest this attempt may take
   * @throws IllegalArgumentException the timeout is zero or negative
   */
  public FapiRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /**
   * A call without a file: every endpoint but {@link Endpoint#SET_PROFILE_IMAGE}.
   *
   * @param endpoint the call
   * @param id the path's resource id where the endpoint names one, else {@code null}
   * @param sessionId the session the call acts for, else {@code null}
   * @param form the form body; empty for calls without one
   * @param clientToken the {@code Authorization} value to send, or {@code null} for none
   * @param timeout the longest this attempt may take
   * @throws IllegalArgumentException the timeout is zero or negative
   */
  public FapiRequest(
      Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form,
      @Nullable String clientToken, Duration timeout) {
    this(endpoint, id, sessionId, form, null, clientToken, timeout);
  }

  @Override
  public String toString() {
    return "FapiRequest{"
        + endpoint
        + (id == null ? "" : ", id=" + id)
        + (sessionId == null ? "" : ", sessionId=" + sessionId)
        + ", form="
        + form
        + (file == null ? "" : ", file=" + file)
        + ", clientToken="
        + (clientToken == null ? "none" : "[redacted]")
        + ", timeout="
        + timeout.toMillis()
        + "ms}";
  }
}
