package io.github.clerk4j.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns a publishable key or an explicit URL into the Frontend API origin. A key is {@code
 * pk_test_} or {@code pk_live_} followed by the base64 of {@code <host>$}.
 * Messages say what is wrong without echoing the key: a key is not secret, but a mistyped one is
 * often a secret key pasted into the wrong place.
 */
public final class FrontendApi {

  /**
   * The last key or URL checked and its origin: an application builds its Clerks from one, and a
   * server building a Clerk per end user need not decode the key each time. (A key is a String,
   * a URL a URI: one never equals the other.)
   */
  private record Checked(Object given, URI origin) {}

  private static volatile @Nullable Checked last;

  private FrontendApi() {}

  /** The origin encoded in {@code pk_test_...} / {@code pk_live_...}. */
  public static URI fromPublishableKey(String key) {
    URI known = remembered(key);
    return known != null ? known : remember(key, decodePublishableKey(key));
  }

  /** The origin last checked for {@code given}, or null. */
  private static @Nullable URI remembered(Object given) {
    Checked c = last;
    return c != null && c.given().equals(given) ? c.origin() : null;
  }

  private static URI remember(Object given, URI origin) {
    last = new Checked(given, origin);
    return origin;
  }

  private static URI decodePublishableKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("publishable key is empty");
    }
    String trimmed = key.trim();
    if (trimmed.startsWith("sk_")) {
      throw new IllegalArgumentException(
          "this is a secret key (sk_...), never ship it to a client: use the publishable key (pk_test_... or pk_live_...)");
    }
    String[] parts = trimmed.split("_", -1);
    if (parts.length != 3 || !"pk".equals(parts[0])
        || !("test".equals(parts[1]) || "live".equals(parts[1]))) {
      throw new IllegalArgumentException(
          "publishable key must look like pk_test_<base64> or pk_live_<base64>");
    }
    if (parts[2].isEmpty()) {
      throw new IllegalArgumentException("publishable key has nothing after " + parts[0] + "_" + parts[1] + "_");
    }
    String decoded = decodeBase64(parts[2]);
    int dollar = decoded.indexOf('$');
    if (dollar < 0 || dollar != decoded.length() - 1) {
      throw new IllegalArgumentException(
          "publishable key does not decode to '<frontend-api-host>$' (exactly one trailing '$')");
    }
    String host = decoded.substring(0, dollar);
    if (host.isEmpty()) {
      throw new IllegalArgumentException("publishable key decodes to an empty host");
    }
    boolean loopback = isLoopbackAuthority(host);
    if (!host.contains(".") && !loopback) {
      throw new IllegalArgumentException(
          "publishable key decodes to a host without a '.' that is not a loopback address");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= ' ' || c == '/' || c == '?' || c == '#' || c == '@' || c == '\\' || c > 126) {
        throw new IllegalArgumentException("publishable key decodes to a host with invalid characters");
      }
    }
    try {
      return new URI((loopback ? "http" : "https") + "://" + host);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("publishable key decodes to an invalid host");
    }
  }

  /** Checks an explicit Frontend API URL: HTTPS, or HTTP on a loopback address; returns the origin. */
  public static URI fromUrl(URI url) {
    URI known = remembered(url);
    return known != null ? known : remember(url, checkedOrigin(url));
  }

  private static URI checkedOrigin(URI url) {
    if (url == null) {
      throw new IllegalArgumentException("frontend API URL is null");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null) {
      throw new IllegalArgumentException("frontend API URL has no host: " + url);
    }
    boolean loopback = isLoopbackHost(url.getHost());
    if (!"https".equals(scheme) && !("http".equals(scheme) && loopback)) {
      throw new IllegalArgumentException(
          "frontend API URL must use https (http only for loopback addresses): " + url);
    }
    String path = url.getPath() == null ? "" : url.getPath();
    if (!path.isEmpty() && !"/".equals(path)) {
      throw new IllegalArgumentException(
          "frontend API URL must be an origin without a path (clerk4j adds /v1/...): " + url);
    }
    try {
      return new URI(scheme, null, url.getHost(), url.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid frontend API URL: " + url, e);
    }
  }

  /** {@code host} or {@code host:port} naming this machine. */
  static boolean isLoopbackAuthority(String authority) {
    String host = authority;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end < 0 ? host : host.substring(0, end + 1);
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
      host = host.substring(0, host.indexOf(':'));
    }
    return isLoopbackHost(host);
  }

  /** Whether a host name or literal is loopback; decided textually, no DNS lookup. */
  public static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if ("localhost".equals(h) || "::1".equals(h) || "0:0:0:0:0:0:0:1".equals(h)) {
      return true;
    }
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !"127".equals(octets[0])) {
      return false;
    }
    for (String o : octets) {
      if (o.isEmpty() || o.length() > 3 || !digits(o) || Integer.parseInt(o) > 255) {
        return false;
      }
    }
    return true;
  }

  /** ASCII digits only: {@code Character.isDigit} also takes other scripts' digits, which no IPv4 literal has. */
  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String decodeBase64(String b64) {
    // Clerk strips the '=' padding when it builds keys; put it back before decoding.
    String s = b64;
    while (s.endsWith("=")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() % 4 == 1) {
      throw new IllegalArgumentException("publishable key is not valid base64 (bad length)");
    }
    s = s + "==".substring(0, (4 - s.length() % 4) % 4);
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException standard) {
      try {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException url) {
        throw new IllegalArgumentException("publishable key is not valid base64");
      }
    }
  }
}
