package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.EMAIL;
import static io.github.clerk4j.it.wire.Fapi.SIGN_IN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInCreateParams;
import io.github.clerk4j.SignInStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retry rules (RetryPolicy javadoc, DESIGN.md §3) as the server sees them: what is sent again,
 * what never is, and what the caller gets.
 */
class RetryWireTest {

  private static final String PASSWORD = "retry-Pa55word";
  /** The first backoff with jitter 1.0: the 250 ms ceiling. */
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  @Test
  void rateLimitedCreateIsSentAgainAfterRetryAfter() {
    fapi.answer(429, Fapi.errors("too_many_requests", null, "trace_429"), "Retry-After", "1");
    fapi.ok(Fapi.signIn("complete", "identifier", EMAIL, "created_session_id", Fapi.SESSION_ID), null);

    SignIn signIn = fapi.clerk.signIn().password(EMAIL, PASSWORD);

    assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(fapi.sleeps).as("waited out Retry-After, by the injected sleeper").containsExactly(Duration.ofSeconds(1));
    for (int i = 0; i < 2; i++) {
      fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);
    }
    assertThat(fapi.requestCount()).isEqualTo(2);
  }

  @Test
  void rateLimitLongerThanTheCapIsSurfacedAtOnce() {
    fapi.answer(429, Fapi.errors("too_many_requests", null, "trace_429"), "Retry-After", "30");

    ClerkRateLimitException e = catchThrowableOfType(ClerkRateLimitException.class,
        () -> fapi.clerk.signIn().password(EMAIL, PASSWORD));

    assertThat(e).isNotNull();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(e.isTooManyRequests()).isTrue();
    assertThat(fapi.sleeps).isEmpty();
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);
  }

  @Test
  void serverErrorIsSentAgainOnlyForAGet() {
    fapi.answer(503, "");
    ClerkApiException e = catchThrowableOfType(ClerkApiException.class,
        () -> fapi.clerk.signIn().create(SignInCreateParams.identifier(EMAIL)));
    assertThat(e).isNotNull();
    assertThat(e.httpStatus()).isEqualTo(503);
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL);
    assertThat(fapi.sleeps).isEmpty();

    fapi.answer(503, "");
    fapi.ok(Fapi.signedInClient(), null);
    fapi.clerk.loadClient();
    fapi.expect("GET", "/v1/client").noBody();
    fapi.expect("GET", "/v1/client").noBody();
    assertThat(fapi.sleeps).containsExactly(FIRST_BACKOFF);
  }

  @Test
  void attemptWhoseConnectionDropsAfterSendingIsNotSentAgain() {
    fapi.ok(Fapi.signIn("needs_client_trust", "identifier", EMAIL,
        "supported_second_factors", Json.arr(Fapi.emailFactor("email_code"))), null);
    fapi.ok(Fapi.signIn("needs_client_trust", "identifier", EMAIL,
        "supported_second_factors", Json.arr(Fapi.emailFactor("email_code")),
        "second_factor_verification", Fapi.verification("email_code", "unverified")), null);
    SignIn held = fapi.clerk.signIn().password(EMAIL, PASSWORD).mfa().sendEmailCode();
    fapi.expect("POST", "/v1/client/sign_ins");
    fapi.expect("POST", "/v1/client/sign_ins/" + SIGN_IN_ID + "/prepare_second_factor");
    String tokenBefore = fapi.currentToken();

    fapi.dropAfterRequest();
    // were the attempt re-sent, this answer would make it succeed
    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID), null);
    ClerkNetworkException e =
        catchThrowableOfType(ClerkNetworkException.class, () -> held.mfa().verifyEmailCode("424242"));

    assertThat(e).isNotNull();
    assertThat(e.requestMayHaveBeenSent()).isTrue();
    assertThat(e.getMessage()).contains("ATTEMPT_SECOND_FACTOR").doesNotContain("424242");
    assertThat(fapi.sleeps).as("no retry was scheduled").isEmpty();
    fapi.expect("POST", "/v1/client/sign_ins/" + SIGN_IN_ID + "/attempt_second_factor")
        .form("strategy", "email_code", "code", "424242");
    assertThat(fapi.requestCount()).as("the attempt reached the server exactly once").isEqualTo(3);
    assertThat(fapi.currentToken()).as("the dropped answer rotated nothing").isEqualTo(tokenBefore);

    // the SignIn the caller held is still usable: the caller decides to try again
    SignIn complete = held.mfa().verifyEmailCode("424242");
    fapi.expect("POST", "/v1/client/sign_ins/" + SIGN_IN_ID + "/attempt_second_factor")
        .form("strategy", "email_code", "code", "424242");
    assertThat(complete.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(held.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
  }

  @Test
  void reloadIsSentAgainAfterANetworkFailure() {
    fapi.ok(Fapi.signIn("needs_first_factor", "identifier", EMAIL), null);
    SignIn signIn = fapi.clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL);

    fapi.dropAfterRequest();
    fapi.ok(Fapi.signIn("needs_first_factor", "identifier", EMAIL), null);
    SignIn reloaded = signIn.reload();

    fapi.expect("GET", "/v1/client/sign_ins/" + SIGN_IN_ID).noBody();
    fapi.expect("GET", "/v1/client/sign_ins/" + SIGN_IN_ID).noBody();
    assertThat(fapi.sleeps).containsExactly(FIRST_BACKOFF);
    assertThat(reloaded.status()).isEqualTo(SignInStatus.NEEDS_FIRST_FACTOR);
  }

  @Test
  void loadClientIsSentAgainAfterNetworkFailures() {
    fapi.dropAfterRequest();
    fapi.dropAfterRequest();
    fapi.ok(Fapi.signedInClient(), null);

    fapi.clerk.loadClient();

    for (int i = 0; i < 3; i++) {
      fapi.expect("GET", "/v1/client").noBody();
    }
    assertThat(fapi.sleeps).as("exponential backoff").containsExactly(FIRST_BACKOFF, FIRST_BACKOFF.multipliedBy(2));
    assertThat(fapi.clerk.session()).isPresent();
  }

  @Test
  void successfulAnswerThatIsNotJsonIsANetworkFailureAndNotSentAgain() {
    fapi.answer(200, "<html><body>Service temporarily unavailable</body></html>", "Content-Type", "text/html");

    ClerkNetworkException e = catchThrowableOfType(ClerkNetworkException.class,
        () -> fapi.clerk.signIn().password(EMAIL, PASSWORD));

    assertThat(e).isNotNull();
    assertThat(e.requestMayHaveBeenSent()).as("the server answered, so it had the request").isTrue();
    assertThat(e.getMessage()).doesNotContain(PASSWORD);
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);
    assertThat(fapi.sleeps).isEmpty();
  }
}
