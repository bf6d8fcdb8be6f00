package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.UserAttribute;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.regex.Pattern;

/**
 * The rules of a user's identifications (e-mail addresses, phone numbers, the username), as Clerk
 * applies them on {@code /v1/me}: an address is well-formed and nobody else's, a primary one is
 * verified, and the last way to sign in (or the last of a required kind) cannot be removed.
 * Callers hold the state lock.
 */
final class IdentificationRules {
  /** One {@code @}, no spaces, a domain with a dot; at most 254 characters (RFC 5321). */
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
  private static final int EMAIL_MAX_LENGTH = 254;

  private final EmulatorState state;

  IdentificationRules(EmulatorState state) {
    this.state = state;
  }

  // e-mail addresses

  /**
   * A new, unverified e-mail address of the user, not yet an identifier anyone can sign in with.
   *
   * @throws ApiException 422 {@code form_param_format_invalid} for a malformed address, 422 {@code
   *     form_identifier_exists} when another user signs in with it or this user has it already
   */
  EmailRecord addEmail(UserRecord user, String typed) {
    String address = emailAddress(typed, "email_address");
    if (emailTaken(user, address)) {
      throw emailExists();
    }
    EmailRecord email = new EmailRecord(state.newId("idn"), address, false, state.now());
    user.emails.add(email);
    user.updatedAt = state.now();
    return email;
  }

  /**
   * The typed address without surrounding spaces.
   *
   * @throws ApiException 422 {@code form_param_format_invalid} naming {@code param} for a malformed one
   */
  static String emailAddress(String typed, String param) {
    String address = typed.strip();
    if (address.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(address).matches()) {
      throw ApiException.param(422, "form_param_format_invalid", param, "is invalid",
          param + " must be a valid email address.");
    }
    return address;
  }

  private boolean emailTaken(UserRecord user, String address) {
    return state.userByIdentifier(EmulatorState.identifierKey(address)).filter(u -> u != user).isPresent()
        || user.emails.stream().anyMatch(e -> e.address.equalsIgnoreCase(address));
  }

  private static ApiException emailExists() {
    return ApiException.param(422, "form_identifier_exists", "email_address", "is taken",
        "That email address is taken. Please try another.");
  }

  /**
   * An address whose code was just accepted: it becomes an identifier to sign in with, and the
   * primary one if the user had none.
   *
   * @throws ApiException 422 {@code form_identifier_exists} when another user verified it first
   */
  void emailVerified(UserRecord user, EmailRecord email) {
    String key = EmulatorState.identifierKey(email.address);
    if (state.userByIdentifier(key).filter(u -> u != user).isPresent()) {
      throw emailExists();
    }
    state.index(key, user);
    if (user.primaryEmailId == null) {
      user.primaryEmailId = email.id;
    }
    user.updatedAt = state.now();
  }

  // primaries

  /**
   * The user's e-mail address with this id, verified, to become the primary one.
   *
   * @throws ApiException 404 {@code resource_not_found} for an id the user does not have, 422
   *     {@code form_verification_needed} for an unverified address
   */
  EmailRecord primaryEmail(UserRecord user, String id) {
    EmailRecord email = user.email(id).orElseThrow(() -> ApiException.notFound("Email address"));
    if (!email.verified()) {
      throw verificationNeeded("primary_email_address_id");
    }
    return email;
  }

  /** {@link #primaryEmail} for a phone number ({@code primary_phone_number_id}). */
  PhoneRecord primaryPhone(UserRecord user, String id) {
    PhoneRecord phone = user.phone(id).orElseThrow(() -> ApiException.notFound("Phone number"));
    if (!phone.verified()) {
      throw verificationNeeded("primary_phone_number_id");
    }
    return phone;
  }

  private static ApiException verificationNeeded(String param) {
    return ApiException.param(422, "form_verification_needed", param, "is unverified",
        "This identification needs to be verified before you can perform this action.");
  }

  // removal

  /** Removes an e-mail address after {@link #requireRemovable}; a primary one passes to the next verified. */
  void removeEmail(UserRecord user, EmailRecord email) {
    requireRemovable(user, email.verified(), "email_address", "email address");
    user.emails.remove(email);
    state.unindex(EmulatorState.identifierKey(email.address), user);
    if (email.id.equals(user.primaryEmailId)) {
      user.primaryEmailId = user.emails.stream().filter(EmailRecord::verified).map(e -> e.id).findFirst().orElse(null);
    }
    user.updatedAt = state.now();
  }

  /**
   * Refuses to remove a verified identification that is the user's last one of a kind the
   * instance requires (400 {@code last_required_identification_deletion_failed}) or the user's
   * last way to sign in at all (400 {@code identification_deletion_failed}). Unverified ones may
   * always go: nobody signs in with them.
   *
   * @param attribute the instance attribute of its kind ({@code email_address}, {@code
   *     phone_number}, {@code username})
   * @param words the kind in words, for the message
   */
  void requireRemovable(UserRecord user, boolean verified, String attribute, String words) {
    if (!verified) {
      return;
    }
    long sameKind = switch (attribute) {
      case "email_address" -> user.emails.stream().filter(EmailRecord::verified).count();
      case "phone_number" -> user.phones.stream().filter(PhoneRecord::verified).count();
      default -> user.username == null ? 0 : 1;
    };
    boolean required = UserAttribute.fromWireName(attribute)
        .map(a -> state.settings.signUp().setting(a) == AttributeSetting.REQUIRED).orElse(false);
    if (sameKind <= 1 && required) {
      throw ApiException.of(400, "last_required_identification_deletion_failed", "deletion failed",
          "You are required to maintain at least one " + words + " in your account at all times");
    }
    if (verifiedIdentifications(user) <= 1) {
      throw ApiException.of(400, "identification_deletion_failed", "Deletion failed",
          "You cannot delete your last identification.");
    }
  }

  /** The ways the user can sign in: verified e-mail addresses and phone numbers, the username. */
  private static long verifiedIdentifications(UserRecord user) {
    return user.emails.stream().filter(EmailRecord::verified).count()
        + user.phones.stream().filter(PhoneRecord::verified).count()
        + (user.username == null ? 0 : 1);
  }

  /** The e-mail address with this id; 404 when the user has none such. */
  static EmailRecord email(UserRecord user, String id) {
    return user.email(id).orElseThrow(() -> ApiException.notFound("Email address"));
  }
}
