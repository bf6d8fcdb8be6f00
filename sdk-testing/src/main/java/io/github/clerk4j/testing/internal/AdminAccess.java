package io.github.clerk4j.testing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may use {@code /__emulator/*}, and how the web UI's forms are kept from other sites.
 *
 * <p>With an admin token set, a script sends {@code Authorization: Bearer <token>}; a browser
 * signs in once on {@code /__emulator/login} with the token and then carries an HttpOnly,
 * {@code SameSite=Strict} cookie holding a random value of this emulator (never the token itself,
 * so the token is not in the browser's history, its cookie store or a URL). Without a token
 * everything is open, as in-process only the test's own process talks to the emulator.
 *
 * <p>Either way, a state-changing request from a page of another origin is refused (its {@code
 * Origin} header names that origin), and every web UI form carries a token of this emulator
 * ({@link #csrfToken}) that a page of another origin cannot read. Thread-safe.
 */
final class AdminAccess {
  /** The cookie a signed-in browser carries. */
  static final String COOKIE = "clerk_emulator_admin";
  /** The hidden field of every state-changing web UI form. */
  static final String CSRF_FIELD = "csrf";

  private static final SecureRandom RANDOM = new SecureRandom();

  private volatile String cookieValue = newSecret();
  private final String csrfToken = newSecret();

  /** The value every web UI form of this emulator carries in {@link #CSRF_FIELD}. */
  String csrfToken() {
    return csrfToken;
  }

  /** Whether the request may use {@code /__emulator/*}: no token set, the bearer token, or the cookie. */
  boolean allowed(Request request, @Nullable String adminToken) {
    if (adminToken == null) {
      return true;
    }
    String bearer = request.header("Authorization").orElse("").trim();
    return same(bearer, "Bearer " + adminToken)
        || cookie(request, COOKIE).map(value -> same(value, cookieValue)).orElse(false);
  }

  /**
   * The {@code Set-Cookie} value that signs a browser in, when {@code given} is the admin token;
   * empty otherwise.
   */
  Optional<String> signIn(String given, @Nullable String adminToken) {
    if (adminToken == null || !same(given, adminToken)) {
      return Optional.empty();
    }
    return Optional.of(COOKIE + "=" + cookieValue + "; Path=/__emulator; HttpOnly; SameSite=Strict");
  }

  /** Signs every browser out (a new cookie value); returns the {@code Set-Cookie} that clears this one's. */
  String signOut() {
    cookieValue = newSecret();
    return COOKIE + "=; Path=/__emulator; HttpOnly; SameSite=Strict; Max-Age=0";
  }

  /** 403 unless the form carries this emulator's CSRF token. */
  void requireCsrf(FormBody form) {
    if (!same(form.optional(CSRF_FIELD).orElse(""), csrfToken)) {
      throw ApiException.of(403, "csrf_token_invalid", "Form token invalid",
          "This form did not come from the emulator's own pages (its csrf field is missing or wrong):"
              + " reload the page and submit it again.");
    }
  }

  /**
   * 403 for a request that changes state from a page of another origin: a browser names the page's
   * origin in {@code Origin}; scripts such as curl send none.
   */
  static void requireSameOrigin(Request request) {
    if (request.method().equals("GET") || request.method().equals("HEAD")) {
      return;
    }
    String origin = request.header("Origin").orElse(null);
    String host = request.header("Host").orElse("");
    if (origin != null && !origin.equals("http://" + host)) {
      throw ApiException.of(403, "origin_invalid", "Origin not allowed",
          "The emulator's own endpoints take changes only from its own pages or from scripts, not from "
              + "a page of another origin.");
    }
  }

  /** A cookie's value from the {@code Cookie} header. */
  static Optional<String> cookie(Request request, String name) {
    for (String part : request.header("Cookie").orElse("").split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith(name + "=")) {
        return Optional.of(trimmed.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
