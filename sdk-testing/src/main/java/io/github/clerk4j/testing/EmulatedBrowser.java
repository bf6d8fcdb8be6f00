package io.github.clerk4j.testing;

import io.github.clerk4j.desktop.BrowserLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person at the emulator's fake identity provider page, played by an HTTP client: for tests and
 * the samples' {@code --auto} mode, where no real browser opens the page. It loads the page the
 * sign-in's {@code external_verification_redirect_url} names, chooses an account (one the page
 * lists, or types the address in as "use another account") or cancels, follows the provider's
 * redirect to FAPI's {@code /v1/oauth_callback} and returns the URL FAPI sends the browser to
 * next: the app's redirect URL with {@code rotating_token_nonce} or a transfer or error signal.
 *
 * <pre>{@code
 * URI callback = EmulatedBrowser.choosing("ada@example.com").signIn(signIn.externalVerificationRedirectUrl().get());
 * SignIn done = signIn.handleRedirectCallback(callback);
 * }</pre>
 */
public final class EmulatedBrowser {

  private static final Pattern ACCOUNT_BUTTON = Pattern.compile("name=\"account\" value=\"(\\d+)\" data-email=\"([^\"]*)\"");

  /** The account to choose; null: cancel. */
  private final @Nullable String email;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private EmulatedBrowser(@Nullable String email) {
    this.email = email;
  }

  /**
   * {@return a browser that signs in as the account with this address: the listed one, else typed
   * in as another account}
   *
   * @param emailAddress the account's e-mail address
   */
  public static EmulatedBrowser choosing(String emailAddress) {
    return new EmulatedBrowser(Objects.requireNonNull(emailAddress, "emailAddress"));
  }

  /** {@return a browser that cancels on the provider's page, as a person who declines} */
  public static EmulatedBrowser denying() {
    return new EmulatedBrowser(null);
  }

  /**
   * Goes through the provider's page and FAPI's callback.
   *
   * @param providerPage the sign-in's {@code external_verification_redirect_url}
   * @return where FAPI sends the browser: the app's redirect URL with its query
   * @throws IllegalStateException the page or the callback did not answer as a provider and FAPI do
   */
  public URI signIn(URI providerPage) {
    Answer page = get(providerPage);
    if (page.status != 200) {
      throw new IllegalStateException("the provider page answered " + page.status + ": " + page.body);
    }
    String state = Objects.requireNonNull(query(providerPage).get("state"),
        "the provider page's URL has no state: pass the sign-in's external_verification_redirect_url");
    URI choose = providerPage.resolve(providerPage.getPath().replaceAll("/authorize$", "/choose"));
    String email = this.email;
    Answer chosen;
    if (email == null) {
      chosen = post(choose, "state", state, "deny", "1");
    } else {
      String index = null;
      Matcher m = ACCOUNT_BUTTON.matcher(page.body);
      while (m.find()) {
        if (m.group(2).equalsIgnoreCase(email)) {
          index = m.group(1);
        }
      }
      chosen = index != null ? post(choose, "state", state, "account", index)
          : post(choose, "state", state, "email", email, "another", "1");
    }
    if (chosen.status != 303 || chosen.location == null) {
      throw new IllegalStateException("the provider page refused the choice (" + chosen.status + "): " + chosen.body);
    }
    Answer callback = get(URI.create(chosen.location));
    if (callback.status != 303 || callback.location == null) {
      throw new IllegalStateException("FAPI's callback answered " + callback.status + ": " + callback.body);
    }
    return URI.create(callback.location);
  }

  /**
   * A {@link BrowserLauncher} that does {@link #signIn(URI)} on a thread of its own, then goes to
   * the app's redirect URL as a browser would (a GET of the loopback receiver's URL). Failures
   * are printed to standard error, as a browser shows them, not to the launcher's caller.
   *
   * @return the launcher, for {@code BrowserSignIn.Builder.launcher}
   */
  public BrowserLauncher asLauncher() {
    return url -> {
      Thread t = new Thread(() -> {
        try {
          URI back = signIn(url);
          if (back.getScheme().startsWith("http")) {
            get(back);
          }
        } catch (RuntimeException e) {
          System.err.println("EmulatedBrowser: " + e.getMessage());
        }
      }, "emulated-browser");
      t.setDaemon(true);
      t.start();
    };
  }

  private record Answer(int status, @Nullable String location, String body) {}

  private Answer get(URI url) {
    return send(HttpRequest.newBuilder(url).GET());
  }

  private Answer post(URI url, String... form) {
    StringJoiner body = new StringJoiner("&");
    for (int i = 0; i < form.length; i += 2) {
      body.add(URLEncoder.encode(form[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return email == null ? "EmulatedBrowser[denying]" : "EmulatedBrowser[choosing " + email + "]";
  }
}
