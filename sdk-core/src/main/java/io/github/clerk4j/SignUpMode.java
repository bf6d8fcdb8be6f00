package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/** Who may sign up on the instance ({@code user_settings.sign_up.mode}). */
public enum SignUpMode {
  /** Anyone. */
  PUBLIC("public"),
  /** Only people with an invitation; other sign-ups fail with {@code sign_up_mode_restricted}. */
  RESTRICTED("restricted"),
  /** People on the waitlist once admitted; others fail with {@code sign_up_restricted_waitlist}. */
  WAITLIST("waitlist"),
  /** A mode this version of clerk4j does not know (or none was sent). */
  UNKNOWN(null);

  private final @Nullable String wire;

  SignUpMode(@Nullable String wire) {
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
  public static SignUpMode fromWire(@Nullable String wire) {
    return WireEnums.fromWire(SignUpMode.class, SignUpMode::wireValue, wire, UNKNOWN);
  }
}
