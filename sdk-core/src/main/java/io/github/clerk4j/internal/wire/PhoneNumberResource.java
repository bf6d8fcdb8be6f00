package io.github.clerk4j.internal.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A phone number of the signed-in user ({@code object: phone_number}). {@code backupCodes} are
 * present only when reserving it for MFA enabled MFA for the first time; {@code toString()} does
 * not show them.
 */
public record PhoneNumberResource(
    String id,
    String phoneNumber,
    boolean reservedForSecondFactor,
    boolean defaultSecondFactor,
    @Nullable VerificationResource verification,
    List<String> backupCodes) {

  public PhoneNumberResource {
    backupCodes = backupCodes == null ? List.of() : List.copyOf(backupCodes);
  }

  @Override
  public String toString() {
    return "PhoneNumberResource{id=" + id + ", reservedForSecondFactor=" + reservedForSecondFactor
        + ", defaultSecondFactor=" + defaultSecondFactor + ", verification=" + verification
        + ", backupCodes=" + backupCodes.size() + " [redacted]}";
  }
}
