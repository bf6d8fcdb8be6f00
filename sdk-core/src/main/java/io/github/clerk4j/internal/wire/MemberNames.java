package io.github.clerk4j.internal.wire;

import java.util.List;

/**
 * Every member name the decoders of this package look for (MemberNamesTest keeps the list
 * complete). Published to transports through {@link io.github.clerk4j.spi.JsonSource#knownNames()}:
 * a parser that can match a name against a fixed set without making a string of it (Moshi's
 * {@code JsonReader.Options}) saves a string per member, the largest share of what decoding an
 * answer allocates.
 */
public final class MemberNames {

  /** In alphabetical order. */
  public static final List<String> ALL = List.of(
      "abandon_at", "application_name", "attempts", "backup_code_enabled", "backup_codes",
      "browser_name", "browser_version", "city", "clerk_trace_id", "client", "client_trust_state",
      "code", "codes", "cookie_expires_at", "country", "created_at", "created_session_id",
      "created_user_id", "default", "default_second_factor", "delete_self_enabled", "deleted",
      "device_type", "display_config", "email_address", "email_address_id", "email_addresses",
      "error", "errors", "expire_at", "external_account", "factor_verification_age",
      "first_factor_verification", "first_name", "has_image", "has_password", "id", "identifier",
      "image_url", "ip_address", "is_mobile", "jwt", "key", "last_active_at",
      "last_active_organization_id", "last_active_session_id", "last_active_token", "last_name",
      "latest_activity", "legal_accepted_at", "level", "long_message", "message", "meta",
      "missing_fields", "name", "next_action", "object", "optional_fields", "password_enabled",
      "phone_number", "phone_number_id", "phone_numbers", "primary", "primary_email_address_id",
      "primary_phone_number_id", "public_metadata", "public_url", "required_fields",
      "reserved_for_second_factor", "response", "safe_identifier", "second_factor_verification",
      "secret", "session", "sessions", "sign_in", "sign_up", "status", "strategy",
      "supported_first_factors", "supported_identifiers", "supported_second_factors",
      "supported_strategies", "tasks", "totp_enabled", "two_factor_enabled", "unsafe_metadata",
      "unverified_fields", "updated_at", "uri", "user", "user_data", "user_settings", "username",
      "verification", "verifications", "verified");

  private MemberNames() {}
}
