package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code object: backup_code}. {@code toString()} does not show the codes. */
public record BackupCodesResource(@Nullable String id, List<String> codes, @Nullable Instant createdAt) {

  public BackupCodesResource {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  @Override
  public String toString() {
    return "BackupCodesResource{id=" + id + ", codes=" + codes.size() + " [redacted]}";
  }
}
