package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.UserAttribute;
import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.SignUpAttempt;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sign-ups: which fields the instance requires and accepts ({@link SignUpPolicy}), how each field
 * is checked (format, uniqueness, the password policy, the username rules), which are missing or
 * unverified, the codes that verify the e-mail address and phone number, and the user and session
 * a complete sign-up creates.
 */
final class SignUpRules {
  /** Clerk's username lengths ({@code username_settings}, as recorded). */
  static final int USERNAME_MIN = 4;
  static final int USERNAME_MAX = 64;
  /** The attributes in the order a form asks for them, also the order of {@code required_fields}. */
  private static final List<UserAttribute> ORDER = List.of(UserAttribute.EMAIL_ADDRESS,
      UserAttribute.PHONE_NUMBER, UserAttribute.USERNAME, UserAttribute.PASSWORD, UserAttribute.FIRST_NAME,
      UserAttribute.LAST_NAME);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Pattern USERNAME_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]+");
  static final String LEGAL_ACCEPTED = "legal_accepted";

  private final EmulatorState state;
  private final UserRules users;
  private final PasswordRules passwords;
  private final CodeRules codes;
  private final SessionRules sessions;
  private final ExternalAccounts accounts;

  SignUpRules(EmulatorState state, UserRules users, PasswordRules passwords, CodeRules codes, SessionRules sessions,
      ExternalAccounts accounts) {
    this.state = state;
    this.users = users;
    this.passwords = passwords;
    this.codes = codes;
    this.sessions = sessions;
    this.accounts = accounts;
  }

  /** Whether the instance uses this attribute's field at sign-up ({@code first_name}, ...). */
  boolean accepts(String field) {
    return UserAttribute.fromWireName(field).map(a -> policy().enabled(a)).orElse(false);
  }

  private SignUpPolicy policy() {
    return state.settings.signUp();
  }

  /** Refuses every sign-up on a restricted or waitlist instance (403). */
  void checkMode() {
    switch (policy().mode()) {
      case RESTRICTED -> throw ApiException.of(403, "sign_up_mode_restricted", "Sign-ups restricted",
          "Sign-ups are currently restricted to invited users.");
      case WAITLIST -> throw ApiException.of(403, "sign_up_restricted_waitlist", "Sign-ups restricted",
          "Sign-ups are currently restricted to users on the waitlist.");
      case PUBLIC -> {
        // anyone may sign up
      }
    }
  }

  // fields

  /** The fields of one create or update, each checked; absent ones are null, "" clears one. */
  record Changes(@Nullable String email, @Nullable String phone, @Nullable String username,
      Passwords.@Nullable Stored password, boolean clearPassword, @Nullable String firstName,
      @Nullable String lastName, @Nullable Boolean legalAccepted, @Nullable Map<String, Object> unsafeMetadata,
      @Nullable String locale) {}

  /**
   * Applies checked fields ({@link #check}); a new e-mail address or phone number needs verifying
   * again.
   */
  void apply(SignUpAttempt s, Changes c) {
    long now = state.now();
    if (c.email != null) {
      String address = c.email.isEmpty() ? null : c.email;
      if (address == null || !address.equalsIgnoreCase(String.valueOf(s.emailAddress))) {
        s.emailVerification = null;
      }
      s.emailAddress = address;
    }
    if (c.phone != null) {
      String number = c.phone.isEmpty() ? null : c.phone;
      if (number == null || !number.equals(s.phoneNumber)) {
        s.phoneVerification = null;
      }
      s.phoneNumber = number;
    }
    if (c.username != null) {
      s.username = c.username.isEmpty() ? null : c.username;
    }
    if (c.password != null || c.clearPassword) {
      s.password = c.password;
    }
    if (c.firstName != null) {
      s.firstName = c.firstName.isEmpty() ? null : c.firstName;
    }
    if (c.lastName != null) {
      s.lastName = c.lastName.isEmpty() ? null : c.lastName;
    }
    if (c.legalAccepted != null) {
      s.legalAcceptedAt = c.legalAccepted ? now : null;
    }
    if (c.unsafeMetadata != null) {
      s.unsafeMetadata = c.unsafeMetadata;
    }
    if (c.locale != null) {
      s.locale = c.locale;
    }
  }

  /**
   * Checks every field of a create or update form before any is applied, so that a refused field
   * changes nothing. A field the instance does not use is 422 {@code form_param_unknown}.
   */
  Changes check(FormBody form) {
    refuseUnknown(form, "web3_wallet");
    // email_address_or_phone_number: one field for either identifier (Clerk's combined input).
    Optional<String> either = form.optional("email_address_or_phone_number").map(String::trim);
    Optional<String> emailInput = form.optional("email_address")
        .or(() -> either.filter(v -> v.contains("@")));
    Optional<String> phoneInput = form.optional("phone_number")
        .or(() -> either.filter(v -> !v.isEmpty() && !v.contains("@")));
    String email = value(emailInput, UserAttribute.EMAIL_ADDRESS).map(this::checkEmail).orElse(null);
    String phone = value(phoneInput, UserAttribute.PHONE_NUMBER).map(this::checkPhone).orElse(null);
    String username = value(form.optional("username"), UserAttribute.USERNAME).map(this::checkUsername).orElse(null);
    Optional<String> password = value(form.optional("password"), UserAttribute.PASSWORD);
    password.filter(p -> !p.isEmpty()).ifPresent(p -> passwords.checkPolicy(p, "password"));
    String firstName = value(form.optional("first_name"), UserAttribute.FIRST_NAME).orElse(null);
    String lastName = value(form.optional("last_name"), UserAttribute.LAST_NAME).orElse(null);
    Boolean legalAccepted = form.optionalBool(LEGAL_ACCEPTED).orElse(null);
    Map<String, Object> metadata = form.optional("unsafe_metadata").map(SignUpRules::metadata).orElse(null);
    String locale = form.nonEmpty("locale").orElse(null);
    // Hashed last, once everything else passed: it is the expensive part.
    Passwords.Stored hash = password.filter(p -> !p.isEmpty()).map(passwords::hash).orElse(null);
    boolean clearPassword = password.filter(String::isEmpty).isPresent();
    return new Changes(email, phone, username, hash, clearPassword, firstName, lastName, legalAccepted, metadata,
        locale);
  }

  /** The value of an attribute's field; 422 {@code form_param_unknown} when the instance does not use it. */
  private Optional<String> value(Optional<String> input, UserAttribute attribute) {
    if (input.isPresent() && !policy().enabled(attribute)) {
      throw unknown(attribute.wireName());
    }
    return input;
  }

  private static void refuseUnknown(FormBody form, String param) {
    if (form.optional(param).isPresent()) {
      throw unknown(param);
    }
  }

  private static ApiException unknown(String param) {
    return ApiException.param(422, "form_param_unknown", param, "is unknown",
        param + " is not a valid parameter for this request.");
  }

  private String checkEmail(String input) {
    String address = input.trim();
    if (address.isEmpty()) {
      return "";
    }
    if (!EMAIL.matcher(address).matches()) {
      throw ApiException.param(422, "form_param_format_invalid", "email_address", "is invalid",
          "email_address must be a valid email address.");
    }
    requireFree(EmulatorState.identifierKey(address), "email_address",
        "That email address is taken. Please try another.");
    return address;
  }

  private String checkPhone(String input) {
    String number = UserRules.normalizePhone(input);
    if (number.isEmpty()) {
      return "";
    }
    if (!UserRules.isE164(number)) {
      throw ApiException.param(422, "form_param_format_invalid", "phone_number", "is invalid",
          "phone_number must be a valid phone number according to E.164 international standard.");
    }
    requireFree(number, "phone_number", "That phone number is taken. Please try another.");
    return number;
  }

  private String checkUsername(String input) {
    String username = input.trim();
    if (username.isEmpty()) {
      return "";
    }
    int length = username.codePointCount(0, username.length());
    if (length < USERNAME_MIN || length > USERNAME_MAX) {
      throw ApiException.param(422, "form_username_invalid_length", "username", "is invalid",
          "Username must be between " + USERNAME_MIN + " and " + USERNAME_MAX + " characters long.");
    }
    if (!USERNAME_CHARACTERS.matcher(username).matches()) {
      throw ApiException.param(422, "form_username_invalid_character", "username", "is invalid",
          "Username can only contain letters, numbers, underscores and dashes.");
    }
    if (username.chars().allMatch(Character::isDigit)) {
      throw ApiException.param(422, "form_username_needs_non_number_char", "username", "is invalid",
          "Username must contain at least one character that is not a number.");
    }
    requireFree(EmulatorState.identifierKey(username), "username", "That username is taken. Please try another.");
    return username;
  }

  private void requireFree(String key, String param, String message) {
    if (state.userByIdentifier(key).isPresent()) {
      throw ApiException.param(422, "form_identifier_exists", param, "is taken", message);
    }
  }

  /** {@code unsafe_metadata}: a JSON object as a string. */
  private static Map<String, Object> metadata(String json) {
    if (json.isEmpty()) {
      return Map.of();
    }
    Object parsed;
    try {
      parsed = Json.read(json);
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ApiException.param(422, "form_param_format_invalid", "unsafe_metadata", "is invalid",
          "unsafe_metadata must be a JSON object.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) wholeNumbers(map);
    return object;
  }

  /** The parser reads every number as a double; whole ones go back out as integers, as Clerk echoes them. */
  private static Object wholeNumbers(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, wholeNumbers(v)));
      return copy;
    }
    if (node instanceof List<?> l) {
      return l.stream().map(SignUpRules::wholeNumbers).toList();
    }
    if (node instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    return node;
  }

  /**
   * Refuses a form whose {@code strategy} the sign-up will not be able to follow once the
   * changes are applied: {@code password} without a password, a code without the identifier to
   * send it to or for one already verified (checked before applying, so nothing changes).
   */
  void checkStrategy(SignUpAttempt s, Changes c, FactorStrategy strategy) {
    switch (strategy) {
      case PASSWORD -> {
        if (c.password == null && (c.clearPassword || s.password == null)) {
          throw ApiException.paramMissing("password");
        }
      }
      case EMAIL_CODE -> requireRecipient(after(c.email, s.emailAddress), s.emailAddress, s.emailVerified(), true);
      case PHONE_CODE -> requireRecipient(after(c.phone, s.phoneNumber), s.phoneNumber, s.phoneVerified(), false);
      default -> throw ApiException.paramFormatInvalid("strategy");
    }
  }

  private static @Nullable String after(@Nullable String change, @Nullable String current) {
    return change == null ? current : change.isEmpty() ? null : change;
  }

  /** The identifier a code goes to, checked: present, and not verified already. */
  private static String requireRecipient(@Nullable String recipient, @Nullable String current, boolean currentVerified,
      boolean email) {
    if (recipient == null) {
      throw ApiException.param(422, "form_param_missing", email ? "email_address" : "phone_number", "is missing",
          "The sign-up has no " + (email ? "email address" : "phone number") + " to verify: add it first.");
    }
    boolean same = email ? recipient.equalsIgnoreCase(String.valueOf(current)) : recipient.equals(current);
    if (same && currentVerified) {
      throw ApiException.of(400, "verification_already_verified", "already verified",
          "This " + (email ? "email address" : "phone number") + " has already been verified.");
    }
    return recipient;
  }

  // requirements

  List<String> requiredFields() {
    List<String> fields = new ArrayList<>(fieldsWith(AttributeSetting.REQUIRED));
    if (policy().legalConsent()) {
      fields.add(LEGAL_ACCEPTED);
    }
    return fields;
  }

  List<String> optionalFields() {
    return fieldsWith(AttributeSetting.OPTIONAL);
  }

  private List<String> fieldsWith(AttributeSetting setting) {
    return ORDER.stream().filter(a -> policy().setting(a) == setting).map(UserAttribute::wireName).toList();
  }

  /** The required fields the sign-up has not given. */
  List<String> missingFields(SignUpAttempt s) {
    // A provider vouches for who signs up: as on Clerk, such a sign-up needs no password.
    return requiredFields().stream().filter(f -> !given(s, f))
        .filter(f -> !(f.equals(UserAttribute.PASSWORD.wireName()) && s.externallyVerified())).toList();
  }

  /** The given e-mail address and phone number that no code verified yet (both verify at sign-up). */
  List<String> unverifiedFields(SignUpAttempt s) {
    List<String> fields = new ArrayList<>();
    if (s.emailAddress != null && !s.emailVerified()) {
      fields.add(UserAttribute.EMAIL_ADDRESS.wireName());
    }
    if (s.phoneNumber != null && !s.phoneVerified()) {
      fields.add(UserAttribute.PHONE_NUMBER.wireName());
    }
    return fields;
  }

  private static boolean given(SignUpAttempt s, String field) {
    return switch (field) {
      case "email_address" -> s.emailAddress != null;
      case "phone_number" -> s.phoneNumber != null;
      case "username" -> s.username != null;
      case "password" -> s.password != null;
      case "first_name" -> s.firstName != null;
      case "last_name" -> s.lastName != null;
      case LEGAL_ACCEPTED -> s.legalAcceptedAt != null;
      default -> throw new IllegalArgumentException(field);
    };
  }

  // verification

  /**
   * Sends a code to the sign-up's e-mail address ({@code email_code}) or phone number ({@code
   * phone_code}), replacing an earlier one.
   *
   * @throws ApiException 422 {@code form_param_missing} when the sign-up has no such identifier,
   *     400 {@code verification_already_verified} when it is verified
   */
  void sendCode(SignUpAttempt s, FactorStrategy strategy) {
    boolean email = strategy == FactorStrategy.EMAIL_CODE;
    String current = email ? s.emailAddress : s.phoneNumber;
    String recipient = requireRecipient(current, current, email ? s.emailVerified() : s.phoneVerified(), email);
    Otp otp = codes.sendCode(strategy, s.id, recipient, Purpose.SIGN_UP);
    if (email) {
      s.emailVerification = otp;
    } else {
      s.phoneVerification = otp;
    }
  }

  /** Checks a code against the sign-up's pending e-mail or SMS code, with sign-in's rules ({@link Otp}). */
  void attempt(SignUpAttempt s, FactorStrategy strategy, String code) {
    codes.attempt(strategy == FactorStrategy.EMAIL_CODE ? s.emailVerification : s.phoneVerification, strategy, code,
        "Send a code first with prepare_verification and the same strategy.");
  }

  // completion

  /**
   * Completes the sign-up once nothing is missing or unverified: the user is created with what it
   * gave and signed in on this client (a session with the {@code setup-mfa} task where the
   * instance requires MFA).
   *
   * @throws ApiException 422 {@code form_identifier_exists} when another sign-up took an identifier
   *     meanwhile
   */
  void completeIfReady(ClientRecord client, SignUpAttempt s) {
    if (s.status(state.now()) != SignUpState.MISSING_REQUIREMENTS || !missingFields(s).isEmpty()
        || !unverifiedFields(s).isEmpty()) {
      return;
    }
    long now = state.now();
    UserRecord user = new UserRecord(state.newId("user"), now);
    user.firstName = s.firstName;
    user.lastName = s.lastName;
    user.username = s.username;
    if (s.emailAddress != null) {
      EmailRecord email = new EmailRecord(state.newId("idn"), s.emailAddress, false, now);
      email.verification = s.emailVerifiedBy != null ? s.emailVerifiedBy : s.emailVerification;
      user.emails.add(email);
      user.primaryEmailId = email.id;
    }
    if (s.phoneNumber != null) {
      PhoneRecord phone = new PhoneRecord(state.newId("idn"), s.phoneNumber, false, now);
      phone.verification = s.phoneVerification;
      user.phones.add(phone);
      user.primaryPhoneId = phone.id;
    }
    user.password = s.password;
    user.passwordUpdatedAt = s.password == null ? null : now;
    user.unsafeMetadata = new java.util.LinkedHashMap<>(s.unsafeMetadata);
    user.legalAcceptedAt = s.legalAcceptedAt;
    String taken = users.takenIdentifier(user);
    if (taken != null) {
      String param = taken.equals(s.phoneNumber) ? "phone_number"
          : s.username != null && taken.equals(EmulatorState.identifierKey(s.username)) ? "username" : "email_address";
      throw ApiException.param(422, "form_identifier_exists", param, "is taken",
          "That " + param.replace('_', ' ') + " is taken. Please try another.");
    }
    users.register(user);
    if (s.externallyVerified()) {
      accounts.link(user, Objects.requireNonNull(s.externalAccount, "externallyVerified() has one"));
    }
    // The recorded sign-up leaves last_authentication_strategy null: no sign-in strategy was used.
    SessionRecord session = sessions.createSession(client, user, null, false);
    s.createdUserId = user.id;
    s.createdSessionId = session.id;
  }
}
