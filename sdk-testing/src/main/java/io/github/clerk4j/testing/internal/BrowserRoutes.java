package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.IdpAccount;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What a browser meets in a sign-in through an identity provider or by e-mail link: the fake
 * provider's page ({@code /__idp/{provider}/authorize}, plain HTML forms, no script), FAPI's
 * {@code /v1/oauth_callback} that the provider returns to and that sends the browser on to the
 * app (wire spec §14.2), and {@code /v1/verify} that an e-mail link opens (§16.1).
 */
final class BrowserRoutes implements Routes {
  private final EmulatorState state;
  private final Rules rules;

  BrowserRoutes(EmulatorState state, Rules rules) {
    this.state = state;
    this.rules = rules;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/__idp/{provider}/authorize", this::providerPage);
    router.add("POST", "/__idp/{provider}/choose", this::choose);
    router.add("GET", "/v1/oauth_callback", ex -> callback(ex.request.queryParam("state").orElse(null),
        ex.request.queryParam("code").orElse(null), ex.request.queryParam("error").orElse(null)));
    router.add("POST", "/v1/oauth_callback", this::postCallback);
    router.add("GET", "/v1/verify", this::verify);
  }

  // ---------------------------------------------------------------- the fake identity provider

  private Response providerPage(Exchange ex) {
    String provider = ex.request.pathParam(0);
    ExternalVerification v = rules.external.pending(provider, ex.request.queryParam("state").orElse(null));
    if (v == null) {
      return staleRequest(provider);
    }
    return page(200, chooser(provider, v, null));
  }

  /** The person's choice on the provider's page: an account, another one typed in, or "Cancel". */
  private Response choose(Exchange ex) {
    String provider = ex.request.pathParam(0);
    FormBody form = ex.form();
    ExternalVerification v = rules.external.pending(provider, form.optional("state").orElse(null));
    if (v == null) {
      return staleRequest(provider);
    }
    if (form.optional("deny").isPresent()) {
      return seeOther(rules.external.deny(v));
    }
    Optional<IdpAccount> chosen;
    String problem = null;
    List<IdpAccount> accounts = rules.external.accountsOf(provider);
    String index = form.optional("account").orElse("");
    if (!index.isEmpty()) {
      chosen = index.matches("\\d{1,4}") && Integer.parseInt(index) < accounts.size()
          ? Optional.of(accounts.get(Integer.parseInt(index))) : Optional.empty();
      problem = chosen.isEmpty() ? "That account is not on the list." : null;
    } else {
      chosen = typedAccount(form);
      String domain = rules.external.domainOf(provider);
      if (chosen.isEmpty()) {
        problem = "Enter an e-mail address.";
      } else if (domain != null && !chosen.get().domain().equals(domain)) {
        problem = rules.external.displayName(provider) + " signs in addresses of " + domain + " only.";
        chosen = Optional.empty();
      }
    }
    if (chosen.isEmpty()) {
      return page(422, chooser(provider, v, problem));
    }
    return seeOther(rules.external.choose(v, chosen.get()));
  }

  private static Optional<IdpAccount> typedAccount(FormBody form) {
    String email = form.optional("email").map(String::trim).orElse("");
    try {
      return Optional.of(IdpAccount.of(email, blankToNull(form.optional("first_name").orElse("")),
          blankToNull(form.optional("last_name").orElse(""))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static @Nullable String blankToNull(String s) {
    return s.isBlank() ? null : s.trim();
  }

  private Response staleRequest(String provider) {
    return page(400, layout("Sign-in request not valid", "<h1>This sign-in request is not valid</h1>"
        + "<p>It was used already, it expired, or it is for another provider than "
        + esc(rules.external.displayName(provider)) + ". Go back to the app and start again.</p>"));
  }

  /** The provider's page: its accounts as buttons, "use another account", and "Cancel". */
  private String chooser(String provider, ExternalVerification v, @Nullable String problem) {
    String name = esc(rules.external.displayName(provider));
    String action = "/__idp/" + esc(provider) + "/choose";
    String tripState = Objects.requireNonNull(v.state, "pending() finds round trips by their state");
    String stateField = "<input type=\"hidden\" name=\"state\" value=\"" + esc(tripState) + "\">";
    StringBuilder body = new StringBuilder()
        .append("<h1>Sign in with ").append(name).append("</h1>\n")
        .append("<p class=\"note\">A fake identity provider of the Clerk emulator: choose who you are.</p>\n");
    if (problem != null) {
      body.append("<p class=\"problem\" role=\"alert\">").append(esc(problem)).append("</p>\n");
    }
    List<IdpAccount> accounts = rules.external.accountsOf(provider);
    if (!accounts.isEmpty()) {
      body.append("<form method=\"post\" action=\"").append(action).append("\" class=\"accounts\">").append(stateField);
      for (int i = 0; i < accounts.size(); i++) {
        IdpAccount a = accounts.get(i);
        String who = fullName(a);
        body.append("\n<button type=\"submit\" name=\"account\" value=\"").append(i).append("\" data-email=\"")
            .append(esc(a.emailAddress())).append("\">")
            .append(who.isEmpty() ? "" : "<strong>" + esc(who) + "</strong><br>")
            .append(esc(a.emailAddress())).append("</button>");
      }
      body.append("\n</form>\n");
    }
    String domain = rules.external.domainOf(provider);
    body.append("<details").append(accounts.isEmpty() || problem != null ? " open" : "").append(">")
        .append("<summary>Use another account</summary>\n")
        .append("<form method=\"post\" action=\"").append(action).append("\" class=\"another\">").append(stateField)
        .append("\n<label>E-mail address <input type=\"email\" name=\"email\" required autocomplete=\"off\"")
        .append(domain == null ? "" : " placeholder=\"name@" + esc(domain) + "\"").append("></label>")
        .append("\n<label>First name <input name=\"first_name\" autocomplete=\"off\"></label>")
        .append("\n<label>Last name <input name=\"last_name\" autocomplete=\"off\"></label>")
        .append("\n<button type=\"submit\" name=\"another\" value=\"1\">Continue</button>\n</form></details>\n")
        .append("<form method=\"post\" action=\"").append(action).append("\" class=\"deny\">").append(stateField)
        .append("<button type=\"submit\" name=\"deny\" value=\"1\">Cancel and go back to the app</button></form>\n");
    return layout("Sign in with " + name, body.toString());
  }

  private static String fullName(IdpAccount a) {
    StringJoiner j = new StringJoiner(" ");
    if (a.firstName() != null) {
      j.add(a.firstName());
    }
    if (a.lastName() != null) {
      j.add(a.lastName());
    }
    return j.toString();
  }

  private static String layout(String title, String body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + title + " · Clerk emulator</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:28em;margin:3em auto;padding:0 1em;color:#222}"
        + "button{display:block;width:100%;margin:.5em 0;padding:.7em;text-align:left;font:inherit;cursor:pointer}"
        + "label{display:block;margin:.5em 0}input{width:100%;padding:.4em;font:inherit}"
        + ".note{color:#666}.problem{color:#a00}.deny button{text-align:center}</style></head>\n<body><main>\n"
        + body + "</main></body></html>\n";
  }

  /** HTML text and attribute escaping. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A page for the person: never cached, and its URL (with a state or a token) never sent on as a referrer. */
  private static Response page(int status, String html) {
    return Response.html(status, html).withHeader("Cache-Control", "no-store").withHeader("Referrer-Policy", "no-referrer");
  }

  /** 303 to {@code location} (the app's redirect URL may carry the nonce: not cached, no referrer). */
  private static Response seeOther(String location) {
    return Response.redirect(location).withHeader("Cache-Control", "no-store").withHeader("Referrer-Policy", "no-referrer");
  }

  // ---------------------------------------------------------------- FAPI's callback

  private Response callback(@Nullable String stateParam, @Nullable String code, @Nullable String error) {
    return seeOther(rules.external.callback(stateParam, code, error));
  }

  /** Providers such as Apple return with a form POST; Clerk turns it into the GET (303). */
  private Response postCallback(Exchange ex) {
    FormBody form = ex.form();
    StringJoiner query = new StringJoiner("&");
    for (String name : List.of("code", "state", "scope", "error")) {
      form.optional(name).ifPresent(v -> query.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    }
    return seeOther(state.issuer + "/v1/oauth_callback?" + query);
  }

  // ---------------------------------------------------------------- e-mail links

  /**
   * {@code GET /v1/verify?token=...}: verifies, then sends the browser to the link's redirect URL
   * with {@code __clerk_status} ({@code verified}, {@code expired}, {@code failed}) as clerk-js
   * reads it; without a redirect URL, a page says so (verified) or the error does (refused).
   */
  private Response verify(Exchange ex) {
    EmailLinkRules.Opened opened = rules.emailLinks.open(ex.request.queryParam("token").orElse(null));
    String redirectUrl = opened.redirectUrl();
    if (redirectUrl != null) {
      String url = redirectUrl + (redirectUrl.contains("?") ? "&" : "?")
          + "__clerk_status=" + opened.status()
          + (opened.createdSessionId() == null ? "" : "&__clerk_created_session=" + opened.createdSessionId());
      return seeOther(url);
    }
    ApiException refusal = opened.error();
    if (refusal != null) {
      throw refusal;
    }
    return page(200, layout("Signed in", "<h1>Signed in</h1><p>Go back to the app: it continues by"
        + " itself. You can close this tab.</p>"));
  }
}
