package io.github.clerk4j.internal.wire;

import io.github.clerk4j.ClerkError;
import io.github.clerk4j.spi.JsonSource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Frontend API's JSON resources, decoded field by field from a {@link WireReader}: members
 * this version does not know are skipped, explicit nulls read as absent, and a resource without
 * the members Clerk always sends (its id, its status) is refused with a {@link
 * WireFormatException}. Each method returns {@code null} for a JSON {@code null}.
 *
 * <p>Written by hand rather than bound by reflection: every transport shares it, it needs no
 * JSON library in clerk4j-core, and it allocates only the resources themselves.
 */
public final class WireDecoders {

  private WireDecoders() {}

  public static @Nullable ClientResource client(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    List<SessionResource> sessions = null;
    SignInResource signIn = null;
    SignUpResource signUp = null;
    String lastActiveSessionId = null;
    Instant cookieExpiresAt = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.CLIENT)) {
        case "id" -> {
          id = in.string();
          ClientResource copy = in.copyOfResponse(ClientResource.class, id, MemberNames.CLIENT);
          if (copy != null) {
            return copy;
          }
        }
        case "sessions" -> sessions = in.list(WireDecoders::session);
        case "sign_in" -> signIn = signIn(in);
        case "sign_up" -> signUp = signUp(in);
        case "last_active_session_id" -> lastActiveSessionId = in.string();
        case "cookie_expires_at" -> cookieExpiresAt = in.instant();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new ClientResource(in.required(id, "client", "id"), orEmpty(sessions), signIn, signUp,
        lastActiveSessionId, cookieExpiresAt, createdAt, updatedAt);
  }

  public static @Nullable SignInResource signIn(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String status = null;
    List<String> supportedIdentifiers = null;
    List<FactorResource> first = null;
    List<FactorResource> second = null;
    VerificationResource firstVerification = null;
    VerificationResource secondVerification = null;
    String identifier = null;
    UserDataResource userData = null;
    String createdSessionId = null;
    Instant abandonAt = null;
    String clientTrustState = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.SIGN_IN)) {
        case "id" -> {
          id = in.string();
          SignInResource copy = in.copyOfResponse(SignInResource.class, id, MemberNames.SIGN_IN);
          if (copy != null) {
            return copy;
          }
        }
        case "status" -> status = in.knownString();
        case "supported_identifiers" -> supportedIdentifiers = in.strings();
        case "supported_first_factors" -> first = in.list(WireDecoders::factor);
        case "supported_second_factors" -> second = in.list(WireDecoders::factor);
        case "first_factor_verification" -> firstVerification = verification(in);
        case "second_factor_verification" -> secondVerification = verification(in);
        case "identifier" -> identifier = in.string();
        case "user_data" -> userData = userData(in);
        case "created_session_id" -> createdSessionId = in.string();
        case "abandon_at" -> abandonAt = in.instant();
        case "client_trust_state" -> clientTrustState = in.knownString();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new SignInResource(in.required(id, "sign_in_attempt", "id"),
        in.required(status, "sign_in_attempt", "status"), orEmpty(supportedIdentifiers), orEmpty(first),
        orEmpty(second),
        firstVerification, secondVerification, identifier, userData, createdSessionId, abandonAt,
        clientTrustState);
  }

  public static @Nullable SignUpResource signUp(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String status = null;
    List<String> required = null;
    List<String> optional = null;
    List<String> missing = null;
    List<String> unverified = null;
    VerificationResource[] verifications = new VerificationResource[3];
    String emailAddress = null;
    String phoneNumber = null;
    String username = null;
    String firstName = null;
    String lastName = null;
    boolean passwordEnabled = false;
    Map<String, Object> unsafeMetadata = null;
    String createdSessionId = null;
    String createdUserId = null;
    Instant abandonAt = null;
    Instant legalAcceptedAt = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.SIGN_UP)) {
        case "id" -> {
          id = in.string();
          SignUpResource copy = in.copyOfResponse(SignUpResource.class, id, MemberNames.SIGN_UP);
          if (copy != null) {
            return copy;
          }
        }
        case "status" -> status = in.knownString();
        case "required_fields" -> required = in.strings();
        case "optional_fields" -> optional = in.strings();
        case "missing_fields" -> missing = in.strings();
        case "unverified_fields" -> unverified = in.strings();
        case "verifications" -> signUpVerifications(in, verifications);
        case "email_address" -> emailAddress = in.string();
        case "phone_number" -> phoneNumber = in.string();
        case "username" -> username = in.string();
        case "first_name" -> firstName = in.string();
        case "last_name" -> lastName = in.string();
        // The spec and the recordings say password_enabled, clerk-js's types has_password.
        case "password_enabled", "has_password" -> passwordEnabled |= in.isTrue();
        case "unsafe_metadata" -> unsafeMetadata = in.peek() == JsonSource.Token.BEGIN_OBJECT
            ? in.object() : skipped(in);
        case "created_session_id" -> createdSessionId = in.string();
        case "created_user_id" -> createdUserId = in.string();
        case "abandon_at" -> abandonAt = in.instant();
        case "legal_accepted_at" -> legalAcceptedAt = in.instant();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new SignUpResource(in.required(id, "sign_up_attempt", "id"),
        in.required(status, "sign_up_attempt", "status"), orEmpty(required), orEmpty(optional),
        orEmpty(missing), orEmpty(unverified), verifications[0], verifications[1], verifications[2],
        emailAddress, phoneNumber, username, firstName, lastName, passwordEnabled,
        orEmpty(unsafeMetadata), createdSessionId, createdUserId, abandonAt, legalAcceptedAt);
  }

  /** {@code verifications}: e-mail address, phone number and external account, into {@code out}. */
  private static void signUpVerifications(WireReader in, VerificationResource[] out) throws IOException {
    if (in.nullValue()) {
      return;
    }
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.SIGN_UP_VERIFICATIONS)) {
        case "email_address" -> out[0] = verification(in);
        case "phone_number" -> out[1] = verification(in);
        case "external_account" -> out[2] = verification(in);
        default -> in.skipValue();
      }
    }
    in.endObject();
  }

  public static @Nullable FactorResource factor(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String strategy = null;
    String safeIdentifier = null;
    String emailAddressId = null;
    String phoneNumberId = null;
    Boolean primary = null;
    boolean isDefault = false;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.FACTOR)) {
        case "strategy" -> strategy = in.knownString();
        case "safe_identifier" -> safeIdentifier = in.string();
        case "email_address_id" -> emailAddressId = in.string();
        case "phone_number_id" -> phoneNumberId = in.string();
        case "primary" -> primary = in.bool();
        case "default" -> isDefault = in.isTrue();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new FactorResource(in.required(strategy, "factor", "strategy"), safeIdentifier,
        emailAddressId, phoneNumberId, primary, isDefault);
  }

  public static @Nullable VerificationResource verification(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String status = null;
    String strategy = null;
    Integer attempts = null;
    Instant expireAt = null;
    ClerkError error = null;
    String nextAction = null;
    List<String> supportedStrategies = null;
    String externalUrl = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.VERIFICATION)) {
        case "status" -> status = in.knownString();
        case "strategy" -> strategy = in.knownString();
        case "attempts" -> attempts = in.integer();
        case "expire_at" -> expireAt = in.instant();
        case "error" -> error = error(in);
        case "next_action" -> nextAction = in.string();
        case "supported_strategies" -> supportedStrategies = in.knownStrings();
        case "external_verification_redirect_url" -> externalUrl = in.string();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new VerificationResource(in.required(status, "verification", "status"), strategy,
        attempts, expireAt, error, nextAction, orEmpty(supportedStrategies), externalUrl);
  }

  static @Nullable UserDataResource userData(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String firstName = null;
    String lastName = null;
    String imageUrl = null;
    boolean hasImage = false;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.SIGN_IN_USER_DATA)) {
        case "first_name" -> firstName = in.string();
        case "last_name" -> lastName = in.string();
        case "image_url" -> imageUrl = in.string();
        case "has_image" -> hasImage = in.isTrue();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new UserDataResource(firstName, lastName, imageUrl, hasImage);
  }

  public static @Nullable SessionResource session(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String status = null;
    Instant expireAt = null;
    Instant abandonAt = null;
    Instant lastActiveAt = null;
    String lastActiveToken = null;
    String lastActiveOrganizationId = null;
    List<String> tasks = null;
    UserResource user = null;
    List<Integer> factorVerificationAge = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.SESSION)) {
        case "id" -> {
          id = in.string();
          SessionResource copy = in.copyOfResponse(SessionResource.class, id, MemberNames.SESSION);
          if (copy != null) {
            return copy;
          }
        }
        case "status" -> status = in.knownString();
        case "expire_at" -> expireAt = in.instant();
        case "abandon_at" -> abandonAt = in.instant();
        case "last_active_at" -> lastActiveAt = in.instant();
        case "last_active_token" -> lastActiveToken = token(in, false);
        case "last_active_organization_id" -> lastActiveOrganizationId = in.string();
        case "tasks" -> tasks = in.list(WireDecoders::taskKey);
        case "user" -> user = user(in);
        case "factor_verification_age" -> factorVerificationAge = in.list(WireReader::integer);
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new SessionResource(in.required(id, "session", "id"), in.required(status, "session", "status"),
        expireAt, abandonAt, lastActiveAt, lastActiveToken, lastActiveOrganizationId, orEmpty(tasks),
        user, orEmpty(factorVerificationAge), createdAt, updatedAt);
  }

  private static @Nullable String taskKey(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String key = null;
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName(MemberNames.SESSION_TASK).equals("key")) {
        key = in.knownString();
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    return in.required(key, "session task", "key");
  }

  /**
   * The JWT of {@code {object: token, jwt}}: a session's {@code last_active_token}, or the whole
   * answer of the token endpoints, where it is {@code required}.
   */
  public static @Nullable String token(WireReader in, boolean required) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String jwt = null;
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName(MemberNames.TOKEN).equals("jwt")) {
        jwt = in.string();
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    if (required && (jwt == null || jwt.isBlank())) {
      throw new WireFormatException("a token without jwt at " + in.path());
    }
    return jwt;
  }

  public static @Nullable UserResource user(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String username = null;
    String firstName = null;
    String lastName = null;
    String imageUrl = null;
    boolean hasImage = false;
    String primaryEmailAddressId = null;
    String primaryPhoneNumberId = null;
    List<EmailAddressResource> emailAddresses = null;
    List<PhoneNumberResource> phoneNumbers = null;
    boolean passwordEnabled = false;
    boolean twoFactorEnabled = false;
    boolean totpEnabled = false;
    boolean backupCodeEnabled = false;
    Map<String, Object> publicMetadata = null;
    Map<String, Object> unsafeMetadata = null;
    boolean deleteSelfEnabled = false;
    Instant createdAt = null;
    Instant updatedAt = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.USER)) {
        case "id" -> {
          id = in.string();
          UserResource copy = in.copyOfResponse(UserResource.class, id, MemberNames.USER);
          if (copy != null) {
            return copy;
          }
        }
        case "username" -> username = in.string();
        case "first_name" -> firstName = in.string();
        case "last_name" -> lastName = in.string();
        case "image_url" -> imageUrl = in.string();
        case "has_image" -> hasImage = in.isTrue();
        case "primary_email_address_id" -> primaryEmailAddressId = in.string();
        case "primary_phone_number_id" -> primaryPhoneNumberId = in.string();
        case "email_addresses" -> emailAddresses = in.list(WireDecoders::emailAddress);
        case "phone_numbers" -> phoneNumbers = in.list(WireDecoders::phoneNumber);
        case "password_enabled" -> passwordEnabled = in.isTrue();
        case "two_factor_enabled" -> twoFactorEnabled = in.isTrue();
        case "totp_enabled" -> totpEnabled = in.isTrue();
        case "backup_code_enabled" -> backupCodeEnabled = in.isTrue();
        case "public_metadata" -> publicMetadata = metadata(in);
        case "unsafe_metadata" -> unsafeMetadata = metadata(in);
        case "delete_self_enabled" -> deleteSelfEnabled = in.isTrue();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new UserResource(in.required(id, "user", "id"), username, firstName, lastName, imageUrl,
        hasImage, primaryEmailAddressId, primaryPhoneNumberId, orEmpty(emailAddresses),
        orEmpty(phoneNumbers), passwordEnabled, twoFactorEnabled, totpEnabled, backupCodeEnabled,
        orEmpty(publicMetadata), orEmpty(unsafeMetadata), deleteSelfEnabled, createdAt, updatedAt);
  }

  /** A metadata object; anything but an object (Clerk always sends one) reads as none. */
  private static @Nullable Map<String, Object> metadata(WireReader in) throws IOException {
    if (in.peek() != io.github.clerk4j.spi.JsonSource.Token.BEGIN_OBJECT) {
      in.skipValue();
      return null;
    }
    return in.object();
  }

  public static @Nullable EmailAddressResource emailAddress(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String address = null;
    VerificationResource verification = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.EMAIL_ADDRESS)) {
        case "id" -> id = in.string();
        case "email_address" -> address = in.string();
        case "verification" -> verification = verification(in);
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new EmailAddressResource(in.required(id, "email_address", "id"),
        in.required(address, "email_address", "email_address"), verification);
  }

  public static @Nullable PhoneNumberResource phoneNumber(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String number = null;
    boolean reserved = false;
    boolean isDefault = false;
    VerificationResource verification = null;
    List<String> backupCodes = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.PHONE_NUMBER)) {
        case "id" -> id = in.string();
        case "phone_number" -> number = in.string();
        case "reserved_for_second_factor" -> reserved = in.isTrue();
        case "default_second_factor" -> isDefault = in.isTrue();
        case "verification" -> verification = verification(in);
        case "backup_codes" -> backupCodes = in.strings();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new PhoneNumberResource(in.required(id, "phone_number", "id"),
        in.required(number, "phone_number", "phone_number"), reserved,
        isDefault, verification, orEmpty(backupCodes));
  }

  public static @Nullable TotpResource totp(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String secret = null;
    String uri = null;
    boolean verified = false;
    List<String> backupCodes = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.TOTP)) {
        case "id" -> id = in.string();
        case "secret" -> secret = in.string();
        case "uri" -> uri = in.string();
        case "verified" -> verified = in.isTrue();
        case "backup_codes" -> backupCodes = in.strings();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new TotpResource(in.required(id, "totp", "id"), secret, uri, verified, orEmpty(backupCodes),
        createdAt, updatedAt);
  }

  public static @Nullable BackupCodesResource backupCodes(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    List<String> codes = null;
    Instant createdAt = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.BACKUP_CODES)) {
        case "id" -> id = in.string();
        case "codes" -> codes = in.strings();
        case "created_at" -> createdAt = in.instant();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new BackupCodesResource(id, in.required(codes, "backup_code", "codes"), createdAt);
  }

  public static @Nullable DeletedObject deletedObject(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String object = null;
    String id = null;
    boolean deleted = false;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.DELETED_OBJECT)) {
        case "object" -> object = in.string();
        case "id" -> id = in.string();
        case "deleted" -> deleted = in.isTrue();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new DeletedObject(object, id, deleted);
  }

  public static @Nullable ReverificationResource reverification(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String level = null;
    String status = null;
    List<FactorResource> first = null;
    List<FactorResource> second = null;
    VerificationResource firstVerification = null;
    VerificationResource secondVerification = null;
    SessionResource session = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.REVERIFICATION)) {
        case "level" -> level = in.knownString();
        case "status" -> status = in.knownString();
        case "supported_first_factors" -> first = in.list(WireDecoders::factor);
        case "supported_second_factors" -> second = in.list(WireDecoders::factor);
        case "first_factor_verification" -> firstVerification = verification(in);
        case "second_factor_verification" -> secondVerification = verification(in);
        case "session" -> session = session(in);
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new ReverificationResource(level, in.required(status, "session_reverification", "status"),
        orEmpty(first), orEmpty(second), firstVerification, secondVerification, session);
  }

  /** One error of an error envelope or a verification's {@code error}. */
  public static @Nullable ClerkError error(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String code = null;
    String message = null;
    String longMessage = null;
    Map<String, Object> meta = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.ERROR)) {
        case "code" -> code = in.string();
        case "message" -> message = in.string();
        case "long_message" -> longMessage = in.string();
        case "meta" -> meta = in.peek() == JsonSource.Token.BEGIN_OBJECT
            ? in.object() : skipped(in);
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new ClerkError(code, message, longMessage, meta);
  }

  private static @Nullable Map<String, Object> skipped(WireReader in) throws IOException {
    in.skipValue();
    return null;
  }

  /** An absent or null list member as the records hold it. */
  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  /** An absent or null metadata member as the records hold it. */
  private static Map<String, Object> orEmpty(@Nullable Map<String, Object> map) {
    return map == null ? Map.of() : map;
  }

  /** The error envelope {@code {errors: [...], clerk_trace_id}}. */
  public record ErrorEnvelope(List<ClerkError> errors, @Nullable String traceId) {}

  /** The error envelope; {@code errors} empty when the body listed none. */
  public static ErrorEnvelope errorEnvelope(WireReader in) throws IOException {
    List<ClerkError> errors = new ArrayList<>();
    String traceId = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.ERROR_ENVELOPE)) {
        case "errors" -> {
          List<ClerkError> list = in.list(WireDecoders::error);
          if (list != null) {
            errors.addAll(list);
          }
        }
        case "clerk_trace_id" -> traceId = in.string();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new ErrorEnvelope(errors, traceId);
  }
}
