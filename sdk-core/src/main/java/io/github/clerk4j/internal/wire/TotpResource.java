package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code object: totp}. {@code toString()} shows neither the secret nor the backup codes. */
public record TotpResource(
    String id,
    @Nullable String secret,
    @Nullable String uri,
    boolean verified,
    List<String> backupCodes,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) {

  public TotpResource {
    backupCodes = backupCodes == null ? List.of() : List.copyOf(backupCodes);
  }

  @Override
  public String toString() {
    return "TotpResource{id=" + id + ", verified=" + verified + ", secret=[redacted], backupCodes="
        + backupCodes.size() + " [redacted]}";
  }
}
