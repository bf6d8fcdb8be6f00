package io.github.clerk4j.testing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's request handling, independent of the HTTP server: checks the request (size,
 * admin token, API version, body format), routes it under the state lock and writes the JSON
 * answer outside it. Thread-safe.
 */
public final class EmulatorHandler {
  /** Bodies above this are refused with 413; FAPI calls send forms of a few hundred bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  /** The routes that take a body other than a form, and the types they take: the profile image. */
  private static final Set<String> UPLOAD_PATHS = Set.of("/v1/me/profile_image");
  private static final Set<String> UPLOAD_TYPES = Set.of("multipart/form-data", "application/octet-stream");
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
          throw ApiException.bodyTooLarge(bodyLimit(request.path()));
        }
        requireAdminToken(request);
        requireSecretKey(request);
        checkApiVersion(request);
        if (refused != null) {
          throw refused;
        }
        // readForm gave a form, or refused (thrown above)
        Request parsed = request.withForm(Objects.requireNonNull(form, "form"));
        if (isUpload(request) || BackendApiRoutes.isBackendApi(request.path())) {
          parsed = parsed.withRawBody(call.body());
        }
        exchange = new Exchange(parsed, state, rules.sessions, password);
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
      if (exchange != null) {
        state.changed(); // a refusal may have changed state too (attempt counters, lockout)
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Response.RawBody raw = response.body() instanceof Response.RawBody r ? r : null;
    // @clerk/backend parses an answer as JSON only when its Content-Type is exactly application/json.
    headers.put("Content-Type", raw != null ? raw.contentType()
        : BackendApiRoutes.isBackendApi(request.path()) ? "application/json" : "application/json; charset=utf-8");
    headers.put("X-Clerk-Trace-Id", traceId);
    headers.put("Access-Control-Expose-Headers", "Authorization");
    headers.putAll(response.headers());
    if (call.body() == null) {
      headers.put("Connection", "close"); // what is left of a body that large is not read
    }
    // Written outside the lock: session tokens are signed here (see TokenSigner#sessionToken).
    byte[] body = raw != null ? raw.bytes() : Json.write(response.body()).getBytes(StandardCharsets.UTF_8);
    return new HttpAnswer(response.status(), headers, body);
  }

  /**
   * The most a request to this path may send: {@link #MAX_BODY_BYTES}, more for an image upload.
   * A front stops reading there (and passes a null body).
   */
  public static int bodyLimit(String rawPath) {
    return UPLOAD_PATHS.contains(Router.withoutTrailingSlash(rawPath)) ? ImageUpload.MAX_BODY_BYTES : MAX_BODY_BYTES;
  }

  private static String mediaType(Request request) {
    return request.header("Content-Type").orElse(FORM).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  /** An upload route with one of its body types: the route reads the raw body itself. */
  private static boolean isUpload(Request request) {
    return UPLOAD_PATHS.contains(Router.withoutTrailingSlash(request.path())) && UPLOAD_TYPES.contains(mediaType(request));
  }

  /**
   * A form body; an upload's body is left to its route; anything else with content is refused
   * (415), a body too large later (413).
   */
  private static FormBody readForm(HttpCall call, Request request) {
    if (call.body() == null || call.body().length == 0 || isUpload(request)) {
      return FormBody.empty();
    }
    String mediaType = mediaType(request);
    if (BackendApiRoutes.isBackendApi(request.path())) {
      if (!mediaType.equals("application/json")) {
        throw ApiException.of(415, "unsupported_content_type", "Content-Type is unsupported",
            "Content-Type " + mediaType + " is unsupported. You should use application/json instead.");
      }
      return FormBody.empty(); // the Backend API's JSON body is read by its routes
    }
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
  private Passwords.@Nullable Precomputed derivePasswordEarly(Request request, FormBody form) {
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

  /**
   * {@code /__emulator/*}: changes only from the emulator's own origin or from scripts, and with an
   * admin token set, the token ({@code Authorization: Bearer <token>}) or the cookie of a browser
   * that signed in with it ({@link AdminAccess}). A browser asking for a web UI page without it is
   * sent to the sign-in form.
   */
  private void requireAdminToken(Request request) {
    if (!request.path().startsWith("/__emulator/")) {
      return;
    }
    AdminAccess.requireSameOrigin(request);
    if (AdminUiRoutes.isPublic(request.path()) || state.admin.allowed(request, state.settings.adminToken())) {
      return;
    }
    String why = "The emulator's own endpoints need its admin token: send Authorization: Bearer <token>"
        + " (the standalone jar prints it at start), or sign in at /__emulator/login in a browser.";
    if (request.method().equals("GET") && AdminUiRoutes.isPage(request.path())) {
      throw new ApiException(303, "authentication_invalid", "Invalid authentication", why, Map.of(),
          Map.of("Location", AdminUiRoutes.LOGIN));
    }
    throw ApiException.authenticationInvalid(why);
  }

  /** The Backend API ({@code /bapi/*}) needs {@code Authorization: Bearer <secret key>}. */
  private void requireSecretKey(Request request) {
    if (!BackendApiRoutes.isBackendApi(request.path())) {
      return;
    }
    String given = request.header("Authorization").orElse("").trim();
    String expected = "Bearer " + state.settings.secretKey();
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.authenticationInvalid("Unable to authenticate the request: the Backend API needs"
          + " Authorization: Bearer <secret key> (ClerkEmulator.secretKey(); the standalone jar prints it at start).");
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
    Map<String, List<String>> queryValues = new HashMap<>();
    if (call.rawQuery() != null && !call.rawQuery().isEmpty()) {
      for (String pair : call.rawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
        query.putIfAbsent(name, value);
        queryValues.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    String method = call.method();
    String override = query.get("_method");
    if ("POST".equals(method) && override != null && !override.isEmpty()) {
      method = override.toUpperCase(Locale.ROOT); // clerk-js sends PATCH/DELETE this way
    }
    String forwarded = call.header().apply("X-Forwarded-For");
    String ip = forwarded == null || forwarded.isBlank() ? call.remoteIp() : forwarded.split(",")[0].trim();
    return new Request(method, call.rawPath(), query, queryValues, call.header(), FormBody.empty(), ip, List.of(), null);
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
