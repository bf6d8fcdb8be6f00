package io.github.clerk4j.testing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's request handling, independent of the HTTP server: checks the request (size,
 * admin token, API version, body format), routes it under the state lock and writes the JSON
 * answer outside it. Thread-safe.
 */
public final class EmulatorHandler {
  /** Bodies above this are refused with 413; FAPI calls send forms of a few hundred bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  private static final System.Logger LOG = System.getLogger(EmulatorHandler.class.getName());
  private static final String HEX = "0123456789abcdef";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final EmulatorState state;
  private final Rules rules;
  private final Router router;

  EmulatorHandler(EmulatorState state, Rules rules, Router router) {
    this.state = state;
    this.rules = rules;
    this.router = router;
  }

  /** Handles one request; never throws for anything the request contains. */
  public HttpAnswer handle(HttpCall call) {
    Request request = parse(call);
    FormBody form = null;
    ApiException refused = null;
    try {
      // Checked before taking the lock (they read no state); answered under it, after the API
      // version check, so that a bad version is reported first, as before.
      form = readForm(call, request);
    } catch (ApiException e) {
      refused = e;
    }
    Passwords.Precomputed password = form == null ? null : derivePasswordEarly(request, form);
    Exchange exchange = null;
    Response response;
    String traceId;
    synchronized (state.lock) {
      traceId = state.randomString(HEX, 32);
      try {
        if (call.body() == null) {
          throw ApiException.bodyTooLarge(MAX_BODY_BYTES);
        }
        requireAdminToken(request);
        checkApiVersion(request);
        if (refused != null) {
          throw refused;
        }
        exchange = new Exchange(request.withForm(form), state, rules.sessions, password);
        response = router.route(exchange);
      } catch (ApiException e) {
        response = error(e, traceId);
      } catch (RuntimeException e) {
        // Never echo the exception: its message could carry request data.
        LOG.log(System.Logger.Level.ERROR, "internal error on " + request.method() + " "
            + request.path() + " (trace " + traceId + "): " + e.getClass().getName());
        response = error(ApiException.of(500, "internal_clerk_error", "Oops, an unexpected error occurred",
            "There was an internal error on our servers. We've been notified and are working on fixing it."),
            traceId);
      }
      if (exchange != null && exchange.client != null) {
        response = response.withHeader("Authorization", "Bearer " + exchange.client.token);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Response.Raw raw = response.body() instanceof Response.Raw r ? r : null;
    headers.put("Content-Type", raw != null ? raw.contentType() : "application/json; charset=utf-8");
    headers.put("X-Clerk-Trace-Id", traceId);
    headers.put("Access-Control-Expose-Headers", "Authorization");
    headers.putAll(response.headers());
    if (call.body() == null) {
      headers.put("Connection", "close"); // what is left of a body that large is not read
    }
    // Written outside the lock: session tokens are signed here (see TokenSigner#sessionToken).
    byte[] body = (raw != null ? raw.text() : Json.write(response.body())).getBytes(StandardCharsets.UTF_8);
    return new HttpAnswer(response.status(), headers, body);
  }

  /** A form body; anything else with content is refused (415), a body too large later (413). */
  private static FormBody readForm(HttpCall call, Request request) {
    if (call.body() == null || call.body().length == 0) {
      return FormBody.empty();
    }
    String type = request.header("Content-Type").orElse(FORM);
    String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(FORM)) {
      throw ApiException.unsupportedContentType(mediaType);
    }
    return FormBody.parse(new String(call.body(), StandardCharsets.UTF_8));
  }

  /**
   * The password check of a password sign-in ({@code POST /v1/client/sign_ins} with identifier and
   * password, the hot path of every client), done outside the lock so that the derivation a wrong
   * password costs does not hold up every other request. The route still decides under the lock,
   * with this outcome if the user's password is still the one it was checked against. Other
   * password checks are rare and run under the lock.
   */
  private Passwords.Precomputed derivePasswordEarly(Request request, FormBody form) {
    if (!"POST".equals(request.method()) || !"/v1/client/sign_ins".equals(request.path())) {
      return null;
    }
    String identifier = form.optional("identifier").orElse("");
    String password = form.optional("password").orElse("");
    if (identifier.isBlank() || password.isEmpty()) {
      return null;
    }
    Passwords.Stored stored;
    synchronized (state.lock) {
      stored = state.findUser(identifier).map(user -> user.password).orElse(null);
    }
    return stored == null ? null : rules.passwords.checkAhead(stored, password);
  }

  /** With an admin token set, {@code /__emulator/*} needs {@code Authorization: Bearer <token>}. */
  private void requireAdminToken(Request request) {
    String token = state.settings.adminToken();
    if (token == null || !request.path().startsWith("/__emulator/")) {
      return;
    }
    String given = request.header("Authorization").orElse("").trim();
    String expected = "Bearer " + token;
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.authenticationInvalid("The emulator's own endpoints need its admin token:"
          + " send Authorization: Bearer <token> (the standalone jar prints it at start).");
    }
  }

  private static Response error(ApiException e, String traceId) {
    return new Response(e.status, e.body(traceId), new HashMap<>(e.headers));
  }

  /** The API version may come as a header or as a query parameter, not both (Clerk's rule). */
  private static void checkApiVersion(Request request) {
    String header = request.header("clerk-api-version").orElse(null);
    String query = request.queryParam("__clerk_api_version").orElse(null);
    if (header != null && query != null) {
      throw ApiException.of(400, "api_version_invalid", "invalid API version",
          "Give the API version either as the Clerk-API-Version header or as the"
              + " __clerk_api_version query parameter, not both.");
    }
    String version = header != null ? header : query;
    if (version != null && !version.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw ApiException.of(400, "api_version_invalid", "invalid API version",
          "The API version must be a date such as 2026-05-12.");
    }
  }

  private static Request parse(HttpCall call) {
    Map<String, String> query = new HashMap<>();
    if (call.rawQuery() != null && !call.rawQuery().isEmpty()) {
      for (String pair : call.rawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
        query.putIfAbsent(name, eq < 0 ? "" : decodeQuery(pair.substring(eq + 1)));
      }
    }
    String method = call.method();
    String override = query.get("_method");
    if ("POST".equals(method) && override != null && !override.isEmpty()) {
      method = override.toUpperCase(Locale.ROOT); // clerk-js sends PATCH/DELETE this way
    }
    String forwarded = call.header().apply("X-Forwarded-For");
    String ip = forwarded == null || forwarded.isBlank() ? call.remoteIp() : forwarded.split(",")[0].trim();
    return new Request(method, call.rawPath(), query, call.header(), FormBody.empty(), ip, List.of());
  }

  /** A query value; a broken escape is kept as it came rather than failing the whole request. */
  private static String decodeQuery(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
