package io.github.clerk4j.spi;

import java.time.Instant;
import java.util.List;

/**
 * The client (device) as the Frontend API sends it ({@code object: client}): its sessions and its
 * current sign-in.
 */
public record ClientResource(
    String id,
    List<SessionResource> sessions,
    SignInResource signIn,
    String lastActiveSessionId,
    Instant cookieExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public ClientResource {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }
}
