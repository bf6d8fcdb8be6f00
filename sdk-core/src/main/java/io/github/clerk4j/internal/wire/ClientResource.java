package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;

/**
 * The client (device) as the Frontend API sends it ({@code object: client}): its sessions, its
 * current sign-in and its current sign-up.
 */
public record ClientResource(
    String id,
    List<SessionResource> sessions,
    SignInResource signIn,
    SignUpResource signUp,
    String lastActiveSessionId,
    Instant cookieExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public ClientResource {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }

  /** A copy with another current sign-in ({@code null} for none). */
  public ClientResource withSignIn(SignInResource s) {
    return new ClientResource(id, sessions, s, signUp, lastActiveSessionId, cookieExpiresAt, createdAt, updatedAt);
  }

  /** A copy with another current sign-up ({@code null} for none). */
  public ClientResource withSignUp(SignUpResource s) {
    return new ClientResource(id, sessions, signIn, s, lastActiveSessionId, cookieExpiresAt, createdAt, updatedAt);
  }

  /** A copy with other sessions and last active session. */
  public ClientResource withSessions(List<SessionResource> s, String lastActive) {
    return new ClientResource(id, s, signIn, signUp, lastActive, cookieExpiresAt, createdAt, updatedAt);
  }
}
