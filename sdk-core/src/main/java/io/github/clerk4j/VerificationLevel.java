package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * How much a {@linkplain Session#startVerification(VerificationLevel) session verification}
 * (reverification, "step-up") asks of the user.
 */
public enum VerificationLevel {
  /** One first factor (password, or a code by e-mail or SMS). */
  FIRST_FACTOR("first_factor"),
  /**
   * One second factor (TOTP, SMS code, backup code); the server falls back to a first factor for a
   * user without second factors. This is clerk-js's default for {@code useReverification}.
   */
  SECOND_FACTOR("second_factor"),
  /** A first factor, then a second factor if the user has one. */
  MULTI_FACTOR("multi_factor"),
  /** A level this version of clerk4j does not know; the owning object keeps the raw string. */
  UNKNOWN(null);

  private final @Nullable String wire;

  VerificationLevel(@Nullable String wire) {
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
  public static VerificationLevel fromWire(@Nullable String wire) {
    return WireEnums.fromWire(VerificationLevel.class, VerificationLevel::wireValue, wire, UNKNOWN);
  }
}
