package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.internal.AdminUserRules.NewUser;
import io.github.clerk4j.testing.internal.AdminUserRules.UserChanges;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The web UI at {@code /__emulator/} (after Firebase's Emulator Suite UI): users with their
 * identifiers, MFA and sessions (add, edit, delete, flag a password compromised), the outbox
 * (newest first, the code large, updated live by {@code app.js}), sessions (revoke), the instance
 * settings and the clock. Server-rendered HTML; every value escaped by {@link Html#text}; no inline
 * script (the Content-Security-Policy allows only this emulator's own {@code app.js}); every
 * state-changing form carries the CSRF token ({@link AdminAccess}), and a change answers 303 to a
 * page (a refused one renders the page again with the reason).
 */
final class AdminUiRoutes implements Routes {
  static final String ROOT = "/__emulator";
  static final String LOGIN = ROOT + "/login";
  static final String UI = ROOT + "/ui";
  private static final String ASSETS = ROOT + "/assets/";
  /** The most rows a list page shows; a search narrows it. */
  static final int PAGE_ROWS = 100;
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private static final Map<String, String> ASSET_TYPES = Map.of(
      "app.css", "text/css; charset=utf-8", "app.js", "text/javascript; charset=utf-8");
  private static final Map<String, byte[]> ASSET_BYTES = Map.of(
      "app.css", asset("app.css"), "app.js", asset("app.js"));

  private final EmulatorState state;
  private final Rules rules;

  AdminUiRoutes(EmulatorState state, Rules rules) {
    this.state = state;
    this.rules = rules;
  }

  /** Open without the admin token: the sign-in form and the stylesheet and script it needs. */
  static boolean isPublic(String path) {
    return Router.withoutTrailingSlash(path).equals(LOGIN) || path.startsWith(ASSETS);
  }

  /** A page a browser opens: without the token it is sent to the sign-in form instead of a 401. */
  static boolean isPage(String path) {
    return path.equals(ROOT + "/") || path.startsWith(UI + "/") || path.equals(UI);
  }

  @Override
  public void register(Router router) {
    router.add("GET", ROOT, ex -> Response.redirect(UI + "/users"));
    router.add("GET", LOGIN, ex -> loginPage(ex, 200, null));
    router.add("POST", LOGIN, this::login);
    router.add("POST", ROOT + "/logout", this::logout);
    router.add("GET", ASSETS + "{name}", this::asset);
    router.add("GET", UI, ex -> Response.redirect(UI + "/users"));
    router.add("GET", UI + "/users", ex -> usersPage(ex, null));
    router.add("POST", UI + "/users", this::addUser);
    router.add("GET", UI + "/users/{id}", ex -> userPage(ex, user(ex), null));
    router.add("POST", UI + "/users/{id}", this::editUser);
    router.add("POST", UI + "/users/{id}/password_compromised", this::flagCompromised);
    router.add("POST", UI + "/users/{id}/delete", this::deleteUser);
    router.add("GET", UI + "/outbox", ex -> outboxPage(ex));
    router.add("GET", UI + "/sessions", ex -> sessionsPage(ex, null));
    router.add("POST", UI + "/sessions/{id}/revoke", this::revokeSession);
    router.add("GET", UI + "/settings", ex -> settingsPage(ex, null));
    router.add("POST", UI + "/settings", this::saveSettings);
    router.add("GET", UI + "/clock", ex -> clockPage(ex, null));
    router.add("POST", UI + "/clock", this::moveClock);
  }

  // signing in

  private Response loginPage(Exchange ex, int status, @Nullable String error) {
    if (state.settings.adminToken() == null) {
      return Response.redirect(UI + "/users");
    }
    String body = "<section class=\"card narrow\"><h1>Sign in</h1>"
        + "<p>This emulator's pages need its admin token (the standalone jar prints it at start).</p>"
        + "<form method=\"post\" action=\"" + LOGIN + "\" id=\"login\">"
        + "<label>Admin token <input type=\"password\" name=\"token\" id=\"token\" autocomplete=\"off\" required autofocus></label>"
        + "<button type=\"submit\">Sign in</button></form></section>";
    return page(status, "login", "Sign in", body, error, false);
  }

  private Response login(Exchange ex) {
    return state.admin.signIn(ex.form().optional("token").orElse(""), state.settings.adminToken())
        .map(cookie -> Response.redirect(UI + "/users").withHeader("Set-Cookie", cookie))
        .orElseGet(() -> loginPage(ex, 401, state.settings.adminToken() == null ? null
            : "That is not this emulator's admin token."));
  }

  private Response logout(Exchange ex) {
    state.admin.requireCsrf(ex.form());
    return Response.redirect(LOGIN).withHeader("Set-Cookie", state.admin.signOut());
  }

  private Response asset(Exchange ex) {
    String name = ex.request.pathParam(0);
    byte[] bytes = ASSET_BYTES.get(name);
    if (bytes == null) {
      throw ApiException.notFound("The asset " + name);
    }
    String type = Objects.requireNonNull(ASSET_TYPES.get(name), "every asset has a type");
    return Response.raw(200, type, bytes).withHeader("Cache-Control", "no-cache")
        .withHeader("X-Content-Type-Options", "nosniff");
  }

  // users

  private Response usersPage(Exchange ex, @Nullable String error) {
    String query = ex.request.queryParam("q").orElse("").strip();
    List<UserRecord> all = new ArrayList<>(state.users());
    List<UserRecord> found = new ArrayList<>();
    String needle = query.toLowerCase(Locale.ROOT);
    for (UserRecord u : all) {
      if (needle.isEmpty() || matches(u, needle)) {
        found.add(u);
      }
    }
    found.sort(Comparator.comparingLong((UserRecord u) -> u.createdAt).reversed().thenComparing(u -> u.id));
    StringBuilder b = new StringBuilder();
    b.append("<section class=\"card\"><div class=\"row\"><h1>Users <span class=\"count\">")
        .append(all.size()).append("</span></h1>")
        .append("<form method=\"get\" action=\"").append(UI).append("/users\" class=\"search\">")
        .append("<input type=\"search\" name=\"q\" placeholder=\"e-mail, phone, username, name or id\" value=\"")
        .append(Html.text(query)).append("\"><button type=\"submit\">Search</button></form></div>");
    if (found.isEmpty()) {
      b.append("<p class=\"empty\">").append(all.isEmpty() ? "No users yet: add one below, sign up through the Frontend API, or seed some."
          : "No user matches.").append("</p>");
    } else {
      b.append("<table id=\"users\"><thead><tr><th>User</th><th>Identifiers</th><th>MFA</th><th>Password</th>"
          + "<th>Sessions</th><th>Created</th></tr></thead><tbody>");
      for (UserRecord u : found.subList(0, Math.min(PAGE_ROWS, found.size()))) {
        b.append("<tr data-user-id=\"").append(Html.text(u.id)).append("\"><td><a href=\"").append(userUrl(u))
            .append("\">").append(Html.text(displayName(u))).append("</a><div class=\"muted mono\">")
            .append(Html.text(u.id)).append("</div></td><td>").append(identifierList(u)).append("</td><td>")
            .append(mfaSummary(u)).append("</td><td>").append(passwordSummary(u)).append("</td><td>")
            .append(liveSessions(u).size()).append("</td><td>").append(Html.timeTag(u.createdAt)).append("</td></tr>");
      }
      b.append("</tbody></table>");
      if (found.size() > PAGE_ROWS) {
        b.append("<p class=\"muted\">").append(found.size() - PAGE_ROWS)
            .append(" more: search to narrow the list.</p>");
      }
    }
    b.append("</section>");
    b.append("<section class=\"card\"><h2>Add a user</h2><form method=\"post\" action=\"").append(UI)
        .append("/users\" id=\"add-user\" class=\"grid\">").append(csrf())
        .append(input("email_address", "E-mail address", "email", ""))
        .append(input("phone_number", "Phone number (E.164)", "tel", ""))
        .append(input("username", "Username", "text", ""))
        .append(input("password", "Password", "password", ""))
        .append(input("first_name", "First name", "text", ""))
        .append(input("last_name", "Last name", "text", ""))
        .append("<div class=\"actions\"><button type=\"submit\">Add user</button>"
            + "<span class=\"muted\">Identifiers are added verified, as the Backend API does.</span></div></form></section>");
    return page(error == null ? 200 : 422, "users", "Users", b.toString(), error, true);
  }

  private static boolean matches(UserRecord u, String needle) {
    if (u.id.toLowerCase(Locale.ROOT).contains(needle) || displayName(u).toLowerCase(Locale.ROOT).contains(needle)) {
      return true;
    }
    return AdminUserRules.identifiers(u).stream().anyMatch(i -> i.toLowerCase(Locale.ROOT).contains(needle));
  }

  private Response addUser(Exchange ex) {
    FormBody f = ex.form();
    return change(ex, () -> {
      UserRecord user = rules.admin.create(new NewUser(
          f.nonEmpty("email_address").map(List::of).orElse(List.of()),
          f.nonEmpty("phone_number").map(List::of).orElse(List.of()),
          f.nonEmpty("username").orElse(null), f.nonEmpty("password").orElse(null), true,
          f.optional("first_name").orElse(null), f.optional("last_name").orElse(null), null, null, null, null));
      return userUrl(user);
    }, error -> usersPage(ex, error));
  }

  private UserRecord user(Exchange ex) {
    return state.user(ex.request.pathParam(0)).orElseThrow(() -> ApiException.notFound("User"));
  }

  private Response userPage(Exchange ex, UserRecord u, @Nullable String error) {
    StringBuilder b = new StringBuilder();
    b.append("<p><a href=\"").append(UI).append("/users\">← Users</a></p>");
    b.append("<section class=\"card\" id=\"user\" data-user-id=\"").append(Html.text(u.id)).append("\"><h1>")
        .append(Html.text(displayName(u))).append("</h1><p class=\"muted mono\">").append(Html.text(u.id))
        .append(" · created ").append(Html.timeTag(u.createdAt)).append(" · last sign-in ")
        .append(Html.timeTag(u.lastSignInAt)).append("</p>");
    b.append("<h2>Identifiers</h2><table id=\"identifiers\"><thead><tr><th>Kind</th><th>Value</th><th>Verified</th>"
        + "<th>Primary</th></tr></thead><tbody>");
    for (EmailRecord e : u.emails) {
      b.append(identifierRow("E-mail address", e.address, e.verified(), e.id.equals(u.primaryEmailId)));
    }
    for (PhoneRecord p : u.phones) {
      b.append(identifierRow(p.reservedForSecondFactor ? "Phone number (second factor only)" : "Phone number",
          p.number, p.verified(), p.id.equals(u.primaryPhoneId)));
    }
    if (u.username != null) {
      b.append(identifierRow("Username", u.username, true, false));
    }
    b.append("</tbody></table>");
    b.append("<h2>Second factors</h2><p id=\"mfa\">").append(mfaSummary(u)).append("</p>");
    b.append("<h2>Password</h2><p id=\"password\">").append(passwordSummary(u));
    if (u.password != null) {
      b.append(" · set ").append(Html.timeTag(u.passwordUpdatedAt));
    }
    if (u.lockedUntil > state.now()) {
      b.append(" · <span class=\"badge warn\">locked until ").append(Html.time(u.lockedUntil)).append("</span>");
    }
    b.append("</p>");
    if (u.password != null) {
      b.append(postForm(userUrl(u) + "/password_compromised", "compromised-form",
          hidden("compromised", Boolean.toString(!u.passwordCompromised)),
          u.passwordCompromised ? "Clear the compromised flag" : "Flag the password compromised", "secondary"));
    }
    b.append("</section>");
    b.append("<section class=\"card\"><h2>Sessions</h2>").append(sessionTable(sessionsOf(u), false)).append("</section>");
    b.append("<section class=\"card\"><h2>Edit</h2><form method=\"post\" action=\"").append(userUrl(u))
        .append("\" id=\"edit-user\" class=\"grid\">").append(csrf())
        .append(input("first_name", "First name", "text", u.firstName))
        .append(input("last_name", "Last name", "text", u.lastName))
        .append(input("username", "Username", "text", u.username))
        .append(input("password", "New password (blank: unchanged)", "password", ""))
        .append("<div class=\"actions\"><button type=\"submit\">Save</button></div></form></section>");
    b.append("<section class=\"card danger\"><h2>Delete</h2><p>Ends every session of this user on every device;"
        + " the identifiers are free again.</p>")
        .append(postForm(userUrl(u) + "/delete", "delete-user", "", "Delete user", "danger")).append("</section>");
    return page(error == null ? 200 : 422, "users", displayName(u), b.toString(), error, true);
  }

  private Response editUser(Exchange ex) {
    UserRecord u = user(ex);
    FormBody f = ex.form();
    return change(ex, () -> {
      rules.admin.update(u, new UserChanges(f.optional("first_name").orElse(null),
          f.optional("last_name").orElse(null), f.optional("username").orElse(null),
          f.nonEmpty("password").orElse(null), true, null, null, null, null));
      return userUrl(u);
    }, error -> userPage(ex, u, error));
  }

  private Response flagCompromised(Exchange ex) {
    UserRecord u = user(ex);
    return change(ex, () -> {
      rules.admin.setPasswordCompromised(u, ex.form().bool("compromised", true));
      return userUrl(u);
    }, error -> userPage(ex, u, error));
  }

  private Response deleteUser(Exchange ex) {
    UserRecord u = user(ex);
    return change(ex, () -> {
      rules.users.delete(u);
      return UI + "/users";
    }, error -> userPage(ex, u, error));
  }

  // outbox

  private Response outboxPage(Exchange ex) {
    Map<String, Object> json = state.outbox.toJson(null, PAGE_ROWS);
    List<?> messages = (List<?>) Objects.requireNonNull(json.get("messages"), "toJson lists the messages");
    StringBuilder b = new StringBuilder("<section class=\"card\"><div class=\"row\"><h1>Outbox</h1>"
        + "<span class=\"muted\" id=\"outbox-status\">updates live</span></div>"
        + "<p class=\"muted\">Every e-mail and SMS the emulator sent, newest first (the latest " + PAGE_ROWS + ").</p>"
        + "<table id=\"outbox\" data-live=\"" + ROOT + "/outbox?limit=" + PAGE_ROWS + "\"><thead><tr><th>Code</th>"
        + "<th>To</th><th>Channel</th><th>Purpose</th><th>Sent</th></tr></thead><tbody>");
    for (int i = messages.size() - 1; i >= 0; i--) {
      Map<?, ?> m = (Map<?, ?>) messages.get(i);
      b.append("<tr><td class=\"code\">").append(Html.text(m.get("code"))).append("</td><td>")
          .append(Html.text(m.get("recipient"))).append("</td><td>").append(Html.text(m.get("channel")))
          .append("</td><td>").append(Html.text(m.get("purpose"))).append("</td><td>")
          .append(Html.timeTag(((Number) Objects.requireNonNull(m.get("sent_at"), "sent_at")).longValue()))
          .append("</td></tr>");
    }
    b.append("</tbody></table><p class=\"empty\" id=\"outbox-empty\"").append(messages.isEmpty() ? "" : " hidden")
        .append(">Nothing sent yet. Codes appear here as they are sent.</p></section>");
    return page(200, "outbox", "Outbox", b.toString(), null, true);
  }

  // sessions

  private Response sessionsPage(Exchange ex, @Nullable String error) {
    List<SessionRecord> all = new ArrayList<>();
    state.sessions().forEach(all::add);
    String body = "<section class=\"card\"><h1>Sessions <span class=\"count\">" + all.stream().filter(SessionRecord::live).count()
        + "</span> <span class=\"muted\">live</span></h1>" + sessionTable(all, true) + "</section>";
    return page(error == null ? 200 : 422, "sessions", "Sessions", body, error, true);
  }

  private Response revokeSession(Exchange ex) {
    SessionRecord s = state.session(ex.request.pathParam(0)).orElseThrow(() -> ApiException.notFound("Session"));
    String back = ex.form().optional("return_to").filter(r -> r.startsWith(UI + "/") && !r.contains("//"))
        .orElse(UI + "/sessions");
    return change(ex, () -> {
      rules.sessions.expireIfDue(s);
      if (s.live()) {
        rules.sessions.endSession(s, SessionState.REVOKED);
      }
      return back;
    }, error -> sessionsPage(ex, error));
  }

  private String sessionTable(List<SessionRecord> sessions, boolean showUser) {
    if (sessions.isEmpty()) {
      return "<p class=\"empty\">No sessions.</p>";
    }
    sessions.forEach(rules.sessions::expireIfDue);
    sessions.sort(Comparator.comparing((SessionRecord s) -> !s.live()).thenComparing(s -> -s.createdAt));
    StringBuilder b = new StringBuilder("<table class=\"sessions\"><thead><tr><th>Session</th>");
    if (showUser) {
      b.append("<th>User</th>");
    }
    b.append("<th>Status</th><th>Client</th><th>Created</th><th>Last active</th><th>Expires</th><th></th></tr></thead><tbody>");
    for (SessionRecord s : sessions.subList(0, Math.min(sessions.size(), PAGE_ROWS * 2))) {
      String status = rules.sessions.wireStatus(s).wire();
      b.append("<tr data-session-id=\"").append(Html.text(s.id)).append("\"><td class=\"mono\">")
          .append(Html.text(s.id)).append("</td>");
      if (showUser) {
        boolean exists = state.user(s.user.id).isPresent();
        b.append("<td>").append(exists ? "<a href=\"" + userUrl(s.user) + "\">" + Html.text(displayName(s.user)) + "</a>"
            : Html.text(displayName(s.user)) + " <span class=\"muted\">(deleted)</span>").append("</td>");
      }
      b.append("<td><span class=\"badge ").append(s.live() ? "ok" : "off").append("\">").append(Html.text(status))
          .append("</span></td><td class=\"mono\">").append(Html.text(s.client.id)).append("</td><td>")
          .append(Html.timeTag(s.createdAt)).append("</td><td>").append(Html.timeTag(s.lastActiveAt))
          .append("</td><td>").append(Html.timeTag(s.expireAt)).append("</td><td>");
      if (s.live()) {
        String back = showUser ? UI + "/sessions" : userUrl(s.user);
        b.append(postForm(UI + "/sessions/" + Html.text(s.id) + "/revoke", null, hidden("return_to", back),
            "Revoke", "secondary small"));
      }
      b.append("</td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  // settings

  private Response settingsPage(Exchange ex, @Nullable String error) {
    Settings s = state.settings;
    StringBuilder b = new StringBuilder("<section class=\"card\"><h1>Instance settings</h1><form method=\"post\" action=\"")
        .append(UI).append("/settings\" id=\"settings\">").append(csrf())
        .append(checkbox("client_trust", "Client trust: a password sign-in on a device new to a user without MFA needs a code",
            s.clientTrust()))
        .append(checkbox("mfa_required", "MFA required: new sessions of users without MFA get the setup-mfa task",
            s.mfaRequired()))
        .append(checkbox("rate_limits", "Rate limits: " + s.rateLimits().creates() + " sign-in creates and "
            + s.rateLimits().attempts() + " attempts per " + s.rateLimits().window().toSeconds() + " s and IP",
            s.rateLimits().enabled()))
        .append("<div class=\"actions\"><button type=\"submit\">Save</button>"
            + "<span class=\"muted\">Applies to the next request; not kept across restarts (start options set them).</span>"
            + "</div></form></section>");
    b.append("<section class=\"card\"><h2>Set at start</h2><dl class=\"facts\">")
        .append(fact("Code lifetime", s.codeTtl())).append(fact("Session lifetime", s.sessionLifetime()))
        .append(fact("Reverification max age", s.reverificationMaxAge()))
        .append(fact("Lockout", s.lockout().enabled() ? s.lockout().maxAttempts() + " wrong passwords lock for "
            + s.lockout().duration() : "off"))
        .append(fact("Sign-up mode", s.signUp().mode().name().toLowerCase(Locale.ROOT)))
        .append(fact("Password minimum length", s.passwordMinLength()))
        .append(fact("Password minimum strength", s.passwordMinStrength()))
        .append(fact("Users may delete themselves", s.deleteSelfEnabled()))
        .append(fact("PBKDF2 iterations", s.passwordIterations()))
        .append("</dl></section>");
    return page(error == null ? 200 : 422, "settings", "Settings", b.toString(), error, true);
  }

  private Response saveSettings(Exchange ex) {
    FormBody f = ex.form();
    return change(ex, () -> {
      Settings s = state.settings;
      RateLimits limits = s.rateLimits();
      boolean rateLimits = f.bool("rate_limits", false);
      state.settings = s.withClientTrust(f.bool("client_trust", false)).withMfaRequired(f.bool("mfa_required", false))
          .withRateLimits(new RateLimits(rateLimits, limits.creates(), limits.attempts(), limits.window()));
      return UI + "/settings";
    }, error -> settingsPage(ex, error));
  }

  // clock

  private Response clockPage(Exchange ex, @Nullable String error) {
    StringBuilder b = new StringBuilder("<section class=\"card\"><h1>Clock</h1><p class=\"big\" id=\"now\">")
        .append(Html.time(state.now())).append("</p><p class=\"muted\">Moved forward by <span id=\"offset\">")
        .append(Html.text(Durations.format(state.clock.offset()))).append("</span> since the start. Moving it lets"
            + " codes, sessions, lockouts and reverification expire; it only moves forward.</p>");
    for (String by : List.of("1m", "10m", "1h", "1d", "7d")) {
      b.append(postForm(UI + "/clock", null, hidden("advance", by), "+ " + by, "secondary inline"));
    }
    b.append("<form method=\"post\" action=\"").append(UI).append("/clock\" id=\"advance\" class=\"inline-form\">")
        .append(csrf()).append("<label>Advance by <input name=\"advance\" placeholder=\"90s, 10m, 2h, 7d, PT10M\" required>"
            + "</label><button type=\"submit\">Advance</button></form></section>");
    return page(error == null ? 200 : 422, "clock", "Clock", b.toString(), error, true);
  }

  private Response moveClock(Exchange ex) {
    return change(ex, () -> {
      state.clock.advance(AdminRoutes.advanceBy(ex.form()));
      return UI + "/clock";
    }, error -> clockPage(ex, error));
  }

  // the parts of every page

  /**
   * Runs a form's change after the CSRF check: 303 to the page it names, or the page again with
   * the reason when a rule refused it.
   */
  private Response change(Exchange ex, Supplier<String> action, Function<String, Response> onError) {
    state.admin.requireCsrf(ex.form());
    try {
      return Response.redirect(action.get());
    } catch (ApiException e) {
      return onError.apply(e.longMessage);
    }
  }

  private Response page(int status, String active, String title, String body, @Nullable String error,
      boolean nav) {
    StringBuilder b = new StringBuilder(body.length() + 2048);
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(Html.text(title)).append(" · Clerk emulator</title><link rel=\"stylesheet\" href=\"")
        .append(ASSETS).append("app.css\"><script src=\"").append(ASSETS).append("app.js\" defer></script></head>")
        .append("<body data-page=\"").append(active).append("\"><header class=\"top\"><a class=\"brand\" href=\"")
        .append(UI).append("/users\">Clerk emulator</a>");
    if (nav) {
      b.append("<nav>");
      for (String[] item : new String[][] {{"users", "Users"}, {"outbox", "Outbox"}, {"sessions", "Sessions"},
          {"settings", "Settings"}, {"clock", "Clock"}}) {
        b.append("<a href=\"").append(UI).append('/').append(item[0]).append('"')
            .append(item[0].equals(active) ? " class=\"active\" aria-current=\"page\"" : "").append('>')
            .append(item[1]).append("</a>");
      }
      b.append("</nav><span class=\"now\" title=\"the emulator's clock\">").append(Html.time(state.now())).append("</span>");
      if (state.settings.adminToken() != null) {
        b.append(postForm(ROOT + "/logout", "logout", "", "Sign out", "link"));
      }
    }
    b.append("</header><main>");
    if (error != null) {
      b.append("<div class=\"alert\" role=\"alert\" id=\"error\">").append(Html.text(error)).append("</div>");
    }
    b.append(body).append("</main></body></html>");
    return Response.html(status, b.toString())
        .withHeader("Content-Security-Policy", CSP)
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Referrer-Policy", "same-origin") // "no-referrer" makes a form send Origin: null
        .withHeader("Cache-Control", "no-store");
  }

  private String csrf() {
    return hidden(AdminAccess.CSRF_FIELD, state.admin.csrfToken());
  }

  private String postForm(String action, @Nullable String id, String fields, String button, String cls) {
    return "<form method=\"post\" action=\"" + action + "\" class=\"button-form\"" + (id == null ? "" : " id=\"" + id + "\"")
        + ">" + csrf() + fields + "<button type=\"submit\" class=\"" + cls + "\">" + Html.text(button) + "</button></form>";
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.text(value) + "\">";
  }

  private static String input(String name, String label, String type, @Nullable String value) {
    return "<label>" + Html.text(label) + " <input type=\"" + type + "\" name=\"" + name + "\" id=\"" + name
        + "\" value=\"" + Html.text(value) + "\"" + (type.equals("password") ? " autocomplete=\"new-password\"" : "")
        + "></label>";
  }

  private static String checkbox(String name, String label, boolean checked) {
    return "<label class=\"check\"><input type=\"checkbox\" name=\"" + name + "\" id=\"" + name + "\" value=\"true\""
        + (checked ? " checked" : "") + "> " + Html.text(label) + "</label>";
  }

  private static String fact(String name, Object value) {
    Object shown = value instanceof Duration d ? Durations.format(d) : value;
    return "<dt>" + Html.text(name) + "</dt><dd>" + Html.text(shown) + "</dd>";
  }

  private static String identifierRow(String kind, String value, boolean verified, boolean primary) {
    return "<tr><td>" + kind + "</td><td class=\"mono\">" + Html.text(value) + "</td><td>"
        + (verified ? "<span class=\"badge ok\">verified</span>" : "<span class=\"badge off\">unverified</span>")
        + "</td><td>" + (primary ? "<span class=\"badge\">primary</span>" : "") + "</td></tr>";
  }

  private static String identifierList(UserRecord u) {
    StringBuilder b = new StringBuilder("<ul class=\"plain\">");
    u.emails.forEach(e -> b.append("<li>").append(Html.text(e.address)).append(e.verified() ? "" : " <span class=\"muted\">(unverified)</span>").append("</li>"));
    u.phones.forEach(p -> b.append("<li>").append(Html.text(p.number))
        .append(p.reservedForSecondFactor ? " <span class=\"muted\">(MFA)</span>" : "").append("</li>"));
    if (u.username != null) {
      b.append("<li>@").append(Html.text(u.username)).append("</li>");
    }
    return b.append("</ul>").toString();
  }

  private static String mfaSummary(UserRecord u) {
    List<String> parts = new ArrayList<>();
    if (u.totpEnabled()) {
      parts.add("<span class=\"badge ok\">TOTP</span>");
    }
    u.phones.stream().filter(p -> p.reservedForSecondFactor && p.verified())
        .forEach(p -> parts.add("<span class=\"badge ok\">SMS " + Html.text(p.number) + "</span>"));
    if (!u.backupCodeDigests.isEmpty()) {
      parts.add("<span class=\"badge\">" + u.backupCodeDigests.size() + " backup codes</span>");
    }
    return parts.isEmpty() ? "<span class=\"muted\">none</span>" : String.join(" ", parts);
  }

  private static String passwordSummary(UserRecord u) {
    if (u.password == null) {
      return "<span class=\"muted\">none</span>";
    }
    return u.passwordCompromised ? "<span class=\"badge warn\">compromised</span>" : "<span class=\"badge ok\">set</span>";
  }

  private List<SessionRecord> sessionsOf(UserRecord u) {
    List<SessionRecord> list = new ArrayList<>();
    state.sessions().forEach(s -> {
      if (s.user == u) {
        list.add(s);
      }
    });
    return list;
  }

  private List<SessionRecord> liveSessions(UserRecord u) {
    List<SessionRecord> list = sessionsOf(u);
    list.removeIf(s -> !s.live());
    return list;
  }

  static String displayName(UserRecord u) {
    String name = ((u.firstName == null ? "" : u.firstName) + " " + (u.lastName == null ? "" : u.lastName)).strip();
    if (!name.isEmpty()) {
      return name;
    }
    String identifier = u.displayIdentifier();
    return identifier.isEmpty() ? u.id : identifier;
  }

  private static String userUrl(UserRecord u) {
    return UI + "/users/" + Html.text(u.id);
  }

  private static byte[] asset(String name) {
    try (InputStream in = AdminUiRoutes.class.getResourceAsStream("ui/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the web UI's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
