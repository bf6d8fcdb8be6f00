package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.internal.BrowserAuth.Connection;
import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.SignInAttempt;
import io.github.clerk4j.testing.internal.Model.SignUpAttempt;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in and sign-up through an identity provider (wire spec §14): the start of a browser round
 * trip ({@code oauth_<provider>}, {@code enterprise_sso}) with its redirect URL checked against
 * the instance's allowlist; the fake provider's answer (an account chosen or access denied); the
 * provider's return to {@code /v1/oauth_callback} and the redirect to the app with {@code
 * rotating_token_nonce} or a transfer or error signal (§13.3); the reload with the nonce; the
 * transfers both ways (§13); ID tokens (§14.3). Caller holds the state lock.
 */
final class ExternalAuthRules {
  /** How long a round trip may take, from the start to the provider's return. */
  static final Duration FLOW_TTL = Duration.ofMinutes(10);
  /** Schemes Clerk refuses in a redirect URL ({@code prohibited_redirect_url}). */
  private static final Set<String> PROHIBITED_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "blob");
  private static final String TOKEN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final EmulatorState state;
  private final SessionRules sessions;
  private final SignInSteps signIns;
  private final SignUpRules signUps;
  private final ExternalAccounts accounts;
  /** Round trips by the {@code state} their provider returns. */
  private final Map<String, ExternalVerification> byState = new HashMap<>();
  /** ID tokens minted for tests, by token. */
  private final Map<String, IdToken> idTokens = new HashMap<>();

  private record IdToken(String provider, IdpAccount account, long expireAt) {}

  ExternalAuthRules(EmulatorState state, SessionRules sessions, SignInSteps signIns, SignUpRules signUps,
      ExternalAccounts accounts) {
    this.state = state;
    this.sessions = sessions;
    this.signIns = signIns;
    this.signUps = signUps;
    this.accounts = accounts;
  }

  private BrowserAuth settings() {
    return state.settings.browserAuth();
  }

  /** Whether {@code strategy} goes through a provider's page: {@code oauth_<name>} or {@code enterprise_sso}. */
  static boolean isBrowserStrategy(@Nullable String strategy) {
    return strategy != null && (strategy.equals(FactorStrategy.ENTERPRISE_SSO.wire())
        || strategy.startsWith("oauth_") && !strategy.startsWith("oauth_token_"));
  }

  /** Whether {@code strategy} is an ID token's: {@code oauth_token_<name>} or {@code google_one_tap}. */
  static boolean isIdTokenStrategy(@Nullable String strategy) {
    return strategy != null && (strategy.startsWith("oauth_token_") || strategy.equals("google_one_tap"));
  }

  // ---------------------------------------------------------------- the start

  /**
   * Starts a round trip for a sign-in or sign-up of {@code client}: checks the strategy (an
   * enabled provider, or a connection for the identifier's domain) and the redirect URL, and
   * returns the verification with the provider's page to open.
   *
   * @param identifier the e-mail address enterprise SSO needs, else null
   * @param forSignUp whether it is a sign-up's (for the error of a missing connection)
   * @throws ApiException 400 {@code oauth_provider_not_enabled}, 422 {@code
   *     enterprise_sso_sign_in_connection_missing} (or {@code _sign_up_}), 422 {@code
   *     invalid_redirect_url} / {@code prohibited_redirect_url} / {@code
   *     redirect_url_domain_mismatch}, 422 {@code form_param_missing}
   */
  ExternalVerification start(ClientRecord client, String strategy, FormBody form, @Nullable String identifier,
      boolean forSignUp) {
    String provider;
    if (strategy.equals(FactorStrategy.ENTERPRISE_SSO.wire())) {
      if (identifier == null || identifier.isBlank()) {
        throw ApiException.paramMissing(forSignUp ? "email_address" : "identifier");
      }
      provider = settings().connectionFor(identifier).map(Connection::id).orElseThrow(() -> forSignUp
          ? ApiException.of(422, "enterprise_sso_sign_up_connection_missing", "No Enterprise Connection for this sign-up",
              "The current sign-up does not have a corresponding Enterprise Connection. Please check the domain of"
                  + " the provided email address.")
          : ApiException.of(422, "enterprise_sso_sign_in_connection_missing", "No Enterprise Connection for this sign-in",
              "The current sign-in does not have a corresponding Enterprise Connection. Please check the domain of"
                  + " the provided email address."));
    } else {
      provider = strategy.substring("oauth_".length());
      requireEnabled(provider, strategy);
    }
    String redirectUrl = form.required("redirect_url");
    checkRedirectUrl(redirectUrl, "redirect_url");
    Optional<String> actionComplete = form.nonEmpty("action_complete_redirect_url");
    if (actionComplete.isPresent()) {
      // Production FAPI checks both against the allowlist (wire spec §14.1).
      checkRedirectUrl(actionComplete.get(), "action_complete_redirect_url");
    }
    long now = state.now();
    byState.values().removeIf(old -> now >= old.expireAt); // round trips nobody finished
    ExternalVerification v = new ExternalVerification(strategy, provider, now + FLOW_TTL.toMillis());
    v.client = client;
    v.redirectUrl = redirectUrl;
    v.state = state.randomBase62(32);
    StringBuilder page = new StringBuilder(state.issuer).append("/__idp/").append(provider).append("/authorize")
        .append("?client_id=clerk-emulator&response_type=code&scope=").append(enc("openid email profile"))
        .append("&redirect_uri=").append(enc(state.issuer + "/v1/oauth_callback"))
        .append("&state=").append(v.state);
    form.nonEmpty("oidc_prompt").ifPresent(p -> page.append("&prompt=").append(enc(p)));
    form.nonEmpty("oidc_login_hint").or(() -> Optional.ofNullable(identifier)).ifPresent(h -> page.append("&login_hint=").append(enc(h)));
    v.externalUrl = page.toString();
    byState.put(v.state, v);
    return v;
  }

  private void requireEnabled(String provider, String strategy) {
    if (!settings().oauthProviders().containsKey(provider)) {
      throw ApiException.param(400, "oauth_provider_not_enabled", "strategy", "is not enabled",
          "Single-sign on with " + title(provider) + " OAuth provider is not enabled in the instance settings ("
              + strategy + ").");
    }
  }

  /**
   * A redirect URL Clerk takes: absolute, of a scheme it allows, and on the allowlist when the
   * instance has one (exact comparison, so the port counts).
   */
  void checkRedirectUrl(String url, String param) {
    checkRedirectFormat(url, param);
    Set<String> allowlist = settings().redirectAllowlist();
    if (!allowlist.isEmpty() && !allowlist.contains(url)) {
      throw ApiException.param(422, "redirect_url_domain_mismatch", param, "Redirect url does not belong to your domain",
          "The provided redirect URL must belong to your instance's domain: it is not on the instance's allowlist"
              + " of redirect URLs.");
    }
  }

  /** An absolute URL of a scheme Clerk allows (e-mail links are checked for this only). */
  static void checkRedirectFormat(String url, String param) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
      throw ApiException.param(422, "invalid_redirect_url", param, "Redirect url invalid",
          "The provided redirect url is not in a valid format");
    }
    if (PROHIBITED_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
      throw ApiException.param(422, "prohibited_redirect_url", param, "Invalid URL scheme",
          "The provided redirect url has a prohibited URL scheme");
    }
  }

  // ---------------------------------------------------------------- the provider's page

  /** The round trip a provider's page is for; null when the state is unknown, used or for another provider. */
  @Nullable ExternalVerification pending(String provider, @Nullable String stateParam) {
    ExternalVerification v = stateParam == null ? null : byState.get(stateParam);
    return v != null && v.provider.equals(provider) && v.status == VerificationState.UNVERIFIED ? v : null;
  }

  /** The accounts the provider's page lists. */
  List<IdpAccount> accountsOf(String provider) {
    List<IdpAccount> oauth = settings().oauthProviders().get(provider);
    return oauth != null ? oauth : settings().connection(provider).map(Connection::accounts).orElse(List.of());
  }

  /** The provider's name as its page shows it: {@code Google}, {@code Acme Corp}. */
  String displayName(String provider) {
    return settings().connection(provider).map(Connection::name).orElseGet(() -> title(provider));
  }

  /** An enterprise connection's domain, or null for an OAuth provider. */
  @Nullable String domainOf(String provider) {
    return settings().connection(provider).map(Connection::domain).orElse(null);
  }

  /**
   * The person chose (or typed) an account: the provider issues a single-use code and sends the
   * browser back to FAPI's callback.
   */
  String choose(ExternalVerification v, IdpAccount account) {
    v.account = account;
    v.code = state.randomString(TOKEN_ALPHABET, 40);
    return state.issuer + "/v1/oauth_callback?code=" + v.code + "&scope=" + enc("openid email profile")
        + "&state=" + v.state;
  }

  /** The person declined: the provider returns OAuth's {@code access_denied}. */
  String deny(ExternalVerification v) {
    return state.issuer + "/v1/oauth_callback?error=access_denied&state=" + v.state;
  }

  // ---------------------------------------------------------------- the provider's return

  /**
   * {@code GET /v1/oauth_callback}: finishes the round trip of {@code state} and returns where the
   * browser goes next, the app's redirect URL with {@code rotating_token_nonce}, or with {@code
   * __clerk_status=failed} and a code for a transfer (§13.3) or a failure.
   *
   * @throws ApiException 400 {@code oauth_callback_invalid} for a state that is unknown or used
   *     (nothing can be sent back to an app Clerk cannot name), 400 {@code
   *     oauth_token_exchange_error} for a code the provider did not issue for it
   */
  String callback(@Nullable String stateParam, @Nullable String code, @Nullable String error) {
    ExternalVerification v = stateParam == null ? null : byState.get(stateParam);
    if (v == null || v.status != VerificationState.UNVERIFIED) {
      throw ApiException.of(400, "oauth_callback_invalid", "Invalid OAuth callback", "invalid form for oauth_callback");
    }
    if (error != null && !error.isBlank()) {
      byState.remove(v.state);
      v.status = VerificationState.FAILED;
      v.error = ApiException.of(403, "oauth_access_denied", "",
          "You did not grant access to your " + displayName(v.provider) + " account");
      return appRedirect(v, "__clerk_status=failed&__clerk_error_code=oauth_access_denied");
    }
    if (code == null || v.code == null || !MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
        v.code.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.of(400, "oauth_token_exchange_error", "OAuth token exchange failed",
          "The authorization code is not one " + displayName(v.provider) + " issued for this sign-in.");
    }
    byState.remove(v.state);
    v.code = null;
    if (state.now() >= v.expireAt) {
      v.status = VerificationState.EXPIRED;
      return appRedirect(v, "__clerk_status=failed&__clerk_error_code=verification_expired");
    }
    SignUpAttempt signUp = v.signUp;
    return signUp != null ? finishSignUp(v, signUp) : finishSignIn(v);
  }

  private String finishSignIn(ExternalVerification v) {
    UserRecord user = accounts.userOf(v.answered()).orElse(null);
    if (user == null) {
      v.status = VerificationState.TRANSFERABLE;
      v.error = externalAccountNotFound();
      return appRedirect(v, "__clerk_status=failed&__clerk_error_code=external_account_not_found");
    }
    identify(v.tripClient(), Objects.requireNonNull(v.signIn, "a round trip of a sign-in or a sign-up"), user, v);
    return appRedirect(v, withNonce(v));
  }

  /**
   * The provider verified {@code user}: the sign-in has its first factor, then MFA or a session;
   * an account already signed in on this client fails with {@code identifier_already_signed_in}.
   */
  private void identify(ClientRecord client, SignInAttempt signIn, UserRecord user, ExternalVerification v) {
    for (SessionRecord s : client.sessions) {
      if (s.user == user && s.live()) {
        v.status = VerificationState.FAILED;
        v.error = new ApiException(400, "identifier_already_signed_in", "You're already signed in",
            "You're already signed in", Json.obj("session_id", s.id), Map.of());
        signIn.firstFactor = v;
        return;
      }
    }
    accounts.link(user, v);
    v.status = VerificationState.VERIFIED;
    signIn.user = user;
    signIn.identifier = v.answered().emailAddress();
    signIn.clientTrustState = client.knownUserIds.contains(user.id) ? TrustState.KNOWN : TrustState.NEW;
    signIn.firstFactor = v;
    signIns.afterFirstFactor(client, signIn);
  }

  private String finishSignUp(ExternalVerification v, SignUpAttempt signUp) {
    if (accounts.userOf(v.answered()).isPresent()) {
      v.status = VerificationState.TRANSFERABLE;
      v.error = externalAccountExists();
      return appRedirect(v, "__clerk_status=failed&__clerk_error_code=external_account_exists");
    }
    fill(signUp, v);
    signUps.completeIfReady(v.tripClient(), signUp);
    return appRedirect(v, withNonce(v));
  }

  /** What the provider told about the person goes into the sign-up, its e-mail address verified. */
  private void fill(SignUpAttempt signUp, ExternalVerification v) {
    IdpAccount account = v.answered();
    v.status = VerificationState.VERIFIED;
    signUp.externalAccount = v;
    signUp.emailAddress = account.emailAddress();
    signUp.emailVerifiedBy = v.emailVerification();
    signUp.emailVerification = null;
    if (signUp.firstName == null && signUps.accepts("first_name")) {
      signUp.firstName = account.firstName();
    }
    if (signUp.lastName == null && signUps.accepts("last_name")) {
      signUp.lastName = account.lastName();
    }
  }

  private String withNonce(ExternalVerification v) {
    v.nonce = state.randomString(TOKEN_ALPHABET, 32);
    return "rotating_token_nonce=" + v.nonce;
  }

  private static String appRedirect(ExternalVerification v, String query) {
    String redirectUrl = v.tripRedirectUrl();
    return redirectUrl + (redirectUrl.contains("?") ? "&" : "?") + query;
  }

  /**
   * {@code GET} of a sign-in or sign-up with {@code rotating_token_nonce}: the nonce of this
   * client's round trip rotates the client token once (the answer carries the new one). Any other
   * nonce changes nothing: how Clerk answers one is not documented, and the attempt's state tells
   * the client that the round trip did not finish.
   */
  void reloadWithNonce(ClientRecord client, @Nullable VerificationRecord verification, String nonce) {
    if (verification instanceof ExternalVerification v && v.nonce != null && v.client == client
        && MessageDigest.isEqual(v.nonce.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
      v.nonce = null;
      sessions.rotateToken(client);
      client.updatedAt = state.now();
    }
  }

  // ---------------------------------------------------------------- transfers (§13)

  /**
   * {@code POST /v1/client/sign_ups} with {@code transfer=true}: the client's sign-in found no
   * user for the provider's account; the new sign-up takes what the provider said.
   *
   * @return the client whose sign-in it was
   * @throws ApiException 400 {@code account_transfer_invalid} when the sign-in is not transferable
   */
  ClientRecord transferToSignUp(@Nullable ClientRecord client, SignUpAttempt signUp) {
    SignInAttempt signIn = client == null ? null : client.signIn;
    if (client == null || signIn == null || !(signIn.firstFactor instanceof ExternalVerification v)
        || v.status != VerificationState.TRANSFERABLE) {
      throw ApiException.accountTransferInvalid("this client's sign-in is not transferable");
    }
    if (accounts.userOf(v.answered()).isPresent()) {
      throw ApiException.accountTransferInvalid("the account has a user now: sign in");
    }
    ExternalVerification done = ExternalVerification.verified(v.strategy, v.provider, v.answered(), v.expireAt);
    fill(signUp, done);
    return client;
  }

  /**
   * {@code POST /v1/client/sign_ins} with {@code transfer=true}: the client's sign-up found that
   * the provider's account has a user; the new sign-in is verified by the same provider.
   *
   * @throws ApiException 400 {@code account_transfer_invalid} when the sign-up is not transferable
   */
  void transferToSignIn(ClientRecord client, SignInAttempt signIn) {
    SignUpAttempt signUp = client == null ? null : client.signUp;
    ExternalVerification v = signUp == null ? null : signUp.externalAccount;
    UserRecord user = v == null || v.status != VerificationState.TRANSFERABLE ? null
        : accounts.userOf(v.answered()).orElse(null);
    if (v == null || user == null) {
      throw ApiException.accountTransferInvalid("this client's sign-up is not transferable");
    }
    identify(client, signIn, user, ExternalVerification.verified(v.strategy, v.provider, v.answered(), v.expireAt));
  }

  // ---------------------------------------------------------------- ID tokens (§14.3)

  /**
   * Mints an ID token of {@code provider} ({@code apple} or {@code google}, enabled on the
   * instance) for {@code account}, as Sign in with Apple or Google's Credential Manager gives an
   * app; valid for ten minutes.
   */
  String mintIdToken(String provider, IdpAccount account) {
    if (!provider.equals("apple") && !provider.equals("google")) {
      throw new IllegalArgumentException("ID tokens are Apple's (oauth_token_apple) or Google's (google_one_tap); got "
          + provider);
    }
    if (!settings().oauthProviders().containsKey(provider)) {
      throw new IllegalArgumentException("the instance does not enable " + provider
          + ": add oauthProvider(\"" + provider + "\", ...) to the emulator's builder");
    }
    long now = state.now();
    idTokens.values().removeIf(t -> now >= t.expireAt);
    String token = "idt_" + state.randomString(TOKEN_ALPHABET, 40);
    idTokens.put(token, new IdToken(provider, account, state.now() + FLOW_TTL.toMillis()));
    return token;
  }

  /**
   * The verification an ID token makes: its provider's account, verified.
   *
   * @throws ApiException 404 {@code oauth_token_provider_not_enabled}, 422 {@code
   *     form_param_value_invalid} (token) for a token that is not one of the provider's or expired
   */
  ExternalVerification verifyIdToken(String strategy, String token) {
    String provider = strategy.equals("google_one_tap") ? "google" : strategy.substring("oauth_token_".length());
    if (!settings().oauthProviders().containsKey(provider)) {
      throw ApiException.param(404, "oauth_token_provider_not_enabled", "strategy", "is not enabled",
          "Signing in with " + title(provider) + " ID tokens is not enabled in the instance settings.");
    }
    IdToken t = idTokens.get(token);
    if (t == null || !t.provider.equals(provider) || state.now() >= t.expireAt) {
      throw ApiException.param(422, "form_param_value_invalid", "token", "is invalid",
          "The ID token is not a valid " + title(provider) + " token, or it has expired.");
    }
    return ExternalVerification.verified(strategy, provider, t.account, state.now() + FLOW_TTL.toMillis());
  }

  /**
   * A sign-in by ID token: the user signs in; a new Apple account is transferable (clerk-ios); a
   * new Google account is 404 {@code external_account_not_found} (clerk-android then signs up).
   */
  void signInWithIdToken(ClientRecord client, SignInAttempt signIn, ExternalVerification v) {
    UserRecord user = accounts.userOf(v.answered()).orElse(null);
    if (user != null) {
      identify(client, signIn, user, v);
      return;
    }
    if (v.strategy.equals("google_one_tap")) {
      throw externalAccountNotFound();
    }
    v.status = VerificationState.TRANSFERABLE;
    v.error = externalAccountNotFound();
    signIn.firstFactor = v;
  }

  /** A sign-up by ID token: a new account signs up; one that has a user makes the sign-up transferable. */
  void signUpWithIdToken(SignUpAttempt signUp, ExternalVerification v) {
    if (accounts.userOf(v.answered()).isPresent()) {
      v.status = VerificationState.TRANSFERABLE;
      v.error = externalAccountExists();
      signUp.externalAccount = v;
      return;
    }
    fill(signUp, v);
  }

  // ----------------------------------------------------------------

  private static ApiException externalAccountNotFound() {
    return ApiException.of(404, "external_account_not_found", "Invalid external account",
        "The External Account was not found.");
  }

  private static ApiException externalAccountExists() {
    return ApiException.of(400, "external_account_exists", "External account exists",
        "This account is already linked to a user: sign in instead.");
  }

  private static String title(String provider) {
    return switch (provider) {
      case "github" -> "GitHub";
      case "linkedin_oidc" -> "LinkedIn";
      default -> provider.isEmpty() ? provider : Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
    };
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
