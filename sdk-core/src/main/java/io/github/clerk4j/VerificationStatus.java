package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/** The state of one verification (a code, a password, a TOTP, ...). {@code FAILED} and {@code EXPIRED} are distinct: a failed verification had too many wrong attempts, an expired one ran out of time. */
public enum VerificationStatus {
  /** Not verified yet (a code may have been sent). */
  UNVERIFIED("unverified"),
  /** Verified. */
  VERIFIED("verified"),
  /** OAuth/SSO: the identity can be moved to a sign-up. */
  TRANSFERABLE("transferable"),
  /** Too many wrong attempts: ask for a new code. */
  FAILED("failed"),
  /** The code or link expired: ask for a new one. */
  EXPIRED("expired"),
  /** A value this version of clerk4j does not know; the owning object keeps the raw string. */
  UNKNOWN(null);

  private final @Nullable String wire;

  VerificationStatus(@Nullable String wire) {
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
  public static VerificationStatus fromWire(@Nullable String wire) {
    return WireEnums.fromWire(VerificationStatus.class, VerificationStatus::wireValue, wire, UNKNOWN);
  }
}
