package io.github.clerk4j.spi;

import io.github.clerk4j.SessionTask;
import java.time.Instant;
import java.util.List;

/**
 * A session as the Frontend API sends it ({@code object: session}). {@code toString()} does not
 * show the session token.
 *
 * @param lastActiveToken the JWT of {@code last_active_token}, or {@code null}
 * @param factorVerificationAge minutes since the first and second factor were verified, or empty
 */
public record SessionResource(
    String id,
    String status,
    Instant expireAt,
    Instant abandonAt,
    Instant lastActiveAt,
    String lastActiveToken,
    String lastActiveOrganizationId,
    List<SessionTask> tasks,
    UserResource user,
    List<Integer> factorVerificationAge,
    Instant createdAt,
    Instant updatedAt) {

  public SessionResource {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    factorVerificationAge =
        factorVerificationAge == null ? List.of() : List.copyOf(factorVerificationAge);
  }

  @Override
  public String toString() {
    return "SessionResource{id=" + id + ", status=" + status + ", tasks=" + tasks
        + ", user=" + (user == null ? null : user.id())
        + ", lastActiveToken=" + (lastActiveToken == null ? "none" : "[redacted]") + '}';
  }
}
