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

  /** {@code off}, {@code optional} or {@code required}, as the command line takes it. */
  public static Optional<AttributeSetting> fromName(String name) {
    for (AttributeSetting s : values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
