package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage.Channel;

/** A verification strategy the emulator implements ({@code strategy}). */
enum FactorStrategy implements WireValue {
  PASSWORD,
  EMAIL_CODE,
  PHONE_CODE,
  RESET_PASSWORD_EMAIL_CODE,
  RESET_PASSWORD_PHONE_CODE,
  TOTP,
  BACKUP_CODE,
  /** A link sent by e-mail (wire spec §16). */
  EMAIL_LINK,
  /** A sign-in token or invitation (§15). */
  TICKET,
  /** An enterprise connection's identity provider (§14). */
  ENTERPRISE_SSO,
  /**
   * An OAuth provider's page ({@code oauth_<provider>}) or ID token ({@code oauth_token_<provider>},
   * {@code google_one_tap}): the verification records the provider and renders its own strategy
   * ({@link VerificationRecord#wireStrategy()}).
   */
  OAUTH;

  boolean resetsPassword() {
    return this == RESET_PASSWORD_EMAIL_CODE || this == RESET_PASSWORD_PHONE_CODE;
  }

  /** The channel of a code strategy. */
  Channel channel() {
    return this == EMAIL_CODE || this == RESET_PASSWORD_EMAIL_CODE || this == EMAIL_LINK ? Channel.EMAIL : Channel.SMS;
  }

  /** The form parameter naming the identifier a code goes to. */
  String idParam() {
    return channel() == Channel.EMAIL ? "email_address_id" : "phone_number_id";
  }
}
