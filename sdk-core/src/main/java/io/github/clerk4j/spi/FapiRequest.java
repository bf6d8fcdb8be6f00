package io.github.clerk4j.spi;

import java.util.Objects;

/**
 * One Frontend API call to make: what to call, on which resource, with which form body and client
 * token. Immutable; its {@code toString()} shows no form values and no token.
 *
 * @param endpoint the call
 * @param id the sign-in id ({@code sia_...}) for sign-in calls, the phone number id for phone
 *     number calls, the JWT template name (or null) for {@link Endpoint#CREATE_SESSION_TOKEN};
 *     otherwise {@code null}
 * @param sessionId the session id: a path parameter for {@code /v1/client/sessions/{id}/...}
 *     calls, the {@code _clerk_session_id} query parameter for {@code /v1/me/...} calls; otherwise
 *     {@code null}
 * @param form the form body (empty for calls without one)
 * @param clientToken the {@code Authorization} value to send, verbatim, or {@code null} when this
 *     client has none yet
 */
public record FapiRequest<T>(
    Endpoint<T> endpoint, String id, String sessionId, Form form, String clientToken) {

  public FapiRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(form, "form");
  }

  /** A copy that sends {@code token} as the client token. */
  public FapiRequest<T> withClientToken(String token) {
    return new FapiRequest<>(endpoint, id, sessionId, form, token);
  }

  @Override
  public String toString() {
    return "FapiRequest{"
        + endpoint
        + (id == null ? "" : ", id=" + id)
        + (sessionId == null ? "" : ", sessionId=" + sessionId)
        + ", form="
        + form
        + ", clientToken="
        + (clientToken == null ? "none" : "[redacted]")
        + '}';
  }
}
