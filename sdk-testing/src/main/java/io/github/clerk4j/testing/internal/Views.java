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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of every resource, field for field as Clerk sends it (including explicit nulls), after
 * the OpenAPI file and the recorded responses. Renders only: what is offered or derived comes from
 * the rules. Caller holds the state lock.
 */
final class Views {
  static final String IMAGE_URL = "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9";
  static final List<String> SUPPORTED_IDENTIFIERS = List.of("email_address", "phone_number", "username");

  private final EmulatorState state;
  private final Rules rules;

  Views(EmulatorState state, Rules rules) {
    this.state = state;
    this.rules = rules;
  }

  /** The {@code {response, client}} envelope. */
  Map<String, Object> wrap(Object response, ClientRecord client) {
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
    boolean open = s.user != null && s.status != AttemptStatus.COMPLETE;
    boolean secondStep = s.status.secondStep();
    return Json.obj(
        "object", "sign_in_attempt",
        "id", s.id,
        "status", s.status,
        "supported_identifiers", SUPPORTED_IDENTIFIERS,
        "supported_first_factors", open
            ? shown(rules.factors.firstFactors(s.user, true), s) : null,
        "supported_second_factors", secondStep ? shown(s.clientTrustStep
            ? rules.factors.clientTrustFactors(s.user) : rules.factors.secondFactors(s.user), s) : null,
        "first_factor_verification", s.firstFactor == null ? null : s.firstFactor.json(),
        "second_factor_verification", s.secondFactor == null ? null : s.secondFactor.json(),
        "identifier", s.identifier,
        "user_data", s.user == null ? null : Json.obj(
            "first_name", s.user.firstName, "last_name", s.user.lastName,
            "image_url", IMAGE_URL, "has_image", false),
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
  private Map<String, Object> signUpVerification(Otp otp, FactorStrategy strategy) {
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

  Map<String, Object> session(SessionRecord s) {
    List<Object> taskJson = new ArrayList<>();
    rules.sessions.tasks(s).forEach(t -> taskJson.add(Json.obj("key", t)));
    UserRecord u = s.user;
    return Json.obj(
        "object", "session",
        "id", s.id,
        "status", rules.sessions.wireStatus(s),
        "expire_at", s.expireAt,
        "abandon_at", s.abandonAt,
        "last_active_at", s.lastActiveAt,
        "last_active_organization_id", s.lastActiveOrganizationId,
        "actor", null,
        "tasks", taskJson.isEmpty() ? null : taskJson,
        "user", user(u),
        "public_user_data", Json.obj(
            "first_name", u.firstName,
            "last_name", u.lastName,
            "image_url", IMAGE_URL,
            "has_image", false,
            "identifier", u.displayIdentifier(),
            "username", u.username,
            "profile_image_url", IMAGE_URL),
        "factor_verification_age", rules.sessions.factorVerificationAge(s),
        "created_at", s.createdAt,
        "updated_at", s.updatedAt,
        "last_active_token", s.live()
            ? Json.obj("object", "token", "jwt", rules.sessions.sessionToken(s, SessionRules.Freshness.VALID)) : null);
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
        "image_url", IMAGE_URL,
        "has_image", false,
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
        "public_metadata", Map.of(),
        "unsafe_metadata", u.unsafeMetadata,
        "external_id", null,
        "last_sign_in_at", u.lastSignInAt,
        "banned", false,
        "locked", locked,
        "lockout_expires_in_seconds", locked ? PasswordRules.secondsUntil(u.lockedUntil, now) : null,
        "verification_attempts_remaining", lockoutOn
            ? Math.max(0, state.settings.lockout().maxAttempts() - u.failedPasswordAttempts) : null,
        "created_at", u.createdAt,
        "updated_at", u.updatedAt,
        "delete_self_enabled", false,
        "bypass_client_trust", false,
        "create_organization_enabled", false,
        "create_organizations_limit", 0,
        "last_active_at", u.lastActiveAt,
        "mfa_enabled_at", u.mfaEnabledAt,
        "mfa_disabled_at", u.mfaDisabledAt,
        "legal_accepted_at", u.legalAcceptedAt,
        "deprovisioned", false,
        "profile_image_url", IMAGE_URL,
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

  Map<String, Object> email(EmailRecord e) {
    return Json.obj(
        "id", e.id,
        "object", "email_address",
        "email_address", e.address,
        "reserved", false,
        "verification", e.verification == null ? adminVerification() : e.verification.json(),
        "linked_to", List.of(),
        "matches_sso_connection", false,
        "created_at", e.createdAt,
        "updated_at", e.createdAt);
  }

  /** A phone number; {@code backupCodes} non-null only when MFA was just enabled with it. */
  Map<String, Object> phone(PhoneRecord p, List<String> backupCodes) {
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

  Map<String, Object> reverification(SessionRecord s) {
    ReverificationRecord r = s.reverification;
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

  static Map<String, Object> deleted(String object, String id) {
    return Json.obj("object", object, "id", id, "deleted", true);
  }
}
