package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
    @Nullable VerificationResource emailAddressVerification,
    @Nullable VerificationResource phoneNumberVerification,
    @Nullable VerificationResource externalAccountVerification,
    @Nullable String emailAddress,
    @Nullable String phoneNumber,
    @Nullable String username,
    @Nullable String firstName,
    @Nullable String lastName,
    boolean passwordEnabled,
    Map<String, Object> unsafeMetadata,
    @Nullable String createdSessionId,
    @Nullable String createdUserId,
    @Nullable Instant abandonAt,
    @Nullable Instant legalAcceptedAt) implements Identified {

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
