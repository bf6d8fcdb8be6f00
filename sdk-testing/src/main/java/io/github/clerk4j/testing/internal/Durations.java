package io.github.clerk4j.testing.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a person types them on a command line: {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}, or ISO-8601 {@code PT10M}. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("([+-]?\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming {@code what} and the accepted forms
   */
  public static Duration parse(String what, String text) {
    Matcher m = SHORT.matcher(text.trim());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " needs a duration such as 90s, 10m, 2h, 7d or PT10M, got "
          + text);
    }
  }

  /** The shortest of the forms {@link #parse} reads back: {@code 0s}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}. */
  public static String format(Duration d) {
    long seconds = d.toSeconds();
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
