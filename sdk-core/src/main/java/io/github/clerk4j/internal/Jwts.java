package io.github.clerk4j.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads numeric claims ({@code iat}, {@code exp}) from a JWT payload without verifying it. Core has
 * no JSON library and needs only these two numbers, for ordering client tokens and for caching
 * session tokens; the signature is the server's business.
 */
public final class Jwts {

  /** The pattern of each claim asked for (two: iat and exp), compiled once. */
  private static final Map<String, Pattern> CLAIMS = new ConcurrentHashMap<>();

  private Jwts() {}

  private static Pattern claim(String name) {
    return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d{1,18})(?:\\.\\d+)?\\s*[,}]");
  }

  /**
   * The numeric claim {@code name} of {@code token} (a bare JWT or {@code Bearer <jwt>}), or empty
   * when the token is not a JWT or has no such numeric claim.
   */
  public static OptionalLong numericClaim(@Nullable String token, String name) {
    if (token == null) {
      return OptionalLong.empty();
    }
    String jwt = token.trim();
    if (jwt.regionMatches(true, 0, "Bearer ", 0, 7)) {
      jwt = jwt.substring(7).trim();
    }
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return OptionalLong.empty();
    }
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(stripPadding(parts[1])), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    Matcher m = CLAIMS.computeIfAbsent(name, Jwts::claim).matcher(payload);
    if (!m.find()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(m.group(1)));
  }

  private static String stripPadding(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    return s.substring(0, end);
  }
}
