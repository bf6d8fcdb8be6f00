package io.github.clerk4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkTimeoutException;
import io.github.clerk4j.IdTokenProvider;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.testing.IdpAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tickets, ID tokens and e-mail links end to end (wire spec §14.3, §15, §16): SDK + OkHttp +
 * emulator, the link opened with an HTTP client as a browser would, the wait's polls moving the
 * emulator's clock.
 */
class TicketIdTokenAndEmailLinkTest {

  static final URI VERIFIED = URI.create("https://example.com/verified");
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Opens a link as a browser would, without following where it sends the browser. */
  static HttpResponse<String> open(String link) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  // ---------------------------------------------------------------- tickets

  @Test
  void aSignInTokenSignsInOnceAndExpires() {
    try (BrowserFixture f = new BrowserFixture()) {
      String ada = f.emulator.userId("ada@example.com");
      String ticket = f.emulator.createSignInToken(ada, Duration.ofMinutes(10));
      SignIn signIn = f.clerk.signIn().ticket(ticket);
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.finalize(Navigate.none()).user().orElseThrow().id()).isEqualTo(ada);

      f.clerk.signOut();
      assertThatThrownBy(() -> f.clerk.signIn().ticket(ticket))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isTicketAlreadyUsed()).isTrue())
          .hasMessageContaining("mint a new one").message().doesNotContain(ticket);
      String late = f.emulator.createSignInToken(ada, Duration.ofMinutes(10));
      f.clock.advance(Duration.ofMinutes(11));
      assertThatThrownBy(() -> f.clerk.signIn().ticket(late))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isTicketExpired()).isTrue());
      assertThatThrownBy(() -> f.clerk.signIn().ticket("not-a-ticket"))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isTicketInvalid()).isTrue());
    }
  }

  @Test
  void aTokenTheBackendApiMintedSignsIn() throws Exception {
    try (BrowserFixture f = new BrowserFixture()) {
      // What an app's backend does: POST /v1/sign_in_tokens with its secret key, then hands the token over.
      String body = "{\"user_id\": \"" + f.emulator.userId("ada@example.com") + "\", \"expires_in_seconds\": 600}";
      HttpResponse<String> minted = HTTP.send(HttpRequest.newBuilder(URI.create(f.emulator.backendApiUrl() + "/v1/sign_in_tokens"))
          .header("Authorization", "Bearer " + f.emulator.secretKey()).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(minted.statusCode()).isEqualTo(200);
      String token = minted.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      assertThat(f.clerk.signIn().ticket(token).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void anInvitationSignsUpOnceWithAVerifiedAddress() {
    try (BrowserFixture f = new BrowserFixture()) {
      String invitation = f.emulator.createInvitation("ivy@example.com", Duration.ofDays(7));
      SignUp signUp = f.clerk.signUp().ticket(invitation, SignUpParams.builder().password("ivy-password-22").build());
      assertThat(signUp.status()).isEqualTo(SignUpStatus.COMPLETE);
      assertThat(signUp.verifications().emailAddress().orElseThrow().strategy()).isEqualTo(Strategy.TICKET);
      f.clerk.signOut();
      assertThatThrownBy(() -> f.clerk.signUp().ticket(invitation))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isTicketAlreadyUsed()).isTrue());
    }
  }

  // ---------------------------------------------------------------- ID tokens

  @Test
  void idTokensOfKnownAndNewAccounts() {
    try (BrowserFixture f = new BrowserFixture(b -> b.oauthProvider("apple"))) {
      assertThat(f.clerk.signIn().idToken(IdTokenProvider.GOOGLE, f.emulator.idToken("google", BrowserFixture.ADA))
          .status()).isEqualTo(SignInStatus.COMPLETE);
      f.clerk.signOut();

      String newGoogle = f.emulator.idToken("google", IdpAccount.of("gale@example.com", "Gale", null));
      assertThatThrownBy(() -> f.clerk.signIn().idToken(IdTokenProvider.GOOGLE, newGoogle))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isExternalAccountNotFound()).isTrue())
          .hasMessageContaining("signUp().idToken");
      SignUp google = f.clerk.signUp().idToken(IdTokenProvider.GOOGLE, newGoogle);
      assertThat(google.status()).isEqualTo(SignUpStatus.COMPLETE);
      f.clerk.signOut();

      SignIn apple = f.clerk.signIn().idToken(IdTokenProvider.APPLE,
          f.emulator.idToken("apple", IdpAccount.of("ann@example.com", "Ann", "Apple")));
      assertThat(apple.isTransferable()).isTrue();
      assertThat(apple.transferToSignUp().status()).isEqualTo(SignUpStatus.COMPLETE);
    }
  }

  // ---------------------------------------------------------------- e-mail links

  @Test
  void anEmailLinkOpenedWhileTheAppWaitsSignsIn() {
    try (BrowserFixture f = new BrowserFixture(b -> b.emailLinks(true))) {
      SignIn sent = f.clerk.signIn().emailLink().sendLink("ada@example.com", VERIFIED);
      String link = f.emulator.outbox().latestLinkFor("ada@example.com");
      AtomicInteger polls = new AtomicInteger();
      f.onWait = () -> {
        if (polls.incrementAndGet() == 2) {
          HttpResponse<String> opened = open(link);
          assertThat(opened.statusCode()).isEqualTo(303);
          assertThat(opened.headers().firstValue("Location").orElseThrow())
              .startsWith(VERIFIED + "?__clerk_status=verified&__clerk_created_session=sess_");
        }
      };
      SignIn done = sent.emailLink().waitForVerification(Duration.ofMinutes(5)).join();
      assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
      assertThat(f.waits).as("polled every second until the link was used").containsOnly(Duration.ofSeconds(1))
          .hasSize(2);
      done.finalize(Navigate.none());
      assertThat(open(link).headers().firstValue("Location").orElseThrow()).as("a link works once")
          .contains("__clerk_status=failed");
    }
  }

  @Test
  void anExpiredLinkEndsTheWaitAsExpiredAndAWaitIsBounded() {
    try (BrowserFixture f = new BrowserFixture(b -> b.emailLinks(true))) {
      SignIn sent = f.clerk.signIn().emailLink().sendLink("ada@example.com", VERIFIED);
      String link = f.emulator.outbox().latestLinkFor("ada@example.com");
      f.clock.advance(Duration.ofMinutes(11));
      assertThat(open(link).headers().firstValue("Location").orElseThrow()).contains("__clerk_status=expired");
      SignIn expired = sent.emailLink().waitForVerification(Duration.ofMinutes(1)).join();
      assertThat(expired.status()).isEqualTo(SignInStatus.NEEDS_FIRST_FACTOR);
      assertThat(expired.firstFactorVerification().orElseThrow().status()).isEqualTo(VerificationStatus.EXPIRED);

      SignIn again = expired.emailLink().sendLink(VERIFIED);
      f.waits.clear();
      assertThatThrownBy(() -> again.emailLink().waitForVerification(Duration.ofSeconds(5)).join())
          .isInstanceOf(CompletionException.class).cause().isInstanceOf(ClerkTimeoutException.class);
      assertThat(f.waits).hasSize(5);
    }
  }

  @Test
  void clientTrustByEmailLink() {
    try (BrowserFixture f = new BrowserFixture(b -> b.emailLinks(true))) {
      SignIn trust = f.clerk.signIn().password("ada@example.com", "ada-password-1");
      assertThat(trust.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
      assertThat(trust.supportedSecondFactors()).extracting(io.github.clerk4j.Factor::strategy)
          .contains(Strategy.EMAIL_LINK);
      SignIn sent = trust.emailLink().sendLink(VERIFIED);
      assertThat(sent.secondFactorVerification().orElseThrow().strategy()).isEqualTo(Strategy.EMAIL_LINK);
      assertThat(open(f.emulator.outbox().latestLinkFor("ada@example.com")).statusCode()).isEqualTo(303);
      assertThat(sent.emailLink().waitForVerification(Duration.ofMinutes(5)).join().status())
          .isEqualTo(SignInStatus.COMPLETE);
    }
  }
}
