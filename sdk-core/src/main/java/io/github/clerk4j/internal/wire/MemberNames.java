package io.github.clerk4j.internal.wire;

import java.util.List;

/**
 * The member names of the answers core decodes: every name its decoders look for
 * (MemberNamesTest keeps them listed) and the ones they skip, the properties of the same
 * resources in Clerk's OpenAPI file (Client, Session, User, SignIn, SignUp, EmailAddress,
 * PhoneNumber, factors, verifications, ...) and three more that Clerk's recorded answers carry.
 * Published to transports through {@link io.github.clerk4j.spi.JsonSource#knownNames()}: a parser
 * that can match a name against a fixed set without making a string of it (Moshi's {@code
 * JsonReader.Options}) saves a string per member, the largest share of what decoding an answer
 * allocated, and a name missing from the set costs it a slower path (Moshi: a string and a search
 * of the whole set).
 */
public final class MemberNames {

  /** In alphabetical order. */
  public static final List<String> ALL = List.of(
      "abandon_at", "active", "actor", "algorithm", "application_name", "approved_scopes",
      "attempts", "avatar_url", "backup_code_enabled", "backup_codes", "banned", "browser_name",
      "browser_version", "bypass_client_trust", "captcha_bypass", "challenge", "challenge_id",
      "city", "clerk_trace_id", "client", "client_data", "client_trust_state", "code", "codes",
      "cookie_expires_at", "country", "create_organization_enabled", "create_organizations_limit",
      "created_at", "created_session_id", "created_user_id", "custom_action", "default",
      "default_second_factor", "delete_self_enabled", "deleted", "deprovisioned", "device_type",
      "display_config", "email_address", "email_address_id", "email_address_verified",
      "email_addresses", "enterprise_accounts", "enterprise_connection_id",
      "enterprise_connection_name", "error", "errors", "expire_at", "expires_at",
      "external_account", "external_accounts", "external_id", "external_verification_redirect_url",
      "factor_verification_age", "first_factor_verification", "first_name", "has_image",
      "has_password", "id", "identification_id", "identifier", "image_url", "ip_address",
      "is_mobile", "jwt", "key", "label", "last_active_at", "last_active_organization_id",
      "last_active_session_id", "last_active_token", "last_authenticated_at",
      "last_authentication_strategy", "last_name", "last_sign_in_at", "last_used_at",
      "latest_activity", "legal_accepted_at", "level", "linked_to", "locale", "locked",
      "lockout_expires_in_seconds", "long_message", "matches_sso_connection", "message", "meta",
      "mfa_disabled_at", "mfa_enabled_at", "missing_fields", "name", "next_action", "nonce",
      "object", "optional_fields", "organization_memberships", "passkey_id", "passkeys",
      "password_enabled", "password_last_updated_at", "phone_number", "phone_number_id",
      "phone_numbers", "primary", "primary_email_address_id", "primary_phone_number_id",
      "primary_web3_wallet_id", "private_metadata", "profile_image_url", "provider",
      "provider_user_id", "public_metadata", "public_url", "public_user_data", "required_fields",
      "reserved", "reserved_for_second_factor", "response", "safe_identifier", "saml_accounts",
      "saml_connection", "second_factor_verification", "secret", "session", "sessions", "sign_in",
      "sign_up", "slug", "status", "strategy", "supported_first_factors", "supported_identifiers",
      "supported_second_factors", "supported_strategies", "tasks", "totp_enabled",
      "trusted_device_challenge", "trusted_device_id", "two_factor_enabled", "type",
      "unsafe_metadata", "unverified_fields", "updated_at", "uri", "user", "user_data", "user_id",
      "user_settings", "username", "verification", "verification_attempts_remaining",
      "verifications", "verified", "verified_at_client", "web3_wallet", "web3_wallet_id",
      "web3_wallets");

  private MemberNames() {}
}
