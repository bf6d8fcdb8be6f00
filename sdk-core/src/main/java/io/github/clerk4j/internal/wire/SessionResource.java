package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session as the Frontend API sends it ({@code object: session}). {@code toString()} does not
 * show the session token.
 *
 * @param lastActiveToken the JWT of {@code last_active_token}, or {@code null}
 * @param taskKeys the keys of {@code tasks}, in order
 * @param factorVerificationAge minutes since the first and second factor were verified, or empty
 */
public record SessionResource(
    String id,
    String status,
    @Nullable Instant expireAt,
    @Nullable Instant abandonAt,
    @Nullable Instant lastActiveAt,
    @Nullable String lastActiveToken,
    @Nullable String lastActiveOrganizationId,
    List<String> taskKeys,
    @Nullable UserResource user,
    List<Integer> factorVerificationAge,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) implements Identified {

  public SessionResource {
    taskKeys = taskKeys == null ? List.of() : List.copyOf(taskKeys);
    factorVerificationAge =
        factorVerificationAge == null ? List.of() : List.copyOf(factorVerificationAge);
  }

  /** A copy with another user. */
  public SessionResource withUser(UserResource u) {
    return new SessionResource(id, status, expireAt, abandonAt, lastActiveAt, lastActiveToken,
        lastActiveOrganizationId, taskKeys, u, factorVerificationAge, createdAt, updatedAt);
  }

  @Override
  public String toString() {
    return "SessionResource{id=" + id + ", status=" + status + ", tasks=" + taskKeys
        + ", user=" + (user == null ? null : user.id())
        + ", lastActiveToken=" + (lastActiveToken == null ? "none" : "[redacted]") + '}';
  }
}
