package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.util.List;

/** {@code object: phone_number}. */
public record PhoneNumberDto(
    String id,
    @Json(name = "phone_number") String phoneNumber,
    @Json(name = "reserved_for_second_factor") Boolean reservedForSecondFactor,
    @Json(name = "default_second_factor") Boolean defaultSecondFactor,
    VerificationDto verification,
    @Json(name = "backup_codes") List<String> backupCodes) {

  @Override
  public String toString() {
    return "PhoneNumberDto{id=" + id + ", backupCodes=[redacted]}";
  }
}
