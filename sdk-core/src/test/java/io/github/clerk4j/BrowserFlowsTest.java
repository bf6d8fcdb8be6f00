package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.T0;
import static io.github.clerk4j.Fixtures.client;
import static io.github.clerk4j.Fixtures.clientWithSignUp;
import static io.github.clerk4j.Fixtures.external;
import static io.github.clerk4j.Fixtures.signIn;
import static io.github.clerk4j.Fixtures.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.internal.wire.SignInResource;
import io.github.clerk4j.internal.wire.SignUpResource;
import io.github.clerk4j.spi.Endpoint;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Browser sign-in and sign-up (OAuth, enterprise SSO), tickets and ID tokens against a fake
 * transport: the exact calls and forms (wire spec §14, §15), what each callback leads to, and every
 * refusal before anything is sent.
 */
class BrowserFlowsTest extends ScriptedClerkTest {

  static final URI REDIRECT = URI.create("http://127.0.0.1:45789/sso-callback");
  static final String PAGE = "https://accounts.example.com/o/oauth2/auth?state=s1";
  static final String NONCE = "nonce-secret-4711";

  BrowserFlowsTest() {
    super(Fixtures::clerk);
  }

  /** As Clerk answers an OAuth create: no identifier yet, the provider's page to open. */
  static SignInResource waitingForGoogle() {
    return signIn("sia_1", "needs_identifier")
        .firstVerification(external("unverified", "oauth_google", PAGE, null)).build();
  }

  static SignInResource complete() {
    return signIn("sia_1", "complete").createdSessionId("sess_1")
        .firstVerification(external("verified", "oauth_google", null, null)).build();
  }

  /** Starts an OAuth sign-in and makes it the client's current one, as the piggybacked client would. */
  SignIn started() {
    fake.thenRespond(waitingForGoogle(), client("client_1", T0, waitingForGoogle(), null), "Bearer t1");
    return clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(REDIRECT));
  }

  static URI callback(String query) {
    return URI.create(REDIRECT + "?" + query);
  }

  // ---------------------------------------------------------------- sso

  @Test
  void oauthIsOneCreateWithTheStrategyAndTheRedirectUrlTwice() {
    SignIn s = started();
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN);
    assertThat(fake.form(0)).containsExactly(entry("strategy", "oauth_google"),
        entry("redirect_url", REDIRECT.toString()), entry("action_complete_redirect_url", REDIRECT.toString()));
    assertThat(s.externalVerificationRedirectUrl()).contains(URI.create(PAGE));
    assertThat(s.firstFactorVerification().orElseThrow().externalVerificationRedirectUrl()).contains(URI.create(PAGE));
  }

  @Test
  void theProviderPageIsOfferedUnderAVerificationStatusNewerThanThisVersionButNotOnceVerified() {
    fake.thenRespond(signIn("sia_1", "status_from_the_future")
        .firstVerification(external("status_from_the_future", "oauth_google", PAGE, null)).build());
    assertThat(clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(REDIRECT)).externalVerificationRedirectUrl())
        .contains(URI.create(PAGE));
    fake.thenRespond(signIn("sia_2", "needs_identifier")
        .firstVerification(external("verified", "oauth_google", PAGE, null)).build());
    assertThatThrownBy(() -> clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(REDIRECT)))
        .isInstanceOf(ClerkException.class).hasMessageContaining("without a provider page");
  }

  @Test
  void oidcOptionsGoWithTheCreate() {
    fake.thenRespond(waitingForGoogle());
    clerk.signIn().sso(SsoParams.oauth("github").redirectUrl(REDIRECT).oidcPrompt("select_account")
        .oidcLoginHint("ada@example.com"));
    assertThat(fake.form(0)).containsExactly(entry("strategy", "oauth_github"),
        entry("redirect_url", REDIRECT.toString()), entry("action_complete_redirect_url", REDIRECT.toString()),
        entry("oidc_prompt", "select_account"), entry("oidc_login_hint", "ada@example.com"));
  }

  @Test
  void enterpriseSsoCreatesWithTheAddressThenPreparesTheProviderPage() {
    fake.thenRespond(signIn("sia_1", "needs_first_factor").identifier("ada@acme.com")
            .first(Fixtures.bare("enterprise_sso")).build())
        .thenRespond(signIn("sia_1", "needs_first_factor").identifier("ada@acme.com")
            .firstVerification(external("unverified", "enterprise_sso", PAGE, null)).build());
    SignIn s = clerk.signIn().sso(SsoParams.enterpriseSso("ada@acme.com").redirectUrl(REDIRECT).oidcPrompt("login"));
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR);
    assertThat(fake.form(0)).containsExactly(entry("strategy", "enterprise_sso"), entry("identifier", "ada@acme.com"),
        entry("redirect_url", REDIRECT.toString()), entry("action_complete_redirect_url", REDIRECT.toString()));
    assertThat(fake.request(1).id()).isEqualTo("sia_1");
    assertThat(fake.form(1)).containsExactly(entry("strategy", "enterprise_sso"),
        entry("redirect_url", REDIRECT.toString()), entry("action_complete_redirect_url", REDIRECT.toString()),
        entry("oidc_prompt", "login"));
    assertThat(s.externalVerificationRedirectUrl()).contains(URI.create(PAGE));
  }

  @Test
  void paramsAreCheckedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> clerk.signIn().sso(SsoParams.oauth("google")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redirect URL")
        .hasMessageContaining("nothing was sent");
    assertThatThrownBy(() -> SsoParams.oauth("oauth_google")).hasMessageContaining("\"google\"");
    assertThatThrownBy(() -> SsoParams.oauth("Google")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SsoParams.enterpriseSso("acme.com")).hasMessageContaining("e-mail address");
    assertThatThrownBy(() -> SsoParams.oauth("google").redirectUrl(URI.create("/sso-callback")))
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> SsoParams.enterpriseSso("a@acme.com").oidcLoginHint("x"))
        .hasMessageContaining("OAuth");
    assertThat(SsoParams.enterpriseSso("ada@acme.com").redirectUrl(REDIRECT).toString())
        .contains("enterprise_sso").contains(REDIRECT.toString()).doesNotContain("ada@");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void anAnswerWithoutAProviderPageIsAnError() {
    fake.thenRespond(signIn("sia_1", "needs_first_factor").build());
    assertThatThrownBy(() -> clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(REDIRECT)))
        .isInstanceOf(ClerkException.class).hasMessageContaining("no external_verification_redirect_url");
  }

  @Test
  void aRedirectUrlTheInstanceRefusesNamesTheAllowlist() {
    fake.thenThrow(new ClerkApiException(422, List.of(new ClerkError("invalid_redirect_url", "invalid",
        "The provided redirect url is not in a valid format", java.util.Map.of("param_name", "redirect_url"))), "t"));
    assertThatThrownBy(() -> clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(REDIRECT)))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isRedirectUrlInvalid()).isTrue())
        .hasMessageContaining("allowlist the exact URL");
  }

  // ---------------------------------------------------------------- the callback

  @Test
  void theNonceReloadsTheSignInAsQueryAndNeverShows() {
    SignIn s = started();
    fake.thenRespond(complete(), client("client_1", T0.plusSeconds(5), null, null), "Bearer t2");
    SignIn done = s.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE));
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.GET_SIGN_IN);
    assertThat(fake.request(1).id()).isEqualTo("sia_1");
    assertThat(fake.form(1)).containsExactly(entry("rotating_token_nonce", NONCE));
    assertThat(fake.request(1).form().toString()).doesNotContain(NONCE);
    assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(done.createdSessionId()).contains("sess_1");
  }

  @Test
  void mfaAfterTheProviderIsTheNextStep() {
    SignIn s = started();
    fake.thenRespond(signIn("sia_1", "needs_second_factor").second(Fixtures.bare("totp"))
        .firstVerification(external("verified", "oauth_google", null, null)).build());
    assertThat(s.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE)).status())
        .isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
  }

  @Test
  void aNewAccountIsTransferableWithOrWithoutANonce() {
    SignInResource transferable = signIn("sia_1", "needs_identifier")
        .firstVerification(external("transferable", "oauth_google", null,
            new ClerkError("external_account_not_found", "not found", "The External Account was not found.", null)))
        .build();
    SignIn s = started();
    fake.thenRespond(transferable);
    SignIn byNonce = s.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE));
    assertThat(byNonce.isTransferable()).isTrue();

    fake.thenRespond(transferable);
    SignIn bySignal = s.handleRedirectCallback(
        callback("__clerk_status=failed&__clerk_error_code=external_account_not_found"));
    assertThat(bySignal.isTransferable()).isTrue();
    assertThat(fake.form(2)).as("the signal reloads without a nonce").isEmpty();
  }

  @Test
  void aTransferSignalForASignInThatIsNotTransferableIsTheError() {
    SignIn s = started();
    fake.thenRespond(waitingForGoogle());
    assertThatThrownBy(() -> s.handleRedirectCallback(
        callback("__clerk_status=failed&__clerk_error_code=external_account_not_found")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.isExternalAccountNotFound()).isTrue();
          assertThat(e.httpStatus()).isZero();
        })
        .hasMessageContaining("in the redirect callback");
  }

  @Test
  void errorCallbacksAreTypedAndSendNothing() {
    SignIn s = started();
    assertThatThrownBy(() -> s.handleRedirectCallback(
        callback("__clerk_status=failed&__clerk_error_code=oauth_access_denied")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isOAuthAccessDenied()).isTrue())
        .hasMessageContaining("oauth_access_denied");
    assertThatThrownBy(() -> s.handleRedirectCallback(
        callback("error=access_denied&error_description=The+user+denied+access")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.isOAuthAccessDenied()).isTrue();
          assertThat(e.firstError().longMessage()).isEqualTo("The user denied access");
        });
    assertThatThrownBy(() -> s.handleRedirectCallback(callback("__clerk_status=failed")))
        .isExactlyInstanceOf(ClerkException.class).hasMessageContaining("no error code");
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN);
  }

  @Test
  void aCallbackWithoutNonceOrSignalIsRefused() {
    SignIn s = started();
    assertThatThrownBy(() -> s.handleRedirectCallback(callback("__clerk_status=verified")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rotating_token_nonce");
    assertThatThrownBy(() -> s.handleRedirectCallback(REDIRECT)).hasMessageContaining("no query");
    assertThatThrownBy(() -> s.handleRedirectCallback(
        callback("rotating_token_nonce=" + NONCE + "&rotating_token_nonce=other")))
        .hasMessageContaining("twice").message().doesNotContain(NONCE);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN);
  }

  @Test
  void aCallbackForAnotherSignInIsRefused() {
    SignIn first = started();
    // A second sso(...) replaced the first as the client's current sign-in.
    SignInResource second = signIn("sia_2", "needs_identifier")
        .firstVerification(external("unverified", "oauth_google", PAGE, null)).build();
    fake.thenRespond(second, client("client_1", T0.plusSeconds(1), second, null), "Bearer t2");
    clerk.signIn().sso(SsoParams.oauth("google").redirectUrl(REDIRECT));
    assertThatThrownBy(() -> first.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("sia_2 replaced it")
        .message().doesNotContain(NONCE);

    fake.thenRespond(signIn("sia_3", "needs_first_factor").identifier("ada@example.com").build());
    SignIn password = clerk.signIn().create(SignInCreateParams.identifier("ada@example.com"));
    assertThatThrownBy(() -> password.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not start a browser sign-in");
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void aReloadThatStillWaitsMeansTheNonceWasNotForThisSignIn() {
    SignIn s = started();
    fake.thenRespond(waitingForGoogle());
    assertThatThrownBy(() -> s.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE)))
        .isExactlyInstanceOf(ClerkException.class).hasMessageContaining("meant for another sign-in")
        .message().doesNotContain(NONCE);
  }

  @Test
  void aVerificationErrorAfterTheReloadIsThrown() {
    SignIn s = started();
    fake.thenRespond(signIn("sia_1", "needs_identifier").firstVerification(external("failed", "oauth_google", null,
        new ClerkError("oauth_access_denied", "denied", "You did not grant access", null))).build());
    assertThatThrownBy(() -> s.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE)))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isOAuthAccessDenied()).isTrue());
  }

  // ---------------------------------------------------------------- sign-up

  static SignUpResource signUpWaiting() {
    return signUp("sua_1", "missing_requirements").external(external("unverified", "oauth_github", PAGE, null)).build();
  }

  SignUp signUpStarted() {
    fake.thenRespond(signUpWaiting(), clientWithSignUp("client_1", T0, signUpWaiting(), null), "Bearer t1");
    return clerk.signUp().sso(SsoParams.oauth("github").redirectUrl(REDIRECT),
        SignUpParams.builder().legalAccepted(true).build());
  }

  @Test
  void signUpFirstOAuthCreatesASignUpAndReloadsItWithTheNonce() {
    SignUp s = signUpStarted();
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_UP);
    assertThat(fake.form(0)).containsExactly(entry("strategy", "oauth_github"),
        entry("redirect_url", REDIRECT.toString()), entry("action_complete_redirect_url", REDIRECT.toString()),
        entry("legal_accepted", "true"));
    assertThat(s.externalVerificationRedirectUrl()).contains(URI.create(PAGE));
    fake.thenRespond(signUp("sua_1", "complete").created("sess_1", "user_1")
        .external(external("verified", "oauth_github", null, null)).build());
    SignUp done = s.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE));
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_UP, Endpoint.GET_SIGN_UP);
    assertThat(fake.form(1)).containsExactly(entry("rotating_token_nonce", NONCE));
    assertThat(done.status()).isEqualTo(SignUpStatus.COMPLETE);
  }

  @Test
  void anExistingAccountMakesTheSignUpTransferable() {
    SignUp s = signUpStarted();
    fake.thenRespond(signUp("sua_1", "missing_requirements").external("transferable", "external_account_exists").build());
    SignUp transferable = s.handleRedirectCallback(
        callback("__clerk_status=failed&__clerk_error_code=external_account_exists"));
    assertThat(transferable.isTransferable()).isTrue();
    assertThat(fake.form(1)).isEmpty();
  }

  @Test
  void enterpriseSignUpSendsTheAddressAsEmailAddress() {
    fake.thenRespond(signUp("sua_1", "missing_requirements").external(external("unverified", "enterprise_sso", PAGE, null))
        .build());
    clerk.signUp().sso(SsoParams.enterpriseSso("ada@acme.com").redirectUrl(REDIRECT));
    assertThat(fake.form(0)).containsExactly(entry("strategy", "enterprise_sso"), entry("email_address", "ada@acme.com"),
        entry("redirect_url", REDIRECT.toString()), entry("action_complete_redirect_url", REDIRECT.toString()));
  }

  @Test
  void signUpCallbacksAreCheckedAsSignInOnes() {
    SignUp s = signUpStarted();
    assertThatThrownBy(() -> s.handleRedirectCallback(callback("__clerk_status=failed&__clerk_error_code=oauth_access_denied")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isOAuthAccessDenied()).isTrue());
    assertThatThrownBy(() -> s.handleRedirectCallback(callback("foo=bar"))).isInstanceOf(IllegalArgumentException.class);
    fake.thenRespond(signUpWaiting());
    assertThatThrownBy(() -> s.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE)))
        .hasMessageContaining("meant for another sign-up");
    fake.thenRespond(signUp("sua_2", "missing_requirements").emailAddress("x@example.com").build());
    SignUp plain = clerk.signUp().create(SignUpParams.builder().emailAddress("x@example.com").build());
    assertThatThrownBy(() -> plain.handleRedirectCallback(callback("rotating_token_nonce=" + NONCE)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not start a browser sign-up");
  }

  // ---------------------------------------------------------------- tickets and ID tokens

  @Test
  void aTicketIsOneCreateAndNeverShows() {
    fake.thenRespond(signIn("sia_1", "complete").createdSessionId("sess_1").build());
    SignIn done = clerk.signIn().ticket("ticket-secret-1");
    assertThat(fake.form(0)).containsExactly(entry("strategy", "ticket"), entry("ticket", "ticket-secret-1"));
    assertThat(SignInCreateParams.ticket("ticket-secret-1").toString()).doesNotContain("ticket-secret-1");
    assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);

    fake.thenThrow(new ClerkApiException(400, List.of(new ClerkError("sign_in_token_already_used_code", "used",
        "This sign in token has already been used.", null)), "t"));
    assertThatThrownBy(() -> clerk.signIn().ticket("ticket-secret-1"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isTicketAlreadyUsed()).isTrue())
        .hasMessageContaining("mint a new one").message().doesNotContain("ticket-secret-1");
    fake.thenThrow(new ClerkApiException(400, List.of(new ClerkError("ticket_expired_code", "expired", "expired", null)), "t"));
    assertThatThrownBy(() -> clerk.signIn().ticket("ticket-secret-2"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isTicketExpired()).isTrue());
    assertThatThrownBy(() -> clerk.signIn().ticket("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInvitationTicketSignsUpWithTheExtraFields() {
    fake.thenRespond(signUp("sua_1", "missing_requirements").missing("password").build());
    clerk.signUp().ticket("invite-secret", SignUpParams.builder().firstName("Ada").build());
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_UP);
    assertThat(fake.form(0)).containsExactly(entry("strategy", "ticket"), entry("ticket", "invite-secret"),
        entry("first_name", "Ada"));
  }

  @Test
  void idTokensUseTheStrategiesOfClerksSdks() {
    fake.thenRespond(signIn("sia_1", "complete").createdSessionId("sess_1").build());
    clerk.signIn().idToken(IdTokenProvider.APPLE, "apple-id-token");
    assertThat(fake.form(0)).containsExactly(entry("strategy", "oauth_token_apple"), entry("token", "apple-id-token"));

    fake.thenThrow(new ClerkApiException(404, List.of(new ClerkError("external_account_not_found", "not found",
        "The External Account was not found.", null)), "t"));
    assertThatThrownBy(() -> clerk.signIn().idToken(IdTokenProvider.GOOGLE, "google-id-token"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isExternalAccountNotFound()).isTrue())
        .hasMessageContaining("signUp().idToken");
    assertThat(fake.form(1)).containsExactly(entry("strategy", "google_one_tap"), entry("token", "google-id-token"));

    fake.thenRespond(signUp("sua_1", "complete").created("sess_1", "user_1").build());
    clerk.signUp().idToken(IdTokenProvider.GOOGLE, "google-id-token");
    assertThat(fake.form(2)).containsExactly(entry("strategy", "google_one_tap"), entry("token", "google-id-token"));
  }

  @Test
  void anEmailFactorIsNotABrowserSignIn() {
    assertThat(SignIn.isExternal("oauth_google")).isTrue();
    assertThat(SignIn.isExternal("oauth_custom_acme")).isTrue();
    assertThat(SignIn.isExternal("enterprise_sso")).isTrue();
    assertThat(SignIn.isExternal("saml")).isTrue();
    assertThat(SignIn.isExternal("oauth_token_apple")).isFalse();
    assertThat(SignIn.isExternal("email_code")).isFalse();
  }
}
