package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web UI at /__emulator/ over HTTP (the headless-browser test is in integration-tests): the
 * sign-in form and its cookie, the CSRF token and the Origin check, escaping of hostile values,
 * and every change a form makes.
 */
class WebUiTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final String HOSTILE_FIRST = "<script>window.pwned=1</script>";
  private static final String HOSTILE_LAST = "\"'><img src=x onerror=alert(1)>";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ClerkEmulator emulator;
  private String cookie;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private void start(ClerkEmulator.Builder builder) {
    emulator = builder.build().start();
  }

  @Test
  void withAnAdminTokenABrowserSignsInOnceAndCarriesAnHttpOnlyCookie() throws Exception {
    start(ClerkEmulator.builder().adminToken("ui-admin-token"));
    HttpResponse<String> page = get("/__emulator/ui/users");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/__emulator/login");
    assertThat(get("/__emulator/").headers().firstValue("Location")).hasValue("/__emulator/login");
    HttpResponse<String> form = get("/__emulator/login");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"token\"").doesNotContain("ui-admin-token");
    assertThat(get("/__emulator/assets/app.css").statusCode()).isEqualTo(200);

    HttpResponse<String> wrong = post("/__emulator/login", null, "token", "nope");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(wrong.body()).contains("not this emulator&#39;s admin token");

    HttpResponse<String> right = post("/__emulator/login", null, "token", "ui-admin-token");
    assertThat(right.statusCode()).isEqualTo(303);
    String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith("clerk_emulator_admin=").contains("HttpOnly", "SameSite=Strict", "Path=/__emulator")
        .doesNotContain("ui-admin-token");
    cookie = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(get("/__emulator/ui/users").statusCode()).isEqualTo(200);
    // The cookie also opens the JSON endpoints the outbox page polls.
    assertThat(get("/__emulator/outbox").statusCode()).isEqualTo(200);

    HttpResponse<String> signedOut = post("/__emulator/logout", csrf("/__emulator/ui/users"));
    assertThat(signedOut.statusCode()).isEqualTo(303);
    assertThat(signedOut.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(get("/__emulator/ui/users").statusCode()).as("the old cookie no longer works").isEqualTo(303);
    assertThat(get("/__emulator/outbox").statusCode()).isEqualTo(401);
  }

  @Test
  void hostileValuesAreShownAsTextOnEveryPage() throws Exception {
    start(ClerkEmulator.builder().user(EmulatorUser.builder().id("user_hostile").email("eve@example.com")
        .firstName(HOSTILE_FIRST).lastName(HOSTILE_LAST).password("eve-password-1").build()));
    new Fapi(emulator).signIn(emulator, "eve@example.com", "eve-password-1");
    for (String path : List.of("/__emulator/ui/users", "/__emulator/ui/users?q=%3Cscript%3E",
        "/__emulator/ui/users/user_hostile", "/__emulator/ui/sessions")) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).doesNotContain(HOSTILE_FIRST).doesNotContain("<img src=x")
          .contains("&lt;script&gt;window.pwned=1&lt;/script&gt;");
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'").doesNotContain("unsafe-inline");
    }
    assertThat(get("/__emulator/ui/users/user_hostile").body()).contains("&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;");
    // A refused form shows what was typed as text too.
    HttpResponse<String> refused = post("/__emulator/ui/users", csrf("/__emulator/ui/users"),
        "email_address", "<b>not-an-address</b>");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("id=\"error\"").doesNotContain("<b>not-an-address</b>");
  }

  @Test
  void formsNeedTheCsrfTokenAndTheEmulatorsOwnOrigin() throws Exception {
    start(ClerkEmulator.builder());
    String token = csrf("/__emulator/ui/users");
    HttpResponse<String> noToken = post("/__emulator/ui/users", null, "email_address", "mallory@example.com");
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("csrf_token_invalid");
    HttpResponse<String> crossSite = send(HttpRequest.newBuilder(URI.create(emulator.url() + "/__emulator/ui/users"))
        .header("Origin", "http://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("csrf", token, "email_address", "mallory@example.com"))));
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).contains("origin_invalid");
    HttpResponse<String> clock = send(HttpRequest.newBuilder(URI.create(emulator.url() + "/__emulator/clock"))
        .header("Origin", "http://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("advance=1d")));
    assertThat(clock.statusCode()).as("the JSON endpoints refuse other origins too").isEqualTo(403);
    assertThat(emulator.outbox().messages()).isEmpty();
    assertThat(get("/__emulator/ui/users").body()).doesNotContain("mallory@example.com");

    HttpResponse<String> sameOrigin = send(HttpRequest.newBuilder(URI.create(emulator.url() + "/__emulator/ui/users"))
        .header("Origin", emulator.url()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("csrf", token, "email_address", "mallory@example.com"))));
    assertThat(sameOrigin.statusCode()).isEqualTo(303);
  }

  @Test
  void theFormsAddEditFlagAndDeleteUsersAndRevokeSessions() throws Exception {
    start(ClerkEmulator.builder().rateLimits(RateLimits.disabled()));
    String token = csrf("/__emulator/ui/users");
    HttpResponse<String> added = post("/__emulator/ui/users", token, "email_address", "nia@example.com",
        "password", "nia-password-1", "first_name", "Nia", "last_name", "");
    assertThat(added.statusCode()).isEqualTo(303);
    String userPath = added.headers().firstValue("Location").orElseThrow();
    assertThat(userPath).startsWith("/__emulator/ui/users/user_");
    assertThat(get(userPath).body()).contains("Nia", "nia@example.com", "verified");
    assertThat(post("/__emulator/ui/users", token, "email_address", "NIA@example.com").body())
        .as("an identifier another user has").contains("That email address is taken");

    Fapi fapi = new Fapi(emulator);
    String sessionId = fapi.signIn(emulator, "nia@example.com", "nia-password-1");
    assertThat(get(userPath).body()).contains(sessionId, ">active<");

    assertThat(post(userPath, token, "first_name", "Nia", "last_name", "Okafor", "username", "nia_o",
        "password", "").statusCode()).isEqualTo(303);
    assertThat(get(userPath).body()).contains("Nia Okafor", "nia_o");
    HttpResponse<String> badName = post(userPath, token, "username", "x");
    assertThat(badName.statusCode()).isEqualTo(422);
    assertThat(badName.body()).contains("Username must be between 4 and 64 characters long.");

    assertThat(post(userPath + "/password_compromised", token, "compromised", "true").statusCode()).isEqualTo(303);
    assertThat(get(userPath).body()).contains("compromised", "Clear the compromised flag");
    Fapi.Answer me = fapi.get("/v1/client");
    assertThat(Fapi.list(me.response().get("sessions")).get(0).get("status"))
        .as("a compromised password gives the session the reset-password task").isEqualTo("pending");

    HttpResponse<String> revoked = post("/__emulator/ui/sessions/" + sessionId + "/revoke", token, "return_to", userPath);
    assertThat(revoked.headers().firstValue("Location")).hasValue(userPath);
    assertThat(fapi.get("/v1/me").errorCode()).isEqualTo("signed_out");
    assertThat(get("/__emulator/ui/sessions").body()).contains(sessionId, ">revoked<");
    assertThat(post("/__emulator/ui/sessions/" + sessionId + "/revoke", token, "return_to", "https://evil.example/")
        .headers().firstValue("Location")).as("no open redirect").hasValue("/__emulator/ui/sessions");

    assertThat(post(userPath + "/delete", token).headers().firstValue("Location")).hasValue("/__emulator/ui/users");
    assertThat(get(userPath).statusCode()).isEqualTo(404);
    assertThat(fapi.passwordSignIn("nia@example.com", "nia-password-1").errorCode()).isEqualTo("form_identifier_not_found");
  }

  @Test
  void settingsAndTheClockChangeTheRunningEmulator() throws Exception {
    start(ClerkEmulator.builder().rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email("ola@example.com").password("ola-password-1").build()));
    String token = csrf("/__emulator/ui/settings");
    assertThat(get("/__emulator/ui/settings").body()).contains("id=\"client_trust\" value=\"true\" checked");
    assertThat(post("/__emulator/ui/settings", token, "mfa_required", "true").statusCode()).isEqualTo(303);
    String page = get("/__emulator/ui/settings").body();
    assertThat(page).contains("id=\"mfa_required\" value=\"true\" checked")
        .doesNotContain("id=\"client_trust\" value=\"true\" checked");
    Fapi.Answer signIn = new Fapi(emulator).passwordSignIn("ola@example.com", "ola-password-1");
    assertThat(signIn.response().get("status")).as("client trust is off now").isEqualTo("complete");
    assertThat(Fapi.list(signIn.client().get("sessions")).get(0).get("status")).isEqualTo("pending");

    assertThat(post("/__emulator/ui/clock", token, "advance", "1d").statusCode()).isEqualTo(303);
    String clock = get("/__emulator/ui/clock").body();
    assertThat(clock).contains("<span id=\"offset\">1d</span>");
    assertThat(get("/__emulator/clock").body()).contains("\"advanced_by_seconds\":86400");
    HttpResponse<String> backwards = post("/__emulator/ui/clock", token, "advance", "-1h");
    assertThat(backwards.statusCode()).isEqualTo(422);
    assertThat(backwards.body()).contains("only moves forward");
  }

  @Test
  void theOutboxPageListsTheNewestCodeFirst() throws Exception {
    start(ClerkEmulator.builder().rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email("ray@example.com").password("ray-password-1").build()));
    Fapi fapi = new Fapi(emulator);
    fapi.signIn(emulator, "ray@example.com", "ray-password-1");
    String first = emulator.outbox().latestCodeFor("ray@example.com");
    new Fapi(emulator).signIn(emulator, "ray@example.com", "ray-password-1");
    String second = emulator.outbox().latestCodeFor("ray@example.com");
    String page = get("/__emulator/ui/outbox").body();
    assertThat(page).contains("data-live=\"/__emulator/outbox?limit=100\"");
    assertThat(page.indexOf("<td class=\"code\">" + second)).isPositive()
        .isLessThan(page.indexOf("<td class=\"code\">" + first));
  }

  // helpers

  private String csrf(String page) throws Exception {
    Matcher m = CSRF.matcher(get(page).body());
    assertThat(m.find()).as("the page has a form with the CSRF token").isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(emulator.url() + path)).GET());
  }

  /** A form POST; {@code csrfToken} null sends none. */
  private HttpResponse<String> post(String path, String csrfToken, String... fields) throws Exception {
    List<String> all = new ArrayList<>();
    if (csrfToken != null) {
      all.add("csrf");
      all.add(csrfToken);
    }
    all.addAll(List.of(fields));
    return send(HttpRequest.newBuilder(URI.create(emulator.url() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(all.toArray(String[]::new)))));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(String... keysAndValues) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parts.add(URLEncoder.encode(keysAndValues[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }
}
