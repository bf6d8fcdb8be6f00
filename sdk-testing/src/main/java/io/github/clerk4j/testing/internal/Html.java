package io.github.clerk4j.testing.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The web UI's HTML: every value that comes from state or from a request goes through {@link
 * #text}, so that a user named {@code <script>} is shown, never run.
 */
final class Html {
  private Html() {}

  /** The value escaped for element content and quoted attribute values; null is "". */
  static String text(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A time of the emulator's clock, to the second, ISO-8601. */
  static String time(Long epochMillis) {
    return epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code <time>} with the ISO value. */
  static String timeTag(@Nullable Long epochMillis) {
    return epochMillis == null ? "<span class=\"muted\">never</span>"
        : "<time datetime=\"" + time(epochMillis) + "\">" + time(epochMillis) + "</time>";
  }
}
