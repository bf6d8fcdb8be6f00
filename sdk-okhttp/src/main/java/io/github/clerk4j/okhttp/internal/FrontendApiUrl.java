package io.github.clerk4j.okhttp.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Checks the Frontend API URL a transport is built for and turns it into Retrofit's base URL. HTTPS
 * is required: the client token travels in a header and a password in a form body. Plain HTTP is
 * allowed only to a loopback host (the local emulator), which never leaves the machine.
 */
public final class FrontendApiUrl {

  private FrontendApiUrl() {}

  /**
   * @return the base URL, ending with {@code /}
   * @throws IllegalArgumentException when the URL is not https (or http to loopback), or has a
   *     query, fragment or user info
   */
  public static HttpUrl toBaseUrl(URI frontendApiUrl) {
    Objects.requireNonNull(frontendApiUrl, "frontendApiUrl");
    HttpUrl url = HttpUrl.get(frontendApiUrl);
    if (url == null) {
      throw new IllegalArgumentException(
          "the Frontend API URL must be an http(s) URL with a host, got " + safe(frontendApiUrl));
    }
    if (frontendApiUrl.getRawQuery() != null
        || frontendApiUrl.getRawFragment() != null
        || frontendApiUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the Frontend API URL must be an origin (optionally with a path), without user info,"
              + " query or fragment: "
              + safe(frontendApiUrl));
    }
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "the Frontend API URL must use https (plain http only to a loopback address such as"
              + " 127.0.0.1, ::1 or localhost): "
              + safe(frontendApiUrl));
    }
    String path = url.encodedPath();
    return path.endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
  }

  /**
   * Loopback by the literal host only, never by a DNS lookup: a name that resolves to 127.0.0.1
   * today may resolve elsewhere tomorrow. {@link HttpUrl} has already canonicalised IPv6 literals
   * ({@code [0:0:0:0:0:0:0:1]} → {@code ::1}).
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("::1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** The URL for a message, without user info (it may hold credentials). */
  private static String safe(URI uri) {
    return uri.getRawUserInfo() == null ? uri.toString() : "(not shown: it has user info)";
  }
}
