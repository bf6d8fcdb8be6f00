package io.github.clerk4j;

import io.github.clerk4j.internal.wire.BackupCodesResource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fresh set of single-use backup codes. Creating a set replaces the previous one. Show the codes
 * once; {@code toString()} shows only how many there are. Immutable; made by clerk4j from the
 * server's answer.
 */
public final class BackupCodes {

  private final BackupCodesResource resource;

  BackupCodes(BackupCodesResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the set's id, or {@code null}} */
  public @Nullable String id() {
    return resource.id();
  }

  /** {@return the codes, each usable once in place of a second factor} */
  public List<String> codes() {
    return resource.codes();
  }

  /** {@return when the set was created, or {@code null}} */
  public @Nullable Instant createdAt() {
    return resource.createdAt();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BackupCodes b && b.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(resource.id());
  }

  @Override
  public String toString() {
    return "BackupCodes{id=" + id() + ", codes=" + codes().size() + " [redacted]}";
  }
}
