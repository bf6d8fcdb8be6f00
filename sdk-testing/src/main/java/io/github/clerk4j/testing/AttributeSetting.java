package io.github.clerk4j.testing;

import java.util.Locale;
import java.util.Optional;

/** How an instance uses a {@link UserAttribute}, as the dashboard's switches set it. */
public enum AttributeSetting {
  /** Not used: a sign-up that sends it is refused with {@code form_param_unknown}. */
  OFF,
  /** A sign-up may give it ({@code optional_fields}). */
  OPTIONAL,
  /** A sign-up must give it before it completes ({@code required_fields}, {@code missing_fields}). */
  REQUIRED;

  /**
   * The setting with this name: {@code off}, {@code optional} or {@code required}, as the command
   * line takes it.
   *
   * @param name the lower-case name
   * @return the setting, or empty for any other name
   */
  public static Optional<AttributeSetting> fromName(String name) {
    for (AttributeSetting s : values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
