package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SignInAttempt;
import io.github.clerk4j.testing.internal.Model.SignUpAttempt;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A verification by an identity provider: a browser round trip through an OAuth provider's or an
 * enterprise connection's page (wire spec §14.2), or an ID token the app got itself (§14.3). It
 * renders as Clerk's OAuth verification ({@code verification_oauth}; {@code verification_saml}
 * for enterprise SSO, {@code verification_google_one_tap} for Google's ID token) and keeps what
 * the round trip needs: the {@code state} the provider returns, the code it issued, the nonce the
 * app's callback carries. Guarded by the state lock.
 */
final class ExternalVerification implements VerificationRecord {

  /** The strategy as sent: {@code oauth_google}, {@code enterprise_sso}, {@code oauth_token_apple}, ... */
  final String strategy;
  /** The provider's name ({@code google}) or the connection's id ({@code ec_...}). */
  final String provider;
  final long expireAt;
  VerificationState status = VerificationState.UNVERIFIED;
  /** The provider's page while unverified; null for ID tokens. */
  @Nullable String externalUrl;
  /** Who the provider said the person is, once it answered. */
  @Nullable IdpAccount account;
  /** An error to show on the verification ({@code external_account_exists}, ...), or null. */
  @Nullable ApiException error;

  // The round trip: which attempt of which client it finishes, and where the browser goes back.
  @Nullable ClientRecord client;
  @Nullable SignInAttempt signIn;
  @Nullable SignUpAttempt signUp;
  @Nullable String state;
  @Nullable String redirectUrl;
  /** The authorization code the provider's page issued, single use; null before and after. */
  @Nullable String code;
  /** The nonce sent to the app with the callback; null once used. */
  @Nullable String nonce;

  ExternalVerification(String strategy, String provider, long expireAt) {
    this.strategy = strategy;
    this.provider = provider;
    this.expireAt = expireAt;
  }

  /** A verification the provider already made (a transfer, an ID token). */
  static ExternalVerification verified(String strategy, String provider, IdpAccount account, long expireAt) {
    ExternalVerification v = new ExternalVerification(strategy, provider, expireAt);
    v.status = VerificationState.VERIFIED;
    v.account = account;
    return v;
  }

  boolean enterprise() {
    return strategy.equals(FactorStrategy.ENTERPRISE_SSO.wire());
  }

  /** The name of the OAuth provider as Clerk spells it in strategies: {@code google} of {@code oauth_google}. */
  @Nullable String oauthName() {
    return strategy.startsWith("oauth_token_") ? strategy.substring("oauth_token_".length())
        : strategy.equals("google_one_tap") ? "google"
        : strategy.startsWith("oauth_") ? strategy.substring("oauth_".length()) : null;
  }

  @Override
  public FactorStrategy strategy() {
    return enterprise() ? FactorStrategy.ENTERPRISE_SSO : FactorStrategy.OAUTH;
  }

  @Override
  public String wireStrategy() {
    return strategy;
  }

  @Override
  public VerificationState status() {
    return status;
  }

  @Override
  public Map<String, Object> json() {
    String object = enterprise() ? "verification_saml"
        : strategy.equals("google_one_tap") ? "verification_google_one_tap" : "verification_oauth";
    Map<String, Object> json = Json.obj("object", object, "status", status, "strategy", strategy);
    if (!strategy.equals("google_one_tap")) {
      json.put("external_verification_redirect_url",
          status == VerificationState.UNVERIFIED ? externalUrl : null);
      if (error != null || !enterprise()) {
        // The SAML verification's error is not nullable in the file: left out when there is none.
        json.put("error", error == null ? null : Json.obj("code", error.code, "message", error.shortMessage,
            "long_message", error.longMessage, "meta", error.meta));
      }
    }
    json.put("attempts", null);
    json.put("expire_at", expireAt);
    return json;
  }

  /** Who the provider said the person is, for a verification it answered (chosen, or verified). */
  IdpAccount answered() {
    return Objects.requireNonNull(account, "the provider has not answered");
  }

  /** The client of a browser round trip ({@link ExternalAuthRules#start}). */
  ClientRecord tripClient() {
    return Objects.requireNonNull(client, "not a browser round trip");
  }

  /** The app's redirect URL of a browser round trip. */
  String tripRedirectUrl() {
    return Objects.requireNonNull(redirectUrl, "not a browser round trip");
  }

  /** The e-mail address's verification by this provider, as a sign-up shows it. */
  VerificationRecord emailVerification() {
    ExternalVerification self = this;
    return new VerificationRecord() {
      @Override
      public FactorStrategy strategy() {
        return self.strategy();
      }

      @Override
      public String wireStrategy() {
        return enterprise() ? strategy : "from_" + strategy.replace("oauth_token_", "oauth_")
            .replace("google_one_tap", "oauth_google");
      }

      @Override
      public VerificationState status() {
        return VerificationState.VERIFIED;
      }

      @Override
      public Map<String, Object> json() {
        return Json.obj("object", enterprise() ? "verification_saml" : "verification_from_oauth",
            "status", VerificationState.VERIFIED, "strategy", wireStrategy(), "attempts", null, "expire_at", null);
      }
    };
  }
}
