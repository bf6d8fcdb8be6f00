package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.ExternalAccountRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.ReverificationRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.SignInAttempt;
import io.github.clerk4j.testing.internal.Model.SignUpAttempt;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of every resource, field for field as Clerk sends it (including explicit nulls), after
 * the OpenAPI file and the recorded responses. Renders only: what is offered or derived comes from
 * the rules. Caller holds the state lock.
 */
final class Views {
  /** Clerk's generated avatar: {@code img.clerk.com} and base64url of {@code {"type":"default"}}. */
  static final String IMAGE_URL = "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9";
  static final List<String> SUPPORTED_IDENTIFIERS = List.of("email_address", "phone_number", "username");

  private final EmulatorState state;
  private final Rules rules;

  Views(EmulatorState state, Rules rules) {
    this.state = state;
    this.rules = rules;
  }

  /** The {@code {response, client}} envelope. */
  Map<String, Object> wrap(Object response, @Nullable ClientRecord client) {
    return Json.obj("response", response, "client", client == null ? null : client(client));
  }

  Map<String, Object> client(ClientRecord c) {
    List<Object> sessions = new ArrayList<>();
    for (SessionRecord s : c.sessions) {
      if (s.live()) {
        sessions.add(session(s));
      }
    }
    SignInAttempt signIn = c.signIn != null && c.signIn.status != AttemptStatus.COMPLETE ? c.signIn : null;
    // As recorded from Clerk: the client drops its sign-up once it completed.
    SignUpAttempt signUp = c.signUp != null && !c.signUp.complete() ? c.signUp : null;
    return Json.obj(
        "object", "client",
        "id", c.id,
        "sessions", sessions,
        "sign_in", signIn == null ? null : signIn(signIn),
        "sign_up", signUp == null ? null : signUp(signUp),
        "last_active_session_id", c.lastActiveSessionId,
        "last_authentication_strategy", c.lastAuthenticationStrategy,
        "cookie_expires_at", null,
        "captcha_bypass", false,
        "created_at", c.createdAt,
        "updated_at", c.updatedAt);
  }

  Map<String, Object> signIn(SignInAttempt s) {
    UserRecord user = s.user;
    boolean secondStep = s.status.secondStep();
    return Json.obj(
        "object", "sign_in_attempt",
        "id", s.id,
        "status", s.status,
        "supported_identifiers", SUPPORTED_IDENTIFIERS,
        "supported_first_factors", user != null && s.status != AttemptStatus.COMPLETE
            ? shown(rules.factors.firstFactors(user, true), s) : null,
        "supported_second_factors", secondStep ? shown(s.clientTrustStep
            ? rules.factors.clientTrustFactors(s.identifiedUser())
            : rules.factors.secondFactors(s.identifiedUser()), s) : null,
        "first_factor_verification", s.firstFactor == null ? null : s.firstFactor.json(),
        "second_factor_verification", s.secondFactor == null ? null : s.secondFactor.json(),
        "identifier", s.identifier,
        "user_data", user == null ? null : Json.obj(
            "first_name", user.firstName, "last_name", user.lastName,
            "image_url", imageUrl(user), "has_image", user.image != null),
        "created_session_id", s.createdSessionId,
        "abandon_at", s.abandonAt,
        "client_trust_state", s.clientTrustState,
        "locale", s.locale);
  }

  /** A sign-up, field for field as recorded from Clerk (wire spec addendum §12.3). */
  Map<String, Object> signUp(SignUpAttempt s) {
    SignUpRules r = rules.signUps;
    return Json.obj(
        "object", "sign_up_attempt",
        "id", s.id,
        "status", s.status(state.now()),
        "required_fields", r.requiredFields(),
        "optional_fields", r.optionalFields(),
        "missing_fields", r.missingFields(s),
        "unverified_fields", r.unverifiedFields(s),
        "verifications", Json.obj(
            "email_address", s.emailVerifiedBy != null ? verifiedWithoutCode(s.emailVerifiedBy)
                : signUpVerification(s.emailVerification, FactorStrategy.EMAIL_CODE),
            "phone_number", signUpVerification(s.phoneVerification, FactorStrategy.PHONE_CODE),
            "web3_wallet", null,
            "external_account", s.externalAccount == null ? null : s.externalAccount.json()),
        "username", s.username,
        "email_address", s.emailAddress,
        "phone_number", s.phoneNumber,
        "web3_wallet", null,
        "password_enabled", s.password != null,
        "first_name", s.firstName,
        "last_name", s.lastName,
        "unsafe_metadata", s.unsafeMetadata,
        "public_metadata", Map.of(),
        "custom_action", false,
        "external_id", null,
        "created_session_id", s.createdSessionId,
        "created_user_id", s.createdUserId,
        "abandon_at", s.abandonAt,
        "legal_accepted_at", s.legalAcceptedAt,
        "locale", s.locale);
  }

  /**
   * A sent code with the sign-up extras: {@code next_action} is {@code needs_attempt} while the
   * code can be tried, {@code needs_prepare} once it failed or expired, {@code ""} when verified;
   * an SMS code names its channel, as recorded. Null until a code was sent.
   */
  private @Nullable Map<String, Object> signUpVerification(@Nullable Otp otp, FactorStrategy strategy) {
    if (otp == null) {
      return null;
    }
    Map<String, Object> json = otp.json();
    if (strategy == FactorStrategy.PHONE_CODE) {
      json.put("channel", "sms");
    }
    VerificationState status = otp.status();
    json.put("next_action", switch (status) {
      case VERIFIED -> "";
      case UNVERIFIED -> "needs_attempt";
      case FAILED, EXPIRED, TRANSFERABLE -> "needs_prepare";
    });
    json.put("supported_strategies", List.of(strategy));
    return json;
  }

  /** An e-mail address a provider or an invitation verified, with the sign-up extras: nothing left to do. */
  private static Map<String, Object> verifiedWithoutCode(VerificationRecord v) {
    Map<String, Object> json = v.json();
    json.put("next_action", "");
    json.put("supported_strategies", List.of(v.wireStrategy()));
    return json;
  }

  private static List<Map<String, Object>> shown(List<FactorOffer> offers, SignInAttempt s) {
    return factors(FactorRules.asShownFor(offers, s.identifier));
  }

  static List<Map<String, Object>> factors(List<FactorOffer> offers) {
    List<Map<String, Object>> list = new ArrayList<>();
    offers.forEach(f -> list.add(factor(f)));
    return list;
  }

  private static Map<String, Object> factor(FactorOffer f) {
    Map<String, Object> json = Json.obj("strategy", f.strategy());
    if (f.identifierId() != null) {
      json.put("safe_identifier", f.safeIdentifier());
      json.put(f.strategy().idParam(), f.identifierId());
      json.put("primary", f.primary());
    }
    if (f.isDefault() != null) {
      json.put("default", f.isDefault());
    }
    return json;
  }

  /** {@code Client.SessionBase}: what every rendering of a session starts with. */
  private Map<String, Object> sessionBase(SessionRecord s) {
    return Json.obj(
        "object", "session",
        "id", s.id,
        "status", rules.sessions.wireStatus(s),
        "expire_at", s.expireAt,
        "abandon_at", s.abandonAt,
        "last_active_at", s.lastActiveAt,
        "actor", null,
        "tasks", tasks(s));
  }

  Map<String, Object> session(SessionRecord s) {
    UserRecord u = s.user;
    Map<String, Object> json = sessionBase(s);
    json.putAll(Json.obj(
        "last_active_organization_id", s.lastActiveOrganizationId,
        "user", user(u),
        "public_user_data", Json.obj(
            "first_name", u.firstName,
            "last_name", u.lastName,
            "image_url", imageUrl(u),
            "has_image", u.image != null,
            "identifier", u.displayIdentifier(),
            "username", u.username,
            "profile_image_url", imageUrl(u)),
        "factor_verification_age", rules.sessions.factorVerificationAge(s),
        "created_at", s.createdAt,
        "updated_at", s.updatedAt,
        "last_active_token", s.live()
            ? Json.obj("object", "token", "jwt", rules.sessions.sessionToken(s, SessionRules.Freshness.VALID)) : null));
    return json;
  }

  Map<String, Object> user(UserRecord u) {
    List<Object> emails = new ArrayList<>();
    u.emails.forEach(e -> emails.add(email(e)));
    List<Object> phones = new ArrayList<>();
    u.phones.forEach(p -> phones.add(phone(p, null)));
    long now = state.now();
    boolean lockoutOn = state.settings.lockout().enabled();
    boolean locked = lockoutOn && u.lockedUntil > now;
    return Json.obj(
        "id", u.id,
        "object", "user",
        "username", u.username,
        "first_name", u.firstName,
        "last_name", u.lastName,
        "locale", null,
        "image_url", imageUrl(u),
        "has_image", u.image != null,
        "primary_email_address_id", u.primaryEmailId,
        "primary_phone_number_id", u.primaryPhoneId,
        "primary_web3_wallet_id", null,
        "password_enabled", u.password != null,
        "two_factor_enabled", u.twoFactorEnabled(),
        "totp_enabled", u.totpEnabled(),
        "backup_code_enabled", !u.backupCodeDigests.isEmpty(),
        "email_addresses", emails,
        "phone_numbers", phones,
        "web3_wallets", List.of(),
        "passkeys", List.of(),
        "external_accounts", externalAccounts(u),
        "saml_accounts", List.of(),
        "enterprise_accounts", List.of(),
        "password_last_updated_at", u.passwordUpdatedAt,
        "public_metadata", u.publicMetadata,
        "unsafe_metadata", u.unsafeMetadata,
        "external_id", u.externalId,
        "last_sign_in_at", u.lastSignInAt,
        "banned", false,
        "locked", locked,
        "lockout_expires_in_seconds", locked ? PasswordRules.secondsUntil(u.lockedUntil, now) : null,
        "verification_attempts_remaining", lockoutOn
            ? Math.max(0, state.settings.lockout().maxAttempts() - u.failedPasswordAttempts) : null,
        "created_at", u.createdAt,
        "updated_at", u.updatedAt,
        "delete_self_enabled", state.settings.deleteSelfEnabled(),
        "bypass_client_trust", false,
        "create_organization_enabled", false,
        "create_organizations_limit", 0,
        "last_active_at", u.lastActiveAt,
        "mfa_enabled_at", u.mfaEnabledAt,
        "mfa_disabled_at", u.mfaDisabledAt,
        "legal_accepted_at", u.legalAcceptedAt,
        "deprovisioned", false,
        "profile_image_url", imageUrl(u),
        "organization_memberships", List.of());
  }

  /** The user's OAuth accounts ({@code external_account}), each with the verification that linked it. */
  private static List<Object> externalAccounts(UserRecord u) {
    List<Object> list = new ArrayList<>();
    for (ExternalAccountRecord a : u.externalAccounts) {
      list.add(Json.obj(
          "object", "external_account",
          "id", a.id,
          "provider", "oauth_" + a.provider,
          "identification_id", a.identificationId == null ? "" : a.identificationId,
          "provider_user_id", a.providerUserId,
          "approved_scopes", "email openid profile",
          "email_address", a.emailAddress,
          "email_address_verified", true,
          "first_name", a.firstName == null ? "" : a.firstName,
          "last_name", a.lastName == null ? "" : a.lastName,
          "image_url", IMAGE_URL,
          "username", null,
          "phone_number", null,
          "public_metadata", Map.of(),
          "label", null,
          "created_at", a.createdAt,
          "updated_at", a.createdAt,
          "verification", Json.obj("object", "verification_oauth", "status", VerificationState.VERIFIED,
              "strategy", "oauth_" + a.provider, "attempts", null, "expire_at", a.createdAt)));
    }
    return list;
  }

  /**
   * The uploaded image in the form of Clerk's image URLs ({@code img.clerk.com} and base64url of
   * {@code {"type":"proxy","src":...}}), else the generated avatar. The emulator keeps no image
   * bytes, so the URL is a name, not something to fetch.
   */
  static String imageUrl(UserRecord u) {
    Model.ImageRecord image = u.image;
    if (image == null) {
      return IMAGE_URL;
    }
    String source = Json.write(Json.obj("type", "proxy", "src", "https://images.clerk.dev/uploaded/" + image.id()));
    return "https://img.clerk.com/"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(source.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code Image}: the answer to an upload, for a user who has an image. */
  static Map<String, Object> image(UserRecord u) {
    Model.ImageRecord image = Objects.requireNonNull(u.image, "the user has no image");
    return Json.obj("object", "image", "id", image.id(), "name", image.name(), "public_url", imageUrl(u));
  }

  Map<String, Object> email(EmailRecord e) {
    Object verification = e.seeded ? adminVerification()
        : e.verification == null ? null : e.verification.json();
    return Json.obj(
        "id", e.id,
        "object", "email_address",
        "email_address", e.address,
        "reserved", false,
        "verification", verification,
        "linked_to", List.of(),
        "matches_sso_connection", false,
        "created_at", e.createdAt,
        "updated_at", e.updatedAt);
  }

  /**
   * {@code Client.ActiveSession}: the session without its user or token (another device's token
   * is not this one's to see), and its latest activity from its client's latest request. Details
   * the emulator cannot know (the city and country of an address) are left out.
   */
  Map<String, Object> activeSession(SessionRecord s) {
    Map<String, Object> activity = Json.obj("object", "session_activity", "id", s.activityId);
    Model.Activity seen = s.client.lastSeen;
    UserAgents.Device device = UserAgents.parse(seen == null ? null : seen.userAgent());
    activity.put("is_mobile", device.mobile());
    putIfKnown(activity, "device_type", device.deviceType());
    putIfKnown(activity, "browser_name", device.browserName());
    putIfKnown(activity, "browser_version", device.browserVersion());
    putIfKnown(activity, "ip_address", seen == null ? null : seen.ipAddress());
    Map<String, Object> json = sessionBase(s);
    json.put("last_active_token", null);
    json.put("latest_activity", activity);
    return json;
  }

  /** The session's open tasks, or null for none (as Clerk sends it). */
  private @Nullable List<Object> tasks(SessionRecord s) {
    List<Object> json = new ArrayList<>();
    rules.sessions.tasks(s).forEach(t -> json.add(Json.obj("key", t)));
    return json.isEmpty() ? null : json;
  }

  private static void putIfKnown(Map<String, Object> json, String key, @Nullable String value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  /** A phone number; {@code backupCodes} non-null only when MFA was just enabled with it. */
  Map<String, Object> phone(PhoneRecord p, @Nullable List<String> backupCodes) {
    Object verification = p.seeded ? adminVerification()
        : p.verification == null ? null : p.verification.json();
    return Json.obj(
        "id", p.id,
        "object", "phone_number",
        "phone_number", p.number,
        "reserved_for_second_factor", p.reservedForSecondFactor,
        "default_second_factor", p.defaultSecondFactor,
        "reserved", false,
        "verification", verification,
        "linked_to", List.of(),
        "backup_codes", backupCodes,
        "created_at", p.createdAt,
        "updated_at", p.updatedAt);
  }

  private static Map<String, Object> adminVerification() {
    return Json.obj("object", "verification_admin", "status", VerificationState.VERIFIED, "strategy", "admin",
        "attempts", null, "expire_at", null);
  }

  /** The session's reverification; for a session that has one. */
  Map<String, Object> reverification(SessionRecord s) {
    ReverificationRecord r = Objects.requireNonNull(s.reverification, "the session has no reverification");
    boolean needsFirst = r.status == ReverificationState.NEEDS_FIRST_FACTOR;
    boolean needsSecond = r.status == ReverificationState.NEEDS_SECOND_FACTOR;
    return Json.obj(
        "object", "session_reverification",
        "level", r.level,
        "status", r.status,
        "supported_first_factors", needsFirst ? factors(rules.factors.firstFactors(s.user, false)) : null,
        "supported_second_factors", needsSecond ? factors(rules.factors.secondFactors(s.user)) : null,
        "first_factor_verification", r.firstFactor == null ? null : r.firstFactor.json(),
        "second_factor_verification", r.secondFactor == null ? null : r.secondFactor.json(),
        "session", session(s));
  }

  // the Backend API

  /** {@code User} of the Backend API: the Frontend API's user and its {@code private_metadata}. */
  Map<String, Object> backendUser(UserRecord u) {
    Map<String, Object> json = user(u);
    json.put("private_metadata", u.privateMetadata);
    return json;
  }

  /** {@code Session} of the Backend API: ids instead of the user and client objects. */
  Map<String, Object> backendSession(SessionRecord s) {
    return Json.obj(
        "object", "session",
        "id", s.id,
        "user_id", s.user.id,
        "client_id", s.client.id,
        "actor", null,
        "status", rules.sessions.wireStatus(s),
        "last_active_organization_id", s.lastActiveOrganizationId,
        "last_active_at", s.lastActiveAt,
        "expire_at", s.expireAt,
        "abandon_at", s.abandonAt,
        "updated_at", s.updatedAt,
        "created_at", s.createdAt,
        "tasks", tasks(s));
  }

  /**
   * {@code SignInToken}; {@code text} is the token itself, only in the answer that minted it. No
   * {@code url}: the emulator has no page that accepts a ticket; a client redeems the token with
   * a sign-in's {@code strategy=ticket}.
   */
  static Map<String, Object> signInToken(SignInTokenRules.SignInToken t, @Nullable String text) {
    Map<String, Object> json = Json.obj("object", "sign_in_token", "id", t.id, "status", t.status,
        "user_id", t.userId);
    if (text != null) {
      json.put("token", text);
    }
    json.put("url", null);
    json.put("created_at", t.createdAt);
    json.put("updated_at", t.updatedAt);
    return json;
  }

  static Map<String, Object> deleted(String object, String id) {
    return Json.obj("object", object, "id", id, "deleted", true);
  }
}
