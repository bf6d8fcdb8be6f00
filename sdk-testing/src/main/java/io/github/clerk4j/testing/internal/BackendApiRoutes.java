package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.UserAttribute;
import io.github.clerk4j.testing.internal.AdminUserRules.NewUser;
import io.github.clerk4j.testing.internal.AdminUserRules.UserChanges;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.TotpRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A subset of Clerk's Backend API for tests, under {@code /bapi/v1/} (the base URL a backend SDK is
 * given is {@code http://127.0.0.1:PORT/bapi}), authenticated by the instance's secret key (the
 * handler checks it): users (create, list, count, get, update, delete), sign-in tokens (create,
 * revoke), sessions (list, get, revoke) and the JWKS. Bodies are JSON, as Clerk's Backend API takes
 * them; a parameter the emulator does not implement is a 422 that says so, never silently ignored.
 */
final class BackendApiRoutes implements Routes {
  static final String PREFIX = "/bapi";
  private static final String V1 = PREFIX + "/v1";
  private static final Set<String> CREATE_USER = Set.of("email_address", "phone_number", "username", "password",
      "first_name", "last_name", "external_id", "public_metadata", "private_metadata", "unsafe_metadata",
      "skip_password_checks", "skip_password_requirement", "totp_secret", "backup_codes");
  private static final Set<String> UPDATE_USER = Set.of("username", "password", "first_name", "last_name",
      "external_id", "skip_password_checks", "primary_email_address_id", "primary_phone_number_id");
  private static final Set<String> METADATA = Set.of("public_metadata", "private_metadata", "unsafe_metadata");
  private static final Set<String> CREATE_SIGN_IN_TOKEN = Set.of("user_id", "expires_in_seconds", "org_id");

  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  BackendApiRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  /** Whether a path is the Backend API's (its own authentication, JSON bodies, plain JSON answers). */
  static boolean isBackendApi(String path) {
    return path.startsWith(PREFIX + "/");
  }

  @Override
  public void register(Router router) {
    router.add("GET", V1 + "/users", this::listUsers);
    router.add("GET", V1 + "/users/count", this::countUsers);
    router.add("POST", V1 + "/users", this::createUser);
    router.add("GET", V1 + "/users/{id}", ex -> Response.json(views.backendUser(user(ex))));
    router.add("PATCH", V1 + "/users/{id}", this::updateUser);
    router.add("DELETE", V1 + "/users/{id}", this::deleteUser);
    router.add("PATCH", V1 + "/users/{id}/metadata", ex -> metadata(ex, true));
    router.add("PUT", V1 + "/users/{id}/metadata", ex -> metadata(ex, false));
    router.add("POST", V1 + "/sign_in_tokens", this::createSignInToken);
    router.add("POST", V1 + "/sign_in_tokens/{id}/revoke", ex ->
        Response.json(views.signInToken(rules.signInTokens.revoke(ex.request.pathParam(0)), null)));
    router.add("GET", V1 + "/sessions", this::listSessions);
    router.add("GET", V1 + "/sessions/{id}", ex -> Response.json(views.backendSession(session(ex))));
    router.add("POST", V1 + "/sessions/{id}/revoke", this::revokeSession);
    router.add("GET", V1 + "/jwks", ex -> Response.json(rules.sessions.tokens.jwks()));
  }

  // users

  private Response createUser(Exchange ex) {
    JsonBody body = JsonBody.of(ex, CREATE_USER);
    NewUser n = new NewUser(body.strings("email_address"), body.strings("phone_number"), body.string("username"),
        body.string("password"), !body.bool("skip_password_checks"), body.string("first_name"),
        body.string("last_name"), body.string("external_id"), body.object("public_metadata"),
        body.object("private_metadata"), body.object("unsafe_metadata"));
    if (n.password() == null && !body.bool("skip_password_requirement") && passwordRequired()) {
      throw ApiException.param(422, "form_param_missing", "password", "is missing",
          "password must be included (or skip_password_requirement: true).");
    }
    String totp = body.string("totp_secret");
    byte[] totpSecret = null;
    if (totp != null) {
      try {
        totpSecret = Base32.decode(totp);
      } catch (IllegalArgumentException e) {
        throw ApiException.paramFormatInvalid("totp_secret");
      }
    }
    UserRecord user = rules.admin.create(n);
    if (totpSecret != null) {
      user.totp = new TotpRecord(state.newId("totp"), totpSecret, user.createdAt);
      user.totp.verified = true;
      user.mfaEnabledAt = user.createdAt;
    }
    for (String code : body.strings("backup_codes")) {
      user.backupCodeDigests.add(Passwords.sha256(code));
      user.backupCodesId = user.backupCodesId == null ? state.newId("bc") : user.backupCodesId;
    }
    return Response.json(views.backendUser(user));
  }

  private boolean passwordRequired() {
    return state.settings.signUp().attributes().get(UserAttribute.PASSWORD) == AttributeSetting.REQUIRED;
  }

  /**
   * {@code GET /v1/users}: a bare array, newest first ({@code order_by=-created_at}, or {@code
   * +created_at}), {@code limit} (1 to 500, default 10) and {@code offset}; filters by {@code
   * email_address}, {@code phone_number}, {@code username}, {@code user_id}, {@code external_id}
   * (each repeatable, any value matching) and {@code query} (part of an identifier, name or id).
   */
  private Response listUsers(Exchange ex) {
    List<UserRecord> found = filteredUsers(ex.request);
    String order = ex.request.queryParam("order_by").orElse("-created_at");
    Comparator<UserRecord> byCreation = Comparator.comparingLong((UserRecord u) -> u.createdAt).thenComparing(u -> u.id);
    switch (order) {
      case "-created_at" -> found.sort(byCreation.reversed());
      case "+created_at", "created_at" -> found.sort(byCreation);
      default -> throw ApiException.param(422, "form_param_value_invalid", "order_by", "is invalid",
          "The emulator orders users by created_at only: -created_at (newest first) or +created_at.");
    }
    return Response.json(page(ex.request, found, views::backendUser));
  }

  private Response countUsers(Exchange ex) {
    return Response.json(Json.obj("object", "total_count", "total_count", filteredUsers(ex.request).size()));
  }

  private List<UserRecord> filteredUsers(Request request) {
    List<Predicate<UserRecord>> filters = new ArrayList<>();
    anyOf(request, "email_address", (u, v) -> u.emails.stream().anyMatch(e -> e.address.equalsIgnoreCase(v)), filters);
    anyOf(request, "phone_number", (u, v) -> u.phones.stream().anyMatch(p -> p.number.equals(UserRules.normalizePhone(v))), filters);
    anyOf(request, "username", (u, v) -> v.equalsIgnoreCase(u.username), filters);
    anyOf(request, "user_id", (u, v) -> u.id.equals(v), filters);
    anyOf(request, "external_id", (u, v) -> v.equals(u.externalId), filters);
    request.queryParam("query").filter(q -> !q.isBlank()).map(q -> q.toLowerCase(Locale.ROOT)).ifPresent(q ->
        filters.add(u -> u.id.toLowerCase(Locale.ROOT).contains(q)
            || (u.firstName + " " + u.lastName).toLowerCase(Locale.ROOT).contains(q)
            || AdminUserRules.identifiers(u).stream().anyMatch(i -> i.toLowerCase(Locale.ROOT).contains(q))));
    List<UserRecord> found = new ArrayList<>();
    for (UserRecord u : state.users()) {
      if (filters.stream().allMatch(f -> f.test(u))) {
        found.add(u);
      }
    }
    return found;
  }

  /** Adds a filter when the parameter is given ({@code a=1&a=2}, or {@code a[]=1}): any value matches. */
  private static void anyOf(Request request, String name, java.util.function.BiPredicate<UserRecord, String> test,
      List<Predicate<UserRecord>> filters) {
    List<String> values = new ArrayList<>(request.queryParams(name));
    values.addAll(request.queryParams(name + "[]"));
    if (!values.isEmpty()) {
      filters.add(u -> values.stream().anyMatch(v -> test.test(u, v)));
    }
  }

  private UserRecord user(Exchange ex) {
    return state.user(ex.request.pathParam(0)).orElseThrow(() -> ApiException.notFound("User"));
  }

  private Response updateUser(Exchange ex) {
    UserRecord user = user(ex);
    JsonBody body = JsonBody.of(ex, UPDATE_USER);
    String primaryEmail = body.string("primary_email_address_id");
    String primaryPhone = body.string("primary_phone_number_id");
    // Checked before anything changes.
    Model.EmailRecord email = primaryEmail == null ? null : rules.identifications.primaryEmail(user, primaryEmail);
    Model.PhoneRecord phone = primaryPhone == null ? null : rules.identifications.primaryPhone(user, primaryPhone);
    rules.admin.update(user, new UserChanges(body.string("first_name"), body.string("last_name"),
        body.string("username"), body.string("password"), !body.bool("skip_password_checks"),
        body.string("external_id"), null, null, null));
    if (email != null) {
      user.primaryEmailId = email.id;
    }
    if (phone != null) {
      user.primaryPhoneId = phone.id;
    }
    return Response.json(views.backendUser(user));
  }

  /**
   * {@code PATCH /v1/users/{id}/metadata} deep-merges each metadata object given (a {@code null}
   * value removes its key); {@code PUT} replaces each one given. As of API version 2026-05-12
   * metadata is changed here only, not by {@code PATCH /v1/users/{id}}.
   */
  private Response metadata(Exchange ex, boolean merge) {
    UserRecord user = user(ex);
    JsonBody body = JsonBody.of(ex, METADATA);
    Map<String, Object> publicMetadata = body.object("public_metadata");
    Map<String, Object> privateMetadata = body.object("private_metadata");
    Map<String, Object> unsafeMetadata = body.object("unsafe_metadata");
    if (merge) {
      publicMetadata = publicMetadata == null ? null : ProfileRoutes.merge(user.publicMetadata, publicMetadata);
      privateMetadata = privateMetadata == null ? null : ProfileRoutes.merge(user.privateMetadata, privateMetadata);
      unsafeMetadata = unsafeMetadata == null ? null : ProfileRoutes.merge(user.unsafeMetadata, unsafeMetadata);
    }
    rules.admin.update(user, new UserChanges(null, null, null, null, false, null, publicMetadata, privateMetadata,
        unsafeMetadata));
    return Response.json(views.backendUser(user));
  }

  private Response deleteUser(Exchange ex) {
    UserRecord user = user(ex);
    rules.users.delete(user);
    return Response.json(Views.deleted("user", user.id));
  }

  // sign-in tokens

  private Response createSignInToken(Exchange ex) {
    JsonBody body = JsonBody.of(ex, CREATE_SIGN_IN_TOKEN);
    String userId = body.string("user_id");
    if (userId == null || userId.isBlank()) {
      throw ApiException.paramMissing("user_id");
    }
    if (body.string("org_id") != null) {
      throw ApiException.param(422, "form_param_unknown", "org_id", "is not supported",
          "The emulator has no organizations: leave out org_id.");
    }
    Long seconds = body.integer("expires_in_seconds");
    if (seconds != null && seconds < 1) {
      throw ApiException.param(422, "form_param_value_invalid", "expires_in_seconds", "is invalid",
          "expires_in_seconds must be at least 1.");
    }
    UserRecord user = state.user(userId).orElseThrow(() -> ApiException.notFound("User"));
    SignInTokenRules.Minted minted = rules.signInTokens.mint(user,
        seconds == null ? SignInTokenRules.DEFAULT_LIFETIME : Duration.ofSeconds(seconds));
    return Response.json(views.signInToken(minted.token(), minted.text()));
  }

  // sessions

  /**
   * {@code GET /v1/sessions}: newest first, by {@code user_id}, {@code client_id} and {@code
   * status}; a bare array, or with {@code paginated=true} (as {@code @clerk/backend} asks) {@code
   * {data, total_count}}.
   */
  private Response listSessions(Exchange ex) {
    Request r = ex.request;
    String userId = r.queryParam("user_id").orElse(null);
    String clientId = r.queryParam("client_id").orElse(null);
    String status = r.queryParam("status").orElse(null);
    List<SessionRecord> found = new ArrayList<>();
    for (SessionRecord s : state.sessions()) {
      rules.sessions.expireIfDue(s);
      if ((userId == null || s.user.id.equals(userId)) && (clientId == null || s.client.id.equals(clientId))
          && (status == null || rules.sessions.wireStatus(s).wire().equals(status))) {
        found.add(s);
      }
    }
    found.sort(Comparator.comparingLong((SessionRecord s) -> s.createdAt).reversed().thenComparing(s -> s.id));
    List<Object> page = page(r, found, views::backendSession);
    boolean paginated = r.queryParam("paginated").map(Boolean::parseBoolean).orElse(false);
    return Response.json(paginated ? Json.obj("data", page, "total_count", found.size()) : page);
  }

  private SessionRecord session(Exchange ex) {
    SessionRecord s = state.session(ex.request.pathParam(0)).orElseThrow(() -> ApiException.notFound("Session"));
    rules.sessions.expireIfDue(s);
    return s;
  }

  /** Revokes a live session (its client's next calls get 401 {@code signed_out}); an ended one is answered as it is. */
  private Response revokeSession(Exchange ex) {
    SessionRecord s = session(ex);
    if (s.live()) {
      rules.sessions.endSession(s, SessionState.REVOKED);
    }
    return Response.json(views.backendSession(s));
  }

  /** {@code limit} (1 to 500, default 10) and {@code offset} of a list. */
  private static <T> List<Object> page(Request request, List<T> all, java.util.function.Function<T, Object> view) {
    int limit = number(request, "limit", 10, 1, 500);
    int offset = number(request, "offset", 0, 0, Integer.MAX_VALUE);
    List<Object> page = new ArrayList<>();
    for (int i = offset; i < all.size() && page.size() < limit; i++) {
      page.add(view.apply(all.get(i)));
    }
    return page;
  }

  private static int number(Request request, String name, int defaultValue, int min, int max) {
    String text = request.queryParam(name).orElse(null);
    if (text == null || text.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.param(422, "form_param_value_invalid", name, "is invalid",
        name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
  }

  /** A JSON request body; accessors answer 422 naming the parameter when a value has the wrong type. */
  private record JsonBody(Map<?, ?> values) {
    static JsonBody of(Exchange ex, Set<String> known) {
      byte[] raw = ex.request.rawBody();
      if (raw == null || raw.length == 0) {
        return new JsonBody(Map.of());
      }
      Object parsed;
      try {
        parsed = Json.read(new String(raw, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw ApiException.of(400, "malformed_request_parameters", "Malformed request parameters",
            "The request body is not valid JSON.");
      }
      if (!(parsed instanceof Map<?, ?> map)) {
        throw ApiException.of(400, "malformed_request_parameters", "Malformed request parameters",
            "The request body must be a JSON object.");
      }
      for (Object key : map.keySet()) {
        if (!known.contains(key)) {
          throw ApiException.param(422, "form_param_unknown", String.valueOf(key), "is unknown",
              key + " is not a parameter of this call in the emulator; it takes " + String.join(", ", known.stream().sorted().toList()) + ".");
        }
      }
      return new JsonBody(map);
    }

    @Nullable String string(String name) {
      Object v = values.get(name);
      if (v != null && !(v instanceof String)) {
        throw ApiException.paramFormatInvalid(name);
      }
      return (String) v;
    }

    boolean bool(String name) {
      Object v = values.get(name);
      if (v != null && !(v instanceof Boolean)) {
        throw ApiException.paramFormatInvalid(name);
      }
      return Boolean.TRUE.equals(v);
    }

    @Nullable Long integer(String name) {
      Object v = values.get(name);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw ApiException.paramFormatInvalid(name);
      }
      return n.longValue();
    }

    List<String> strings(String name) {
      Object v = values.get(name);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
        throw ApiException.paramFormatInvalid(name);
      }
      return list.stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    @Nullable Map<String, Object> object(String name) {
      Object v = values.get(name);
      if (v != null && !(v instanceof Map)) {
        throw ApiException.paramFormatInvalid(name);
      }
      return (Map<String, Object>) v;
    }
  }
}
