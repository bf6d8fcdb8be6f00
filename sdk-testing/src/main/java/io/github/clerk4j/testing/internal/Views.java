package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.Client;
import io.github.clerk4j.testing.internal.Model.Email;
import io.github.clerk4j.testing.internal.Model.Phone;
import io.github.clerk4j.testing.internal.Model.Reverification;
import io.github.clerk4j.testing.internal.Model.Session;
import io.github.clerk4j.testing.internal.Model.SignIn;
import io.github.clerk4j.testing.internal.Model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of every resource, field for field as Clerk sends it (including explicit nulls), after
 * the OpenAPI file and the recorded responses. Caller holds the emulator lock.
 */
final class Views {
  static final String IMAGE_URL = "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9";
  static final List<String> SUPPORTED_IDENTIFIERS = List.of("email_address", "phone_number", "username");

  private final Core core;

  Views(Core core) {
    this.core = core;
  }

  /** The {@code {response, client}} envelope. */
  Map<String, Object> wrap(Object response, Client client) {
    return Json.obj("response", response, "client", client == null ? null : client(client));
  }

  Map<String, Object> client(Client c) {
    List<Object> sessions = new ArrayList<>();
    for (Session s : c.sessions) {
      if (s.live()) {
        sessions.add(session(s));
      }
    }
    SignIn signIn = c.signIn != null && !"complete".equals(c.signIn.status) ? c.signIn : null;
    return Json.obj(
        "object", "client",
        "id", c.id,
        "sessions", sessions,
        "sign_in", signIn == null ? null : signIn(signIn),
        "sign_up", null,
        "last_active_session_id", c.lastActiveSessionId,
        "last_authentication_strategy", c.lastAuthenticationStrategy,
        "cookie_expires_at", null,
        "captcha_bypass", false,
        "created_at", c.createdAt,
        "updated_at", c.updatedAt);
  }

  Map<String, Object> signIn(SignIn s) {
    boolean open = s.user != null && !"complete".equals(s.status);
    boolean secondStep = "needs_second_factor".equals(s.status) || "needs_client_trust".equals(s.status);
    return Json.obj(
        "object", "sign_in_attempt",
        "id", s.id,
        "status", s.status,
        "supported_identifiers", SUPPORTED_IDENTIFIERS,
        "supported_first_factors", open ? firstFactors(s.user, true) : null,
        "supported_second_factors", secondStep
            ? (s.clientTrustStep ? clientTrustFactors(s.user) : secondFactors(s.user)) : null,
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

  /**
   * First factors of a user: password, a code to each e-mail address and phone number and, with
   * a password, the reset codes to the primary ones.
   */
  List<Map<String, Object>> firstFactors(User u, boolean withReset) {
    List<Map<String, Object>> factors = new ArrayList<>();
    if (u.password != null) {
      factors.add(Json.obj("strategy", "password"));
    }
    for (Email e : u.emails) {
      factors.add(emailFactor("email_code", u, e));
    }
    for (Phone p : u.phones) {
      if (p.verified()) {
        factors.add(phoneFactor("phone_code", u, p));
      }
    }
    if (withReset && u.password != null) {
      u.primaryEmail().ifPresent(e -> factors.add(emailFactor("reset_password_email_code", u, e)));
      u.primaryPhone().filter(Phone::verified)
          .ifPresent(p -> factors.add(phoneFactor("reset_password_phone_code", u, p)));
    }
    return factors;
  }

  /** MFA factors, the default one first and flagged {@code default: true}. */
  List<Map<String, Object>> secondFactors(User u) {
    List<Map<String, Object>> factors = new ArrayList<>();
    Phone defaultPhone = u.phones.stream()
        .filter(p -> p.reservedForSecondFactor && p.verified() && p.defaultSecondFactor)
        .findFirst().orElse(null);
    boolean totpDefault = defaultPhone == null && u.totpEnabled();
    for (Phone p : u.phones) {
      if (p.reservedForSecondFactor && p.verified()) {
        Map<String, Object> f = phoneFactor("phone_code", u, p);
        f.put("default", p == defaultPhone);
        factors.add(p == defaultPhone ? 0 : factors.size(), f);
      }
    }
    if (u.totpEnabled()) {
      Map<String, Object> f = Json.obj("strategy", "totp", "default", totpDefault);
      factors.add(totpDefault ? 0 : factors.size(), f);
    }
    if (!u.backupCodeDigests.isEmpty()) {
      factors.add(Json.obj("strategy", "backup_code", "default", false));
    }
    return factors;
  }

  /** Client trust asks for a code to the primary e-mail address, else to the primary phone. */
  List<Map<String, Object>> clientTrustFactors(User u) {
    return u.primaryEmail().map(e -> List.of(emailFactor("email_code", u, e)))
        .or(() -> u.primaryPhone().filter(Phone::verified)
            .map(p -> List.of(phoneFactor("phone_code", u, p))))
        .orElse(List.of());
  }

  private static Map<String, Object> emailFactor(String strategy, User u, Email e) {
    return Json.obj("strategy", strategy, "safe_identifier", e.address,
        "email_address_id", e.id, "primary", e.id.equals(u.primaryEmailId));
  }

  private static Map<String, Object> phoneFactor(String strategy, User u, Phone p) {
    return Json.obj("strategy", strategy, "safe_identifier", p.number,
        "phone_number_id", p.id, "primary", p.id.equals(u.primaryPhoneId));
  }

  Map<String, Object> session(Session s) {
    List<String> tasks = core.tasks(s);
    List<Object> taskJson = new ArrayList<>();
    tasks.forEach(t -> taskJson.add(Json.obj("key", t)));
    User u = s.user;
    return Json.obj(
        "object", "session",
        "id", s.id,
        "status", core.wireStatus(s),
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
        "factor_verification_age", core.factorVerificationAge(s),
        "created_at", s.createdAt,
        "updated_at", s.updatedAt,
        "last_active_token", s.live()
            ? Json.obj("object", "token", "jwt", core.sessionToken(s, false)) : null);
  }

  Map<String, Object> user(User u) {
    List<Object> emails = new ArrayList<>();
    u.emails.forEach(e -> emails.add(email(e)));
    List<Object> phones = new ArrayList<>();
    u.phones.forEach(p -> phones.add(phone(p, null)));
    long now = core.now();
    boolean lockoutOn = core.settings.lockout().enabled();
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
        "external_accounts", List.of(),
        "saml_accounts", List.of(),
        "enterprise_accounts", List.of(),
        "password_last_updated_at", u.passwordUpdatedAt,
        "public_metadata", Map.of(),
        "unsafe_metadata", Map.of(),
        "external_id", null,
        "last_sign_in_at", u.lastSignInAt,
        "banned", false,
        "locked", locked,
        "lockout_expires_in_seconds", locked ? Core.secondsUntil(u.lockedUntil, now) : null,
        "verification_attempts_remaining", lockoutOn
            ? Math.max(0, core.settings.lockout().maxAttempts() - u.failedPasswordAttempts) : null,
        "created_at", u.createdAt,
        "updated_at", u.updatedAt,
        "delete_self_enabled", false,
        "bypass_client_trust", false,
        "create_organization_enabled", false,
        "create_organizations_limit", 0,
        "last_active_at", u.lastActiveAt,
        "mfa_enabled_at", u.mfaEnabledAt,
        "mfa_disabled_at", u.mfaDisabledAt,
        "legal_accepted_at", u.createdAt,
        "deprovisioned", false,
        "profile_image_url", IMAGE_URL,
        "organization_memberships", List.of());
  }

  Map<String, Object> email(Email e) {
    return Json.obj(
        "id", e.id,
        "object", "email_address",
        "email_address", e.address,
        "reserved", false,
        "verification", adminVerification(),
        "linked_to", List.of(),
        "matches_sso_connection", false,
        "created_at", e.createdAt,
        "updated_at", e.createdAt);
  }

  /** A phone number; {@code backupCodes} non-null only when MFA was just enabled with it. */
  Map<String, Object> phone(Phone p, List<String> backupCodes) {
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
    return Json.obj("object", "verification_admin", "status", "verified", "strategy", "admin",
        "attempts", null, "expire_at", null);
  }

  Map<String, Object> reverification(Session s) {
    Reverification r = s.reverification;
    boolean needsFirst = "needs_first_factor".equals(r.status);
    boolean needsSecond = "needs_second_factor".equals(r.status);
    return Json.obj(
        "object", "session_reverification",
        "level", r.level,
        "status", r.status,
        "supported_first_factors", needsFirst ? firstFactors(s.user, false) : null,
        "supported_second_factors", needsSecond ? secondFactors(s.user) : null,
        "first_factor_verification", r.firstFactor == null ? null : r.firstFactor.json(),
        "second_factor_verification", r.secondFactor == null ? null : r.secondFactor.json(),
        "session", session(s));
  }

  static Map<String, Object> deleted(String object, String id) {
    return Json.obj("object", object, "id", id, "deleted", true);
  }

  /**
   * The identifier id of the factor to use: the one asked for when it is offered, else the first
   * offered (the default second factor comes first).
   */
  static String pickFactor(List<Map<String, Object>> factors, String strategy, String wantedId) {
    String param = idParam(strategy);
    List<Map<String, Object>> offered = factors.stream()
        .filter(f -> strategy.equals(f.get("strategy"))).toList();
    if (offered.isEmpty()) {
      throw ApiException.strategyForUserInvalid("strategy");
    }
    if (wantedId == null) {
      return (String) offered.get(0).get(param);
    }
    return offered.stream().map(f -> (String) f.get(param)).filter(wantedId::equals).findFirst()
        .orElseThrow(() -> ApiException.paramValueInvalid(param));
  }

  static String idParam(String strategy) {
    return strategy.endsWith("email_code") ? "email_address_id" : "phone_number_id";
  }

}
