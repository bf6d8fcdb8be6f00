package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request being handled: the parsed request and the client it acts for. The dispatcher sends
 * that client's current token back in the {@code Authorization} header, even on errors, so a
 * client created by a failing call is not lost.
 */
final class Exchange {
  /** The request; the router sets its path parameters. */
  Request request;
  private final EmulatorState state;
  private final SessionRules sessions;
  /** The PBKDF2 derivation of this request's password made before the lock, or null. */
  final Passwords.@Nullable Precomputed passwordAhead;
  /** The client, once resolved ({@link #existingClient}, {@link #clientOrNew}, {@link #newClient}). */
  @Nullable ClientRecord client;

  Exchange(Request request, EmulatorState state, SessionRules sessions,
      Passwords.@Nullable Precomputed passwordAhead) {
    this.request = request;
    this.state = state;
    this.sessions = sessions;
    this.passwordAhead = passwordAhead;
  }

  FormBody form() {
    return request.form();
  }

  /** The client named by the token, or null when the request has none. */
  @Nullable ClientRecord existingClient() {
    if (client == null) {
      String token = bearer();
      if (token != null) {
        client = seen(sessions.clientForToken(token));
        sessions.expireDue(client);
      }
    }
    return client;
  }

  /** The client named by the token; a request without a token gets a new client. */
  ClientRecord clientOrNew() {
    ClientRecord c = existingClient();
    if (c == null) {
      c = seen(sessions.newClient());
      client = c;
    }
    return c;
  }

  /** Starts a new client, whatever the request carried. */
  ClientRecord newClient() {
    ClientRecord c = seen(sessions.newClient());
    client = c;
    return c;
  }

  /** The client, for a route that has resolved it already (it is never unset again). */
  ClientRecord client() {
    return Objects.requireNonNull(client, "the route has not resolved the client");
  }

  /** The device as this request shows it becomes the latest activity of the client's sessions. */
  private ClientRecord seen(ClientRecord c) {
    c.lastSeen = new Model.Activity(request.clientIp(), request.header("User-Agent").orElse(null));
    return c;
  }

  /** The client's session with this id; 404 when the client has no such session. */
  SessionRecord session(String id) {
    ClientRecord c = existingClient();
    SessionRecord session = state.session(id).orElse(null);
    if (c == null || session == null || session.client != c) {
      throw ApiException.notFound("Session");
    }
    return session;
  }

  /** A session that is still signed in; 401 {@code signed_out} otherwise. */
  SessionRecord liveSession(String id) {
    SessionRecord session = session(id);
    if (!session.live()) {
      throw ApiException.signedOut();
    }
    return session;
  }

  /**
   * The session a {@code /me} call acts as: {@code _clerk_session_id}, else the client's last
   * active session.
   */
  SessionRecord meSession() {
    ClientRecord c = existingClient();
    if (c == null) {
      throw ApiException.authenticationInvalid("Sign in first: the request carries no client token.");
    }
    String id = request.queryParam("_clerk_session_id").filter(s -> !s.isEmpty())
        .orElse(c.lastActiveSessionId);
    if (id == null) {
      throw ApiException.signedOut();
    }
    return liveSession(id);
  }

  /** The {@code Authorization} value without its optional {@code Bearer } prefix, or null. */
  private @Nullable String bearer() {
    String value = request.header("Authorization").orElse("").trim();
    if (value.regionMatches(true, 0, "Bearer", 0, 6)) {
      value = value.substring(6).trim();
    }
    return value.isEmpty() ? null : value;
  }

  /** Counts this request against a per-IP bucket; 429 when the limit is reached. */
  void rateLimit(String bucket, int limit) {
    if (state.settings.rateLimits().enabled()) {
      state.rateLimiter.hit(request.clientIp() + "|" + bucket, limit,
          state.settings.rateLimits().window(), state.now());
    }
  }
}
