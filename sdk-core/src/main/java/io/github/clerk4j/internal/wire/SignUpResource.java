package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A sign-up attempt as the Frontend API sends it ({@code object: sign_up_attempt}). Lists and the
 * metadata are never null (empty when the wire had null); other members may be null.
 *
 * @param passwordEnabled {@code password_enabled} (spec, recordings) or {@code has_password}
 *     (clerk-js types), whichever came
 */
public record SignUpResource(
    String id,
    String status,
    List<String> requiredFields,
    List<String> optionalFields,
    List<String> missingFields,
    List<String> unverifiedFields,
    VerificationResource emailAddressVerification,
    VerificationResource phoneNumberVerification,
    VerificationResource externalAccountVerification,
    String emailAddress,
    String phoneNumber,
    String username,
    String firstName,
    String lastName,
    boolean passwordEnabled,
    Map<String, Object> unsafeMetadata,
    String createdSessionId,
    String createdUserId,
    Instant abandonAt,
    Instant legalAcceptedAt) {

  public SignUpResource {
    requiredFields = copy(requiredFields);
    optionalFields = copy(optionalFields);
    missingFields = copy(missingFields);
    unverifiedFields = copy(unverifiedFields);
    unsafeMetadata = unsafeMetadata == null ? Map.of() : unsafeMetadata;
  }

  private static List<String> copy(List<String> l) {
    return l == null ? List.of() : List.copyOf(l);
  }
}
