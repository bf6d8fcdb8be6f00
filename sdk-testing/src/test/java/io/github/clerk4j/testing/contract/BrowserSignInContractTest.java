package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.TotpGenerator;
import io.github.clerk4j.testing.contract.BrowserAgent.Page;
import io.github.clerk4j.testing.contract.ContractCheckingClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's sign-in and sign-up through identity providers, tickets, ID tokens and e-mail
 * links (wire spec §13–§16), driven as a native client and its browser would, every Frontend API
 * exchange checked against the OpenAPI file, and every branch and refusal asserted.
 */
class BrowserSignInContractTest {

  static final String S1 = "/v1/client/sign_ins";
  static final String U1 = "/v1/client/sign_ups";
  static final String APP = "http://127.0.0.1:45789/sso-callback";
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  static final IdpAccount ADA = IdpAccount.of("ada@example.com", "Ada", "Lovelace");
  static final IdpAccount NEWCOMER = IdpAccount.of("new@example.com", "Nina", "New");
  static final IdpAccount GRACE = IdpAccount.of("grace@example.com", "Grace", "Hopper");

  final TestClock clock = TestClock.at(Instant.parse("2026-05-12T10:00:00Z"));
  final ContractClients contract = new ContractClients();
  final BrowserAgent browser = new BrowserAgent();

  @AfterEach
  void everyExchangeFitsTheContract() {
    try {
      assertThat(browser.violationSummary()).as("contract violations of the browser's exchanges").isNull();
    } finally {
      contract.close();
    }
  }

  ClerkEmulator start(UnaryOperator<ClerkEmulator.Builder> settings) {
    return contract.start(settings.apply(ClerkEmulator.builder().clock(clock).rateLimits(RateLimits.disabled())
        .oauthProvider("google", ADA, NEWCOMER, GRACE)
        .oauthProvider("github")
        .enterpriseConnection("Acme Corp", "acme.com", IdpAccount.of("bob@acme.com", "Bob", "Builder"))
        .user(EmulatorUser.builder().email("ada@example.com").password("ada-password-1").firstName("Ada").build())
        .user(EmulatorUser.builder().email("grace@example.com").password("grace-password-1")
            .totpSecret(TOTP_SECRET).build())));
  }

  ClerkEmulator start() {
    return start(b -> b);
  }

  static String signIn(String id) {
    return S1 + "/" + id;
  }

  static List<String> strategies(JsonNode factors) {
    return StreamSupport.stream(factors.spliterator(), false).map(f -> f.path("strategy").asText()).toList();
  }

  /** The browser on the provider's page: picks the account with this address, back at FAPI's callback. */
  Page chooseOnProviderPage(String providerPage, String email) {
    Page page = browser.get(providerPage);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String state = BrowserAgent.query(java.net.URI.create(providerPage)).get("state");
    String provider = providerPage.replaceAll(".*/__idp/([^/]+)/authorize.*", "$1");
    String base = providerPage.substring(0, providerPage.indexOf("/__idp/"));
    int index = page.body().indexOf("data-email=\"" + email + "\"");
    Page chosen = index >= 0
        ? browser.post(base + "/__idp/" + provider + "/choose", "state", state,
            "account", page.body().substring(page.body().lastIndexOf("value=\"", index) + 7,
                page.body().indexOf('"', page.body().lastIndexOf("value=\"", index) + 7)))
        : browser.post(base + "/__idp/" + provider + "/choose", "state", state, "email", email,
            "first_name", "Typed", "last_name", "In");
    assertThat(chosen.status()).as("the provider sends the browser back to FAPI").isEqualTo(303);
    assertThat(chosen.location()).contains("/v1/oauth_callback?code=").contains("state=" + state);
    return chosen;
  }

  /** S1 with an OAuth strategy; the provider's page to open. */
  static String startOAuth(ContractCheckingClient c, String strategy) {
    Answer started = c.post(S1, "strategy", strategy, "redirect_url", APP, "action_complete_redirect_url", APP);
    assertThat(started.status()).isEqualTo(200);
    JsonNode v = started.response().path("first_factor_verification");
    assertThat(started.response().path("status").asText()).isEqualTo("needs_identifier");
    assertThat(v.path("object").asText()).isEqualTo("verification_oauth");
    assertThat(v.path("status").asText()).isEqualTo("unverified");
    assertThat(v.path("strategy").asText()).isEqualTo(strategy);
    return v.path("external_verification_redirect_url").asText();
  }

  // ---------------------------------------------------------------- OAuth sign-in (§14.2)

  @Test
  void aKnownAccountSignsInWithTheNonceWhichRotatesTheTokenOnce() {
    ClerkEmulator emulator = start();
    ContractCheckingClient c = contract.client(emulator);
    String page = startOAuth(c, "oauth_google");
    assertThat(page).startsWith(emulator.url() + "/__idp/google/authorize?").contains("redirect_uri=")
        .contains("state=");
    String id = c.post(S1, "strategy", "oauth_google", "redirect_url", APP).response().path("id").asText();
    page = c.get(signIn(id)).response().path("first_factor_verification").path("external_verification_redirect_url")
        .asText();

    Page callback = chooseOnProviderPage(page, "ada@example.com");
    Page toApp = browser.follow(callback);
    assertThat(toApp.status()).isEqualTo(303);
    assertThat(toApp.location()).startsWith(APP + "?rotating_token_nonce=");
    String nonce = toApp.locationQuery().get("rotating_token_nonce");

    String before = c.clientToken();
    Answer reloaded = c.send("GET", signIn(id), Map.of("rotating_token_nonce", nonce), null, true);
    assertThat(reloaded.response().path("status").asText()).isEqualTo("complete");
    assertThat(reloaded.response().path("first_factor_verification").path("status").asText()).isEqualTo("verified");
    assertThat(reloaded.response().path("first_factor_verification").path("external_verification_redirect_url")
        .isNull()).isTrue();
    assertThat(c.clientToken()).as("the nonce rotated the client token").isNotEqualTo(before);
    JsonNode client = reloaded.client();
    assertThat(client.path("last_authentication_strategy").asText()).isEqualTo("oauth_google");
    JsonNode user = client.path("sessions").path(0).path("user");
    assertThat(user.path("external_accounts").path(0).path("provider").asText()).isEqualTo("oauth_google");
    assertThat(user.path("external_accounts").path(0).path("email_address").asText()).isEqualTo("ada@example.com");

    String rotated = c.clientToken();
    c.send("GET", signIn(id), Map.of("rotating_token_nonce", nonce), null, true);
    assertThat(c.clientToken()).as("a used nonce rotates nothing").isEqualTo(rotated);
    assertThat(browser.follow(callback).status()).as("the callback works once").isEqualTo(400);
  }

  @Test
  void aNewAccountIsTransferredToASignUpThatCompletes() {
    ClerkEmulator emulator = start();
    ContractCheckingClient c = contract.client(emulator);
    String page = startOAuth(c, "oauth_google");
    String id = c.get("/v1/client").body().path("response").path("sign_in").path("id").asText();
    Page toApp = browser.follow(chooseOnProviderPage(page, "new@example.com"));
    assertThat(toApp.locationQuery()).containsEntry("__clerk_status", "failed")
        .containsEntry("__clerk_error_code", "external_account_not_found").doesNotContainKey("rotating_token_nonce");

    JsonNode transferable = c.get(signIn(id)).response();
    assertThat(transferable.path("status").asText()).isEqualTo("needs_identifier");
    assertThat(transferable.path("first_factor_verification").path("status").asText()).isEqualTo("transferable");
    assertThat(transferable.path("first_factor_verification").path("error").path("code").asText())
        .isEqualTo("external_account_not_found");

    Answer signUp = c.post(U1, "transfer", "true");
    assertThat(signUp.status()).isEqualTo(200);
    JsonNode s = signUp.response();
    assertThat(s.path("status").asText()).as("no password needed after OAuth").isEqualTo("complete");
    assertThat(s.path("email_address").asText()).isEqualTo("new@example.com");
    assertThat(s.path("first_name").asText()).isEqualTo("Nina");
    assertThat(s.path("verifications").path("email_address").path("strategy").asText()).isEqualTo("from_oauth_google");
    assertThat(s.path("verifications").path("external_account").path("status").asText()).isEqualTo("verified");
    assertThat(c.post(U1, "transfer", "true").errorCode()).as("only once").isEqualTo("account_transfer_invalid");

    // The new user's account now signs in, on another device.
    ContractCheckingClient other = contract.client(emulator);
    String otherId = other.post(S1, "strategy", "oauth_google", "redirect_url", APP).response().path("id").asText();
    String otherPage = other.get(signIn(otherId)).response().path("first_factor_verification")
        .path("external_verification_redirect_url").asText();
    String nonce = browser.follow(chooseOnProviderPage(otherPage, "new@example.com")).locationQuery()
        .get("rotating_token_nonce");
    assertThat(other.send("GET", signIn(otherId), Map.of("rotating_token_nonce", nonce), null, true)
        .response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void aUserWithMfaNeedsTheSecondFactorAfterTheProvider() {
    ClerkEmulator emulator = start();
    ContractCheckingClient c = contract.client(emulator);
    String page = startOAuth(c, "oauth_google");
    String id = c.get("/v1/client").body().path("response").path("sign_in").path("id").asText();
    String nonce = browser.follow(chooseOnProviderPage(page, "grace@example.com")).locationQuery()
        .get("rotating_token_nonce");
    JsonNode s = c.send("GET", signIn(id), Map.of("rotating_token_nonce", nonce), null, true).response();
    assertThat(s.path("status").asText()).isEqualTo("needs_second_factor");
    assertThat(strategies(s.path("supported_second_factors"))).contains("totp");
    String code = TotpGenerator.code(TOTP_SECRET, clock.instant());
    assertThat(c.post(signIn(id) + "/attempt_second_factor", "strategy", "totp", "code", code)
        .response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void denialBadStateAndAForgedCodeAreRefused() {
    ClerkEmulator emulator = start();
    ContractCheckingClient c = contract.client(emulator);
    String page = startOAuth(c, "oauth_google");
    String id = c.get("/v1/client").body().path("response").path("sign_in").path("id").asText();
    String state = BrowserAgent.query(java.net.URI.create(page)).get("state");

    Page unknown = browser.get(emulator.url() + "/__idp/google/authorize?state=forged");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("not valid");
    assertThat(browser.get(emulator.url() + "/__idp/github/authorize?state=" + state).status())
        .as("another provider's page").isEqualTo(400);

    Page badState = browser.get(emulator.url() + "/v1/oauth_callback?code=x&state=forged");
    assertThat(badState.status()).isEqualTo(400);
    assertThat(badState.body()).contains("oauth_callback_invalid");
    Page forgedCode = browser.get(emulator.url() + "/v1/oauth_callback?code=forged&state=" + state);
    assertThat(forgedCode.status()).isEqualTo(400);
    assertThat(forgedCode.body()).contains("oauth_token_exchange_error");

    Page denied = browser.post(emulator.url() + "/__idp/google/choose", "state", state, "deny", "1");
    assertThat(denied.location()).contains("error=access_denied");
    Page toApp = browser.follow(denied);
    assertThat(toApp.locationQuery()).containsEntry("__clerk_status", "failed")
        .containsEntry("__clerk_error_code", "oauth_access_denied");
    JsonNode v = c.get(signIn(id)).response().path("first_factor_verification");
    assertThat(v.path("status").asText()).isEqualTo("failed");
    assertThat(v.path("error").path("code").asText()).isEqualTo("oauth_access_denied");
    assertThat(browser.follow(denied).status()).as("the state is used up").isEqualTo(400);
  }

  @Test
  void postCallbacksBecomeTheGet() {
    ClerkEmulator emulator = start();
    assertThat(contract.client(emulator).get("/v1/environment").status()).isEqualTo(200);
    Page redirected = browser.post(emulator.url() + "/v1/oauth_callback", "code", "c 1", "state", "s1");
    assertThat(redirected.status()).isEqualTo(303);
    assertThat(redirected.location()).isEqualTo(emulator.url() + "/v1/oauth_callback?code=c+1&state=s1");
  }

  @Test
  void redirectUrlsAreCheckedAgainstTheAllowlist() {
    ClerkEmulator emulator = start(b -> b.allowRedirectUrl(APP));
    ContractCheckingClient c = contract.client(emulator);
    assertThat(c.post(S1, "strategy", "oauth_google", "redirect_url", APP).status()).isEqualTo(200);
    Answer otherPort = c.post(S1, "strategy", "oauth_google", "redirect_url", "http://127.0.0.1:45790/sso-callback");
    assertThat(otherPort.status()).isEqualTo(422);
    assertThat(otherPort.errorCode()).isEqualTo("redirect_url_domain_mismatch");
    assertThat(otherPort.body().path("errors").path(0).path("meta").path("param_name").asText()).isEqualTo("redirect_url");
    assertThat(c.post(S1, "strategy", "oauth_google", "redirect_url", APP, "action_complete_redirect_url",
        "https://evil.example/").errorCode()).isEqualTo("redirect_url_domain_mismatch");
    assertThat(c.post(S1, "strategy", "oauth_google", "redirect_url", "javascript:alert(1)").errorCode())
        .isEqualTo("invalid_redirect_url");
    assertThat(c.post(S1, "strategy", "oauth_google", "redirect_url", "data://x/y").errorCode())
        .isEqualTo("prohibited_redirect_url");
    assertThat(c.post(S1, "strategy", "oauth_google", "redirect_url", "/relative").errorCode())
        .isEqualTo("invalid_redirect_url");
    assertThat(c.post(S1, "strategy", "oauth_facebook", "redirect_url", APP).errorCode())
        .isEqualTo("oauth_provider_not_enabled");
    assertThat(c.postMalformed(S1, "strategy", "oauth_google").errorCode()).isEqualTo("form_param_missing");
    assertThat(c.post(U1, "strategy", "oauth_google", "redirect_url", "https://evil.example/").errorCode())
        .isEqualTo("redirect_url_domain_mismatch");
  }

  // ---------------------------------------------------------------- enterprise SSO

  @Test
  void enterpriseSsoGoesByTheAddressesDomain() {
    ClerkEmulator emulator = start();
    ContractCheckingClient c = contract.client(emulator);
    Answer created = c.post(S1, "strategy", "enterprise_sso", "identifier", "bob@acme.com", "redirect_url", APP,
        "action_complete_redirect_url", APP);
    assertThat(created.response().path("status").asText()).isEqualTo("needs_first_factor");
    String id = created.response().path("id").asText();
    Answer prepared = c.post(signIn(id) + "/prepare_first_factor", "strategy", "enterprise_sso", "redirect_url", APP,
        "action_complete_redirect_url", APP, "oidc_prompt", "login");
    JsonNode v = prepared.response().path("first_factor_verification");
    assertThat(v.path("strategy").asText()).isEqualTo("enterprise_sso");
    String page = v.path("external_verification_redirect_url").asText();
    assertThat(page).contains("/__idp/ec_acme_com/authorize").contains("prompt=login");

    Page providerPage = browser.get(page);
    assertThat(providerPage.body()).contains("Sign in with Acme Corp").contains("bob@acme.com");
    String state = BrowserAgent.query(java.net.URI.create(page)).get("state");
    Page wrongDomain = browser.post(emulator.url() + "/__idp/ec_acme_com/choose", "state", state,
        "email", "eve@example.com");
    assertThat(wrongDomain.status()).isEqualTo(422);
    assertThat(wrongDomain.body()).contains("acme.com only");

    Page toApp = browser.follow(chooseOnProviderPage(page, "bob@acme.com"));
    assertThat(toApp.locationQuery()).containsEntry("__clerk_error_code", "external_account_not_found");
    assertThat(c.get(signIn(id)).response().path("first_factor_verification").path("status").asText())
        .isEqualTo("transferable");
    JsonNode signUp = c.post(U1, "transfer", "true").response();
    assertThat(signUp.path("status").asText()).isEqualTo("complete");
    assertThat(signUp.path("verifications").path("email_address").path("strategy").asText()).isEqualTo("enterprise_sso");

    ContractCheckingClient again = contract.client(emulator);
    JsonNode known = again.post(S1, "identifier", "bob@acme.com").response();
    assertThat(strategies(known.path("supported_first_factors"))).contains("enterprise_sso");
    Answer noConnection = again.post(S1, "strategy", "enterprise_sso", "identifier", "ada@example.com",
        "redirect_url", APP);
    assertThat(noConnection.status()).isEqualTo(422);
    assertThat(noConnection.errorCode()).isEqualTo("enterprise_sso_sign_in_connection_missing");
    assertThat(again.post(U1, "strategy", "enterprise_sso", "email_address", "zed@example.org", "redirect_url", APP)
        .errorCode()).isEqualTo("enterprise_sso_sign_up_connection_missing");
  }

  /**
   * Until its provider answers, an enterprise SSO sign-in knows no user: another first factor is
   * refused as one the account does not have, not answered with an internal error.
   */
  @Test
  void anEnterpriseSsoSignInOffersNoOtherFirstFactorBeforeTheProviderAnswers() {
    ClerkEmulator emulator = start(b -> b.emailLinks(true));
    ContractCheckingClient c = contract.client(emulator);
    String id = c.post(S1, "strategy", "enterprise_sso", "identifier", "bob@acme.com", "redirect_url", APP)
        .response().path("id").asText();
    List<Answer> refused = List.of(
        c.post(signIn(id) + "/prepare_first_factor", "strategy", "email_code"),
        c.post(signIn(id) + "/prepare_first_factor", "strategy", "email_link", "redirect_url", APP),
        c.post(signIn(id) + "/attempt_first_factor", "strategy", "password", "password", "bob-password-1"),
        c.post(signIn(id) + "/attempt_first_factor", "strategy", "reset_password_email_code", "code", "424242",
            "password", "new-password-1"));
    for (Answer a : refused) {
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.errorCode()).isEqualTo("strategy_for_user_invalid");
    }
    assertThat(emulator.outbox().messages()).isEmpty();
    assertThat(c.get(signIn(id)).response().path("status").asText()).isEqualTo("needs_first_factor");
  }

  // ---------------------------------------------------------------- sign-up first

  @Test
  void signUpFirstOAuthCompletesForANewAccountAndTransfersAKnownOne() {
    ClerkEmulator emulator = start();
    ContractCheckingClient c = contract.client(emulator);
    Answer created = c.post(U1, "strategy", "oauth_github", "redirect_url", APP, "action_complete_redirect_url", APP,
        "legal_accepted", "true");
    JsonNode external = created.response().path("verifications").path("external_account");
    assertThat(external.path("status").asText()).isEqualTo("unverified");
    String id = created.response().path("id").asText();
    String nonce = browser.follow(chooseOnProviderPage(external.path("external_verification_redirect_url").asText(),
        "octo@example.com")).locationQuery().get("rotating_token_nonce");
    JsonNode done = c.send("GET", U1 + "/" + id, Map.of("rotating_token_nonce", nonce), null, true).response();
    assertThat(done.path("status").asText()).isEqualTo("complete");
    assertThat(done.path("email_address").asText()).isEqualTo("octo@example.com");
    assertThat(done.path("first_name").asText()).isEqualTo("Typed");

    ContractCheckingClient known = contract.client(emulator);
    String knownId = known.post(U1, "strategy", "oauth_google", "redirect_url", APP).response().path("id").asText();
    String page = known.get(U1 + "/" + knownId).response().path("verifications").path("external_account")
        .path("external_verification_redirect_url").asText();
    Page toApp = browser.follow(chooseOnProviderPage(page, "ada@example.com"));
    assertThat(toApp.locationQuery()).containsEntry("__clerk_status", "failed")
        .containsEntry("__clerk_error_code", "external_account_exists");
    JsonNode transferable = known.get(U1 + "/" + knownId).response().path("verifications").path("external_account");
    assertThat(transferable.path("status").asText()).isEqualTo("transferable");
    assertThat(transferable.path("error").path("code").asText()).isEqualTo("external_account_exists");
    JsonNode signedIn = known.post(S1, "transfer", "true").response();
    assertThat(signedIn.path("status").asText()).isEqualTo("complete");
    assertThat(signedIn.path("first_factor_verification").path("strategy").asText()).isEqualTo("oauth_google");
  }

  // ---------------------------------------------------------------- tickets (§15)

  @Test
  void aSignInTokenSignsInOnceUntilItExpires() {
    ClerkEmulator emulator = start();
    String ada = emulator.userId("ada@example.com");
    String ticket = emulator.createSignInToken(ada, Duration.ofMinutes(5));
    ContractCheckingClient c = contract.client(emulator);
    JsonNode s = c.post(S1, "strategy", "ticket", "ticket", ticket).response();
    assertThat(s.path("status").asText()).isEqualTo("complete");
    assertThat(s.path("first_factor_verification").path("object").asText()).isEqualTo("verification_ticket");

    ContractCheckingClient other = contract.client(emulator);
    assertThat(other.post(S1, "strategy", "ticket", "ticket", ticket).errorCode()).isEqualTo("sign_in_token_already_used_code");
    String late = emulator.createSignInToken(ada, Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(6));
    Answer expired = other.post(S1, "strategy", "ticket", "ticket", late);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.errorCode()).isEqualTo("ticket_expired_code");
    assertThat(other.post(S1, "strategy", "ticket", "ticket", "forged").errorCode()).isEqualTo("ticket_invalid_code");
    assertThat(other.postMalformed(S1, "strategy", "ticket").errorCode()).isEqualTo("form_param_missing");
    String unused = emulator.createSignInToken(ada, Duration.ofMinutes(5));
    assertThat(other.post(U1, "strategy", "ticket", "ticket", unused).errorCode())
        .isEqualTo("sign_in_token_not_in_sign_in_code");
  }

  @Test
  void anInvitationSignsUpWithAVerifiedAddressOnce() {
    ClerkEmulator emulator = start();
    String invitation = emulator.createInvitation("invited@example.com", Duration.ofDays(7));
    ContractCheckingClient c = contract.client(emulator);
    assertThat(c.post(S1, "strategy", "ticket", "ticket", invitation).errorCode()).isEqualTo("invitation_account_not_exists");
    JsonNode s = c.post(U1, "strategy", "ticket", "ticket", invitation, "first_name", "Ivy").response();
    assertThat(s.path("email_address").asText()).isEqualTo("invited@example.com");
    assertThat(s.path("verifications").path("email_address").path("strategy").asText()).isEqualTo("ticket");
    assertThat(s.path("unverified_fields").size()).isZero();
    assertThat(s.path("missing_fields").get(0).asText()).isEqualTo("password");
    JsonNode done = c.patch(U1 + "/" + s.path("id").asText(), "password", "invited-password-1").response();
    assertThat(done.path("status").asText()).isEqualTo("complete");
    assertThat(contract.client(emulator).post(U1, "strategy", "ticket", "ticket", invitation).errorCode())
        .isIn("invitation_already_accepted");
  }

  // ---------------------------------------------------------------- ID tokens (§14.3)

  @Test
  void idTokensSignInKnownAccountsAndNewOnesAsClerksSdksExpect() {
    ClerkEmulator emulator = start(b -> b.oauthProvider("apple"));
    ContractCheckingClient c = contract.client(emulator);
    String adaGoogle = emulator.idToken("google", ADA);
    assertThat(c.post(S1, "strategy", "google_one_tap", "token", adaGoogle).response().path("status").asText())
        .isEqualTo("complete");

    ContractCheckingClient fresh = contract.client(emulator);
    Answer newGoogle = fresh.post(S1, "strategy", "google_one_tap", "token",
        emulator.idToken("google", IdpAccount.of("gnew@example.com")));
    assertThat(newGoogle.status()).isEqualTo(404);
    assertThat(newGoogle.errorCode()).isEqualTo("external_account_not_found");
    JsonNode signedUp = fresh.post(U1, "strategy", "google_one_tap", "token",
        emulator.idToken("google", IdpAccount.of("gnew@example.com"))).response();
    assertThat(signedUp.path("status").asText()).isEqualTo("complete");

    ContractCheckingClient apple = contract.client(emulator);
    JsonNode transferable = apple.post(S1, "strategy", "oauth_token_apple", "token",
        emulator.idToken("apple", IdpAccount.of("anew@example.com", "Ann", null))).response();
    assertThat(transferable.path("first_factor_verification").path("status").asText()).isEqualTo("transferable");
    assertThat(apple.post(U1, "transfer", "true").response().path("status").asText()).isEqualTo("complete");

    assertThat(contract.client(emulator).post(S1, "strategy", "oauth_token_apple", "token", adaGoogle).errorCode())
        .as("Google's token is not Apple's").isEqualTo("form_param_value_invalid");
    assertThat(contract.client(emulator).post(S1, "strategy", "oauth_token_facebook", "token", "x").errorCode())
        .isEqualTo("oauth_token_provider_not_enabled");
  }

  // ---------------------------------------------------------------- e-mail links (§16)

  @Test
  void anEmailLinkVerifiesTheSignInOnceUntilItExpires() {
    ClerkEmulator emulator = start(b -> b.emailLinks(true));
    ContractCheckingClient c = contract.client(emulator);
    JsonNode identified = c.post(S1, "identifier", "ada@example.com").response();
    assertThat(strategies(identified.path("supported_first_factors"))).contains("email_link");
    String id = identified.path("id").asText();
    String emailId = StreamSupport.stream(identified.path("supported_first_factors").spliterator(), false)
        .filter(f -> f.path("strategy").asText().equals("email_link")).findFirst().orElseThrow()
        .path("email_address_id").asText();
    JsonNode sent = c.post(signIn(id) + "/prepare_first_factor", "strategy", "email_link", "email_address_id", emailId,
        "redirect_url", "https://example.com/verified").response();
    assertThat(sent.path("first_factor_verification").path("object").asText()).isEqualTo("verification_email_link");
    String link = emulator.outbox().latestLinkFor("ada@example.com");
    assertThat(link).startsWith(emulator.url() + "/v1/verify?token=");

    Page opened = browser.get(link);
    assertThat(opened.status()).isEqualTo(303);
    assertThat(opened.locationQuery()).containsEntry("__clerk_status", "verified").containsKey("__clerk_created_session");
    assertThat(c.get(signIn(id)).response().path("status").asText()).isEqualTo("complete");
    assertThat(browser.get(link).locationQuery()).as("used").containsEntry("__clerk_status", "failed");

    ContractCheckingClient late = contract.client(emulator);
    String lateId = late.post(S1, "identifier", "ada@example.com").response().path("id").asText();
    late.post(signIn(lateId) + "/prepare_first_factor", "strategy", "email_link", "email_address_id", emailId);
    String stale = emulator.outbox().latestLinkFor("ada@example.com");
    late.post(signIn(lateId) + "/prepare_first_factor", "strategy", "email_link", "email_address_id", emailId);
    String latest = emulator.outbox().latestLinkFor("ada@example.com");
    Page staleOpened = browser.get(stale);
    assertThat(staleOpened.status()).as("no redirect URL: the error itself").isEqualTo(400);
    assertThat(staleOpened.body()).contains("verification_link_token_stale");
    clock.advance(Duration.ofMinutes(11));
    Page expired = browser.get(latest);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.body()).contains("verification_link_token_expired");
    JsonNode after = late.get(signIn(lateId)).response();
    assertThat(after.path("status").asText()).isEqualTo("needs_first_factor");
    assertThat(after.path("first_factor_verification").path("status").asText()).isEqualTo("expired");
    assertThat(browser.get(emulator.url() + "/v1/verify?token=forged").body()).contains("verification_link_token_invalid");
  }

  @Test
  void clientTrustCanBeAnEmailLink() {
    ClerkEmulator emulator = start(b -> b.emailLinks(true));
    ContractCheckingClient c = contract.client(emulator);
    JsonNode trust = c.post(S1, "identifier", "ada@example.com", "password", "ada-password-1").response();
    assertThat(trust.path("status").asText()).isEqualTo("needs_client_trust");
    assertThat(strategies(trust.path("supported_second_factors"))).containsExactly("email_code", "email_link");
    String id = trust.path("id").asText();
    JsonNode sent = c.post(signIn(id) + "/prepare_second_factor", "strategy", "email_link",
        "email_address_id", trust.path("supported_second_factors").path(1).path("email_address_id").asText(),
        "redirect_url", "https://example.com/verified").response();
    assertThat(sent.path("second_factor_verification").path("strategy").asText()).isEqualTo("email_link");
    Page opened = browser.get(emulator.outbox().latestLinkFor("ada@example.com"));
    assertThat(opened.locationQuery()).containsEntry("__clerk_status", "verified");
    assertThat(c.get(signIn(id)).response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void theEnvironmentShowsTheProvidersConnectionsAndLinks() {
    ClerkEmulator emulator = start(b -> b.emailLinks(true).oauthProvider("custom_acme"));
    JsonNode settings = contract.client(emulator).get("/v1/environment").body().path("user_settings");
    assertThat(settings.path("social").path("oauth_google").path("enabled").asBoolean()).isTrue();
    assertThat(settings.path("social").path("oauth_custom_acme").path("enabled").asBoolean()).isTrue();
    assertThat(settings.path("social").path("oauth_apple").path("enabled").asBoolean()).isFalse();
    assertThat(settings.path("enterprise_sso").path("enabled").asBoolean()).isTrue();
    assertThat(settings.path("attributes").path("email_address").path("first_factors").toString()).contains("email_link");
  }
}
