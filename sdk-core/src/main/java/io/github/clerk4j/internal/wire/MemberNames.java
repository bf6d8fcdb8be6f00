package io.github.clerk4j.internal.wire;

import io.github.clerk4j.spi.JsonSource.Names;

/**
 * The member names of each kind of object core decodes, one set per decoder, passed to {@link
 * io.github.clerk4j.spi.JsonSource#nextName(Names)} as it reads that kind: the properties of the
 * kind's schema in Clerk's OpenAPI file, which the decoder reads or skips, and the few more that
 * the decoder reads or the recorded answers carry. A parser that matches a name against the set
 * without making a string of it (Moshi's {@code JsonReader.Options}) saves a string per member,
 * the largest share of what decoding an answer allocated; a name missing from the set costs it a
 * slower path (Moshi: a string and a search of the set). One set per kind, not one for all: a
 * small set is matched faster (ClientFlowBenchmark, benchmarks/README.md). MemberNamesTest keeps
 * every name a decoder looks for, and every name the recorded answers carry, in the decoder's set.
 * Each set in alphabetical order.
 */
final class MemberNames {

  /** {@code {response, client}}, the envelope of every answer that piggybacks the client. */
  static final Names ENVELOPE = Names.of(
      "client", "response");

  /** {@code Client.Client}. */
  static final Names CLIENT = Names.of(
      "captcha_bypass", "cookie_expires_at", "created_at", "id", "last_active_session_id",
      "last_authentication_strategy", "object", "sessions", "sign_in", "sign_up", "updated_at");

  /** {@code Client.SignIn}, and {@code locale}, which the recorded answers carry. */
  static final Names SIGN_IN = Names.of(
      "abandon_at", "client_trust_state", "created_session_id", "first_factor_verification", "id",
      "identifier", "locale", "object", "second_factor_verification", "status",
      "supported_first_factors", "supported_identifiers", "supported_second_factors", "user_data");

  /** A sign-in's {@code user_data}. */
  static final Names SIGN_IN_USER_DATA = Names.of(
      "first_name", "has_image", "image_url", "last_name", "profile_image_url");

  /** {@code Client.SignUp}, and {@code has_password}: clerk-js's {@code password_enabled}. */
  static final Names SIGN_UP = Names.of(
      "abandon_at", "created_session_id", "created_user_id", "custom_action", "email_address",
      "external_id", "first_name", "has_password", "id", "last_name", "legal_accepted_at",
      "missing_fields", "object", "optional_fields", "password_enabled", "phone_number",
      "public_metadata", "required_fields", "status", "unsafe_metadata", "unverified_fields",
      "username", "verifications", "web3_wallet");

  /** A sign-up's {@code verifications}. */
  static final Names SIGN_UP_VERIFICATIONS = Names.of(
      "email_address", "external_account", "phone_number", "web3_wallet");

  /** {@code Stubs.SignInFactor}: a sign-in's or a reverification's factors. */
  static final Names FACTOR = Names.of(
      "default", "email_address_id", "enterprise_connection_id", "enterprise_connection_name",
      "external_verification_redirect_url", "passkey_id", "phone_number_id", "primary",
      "safe_identifier", "strategy", "trusted_device_id", "web3_wallet_id");

  /** Every {@code Stubs.Verification.*}, {@code next_action} and {@code supported_strategies}. */
  static final Names VERIFICATION = Names.of(
      "attempts", "error", "expire_at", "external_verification_redirect_url", "message",
      "next_action", "nonce", "object", "status", "strategy", "supported_strategies",
      "trusted_device_challenge", "verified_at_client");

  /** {@code Client.Session}. */
  static final Names SESSION = Names.of(
      "abandon_at", "actor", "created_at", "expire_at", "factor_verification_age", "id",
      "last_active_at", "last_active_organization_id", "last_active_token", "object",
      "public_user_data", "status", "tasks", "updated_at", "user");

  /** {@code Client.SessionTask}. */
  static final Names SESSION_TASK = Names.of(
      "key");

  /** {@code Token}: a session's {@code last_active_token}, the token endpoints' answers. */
  static final Names TOKEN = Names.of(
      "jwt", "object");

  /** {@code Client.User}, and three members the recorded answers carry. */
  static final Names USER = Names.of(
      "backup_code_enabled", "banned", "bypass_client_trust", "create_organization_enabled",
      "create_organizations_limit", "created_at", "delete_self_enabled", "deprovisioned",
      "email_addresses", "enterprise_accounts", "external_accounts", "external_id", "first_name",
      "has_image", "id", "image_url", "last_active_at", "last_name", "last_sign_in_at",
      "legal_accepted_at", "locale", "locked", "lockout_expires_in_seconds", "mfa_disabled_at",
      "mfa_enabled_at", "object", "organization_memberships", "passkeys", "password_enabled",
      "password_last_updated_at", "phone_numbers", "primary_email_address_id",
      "primary_phone_number_id", "primary_web3_wallet_id", "private_metadata",
      "profile_image_url", "public_metadata", "saml_accounts", "totp_enabled",
      "two_factor_enabled", "unsafe_metadata", "updated_at", "username",
      "verification_attempts_remaining", "web3_wallets");

  /** {@code Client.EmailAddress}. */
  static final Names EMAIL_ADDRESS = Names.of(
      "created_at", "email_address", "id", "linked_to", "matches_sso_connection", "object",
      "reserved", "updated_at", "verification");

  /** {@code Client.PhoneNumber}. */
  static final Names PHONE_NUMBER = Names.of(
      "backup_codes", "created_at", "default_second_factor", "id", "linked_to", "object",
      "phone_number", "reserved", "reserved_for_second_factor", "updated_at", "verification");

  /** {@code TOTP}. */
  static final Names TOTP = Names.of(
      "backup_codes", "created_at", "id", "object", "secret", "updated_at", "uri", "verified");

  /** {@code BackupCodes}. */
  static final Names BACKUP_CODES = Names.of(
      "codes", "created_at", "id", "object", "updated_at");

  /** {@code Client.DeletedObject}. */
  static final Names DELETED_OBJECT = Names.of(
      "deleted", "id", "object", "slug");

  /** {@code Client.SessionReverification}. */
  static final Names REVERIFICATION = Names.of(
      "first_factor_verification", "level", "object", "second_factor_verification", "session",
      "status", "supported_first_factors", "supported_second_factors");

  /** {@code ClerkError}. */
  static final Names ERROR = Names.of(
      "code", "long_message", "message", "meta");

  /** {@code ClerkErrors}. */
  static final Names ERROR_ENVELOPE = Names.of(
      "clerk_trace_id", "errors", "meta");

  /** {@code Client.ActiveSession}. */
  static final Names ACTIVE_SESSION = Names.of(
      "abandon_at", "actor", "expire_at", "id", "last_active_at", "last_active_token",
      "latest_activity", "object", "status", "tasks");

  /** {@code Client.SessionActivity}. */
  static final Names SESSION_ACTIVITY = Names.of(
      "browser_name", "browser_version", "city", "country", "device_type", "id", "ip_address",
      "is_mobile", "object");

  /** {@code Image}. */
  static final Names IMAGE = Names.of(
      "id", "name", "object", "public_url");

  /** {@code Client.Environment}. */
  static final Names ENVIRONMENT = Names.of(
      "api_keys_settings", "auth_config", "client_debug_mode", "commerce_settings",
      "display_config", "fraud_settings", "maintenance_mode", "organization_settings",
      "partitioned_cookies", "protect_config", "user_settings");

  /** {@code Client.DisplayConfig}: an environment's {@code display_config}. */
  static final Names DISPLAY_CONFIG = Names.of(
      "after_create_organization_url", "after_join_waitlist_url", "after_leave_organization_url",
      "after_sign_in_url", "after_sign_out_all_url", "after_sign_out_one_url",
      "after_sign_up_url", "after_switch_session_url", "application_name", "branded",
      "captcha_heartbeat", "captcha_oauth_bypass", "captcha_provider", "captcha_public_key",
      "captcha_public_key_invisible", "captcha_widget_type", "clerk_js_version",
      "create_organization_url", "experimental_force_oauth_first", "favicon_image",
      "favicon_image_url", "favicon_url", "google_one_tap_client_id", "help_url", "home_url",
      "id", "instance_environment_type", "logo_image", "logo_image_url", "logo_link_url",
      "logo_url", "oauth_consent_url", "object", "organization_profile_url",
      "preferred_sign_in_strategy", "privacy_policy_url", "show_devmode_warning", "sign_in_url",
      "sign_up_url", "support_email", "terms_url", "theme", "user_profile_url", "waitlist_url");

  private MemberNames() {}
}
