package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/** Where a sign-in stands: what it needs next, or that it is done. */
public enum SignInStatus {
  /** No identifier yet (also the status of an empty, local sign-in). */
  NEEDS_IDENTIFIER("needs_identifier"),
  /** The user must verify a first factor (password, code, ...). */
  NEEDS_FIRST_FACTOR("needs_first_factor"),
  /** The user must verify a second factor (MFA). */
  NEEDS_SECOND_FACTOR("needs_second_factor"),
  /** Client Trust: a valid password on a device new to a user without MFA needs a code too. */
  NEEDS_CLIENT_TRUST("needs_client_trust"),
  /** A reset code was verified: the user must choose a new password. */
  NEEDS_NEW_PASSWORD("needs_new_password"),
  /** A Clerk Protect check is pending. */
  NEEDS_PROTECT_CHECK("needs_protect_check"),
  /** Done: {@link SignIn#createdSessionId()} names the new session. */
  COMPLETE("complete"),
  /** The attempt expired unfinished; start over. */
  ABANDONED("abandoned"),
  /** A status this version of clerk4j does not know; see {@link SignIn#rawStatus()}. */
  UNKNOWN(null);

  private final @Nullable String wire;

  SignInStatus(@Nullable String wire) {
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
  public static SignInStatus fromWire(@Nullable String wire) {
    return WireEnums.fromWire(SignInStatus.class, SignInStatus::wireValue, wire, UNKNOWN);
  }
}
