package io.github.clerk4j.testing;

import java.util.Locale;
import java.util.Optional;

/** Who may sign up on the emulated instance ({@code user_settings.sign_up.mode}). */
public enum SignUpMode {
  /** Anyone (Clerk's default). */
  PUBLIC,
  /** By invitation only: sign-ups are refused with 403 {@code sign_up_mode_restricted}. */
  RESTRICTED,
  /** Through the waitlist only: sign-ups are refused with 403 {@code sign_up_restricted_waitlist}. */
  WAITLIST;

  /** {@return the mode on the wire: {@code public}, {@code restricted}, {@code waitlist}} */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode with this wire name, if any.
   *
   * @param name a wire name, such as {@code restricted}
   * @return the mode, or empty for an unknown name
   */
  public static Optional<SignUpMode> fromWireName(String name) {
    for (SignUpMode m : values()) {
      if (m.wireName().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
