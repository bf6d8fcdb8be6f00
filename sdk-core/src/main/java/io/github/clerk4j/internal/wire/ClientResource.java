package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The client (device) as the Frontend API sends it ({@code object: client}): its sessions, its
 * current sign-in and its current sign-up.
 */
public record ClientResource(
    String id,
    List<SessionResource> sessions,
    @Nullable SignInResource signIn,
    @Nullable SignUpResource signUp,
    @Nullable String lastActiveSessionId,
    @Nullable Instant cookieExpiresAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) implements Identified {

  public ClientResource {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }

  /** A copy with another current sign-in ({@code null} for none). */
  public ClientResource withSignIn(@Nullable SignInResource s) {
    return new ClientResource(id, sessions, s, signUp, lastActiveSessionId, cookieExpiresAt, createdAt, updatedAt);
  }

  /** A copy with another current sign-up ({@code null} for none). */
  public ClientResource withSignUp(@Nullable SignUpResource s) {
    return new ClientResource(id, sessions, signIn, s, lastActiveSessionId, cookieExpiresAt, createdAt, updatedAt);
  }

  /** A copy with other sessions and last active session. */
  public ClientResource withSessions(List<SessionResource> s, @Nullable String lastActive) {
    return new ClientResource(id, s, signIn, signUp, lastActive, cookieExpiresAt, createdAt, updatedAt);
  }
}
