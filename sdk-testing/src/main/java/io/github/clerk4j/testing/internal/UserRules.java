package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.TotpRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Accounts and their identifiers: seeding, uniqueness, phone number format, usernames. */
final class UserRules {
  /** The environment's {@code username_settings}. */
  private static final int USERNAME_MIN = 4;
  private static final int USERNAME_MAX = 64;

  private final EmulatorState state;
  private final PasswordRules passwords;
  private final IdentificationRules identifications;
  private final SessionRules sessions;

  UserRules(EmulatorState state, PasswordRules passwords, IdentificationRules identifications,
      SessionRules sessions) {
    this.state = state;
    this.passwords = passwords;
    this.identifications = identifications;
    this.sessions = sessions;
  }

  /**
   * Deletes a user: every session of theirs on every client ends as {@code removed} (those
   * clients' next calls for them get 401 {@code signed_out}), their identifiers are free again.
   * The clients stay.
   */
  void delete(UserRecord user) {
    sessions.endSessionsOf(user, null, SessionState.REMOVED);
    state.removeUser(user);
  }

  /**
   * Adds a seeded user, every identifier verified.
   *
   * @return the user's id
   * @throws IllegalArgumentException if the id or an identifier is taken, or a phone is not E.164
   */
  String addUser(EmulatorUser seed) {
    long now = state.now();
    UserRecord user = new UserRecord(seed.id().orElseGet(() -> state.newId("user")), now);
    if (state.hasUser(user.id)) {
      throw new IllegalArgumentException("duplicate user id " + user.id);
    }
    user.firstName = seed.firstName().orElse(null);
    user.lastName = seed.lastName().orElse(null);
    user.username = seed.username().orElse(null);
    user.legalAcceptedAt = now;
    for (String address : seed.emailAddresses()) {
      user.emails.add(new EmailRecord(state.newId("idn"), address, true, now));
    }
    for (String number : seed.phoneNumbers()) {
      user.phones.add(new PhoneRecord(state.newId("idn"), requireE164(number), true, now));
    }
    for (String number : seed.mfaPhoneNumbers()) {
      PhoneRecord phone = new PhoneRecord(state.newId("idn"), requireE164(number), true, now);
      phone.reservedForSecondFactor = true;
      user.phones.add(phone);
    }
    user.phones.stream().filter(p -> p.reservedForSecondFactor).findFirst()
        .ifPresent(p -> p.defaultSecondFactor = true);
    String taken = takenIdentifier(user);
    if (taken != null) {
      throw new IllegalArgumentException("identifier already taken: " + taken);
    }
    user.primaryEmailId = user.emails.isEmpty() ? null : user.emails.get(0).id;
    user.primaryPhoneId = user.phones.isEmpty() ? null : user.phones.get(0).id;
    seed.password().ifPresent(pw -> {
      user.password = passwords.seeded(pw);
      user.passwordUpdatedAt = now;
    });
    user.passwordCompromised = seed.passwordCompromised();
    seed.totpSecret().ifPresent(secret -> {
      user.totp = new TotpRecord(state.newId("totp"), Base32.decode(secret), now);
      user.totp.verified = true;
    });
    for (String code : seed.backupCodes()) {
      user.backupCodeDigests.add(Passwords.sha256(code));
    }
    if (!user.backupCodeDigests.isEmpty()) {
      user.backupCodesId = state.newId("bc");
    }
    if (user.twoFactorEnabled()) {
      user.mfaEnabledAt = now;
    }
    register(user);
    return user.id;
  }

  /**
   * Stores a new user and makes its identifiers (e-mail addresses, verified phone numbers,
   * username) find it; the caller checked {@link #takenIdentifier} first.
   */
  void register(UserRecord user) {
    state.putUser(user);
    identifierKeys(user).forEach(k -> state.index(k, user));
  }

  /** An identifier of this new user that another user holds (its index key), or null. */
  @Nullable String takenIdentifier(UserRecord user) {
    return identifierKeys(user).stream().filter(k -> state.userByIdentifier(k).isPresent()).findFirst().orElse(null);
  }

  private static List<String> identifierKeys(UserRecord user) {
    List<String> keys = new ArrayList<>();
    user.emails.forEach(e -> keys.add(EmulatorState.identifierKey(e.address)));
    user.phones.stream().filter(PhoneRecord::verified).forEach(p -> keys.add(p.number));
    if (user.username != null) {
      keys.add(EmulatorState.identifierKey(user.username));
    }
    return keys;
  }

  private static String requireE164(String number) {
    if (!isE164(number)) {
      throw new IllegalArgumentException("phone numbers must be E.164, like +15555550100: " + number);
    }
    return number;
  }

  static boolean isE164(String number) {
    return number.matches("\\+[1-9]\\d{6,14}");
  }

  /** A typed phone number without spaces and punctuation, as it is stored. */
  static String normalizePhone(String typed) {
    return typed.trim().replaceAll("[\\s().-]", "");
  }

  /** Whether a phone number is taken by any user, this one included. */
  boolean phoneTaken(UserRecord user, String number) {
    return state.userByIdentifier(number).isPresent()
        || user.phones.stream().anyMatch(p -> p.number.equals(number));
  }

  /**
   * Refuses a new username by the instance's username settings (4 to 64 letters, digits, {@code _}
   * or {@code -}, not only digits: 422 {@code form_username_*}) or because another user holds it
   * (422 {@code form_identifier_exists}); removing it ({@code ""}) is refused when it is the user's
   * last way to sign in.
   */
  void requireUsernameAllowed(UserRecord user, String username) {
    if (username.isEmpty()) {
      identifications.requireRemovable(user, user.username != null, "username", "username");
      return;
    }
    if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX) {
      throw ApiException.param(422, "form_username_invalid_length", "username", "is invalid",
          "Username must be between " + USERNAME_MIN + " and " + USERNAME_MAX + " characters long.");
    }
    if (!username.matches("[A-Za-z0-9_-]+")) {
      throw ApiException.param(422, "form_username_invalid_character", "username", "is invalid",
          "Username can only contain letters, numbers and '_' or '-'.");
    }
    if (username.chars().allMatch(Character::isDigit)) {
      throw ApiException.param(422, "form_username_needs_non_number_char", "username", "is invalid",
          "Username must contain at least one non-numeric character.");
    }
    Optional<UserRecord> owner = state.userByIdentifier(EmulatorState.identifierKey(username));
    if (owner.isPresent() && owner.get() != user) {
      throw ApiException.param(422, "form_identifier_exists", "username", "is taken",
          "That username is taken. Please try another.");
    }
  }

  /** Sets or clears ({@code ""}) the username and moves its index entry. */
  void setUsername(UserRecord user, String username) {
    if (user.username != null) {
      state.unindex(EmulatorState.identifierKey(user.username), user);
    }
    user.username = username.isEmpty() ? null : username;
    if (user.username != null) {
      state.index(EmulatorState.identifierKey(user.username), user);
    }
  }

  /** A verified phone number becomes an identifier of its user. */
  void indexPhone(UserRecord user, PhoneRecord phone) {
    state.index(phone.number, user);
  }

  void unindexPhone(UserRecord user, PhoneRecord phone) {
    state.unindex(phone.number, user);
  }
}
