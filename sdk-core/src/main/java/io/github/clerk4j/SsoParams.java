package io.github.clerk4j;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a browser sign-in or sign-up starts with ({@link SignIn#sso(SsoParams)}, {@link
 * SignUp#sso(SsoParams)}): an OAuth provider by name ({@code google} → strategy {@code
 * oauth_google}) or enterprise SSO for an e-mail address, and the redirect URL the browser comes
 * back to. Immutable; each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * SsoParams google = SsoParams.oauth("google").redirectUrl(URI.create("myapp://callback"));
 * SsoParams acme = SsoParams.enterpriseSso("ada@acme.com").redirectUrl(URI.create("myapp://callback"));
 * }</pre>
 *
 * <p><b>The redirect URL must be allowlisted.</b> A production instance passes the nonce that
 * finishes the sign-in only to redirect URLs on its allowlist (Dashboard → Native applications, or
 * the Backend API's {@code POST /v1/redirect_urls}), compared as exact URLs; clerk4j sends it as
 * both {@code redirect_url} and {@code action_complete_redirect_url}, since production checks both.
 * {@code toString()} shows the strategy and the redirect URL, never the identifier.
 */
public final class SsoParams {

  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9_]+");

  private final String strategy;
  private final @Nullable String identifier;
  private final @Nullable URI redirectUrl;
  private final @Nullable String oidcPrompt;
  private final @Nullable String oidcLoginHint;

  private SsoParams(String strategy, @Nullable String identifier, @Nullable URI redirectUrl,
      @Nullable String oidcPrompt, @Nullable String oidcLoginHint) {
    this.strategy = strategy;
    this.identifier = identifier;
    this.redirectUrl = redirectUrl;
    this.oidcPrompt = oidcPrompt;
    this.oidcLoginHint = oidcLoginHint;
  }

  /**
   * Sign in with an OAuth provider the instance enables, by its name in Clerk: {@code google},
   * {@code github}, {@code apple}, {@code microsoft}, {@code custom_<key>} for a custom provider.
   *
   * @param provider the provider's name, such as {@code google}
   * @return the params of that provider, without a redirect URL yet
   * @throws IllegalArgumentException the name is empty, not lower-case letters, digits and
   *     underscores, or already a strategy ({@code oauth_google}: give {@code google})
   */
  public static SsoParams oauth(String provider) {
    Objects.requireNonNull(provider, "provider");
    if (provider.startsWith("oauth_")) {
      throw new IllegalArgumentException("give the provider's name (\"" + provider.substring("oauth_".length())
          + "\"), not the strategy (\"" + provider + "\")");
    }
    if (!PROVIDER.matcher(provider).matches()) {
      throw new IllegalArgumentException("an OAuth provider's name is lower-case letters, digits and underscores,"
          + " such as \"google\" or \"custom_acme\"; got \"" + provider + "\"");
    }
    return new SsoParams("oauth_" + provider, null, null, null, null);
  }

  /**
   * Enterprise SSO ({@code enterprise_sso}) for this e-mail address: Clerk picks the enterprise
   * connection by its domain.
   *
   * @param emailAddress the user's e-mail address, whose domain names the connection
   * @return the params of enterprise SSO, without a redirect URL yet
   * @throws IllegalArgumentException the address is empty or has no {@code @}
   */
  public static SsoParams enterpriseSso(String emailAddress) {
    String email = FormParams.require(emailAddress, "emailAddress").trim();
    if (email.indexOf('@') <= 0 || email.endsWith("@")) {
      throw new IllegalArgumentException("enterprise SSO needs the user's e-mail address, whose domain names"
          + " the connection");
    }
    return new SsoParams("enterprise_sso", email, null, null, null);
  }

  /**
   * The URL the browser comes back to, with {@code rotating_token_nonce} (or an error) in its
   * query: a custom scheme ({@code myapp://callback}) or an {@code http(s)} URL such as the
   * loopback URL of {@link io.github.clerk4j.desktop.BrowserSignIn}.
   *
   * @param redirectUrl the URL, allowlisted on the instance
   * @return a copy with this redirect URL
   * @throws IllegalArgumentException the URL is not absolute and hierarchical
   */
  public SsoParams redirectUrl(URI redirectUrl) {
    Objects.requireNonNull(redirectUrl, "redirectUrl");
    if (!redirectUrl.isAbsolute() || redirectUrl.isOpaque()) {
      throw new IllegalArgumentException("the redirect URL must be absolute and hierarchical, such as"
          + " myapp://callback or http://127.0.0.1:45789/sso-callback; got " + redirectUrl);
    }
    return new SsoParams(strategy, identifier, redirectUrl, oidcPrompt, oidcLoginHint);
  }

  /**
   * {@return a copy that sends {@code oidc_prompt}, forwarded to the provider's {@code prompt}}
   *
   * @param prompt the OIDC prompt, for example {@code login} or {@code select_account}
   * @throws IllegalArgumentException the prompt is empty
   */
  public SsoParams oidcPrompt(String prompt) {
    return new SsoParams(strategy, identifier, redirectUrl, FormParams.require(prompt, "prompt"), oidcLoginHint);
  }

  /**
   * {@return a copy that sends {@code oidc_login_hint} (OAuth only), forwarded to the provider's
   * {@code login_hint}}
   *
   * @param loginHint the account to suggest on the provider's page, such as an e-mail address
   * @throws IllegalArgumentException the hint is empty, or these are enterprise SSO params
   */
  public SsoParams oidcLoginHint(String loginHint) {
    if (isEnterprise()) {
      throw new IllegalArgumentException("oidc_login_hint is for OAuth providers; enterprise SSO takes the"
          + " e-mail address given to enterpriseSso(...)");
    }
    return new SsoParams(strategy, identifier, redirectUrl, oidcPrompt, FormParams.require(loginHint, "loginHint"));
  }

  /** {@return the strategy: {@code oauth_<provider>} or {@code enterprise_sso}} */
  public String strategy() {
    return strategy;
  }

  /** {@return the redirect URL, if set} */
  public Optional<URI> redirectUrl() {
    return Optional.ofNullable(redirectUrl);
  }

  boolean isEnterprise() {
    return strategy.equals(Strategy.ENTERPRISE_SSO.wireValue());
  }

  @Nullable String identifier() {
    return identifier;
  }

  @Nullable String oidcPromptValue() {
    return oidcPrompt;
  }

  @Nullable String oidcLoginHintValue() {
    return oidcLoginHint;
  }

  /** The redirect URL as sent; refuses params without one before anything is sent. */
  String requireRedirectUrl(String call) {
    if (redirectUrl == null) {
      throw new IllegalArgumentException(call + " needs a redirect URL: SsoParams." + (isEnterprise()
          ? "enterpriseSso(email)" : "oauth(\"" + strategy.substring("oauth_".length()) + "\")")
          + ".redirectUrl(URI), allowlisted on the instance; nothing was sent");
    }
    return redirectUrl.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SsoParams p && p.strategy.equals(strategy) && Objects.equals(p.identifier, identifier)
        && Objects.equals(p.redirectUrl, redirectUrl) && Objects.equals(p.oidcPrompt, oidcPrompt)
        && Objects.equals(p.oidcLoginHint, oidcLoginHint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, identifier, redirectUrl, oidcPrompt, oidcLoginHint);
  }

  @Override
  public String toString() {
    return "SsoParams{" + strategy + (identifier == null ? "" : ", identifier=" + SignIn.mask(identifier))
        + ", redirectUrl=" + redirectUrl + '}';
  }
}
