package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Json.arr;
import static io.github.clerk4j.it.wire.Json.obj;
import static io.github.clerk4j.it.wire.Json.with;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Minimal, schema-shaped Frontend API bodies (fapi-wire-spec.md §1.5, §1.6, §3–§5): every builder
 * returns the resource with all the members the spec lists, and takes overrides as {@code key,
 * value} pairs. Ids use the real prefixes ({@code sia_}, {@code sess_}, {@code idn_}, ...).
 */
final class Fapi {

  static final String CLIENT_ID = "client_wire1";
  static final String SIGN_IN_ID = "sia_wire1";
  static final String SIGN_UP_ID = "sua_wire1";
  static final String SESSION_ID = "sess_wire1";
  static final String USER_ID = "user_wire1";
  static final String EMAIL = "jane+clerk_test@example.com";
  static final String EMAIL_ID = "idn_email1";
  static final String PHONE = "+15555550100";
  static final String PHONE_ID = "idn_phone1";

  /** Timestamps are integer epoch milliseconds (2026-01-01 and a few hours later). */
  static final long CREATED_AT = 1767225600000L;
  static final long UPDATED_AT = 1767229200000L;
  static final long EXPIRE_AT = 1767240000000L;
  static final long ABANDON_AT = 1767830400000L;

  private Fapi() {}

  // ---------------------------------------------------------------- envelopes

  /** {@code {response, client}}. */
  static String envelope(Object response, Object client) {
    return Json.write(obj("response", response, "client", client));
  }

  /** The error envelope with one error; {@code paramName} may be null. */
  static String errors(String code, String paramName, String traceId) {
    Map<String, Object> meta = paramName == null ? obj() : obj("param_name", paramName);
    return Json.write(obj(
        "errors", arr(obj("code", code, "message", "is invalid",
            "long_message", "The request was refused (" + code + ").", "meta", meta)),
        "meta", obj(),
        "clerk_trace_id", traceId));
  }

  // ---------------------------------------------------------------- sign-in (§3)

  static Map<String, Object> signIn(String status, Object... overrides) {
    return with(obj(
        "object", "sign_in_attempt",
        "id", SIGN_IN_ID,
        "status", status,
        "supported_identifiers", arr("email_address", "phone_number"),
        "supported_first_factors", null,
        "supported_second_factors", null,
        "first_factor_verification", null,
        "second_factor_verification", null,
        "identifier", null,
        "user_data", obj("first_name", "Jane", "last_name", "Doe", "image_url", "https://img.example/j", "has_image", false),
        "created_session_id", null,
        "abandon_at", ABANDON_AT,
        "client_trust_state", null,
        "locale", null), overrides);
  }

  /** The first factors of an account with e-mail, phone and password, as S1 with an identifier lists them. */
  static List<Object> firstFactors() {
    return arr(
        obj("strategy", "password"),
        emailFactor("email_code"),
        phoneFactor("phone_code", false),
        emailFactor("reset_password_email_code"),
        phoneFactor("reset_password_phone_code", false));
  }

  /** SMS (the default), TOTP and backup codes. */
  static List<Object> mfaFactors() {
    return arr(phoneFactor("phone_code", true), obj("strategy", "totp"), obj("strategy", "backup_code"));
  }

  static Map<String, Object> emailFactor(String strategy) {
    return obj("strategy", strategy, "safe_identifier", EMAIL, "email_address_id", EMAIL_ID, "primary", true);
  }

  static Map<String, Object> phoneFactor(String strategy, boolean isDefault) {
    return obj("strategy", strategy, "safe_identifier", "+1*******00", "phone_number_id", PHONE_ID,
        "primary", true, "default", isDefault);
  }

  /** A code verification ({@code verification_otp}) or another {@code verification_*} object. */
  static Map<String, Object> verification(String strategy, String status) {
    boolean otp = strategy.endsWith("_code") && !strategy.equals("backup_code");
    return obj(
        "object", otp ? "verification_otp" : "verification_" + strategy,
        "status", status,
        "strategy", strategy,
        "attempts", "verified".equals(status) ? 1 : 0,
        "expire_at", otp ? EXPIRE_AT : null,
        "error", null);
  }

  // ---------------------------------------------------------------- sign-up (addendum §12.3)

  /** A sign-up with every member the spec requires; overrides as {@code key, value} pairs. */
  static Map<String, Object> signUp(String status, Object... overrides) {
    return with(obj(
        "object", "sign_up_attempt",
        "id", SIGN_UP_ID,
        "status", status,
        "required_fields", arr("email_address", "password"),
        "optional_fields", arr("first_name", "last_name", "username"),
        "missing_fields", arr(),
        "unverified_fields", arr(),
        "verifications", obj("email_address", null, "phone_number", null, "web3_wallet", null,
            "external_account", null),
        "username", null,
        "email_address", null,
        "phone_number", null,
        "web3_wallet", null,
        "password_enabled", false,
        "first_name", null,
        "last_name", null,
        "unsafe_metadata", obj(),
        "public_metadata", obj(),
        "custom_action", false,
        "external_id", null,
        "created_session_id", null,
        "created_user_id", null,
        "abandon_at", ABANDON_AT,
        "legal_accepted_at", null), overrides);
  }

  /** The verifications of a sign-up: an e-mail code in the given state, no other. */
  static Map<String, Object> signUpEmailVerification(String status, String nextAction) {
    return obj("email_address", with(verification("email_code", status), "next_action", nextAction,
        "supported_strategies", arr("email_code")), "phone_number", null, "web3_wallet", null, "external_account", null);
  }

  /** A client whose current sign-up is {@code signUp} (null once it completed). */
  static Map<String, Object> clientWithSignUp(List<Object> sessions, Object signUp, String lastActiveSessionId) {
    return with(client(sessions, null, lastActiveSessionId), "sign_up", signUp);
  }

  /** An environment with the recorded instance's sign-up settings (§12.7), minimal otherwise. */
  static String environment(int passwordMinLength, boolean usernameEnabled) {
    Map<String, Object> off = attribute(false, false);
    return Json.write(obj(
        "auth_config", obj("object", "auth_config"),
        "display_config", obj("object", "display_config", "application_name", "Wire"),
        "user_settings", obj(
            "attributes", obj(
                "email_address", attribute(true, true),
                "phone_number", attribute(true, false),
                "username", usernameEnabled ? attribute(true, false) : off,
                "first_name", attribute(true, false),
                "last_name", attribute(true, false),
                "password", attribute(true, true),
                "web3_wallet", off),
            "sign_up", obj("captcha_enabled", false, "captcha_widget_type", "smart", "custom_action_required", false,
                "progressive", true, "mode", "public", "legal_consent_enabled", false, "mfa", obj("required", false)),
            "password_settings", obj("min_length", passwordMinLength, "max_length", 0, "disable_hibp", false),
            "username_settings", obj("min_length", 4, "max_length", 64))));
  }

  private static Map<String, Object> attribute(boolean enabled, boolean required) {
    return obj("enabled", enabled, "required", required, "used_for_first_factor", enabled,
        "first_factors", arr(), "used_for_second_factor", false, "second_factors", arr(),
        "verifications", arr(), "verify_at_sign_up", false, "immutable", false);
  }

  // ---------------------------------------------------------------- client, session, user (§4, §5)

  static Map<String, Object> client(List<Object> sessions, Object signIn, String lastActiveSessionId) {
    return obj(
        "object", "client",
        "id", CLIENT_ID,
        "sessions", sessions,
        "sign_in", signIn,
        "sign_up", null,
        "last_active_session_id", lastActiveSessionId,
        "last_authentication_strategy", null,
        "cookie_expires_at", null,
        "captcha_bypass", false,
        "created_at", CREATED_AT,
        "updated_at", UPDATED_AT);
  }

  /** A client with one active session of {@link #user(Object...)}. */
  static Map<String, Object> signedInClient() {
    return client(arr(session("active")), null, SESSION_ID);
  }

  static Map<String, Object> session(String status, Object... overrides) {
    return with(obj(
        "object", "session",
        "id", SESSION_ID,
        "status", status,
        "expire_at", EXPIRE_AT,
        "abandon_at", ABANDON_AT,
        "last_active_at", UPDATED_AT,
        "last_active_token", obj("object", "token", "jwt", jwt(UPDATED_AT / 1000 + 60)),
        "last_active_organization_id", null,
        "actor", null,
        "tasks", arr(),
        "user", user(),
        "public_user_data", obj("first_name", "Jane", "last_name", "Doe", "identifier", EMAIL),
        "factor_verification_age", arr(0, 0),
        "created_at", CREATED_AT,
        "updated_at", UPDATED_AT), overrides);
  }

  static Map<String, Object> user(Object... overrides) {
    return with(obj(
        "id", USER_ID,
        "object", "user",
        "username", null,
        "first_name", "Jane",
        "last_name", "Doe",
        "image_url", "https://img.example/j",
        "has_image", false,
        "primary_email_address_id", EMAIL_ID,
        "primary_phone_number_id", PHONE_ID,
        "password_enabled", true,
        "two_factor_enabled", true,
        "totp_enabled", false,
        "backup_code_enabled", false,
        "email_addresses", arr(obj(
            "id", EMAIL_ID, "object", "email_address", "email_address", EMAIL,
            "reserved", false, "verification", verification("email_code", "verified"),
            "linked_to", arr(), "created_at", CREATED_AT, "updated_at", UPDATED_AT)),
        "phone_numbers", arr(phoneNumber(PHONE_ID, PHONE, "verified", true, true)),
        "mfa_enabled_at", CREATED_AT,
        "mfa_disabled_at", null,
        "locked", false,
        "lockout_expires_in_seconds", null,
        "verification_attempts_remaining", 100,
        "password_last_updated_at", CREATED_AT,
        "created_at", CREATED_AT,
        "updated_at", UPDATED_AT), overrides);
  }

  /** {@code verification} null for a number whose verification never started. */
  static Map<String, Object> phoneNumber(String id, String number, String verification, boolean reserved,
      boolean isDefault, Object... overrides) {
    return with(obj(
        "id", id,
        "object", "phone_number",
        "phone_number", number,
        "reserved_for_second_factor", reserved,
        "default_second_factor", isDefault,
        "reserved", false,
        "verification", verification == null ? null : verification("phone_code", verification),
        "linked_to", arr(),
        "backup_codes", null,
        "created_at", CREATED_AT,
        "updated_at", UPDATED_AT), overrides);
  }

  static Map<String, Object> totp(boolean verified, Object... overrides) {
    return with(obj(
        "object", "totp",
        "id", "totp_wire1",
        "secret", "JBSWY3DPEHPK3PXP",
        "uri", "otpauth://totp/Example:jane?secret=JBSWY3DPEHPK3PXP&issuer=Example",
        "verified", verified,
        "backup_codes", null,
        "created_at", CREATED_AT,
        "updated_at", UPDATED_AT), overrides);
  }

  static Map<String, Object> backupCodes(String... codes) {
    return obj("object", "backup_code", "id", "bcode_wire1", "codes", arr((Object[]) codes),
        "created_at", CREATED_AT, "updated_at", UPDATED_AT);
  }

  static Map<String, Object> deleted(String object, String id) {
    return obj("object", object, "id", id, "deleted", true);
  }

  /** A {@code session_reverification} (§5.1) carrying the session. */
  static Map<String, Object> reverification(String level, String status, Object... overrides) {
    return with(obj(
        "object", "session_reverification",
        "level", level,
        "status", status,
        "supported_first_factors", null,
        "supported_second_factors", null,
        "first_factor_verification", null,
        "second_factor_verification", null,
        "session", session("active")), overrides);
  }

  /** The unwrapped body of the tokens endpoint. */
  static String token(String jwt) {
    return Json.write(obj("object", "token", "jwt", jwt));
  }

  /** An unsigned JWT (header.payload.signature) whose {@code exp} is {@code expEpochSeconds}. */
  static String jwt(long expEpochSeconds) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sid\":\"" + SESSION_ID + "\",\"sub\":\"" + USER_ID
        + "\",\"exp\":" + expEpochSeconds + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJl";
  }
}
