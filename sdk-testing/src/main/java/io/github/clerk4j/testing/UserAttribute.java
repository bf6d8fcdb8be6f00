package io.github.clerk4j.testing;

import java.util.Locale;
import java.util.Optional;

/**
 * A user attribute a sign-up collects, as a Clerk dashboard lists them under "User &amp;
 * authentication": each is off, optional or required ({@link AttributeSetting}) and is named on
 * the wire as {@link #wireName()} ({@code required_fields}, {@code user_settings.attributes}).
 */
public enum UserAttribute {
  /** {@code email_address}, verified by an e-mail code at sign-up. */
  EMAIL_ADDRESS,
  /** {@code phone_number} (E.164), verified by an SMS code at sign-up. */
  PHONE_NUMBER,
  /** {@code username}: 4 to 64 letters, digits, {@code _} or {@code -}, not only digits. */
  USERNAME,
  /** {@code first_name}. */
  FIRST_NAME,
  /** {@code last_name}. */
  LAST_NAME,
  /** {@code password}. */
  PASSWORD;

  /** {@return the attribute's name on the wire, for example {@code email_address}} */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return whether it identifies the user (e-mail address, phone number, username)} */
  public boolean isIdentifier() {
    return this == EMAIL_ADDRESS || this == PHONE_NUMBER || this == USERNAME;
  }

  /**
   * The attribute with this wire name, if any.
   *
   * @param name a wire name, such as {@code first_name}
   * @return the attribute, or empty for an unknown name
   */
  public static Optional<UserAttribute> fromWireName(String name) {
    for (UserAttribute a : values()) {
      if (a.wireName().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
