package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/** {@code object: backup_code}. */
public record BackupCodesDto(
    String id, List<String> codes, @Json(name = "created_at") Instant createdAt) {

  @Override
  public String toString() {
    return "BackupCodesDto{id=" + id + ", codes=[redacted]}";
  }
}
