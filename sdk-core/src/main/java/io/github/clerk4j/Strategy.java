package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/** A way to verify a factor, as Clerk names it. */
public enum Strategy {
  /** Password. */
  PASSWORD("password"),
  /** One-time code sent by e-mail. */
  EMAIL_CODE("email_code"),
  /** One-time code sent by SMS. */
  PHONE_CODE("phone_code"),
  /** Magic link sent by e-mail. */
  EMAIL_LINK("email_link"),
  /** Authenticator app (time-based one-time password). */
  TOTP("totp"),
  /** Single-use backup code. */
  BACKUP_CODE("backup_code"),
  /** Password reset by a code sent by e-mail. */
  RESET_PASSWORD_EMAIL_CODE("reset_password_email_code"),
  /** Password reset by a code sent by SMS. */
  RESET_PASSWORD_PHONE_CODE("reset_password_phone_code"),
  /** Passkey (WebAuthn). */
  PASSKEY("passkey"),
  /** Sign-in token or invitation ticket. */
  TICKET("ticket"),
  /** Enterprise SSO. */
  ENTERPRISE_SSO("enterprise_sso"),
  /** SAML SSO. */
  SAML("saml"),
  /** Trusted device. */
  TRUSTED_DEVICE("trusted_device"),
  /** Google One Tap. */
  GOOGLE_ONE_TAP("google_one_tap"),
  /** A value this version of clerk4j does not know; the owning object keeps the raw string. */
  UNKNOWN(null);

  private final @Nullable String wire;

  Strategy(@Nullable String wire) {
    this.wire = wire;
  }

  /** {@return the wire value, or {@code null} for {@link #UNKNOWN}} */
  public @Nullable String wireValue() {
    return wire;
  }

  /**
   * {@return the constant whose wire value is {@code wire}; {@link #UNKNOWN} for any other,
   * {@code null} included}
   *
   * @param wire the value as the server sent it, or {@code null}
   */
  public static Strategy fromWire(@Nullable String wire) {
    return WireEnums.fromWire(Strategy.class, Strategy::wireValue, wire, UNKNOWN);
  }
}
