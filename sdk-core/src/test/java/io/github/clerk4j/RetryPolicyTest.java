package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.emailFactor;
import static io.github.clerk4j.Fixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.internal.wire.ClientResource;
import io.github.clerk4j.spi.Endpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry rules of DESIGN.md §3, with an injected sleeper: nothing really sleeps. */
class RetryPolicyTest {

  final FakeTransport fake = new FakeTransport();
  final Fixtures.Sleeps sleeps = new Fixtures.Sleeps();
  final Clerk clerk = Fixtures.builder(fake, sleeps).build();

  static ClerkRateLimitException rateLimited(Duration retryAfter) {
    return new ClerkRateLimitException(
        List.of(new ClerkError("too_many_requests", "Too many requests", "Too many requests", null)),
        "trace-429", retryAfter, null);
  }

  static ClerkNetworkException dropped(boolean maybeSent) {
    return new ClerkNetworkException("unexpected end of stream", new IOException("eof"), maybeSent);
  }

  @Test
  void createRateLimitedWithRetryAfter1IsRetriedOnceAfterOneSecond() {
    fake.thenThrow(rateLimited(Duration.ofSeconds(1)))
        .thenRespond(signIn("sia_1", "complete").createdSessionId("sess_1").build());
    SignIn s = clerk.signIn().password("ada@example.com", "pw-123456");
    assertThat(s.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.CREATE_SIGN_IN);
    assertThat(fake.form(1)).isEqualTo(fake.form(0));
    assertThat(sleeps.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aLongRetryAfterIsSurfacedAtOnce() {
    fake.thenThrow(rateLimited(Duration.ofSeconds(60)));
    assertThatThrownBy(() -> clerk.signIn().password("ada@example.com", "pw-123456"))
        .isInstanceOfSatisfying(ClerkRateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)));
    assertThat(fake.requests()).hasSize(1);
    assertThat(sleeps.waits).isEmpty();
  }

  @Test
  void attemptSecondFactorThatMayHaveBeenSentIsNeverResent() {
    fake.thenRespond(signIn("sia_1", "needs_client_trust")
            .second(emailFactor("email_code", "a***@example.com", "idn_e")).build())
        .thenRespond(signIn("sia_1", "needs_client_trust").build())
        .thenThrow(dropped(true));
    SignIn sent = clerk.signIn().password("ada@example.com", "pw-123456").mfa().sendEmailCode();
    assertThatThrownBy(() -> sent.mfa().verifyEmailCode("111222"))
        .isInstanceOfSatisfying(ClerkNetworkException.class,
            e -> assertThat(e.requestMayHaveBeenSent()).isTrue());
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_SECOND_FACTOR,
        Endpoint.ATTEMPT_SECOND_FACTOR);
    assertThat(sleeps.waits).isEmpty();
    // the SignIn the caller holds is still usable
    fake.thenRespond(signIn("sia_1", "complete").createdSessionId("sess_1").build());
    assertThat(sent.reload().status()).isEqualTo(SignInStatus.COMPLETE);
  }

  @Test
  void aPostThatCertainlyNeverLeftIsRetried() {
    fake.thenThrow(dropped(false)).thenRespond(signIn("sia_1", "needs_first_factor").build());
    clerk.signIn().create(SignInCreateParams.identifier("ada@example.com"));
    assertThat(fake.requests()).hasSize(2);
    assertThat(sleeps.waits).hasSize(1);
  }

  @Test
  void getsAreRetriedOnNetworkFailureAndServerErrorsWithBackoff() {
    ClientResource c = Fixtures.client("client_1", Fixtures.T0, null, null);
    fake.thenThrow(dropped(true))
        .thenThrow(new ClerkApiException(503, List.of(), null))
        .thenRespond(c);
    assertThat(clerk.loadClient().id()).contains("client_1");
    assertThat(fake.endpoints()).containsOnly(Endpoint.GET_CLIENT).hasSize(3);
    // jitter 0.5: half of the ceiling plus a quarter; 250 ms then 500 ms ceilings
    assertThat(sleeps.waits).containsExactly(Duration.ofMillis(188), Duration.ofMillis(375));
  }

  @Test
  void attemptsAreBounded() {
    fake.thenThrow(dropped(true)).thenThrow(dropped(true)).thenThrow(dropped(true));
    assertThatThrownBy(clerk::loadClient).isInstanceOf(ClerkNetworkException.class);
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void serverErrorOnAPostIsNotRetried() {
    fake.thenThrow(new ClerkApiException(500, List.of(new ClerkError("internal_clerk_error", "x", "y", null)), null));
    assertThatThrownBy(() -> clerk.signIn().create(SignInCreateParams.identifier("a@example.com")))
        .isInstanceOf(ClerkApiException.class);
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void clientErrorsAreAnswersNotRetried() {
    fake.thenThrow(new ClerkApiException(422, List.of(new ClerkError("form_identifier_not_found", "x", "y", null)), null));
    assertThatThrownBy(() -> clerk.signIn().create(SignInCreateParams.identifier("nobody@example.com")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isIdentifierNotFound()).isTrue());
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void backoffIsCappedAndJittered() {
    RetryPolicy p = RetryPolicy.builder().baseBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(700))
        .jitter(() -> 1.0).build();
    assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoff(30)).isEqualTo(Duration.ofMillis(700));
    RetryPolicy low = p.toBuilder().jitter(() -> 0.0).build();
    assertThat(low.backoff(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
    FakeTransport f = new FakeTransport();
    Clerk c = Clerk.builder().frontendApiUrl(Fixtures.URL).transport(u -> f)
        .retryPolicy(RetryPolicy.builder().sleeper(d -> {
          throw new InterruptedException();
        }).build()).build();
    f.thenThrow(dropped(true));
    try {
      assertThatThrownBy(c::loadClient).isInstanceOf(ClerkNetworkException.class);
      assertThat(Thread.interrupted()).isTrue();
      assertThat(f.requests()).hasSize(1);
    } finally {
      c.close();
    }
  }
}
