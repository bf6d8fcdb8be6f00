package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;

/** The signed-in user as the Frontend API sends it ({@code object: user}). */
public record UserResource(
    String id,
    String username,
    String firstName,
    String lastName,
    String imageUrl,
    String primaryEmailAddressId,
    String primaryPhoneNumberId,
    List<EmailAddressResource> emailAddresses,
    List<PhoneNumberResource> phoneNumbers,
    boolean passwordEnabled,
    boolean twoFactorEnabled,
    boolean totpEnabled,
    boolean backupCodeEnabled,
    Instant createdAt,
    Instant updatedAt) {

  public UserResource {
    emailAddresses = emailAddresses == null ? List.of() : List.copyOf(emailAddresses);
    phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
  }
}
