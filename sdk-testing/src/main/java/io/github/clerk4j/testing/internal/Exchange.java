package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.Client;
import io.github.clerk4j.testing.internal.Model.Session;

/**
 * One request being handled: the parsed request and the client it acts for. The dispatcher sends
 * that client's current token back in the {@code Authorization} header, even on errors, so a
 * client created by a failing call is not lost.
 */
final class Exchange {
  final Request request;
  final Core core;
  Client client;

  Exchange(Request request, Core core) {
    this.request = request;
    this.core = core;
  }

  Form form() {
    return request.form();
  }

  /** The client named by the token, or null when the request has none. */
  Client existingClient() {
    if (client == null) {
      String token = bearer();
      if (token != null) {
        client = core.clientForToken(token);
      }
    }
    return client;
  }

  /** The client named by the token; a request without a token gets a new client. */
  Client clientOrNew() {
    if (existingClient() == null) {
      client = core.newClient();
    }
    return client;
  }

  /** Starts a new client, whatever the request carried. */
  Client newClient() {
    client = core.newClient();
    return client;
  }

  /** The client's session with this id; 404 when the client has no such session. */
  Session session(String id) {
    Client c = existingClient();
    Session session = core.sessions.get(id);
    if (c == null || session == null || session.client != c) {
      throw ApiException.notFound("Session");
    }
    return session;
  }

  /** A session that is still signed in; 401 {@code signed_out} otherwise. */
  Session liveSession(String id) {
    Session session = session(id);
    if (!session.live()) {
      throw ApiException.of(401, "signed_out", "Signed out", "This session has ended.");
    }
    return session;
  }

  /**
   * The session a {@code /me} call acts as: {@code _clerk_session_id}, else the client's last
   * active session.
   */
  Session meSession() {
    Client c = existingClient();
    if (c == null) {
      throw ApiException.authenticationInvalid("Sign in first: the request carries no client token.");
    }
    String id = request.queryParam("_clerk_session_id").filter(s -> !s.isEmpty())
        .orElse(c.lastActiveSessionId);
    if (id == null) {
      throw ApiException.of(401, "signed_out", "Signed out", "There is no active session.");
    }
    return liveSession(id);
  }

  /** The {@code Authorization} value without its optional {@code Bearer } prefix, or null. */
  private String bearer() {
    String value = request.header("Authorization").orElse("").trim();
    if (value.regionMatches(true, 0, "Bearer", 0, 6)) {
      value = value.substring(6).trim();
    }
    return value.isEmpty() ? null : value;
  }

  /** The rate-limit key for this request's IP and a bucket. */
  void rateLimit(String bucket, int limit) {
    if (core.settings.rateLimits().enabled()) {
      core.rateLimiter.hit(request.clientIp() + "|" + bucket, limit,
          core.settings.rateLimits().window(), core.now());
    }
  }
}
