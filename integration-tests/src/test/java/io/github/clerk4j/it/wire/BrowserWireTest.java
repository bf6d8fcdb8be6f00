package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.EMAIL;
import static io.github.clerk4j.it.wire.Fapi.EMAIL_ID;
import static io.github.clerk4j.it.wire.Fapi.EXPIRE_AT;
import static io.github.clerk4j.it.wire.Fapi.SESSION_ID;
import static io.github.clerk4j.it.wire.Fapi.SIGN_IN_ID;
import static io.github.clerk4j.it.wire.Fapi.SIGN_UP_ID;
import static io.github.clerk4j.it.wire.Json.arr;
import static io.github.clerk4j.it.wire.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.IdTokenProvider;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.SsoParams;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every new call of browser sign-in, tickets, ID tokens and e-mail links through the SDK and the
 * OkHttp transport, each checked on the wire (method, path, query, exact form; wire spec §14–§16):
 * the OAuth and enterprise SSO starts, the reloads with {@code rotating_token_nonce} as query, the
 * sign-up's start and reload, tickets and ID tokens at sign-in and sign-up, the e-mail link sends
 * (first factor and Client Trust) and the poll.
 */
class BrowserWireTest {

  static final String S1 = "/v1/client/sign_ins";
  static final String S2 = S1 + "/" + SIGN_IN_ID;
  static final String U1 = "/v1/client/sign_ups";
  static final String REDIRECT = "http://127.0.0.1:45789/sso-callback";
  static final String PAGE = "https://accounts.example.com/o/oauth2/auth?state=s1";
  static final String NONCE = "nonce-wire-1";

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  static Map<String, Object> oauth(String strategy, String status, String url) {
    return obj("object", "verification_oauth", "status", status, "strategy", strategy,
        "external_verification_redirect_url", url, "error", null, "attempts", null, "expire_at", EXPIRE_AT);
  }

  static Map<String, Object> waiting() {
    return Fapi.signIn("needs_identifier", "first_factor_verification", oauth("oauth_google", "unverified", PAGE));
  }

  @Test
  void oauthStartsWithOneCreateAndReloadsWithTheNonceAsQuery() {
    fapi.ok(waiting(), Fapi.client(arr(), waiting(), null));
    SignIn started = fapi.clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(URI.create(REDIRECT)));
    fapi.expect("POST", S1).form("strategy", "oauth_google", "redirect_url", REDIRECT,
        "action_complete_redirect_url", REDIRECT);
    assertThat(started.externalVerificationRedirectUrl()).contains(URI.create(PAGE));

    Map<String, Object> done = Fapi.signIn("complete", "created_session_id", SESSION_ID,
        "first_factor_verification", oauth("oauth_google", "verified", null));
    fapi.ok(done, null);
    SignIn signedIn = started.handleRedirectCallback(URI.create(REDIRECT + "?rotating_token_nonce=" + NONCE));
    fapi.expectQuery("GET", S2, "rotating_token_nonce", NONCE).noBody();
    assertThat(signedIn.status()).isEqualTo(SignInStatus.COMPLETE);
  }

  @Test
  void enterpriseSsoCreatesWithTheAddressThenPrepares() {
    fapi.ok(Fapi.signIn("needs_first_factor", "identifier", "ada@acme.com"), null);
    fapi.ok(Fapi.signIn("needs_first_factor", "identifier", "ada@acme.com", "first_factor_verification",
        obj("object", "verification_saml", "status", "unverified", "strategy", "enterprise_sso",
            "external_verification_redirect_url", PAGE, "expire_at", EXPIRE_AT)), null);
    fapi.clerk.signIn().sso(SsoParams.enterpriseSso("ada@acme.com").redirectUrl(URI.create(REDIRECT)));
    fapi.expect("POST", S1).form("strategy", "enterprise_sso", "identifier", "ada@acme.com",
        "redirect_url", REDIRECT, "action_complete_redirect_url", REDIRECT);
    fapi.expect("POST", S2 + "/prepare_first_factor").form("strategy", "enterprise_sso", "redirect_url", REDIRECT,
        "action_complete_redirect_url", REDIRECT);
  }

  @Test
  void aTransferSignalReloadsWithoutANonce() {
    fapi.ok(waiting(), Fapi.client(arr(), waiting(), null));
    SignIn started = fapi.clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(URI.create(REDIRECT)));
    fapi.expect("POST", S1);
    fapi.ok(Fapi.signIn("needs_identifier", "first_factor_verification",
        oauth("oauth_google", "transferable", null)), null);
    SignIn transferable = started.handleRedirectCallback(
        URI.create(REDIRECT + "?__clerk_status=failed&__clerk_error_code=external_account_not_found"));
    fapi.expect("GET", S2).noBody();
    assertThat(transferable.isTransferable()).isTrue();
  }

  @Test
  void signUpFirstCreatesWithTheStrategyAndReloadsWithTheNonce() {
    Map<String, Object> waiting = Fapi.signUp("missing_requirements", "verifications", obj("email_address", null,
        "phone_number", null, "web3_wallet", null, "external_account", oauth("oauth_github", "unverified", PAGE)));
    fapi.ok(waiting, Fapi.clientWithSignUp(arr(), waiting, null));
    SignUp started = fapi.clerk.signUp().sso(SsoParams.oauth("github").redirectUrl(URI.create(REDIRECT)),
        SignUpParams.builder().legalAccepted(true).build());
    fapi.expect("POST", U1).form("strategy", "oauth_github", "redirect_url", REDIRECT,
        "action_complete_redirect_url", REDIRECT, "legal_accepted", "true");
    fapi.ok(Fapi.signUp("complete", "created_session_id", SESSION_ID, "created_user_id", "user_1"), null);
    SignUp done = started.handleRedirectCallback(URI.create(REDIRECT + "?rotating_token_nonce=" + NONCE));
    fapi.expectQuery("GET", U1 + "/" + SIGN_UP_ID, "rotating_token_nonce", NONCE).noBody();
    assertThat(done.status()).isEqualTo(SignUpStatus.COMPLETE);
  }

  @Test
  void ticketsAndIdTokensAreOneCreateEach() {
    Map<String, Object> complete = Fapi.signIn("complete", "created_session_id", SESSION_ID);
    fapi.ok(complete, null);
    fapi.clerk.signIn().ticket("sign-in-token-1");
    fapi.expect("POST", S1).form("strategy", "ticket", "ticket", "sign-in-token-1");
    fapi.ok(complete, null);
    fapi.clerk.signIn().idToken(IdTokenProvider.APPLE, "apple-token");
    fapi.expect("POST", S1).form("strategy", "oauth_token_apple", "token", "apple-token");
    fapi.ok(complete, null);
    fapi.clerk.signIn().idToken(IdTokenProvider.GOOGLE, "google-token");
    fapi.expect("POST", S1).form("strategy", "google_one_tap", "token", "google-token");

    Map<String, Object> signedUp = Fapi.signUp("complete", "created_session_id", SESSION_ID, "created_user_id", "user_1");
    fapi.ok(signedUp, null);
    fapi.clerk.signUp().ticket("invitation-1", SignUpParams.builder().password("Invited-pa55word").build());
    fapi.expect("POST", U1).form("strategy", "ticket", "ticket", "invitation-1", "password", "Invited-pa55word");
    fapi.ok(signedUp, null);
    fapi.clerk.signUp().idToken(IdTokenProvider.GOOGLE, "google-token");
    fapi.expect("POST", U1).form("strategy", "google_one_tap", "token", "google-token");
  }

  @Test
  void emailLinksSendWithTheRedirectUrlAndThePollIsAPlainGet() {
    Map<String, Object> identified = Fapi.signIn("needs_first_factor", "identifier", EMAIL,
        "supported_first_factors", arr(Fapi.emailFactor("email_code"), Fapi.emailFactor("email_link")));
    Map<String, Object> sent = Fapi.signIn("needs_first_factor", "identifier", EMAIL,
        "supported_first_factors", arr(Fapi.emailFactor("email_link")),
        "first_factor_verification", obj("object", "verification_email_link", "status", "unverified",
            "strategy", "email_link", "attempts", null, "expire_at", EXPIRE_AT));
    fapi.ok(identified, null);
    fapi.ok(sent, null);
    SignIn s = fapi.clerk.signIn().emailLink().sendLink(EMAIL, URI.create("https://example.com/verified"));
    fapi.expect("POST", S1).form("identifier", EMAIL);
    fapi.expect("POST", S2 + "/prepare_first_factor").form("strategy", "email_link", "email_address_id", EMAIL_ID,
        "redirect_url", "https://example.com/verified");

    fapi.ok(Fapi.signIn("complete", "created_session_id", SESSION_ID), null);
    assertThat(s.emailLink().waitForVerification(Duration.ofMinutes(1)).join().status())
        .isEqualTo(SignInStatus.COMPLETE);
    fapi.expect("GET", S2).noBody();
  }

  @Test
  void clientTrustByEmailLinkPreparesTheSecondFactor() {
    Map<String, Object> trust = Fapi.signIn("needs_client_trust", "identifier", EMAIL,
        "supported_second_factors", arr(Fapi.emailFactor("email_code"), Fapi.emailFactor("email_link")));
    fapi.ok(trust, null);
    fapi.ok(trust, null);
    SignIn s = fapi.clerk.signIn().password(EMAIL, "Pa55word-wire");
    fapi.expect("POST", S1);
    s.emailLink().sendLink(URI.create("https://example.com/verified"));
    fapi.expect("POST", S2 + "/prepare_second_factor").form("strategy", "email_link", "email_address_id", EMAIL_ID,
        "redirect_url", "https://example.com/verified");
  }
}
