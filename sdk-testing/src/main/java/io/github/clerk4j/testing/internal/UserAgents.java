package io.github.clerk4j.testing.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code User-Agent} says about the device, for a session's {@code latest_activity}: the
 * browser (or HTTP client) and its version, the kind of device, whether it is mobile. Unknown
 * parts are null; the emulator shows only what the header tells.
 */
final class UserAgents {
  /** A browser and the {@code token/version} that names it. */
  private record Browser(String name, Pattern token) {
    Browser(String token, String name) {
      this(name, Pattern.compile("\\b" + token + "/([\\w.]+)"));
    }
  }

  /** In the order they must be tried: Edge and Opera say Chrome too. */
  private static final List<Browser> BROWSERS = List.of(
      new Browser("Edg", "Edge"),
      new Browser("OPR", "Opera"),
      new Browser("CriOS", "Chrome"),
      new Browser("FxiOS", "Firefox"),
      new Browser("Chrome", "Chrome"),
      new Browser("Firefox", "Firefox"));
  private static final Pattern SAFARI_VERSION = Pattern.compile("Version/([\\w.]+).*Safari/");
  private static final Pattern FIRST_PRODUCT = Pattern.compile("^([A-Za-z][\\w.-]*)(?:/([\\w.-]+))?");
  /** Device kinds by the token that shows them, most specific first. */
  private static final List<String[]> DEVICES = List.of(
      new String[] {"iPhone", "iPhone"},
      new String[] {"iPad", "iPad"},
      new String[] {"Android", "Android"},
      new String[] {"Macintosh", "Macintosh"},
      new String[] {"Windows", "Windows"},
      new String[] {"CrOS", "Chromebook"},
      new String[] {"Linux", "Linux"});

  /** The parts of one {@code User-Agent}; null for what it did not say. */
  record Device(@Nullable String browserName, @Nullable String browserVersion, @Nullable String deviceType,
      boolean mobile) {}

  private UserAgents() {}

  static Device parse(@Nullable String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return new Device(null, null, null, false);
    }
    String ua = userAgent.trim();
    String name = null;
    String version = null;
    for (Browser b : BROWSERS) {
      Matcher m = b.token().matcher(ua);
      if (m.find()) {
        name = b.name();
        version = m.group(1);
        break;
      }
    }
    if (name == null) {
      Matcher safari = SAFARI_VERSION.matcher(ua);
      Matcher first = FIRST_PRODUCT.matcher(ua);
      if (safari.find()) {
        name = "Safari";
        version = safari.group(1);
      } else if (first.find() && !first.group(1).equals("Mozilla")) {
        // An HTTP client rather than a browser: clerk4j/0.1.0, okhttp/5.5.1, node.
        name = first.group(1);
        version = first.group(2);
      }
    }
    String device = null;
    for (String[] d : DEVICES) {
      if (ua.contains(d[0])) {
        device = d[1];
        break;
      }
    }
    String lower = ua.toLowerCase(Locale.ROOT);
    boolean mobile = lower.contains("mobile") || lower.contains("iphone") || lower.contains("android")
        || lower.contains("ipad");
    return new Device(name, version, device, mobile);
  }
}
