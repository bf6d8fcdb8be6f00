package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as the Frontend API sends it ({@code object: user}).
 *
 * @param publicMetadata {@code public_metadata}, set by the backend only
 * @param unsafeMetadata {@code unsafe_metadata}, which the user may change
 * @param deleteSelfEnabled whether the instance lets the user delete the account
 */
public record UserResource(
    String id,
    @Nullable String username,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String imageUrl,
    boolean hasImage,
    @Nullable String primaryEmailAddressId,
    @Nullable String primaryPhoneNumberId,
    List<EmailAddressResource> emailAddresses,
    List<PhoneNumberResource> phoneNumbers,
    boolean passwordEnabled,
    boolean twoFactorEnabled,
    boolean totpEnabled,
    boolean backupCodeEnabled,
    Map<String, Object> publicMetadata,
    Map<String, Object> unsafeMetadata,
    boolean deleteSelfEnabled,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) implements Identified {

  public UserResource {
    emailAddresses = emailAddresses == null ? List.of() : List.copyOf(emailAddresses);
    phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
    publicMetadata = publicMetadata == null ? Map.of() : Map.copyOf(publicMetadata);
    unsafeMetadata = unsafeMetadata == null ? Map.of() : Map.copyOf(unsafeMetadata);
  }

  /** A copy without the e-mail address with this id (deleted while the answer carried no client). */
  public UserResource withoutEmailAddress(String emailAddressId) {
    List<EmailAddressResource> kept =
        emailAddresses.stream().filter(e -> !e.id().equals(emailAddressId)).toList();
    return new UserResource(id, username, firstName, lastName, imageUrl, hasImage,
        emailAddressId.equals(primaryEmailAddressId) ? null : primaryEmailAddressId,
        primaryPhoneNumberId, kept, phoneNumbers, passwordEnabled, twoFactorEnabled, totpEnabled,
        backupCodeEnabled, publicMetadata, unsafeMetadata, deleteSelfEnabled, createdAt, updatedAt);
  }

  /** A copy without a profile image (deleted while the answer carried no client). */
  public UserResource withoutImage() {
    return new UserResource(id, username, firstName, lastName, imageUrl, false, primaryEmailAddressId,
        primaryPhoneNumberId, emailAddresses, phoneNumbers, passwordEnabled, twoFactorEnabled,
        totpEnabled, backupCodeEnabled, publicMetadata, unsafeMetadata, deleteSelfEnabled, createdAt,
        updatedAt);
  }

  /** Names and metadata are personal data: only the id and counts are shown. */
  @Override
  public String toString() {
    return "UserResource{id=" + id + ", emailAddresses=" + emailAddresses.size()
        + ", phoneNumbers=" + phoneNumbers.size() + ", twoFactorEnabled=" + twoFactorEnabled + '}';
  }
}
