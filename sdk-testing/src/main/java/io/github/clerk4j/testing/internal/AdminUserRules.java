package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator does to users, from the web UI or the Backend API: create one with
 * verified identifiers, change its profile or password, flag its password compromised. Every check
 * runs before anything changes, so a refused call leaves the user as it was. Caller holds the
 * state lock.
 */
final class AdminUserRules {
  private final EmulatorState state;
  private final UserRules users;
  private final PasswordRules passwords;

  AdminUserRules(EmulatorState state, UserRules users, PasswordRules passwords) {
    this.state = state;
    this.users = users;
    this.passwords = passwords;
  }

  /**
   * A new user. Identifiers come verified, as the Backend API creates them; the first e-mail
   * address and phone number are the primary ones.
   *
   * @param checkPassword whether the password must pass the instance's policy (the Backend API's
   *     {@code skip_password_checks} switches it off)
   */
  record NewUser(List<String> emailAddresses, List<String> phoneNumbers, @Nullable String username,
      @Nullable String password, boolean checkPassword, @Nullable String firstName, @Nullable String lastName,
      @Nullable String externalId, @Nullable Map<String, Object> publicMetadata,
      @Nullable Map<String, Object> privateMetadata, @Nullable Map<String, Object> unsafeMetadata) {
    @Override
    public String toString() {
      return "NewUser[redacted]";
    }
  }

  /**
   * Creates the user.
   *
   * @throws ApiException 422 {@code form_param_format_invalid} for a malformed e-mail address or a
   *     phone number that is not E.164, {@code form_identifier_exists} for one another user has,
   *     {@code form_data_missing} without any identifier, the username and password rules' codes
   */
  UserRecord create(NewUser n) {
    long now = state.now();
    UserRecord user = new UserRecord(state.newId("user"), now);
    Set<String> seen = new HashSet<>();
    for (String typed : n.emailAddresses()) {
      String address = IdentificationRules.emailAddress(typed, "email_address");
      requireFree(seen, EmulatorState.identifierKey(address), "email_address", "email address");
      user.emails.add(new EmailRecord(state.newId("idn"), address, true, now));
    }
    for (String typed : n.phoneNumbers()) {
      String number = UserRules.normalizePhone(typed);
      if (!UserRules.isE164(number)) {
        throw ApiException.param(422, "form_param_format_invalid", "phone_number", "is invalid",
            "phone_number must be a valid phone number in E.164 format, such as +15555550100.");
      }
      requireFree(seen, number, "phone_number", "phone number");
      user.phones.add(new PhoneRecord(state.newId("idn"), number, true, now));
    }
    if (n.username() != null && !n.username().isEmpty()) {
      users.requireUsernameAllowed(user, n.username());
    }
    if (user.emails.isEmpty() && user.phones.isEmpty() && (n.username() == null || n.username().isEmpty())) {
      throw ApiException.of(422, "form_data_missing", "missing data",
          "A user needs an identifier to sign in with: an email address, a phone number or a username.");
    }
    if (n.password() != null && n.checkPassword()) {
      passwords.checkPolicy(n.password(), "password");
    }
    user.username = n.username() == null || n.username().isEmpty() ? null : n.username();
    user.firstName = blankToNull(n.firstName());
    user.lastName = blankToNull(n.lastName());
    user.externalId = blankToNull(n.externalId());
    putAll(user.publicMetadata, n.publicMetadata());
    putAll(user.privateMetadata, n.privateMetadata());
    putAll(user.unsafeMetadata, n.unsafeMetadata());
    user.legalAcceptedAt = now;
    user.primaryEmailId = user.emails.isEmpty() ? null : user.emails.get(0).id;
    user.primaryPhoneId = user.phones.isEmpty() ? null : user.phones.get(0).id;
    if (n.password() != null) {
      user.password = passwords.hash(n.password());
      user.passwordUpdatedAt = now;
    }
    users.register(user);
    return user;
  }

  /**
   * Changes to a user; a null field is left as it is, {@code ""} clears a name, the username or
   * the external id. Metadata given replaces what the user had.
   */
  record UserChanges(@Nullable String firstName, @Nullable String lastName, @Nullable String username,
      @Nullable String password, boolean checkPassword, @Nullable String externalId,
      @Nullable Map<String, Object> publicMetadata, @Nullable Map<String, Object> privateMetadata,
      @Nullable Map<String, Object> unsafeMetadata) {
    @Override
    public String toString() {
      return "UserChanges[redacted]";
    }
  }

  /**
   * Applies the changes, after checking all of them.
   *
   * @throws ApiException the username and password rules' 422s
   */
  void update(UserRecord user, UserChanges c) {
    if (c.username() != null && !c.username().equals(user.username == null ? "" : user.username)) {
      users.requireUsernameAllowed(user, c.username());
    }
    if (c.password() != null && c.checkPassword()) {
      passwords.checkPolicy(c.password(), "password");
    }
    long now = state.now();
    if (c.firstName() != null) {
      user.firstName = blankToNull(c.firstName());
    }
    if (c.lastName() != null) {
      user.lastName = blankToNull(c.lastName());
    }
    if (c.username() != null && !c.username().equals(user.username == null ? "" : user.username)) {
      users.setUsername(user, c.username());
    }
    if (c.externalId() != null) {
      user.externalId = blankToNull(c.externalId());
    }
    replace(user.publicMetadata, c.publicMetadata());
    replace(user.privateMetadata, c.privateMetadata());
    replace(user.unsafeMetadata, c.unsafeMetadata());
    if (c.password() != null) {
      // As a reset does: a new password clears the compromised flag and the lockout.
      user.password = passwords.hash(c.password());
      user.passwordUpdatedAt = now;
      user.passwordCompromised = false;
      user.failedPasswordAttempts = 0;
      user.lockedUntil = 0;
    }
    user.updatedAt = now;
  }

  /**
   * Flags the password compromised, or clears the flag: a flagged user's password sign-ins and
   * sessions get the {@code reset-password} task until a new password is set.
   *
   * @throws ApiException 400 {@code form_param_value_invalid} for a user without a password
   */
  void setPasswordCompromised(UserRecord user, boolean compromised) {
    if (compromised && user.password == null) {
      throw ApiException.of(400, "form_param_value_invalid", "no password",
          "This user has no password to flag as compromised.");
    }
    user.passwordCompromised = compromised;
    user.updatedAt = state.now();
  }

  /** The verified identifiers as a list of strings, for finding users by any of them. */
  static List<String> identifiers(UserRecord user) {
    List<String> all = new ArrayList<>();
    user.emails.forEach(e -> all.add(e.address));
    user.phones.stream().map(p -> p.number).forEach(all::add);
    if (user.username != null) {
      all.add(user.username);
    }
    return all;
  }

  private void requireFree(Set<String> seen, String key, String param, String words) {
    if (!seen.add(key) || state.userByIdentifier(key).isPresent()) {
      throw ApiException.param(422, "form_identifier_exists", param, "is taken",
          "That " + words + " is taken. Please try another.");
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void putAll(Map<String, Object> into, @Nullable Map<String, Object> from) {
    if (from != null) {
      into.putAll(from);
    }
  }

  private static void replace(Map<String, Object> into, @Nullable Map<String, Object> from) {
    if (from != null) {
      into.clear();
      into.putAll(from);
    }
  }
}
