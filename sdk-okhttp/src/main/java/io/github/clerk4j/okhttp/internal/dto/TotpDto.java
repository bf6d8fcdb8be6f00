package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/** {@code object: totp}. */
public record TotpDto(
    String id,
    String secret,
    String uri,
    Boolean verified,
    @Json(name = "backup_codes") List<String> backupCodes,
    @Json(name = "created_at") Instant createdAt,
    @Json(name = "updated_at") Instant updatedAt) {

  @Override
  public String toString() {
    return "TotpDto{id=" + id + ", verified=" + verified + ", secret=[redacted]}";
  }
}
