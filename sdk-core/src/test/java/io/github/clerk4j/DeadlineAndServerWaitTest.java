package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One call ends within {@link RetryPolicy#totalTimeout()}, retries included; a 503's {@code
 * Retry-After} is honoured as a 429's; a transport that breaks its contract is still typed.
 */
class DeadlineAndServerWaitTest {

  final TestClock clock = new TestClock(Fixtures.T0);
  final FakeTransport fake = new FakeTransport();
  final List<Duration> waits = new ArrayList<>();

  Clerk clerk(RetryPolicy.Builder policy) {
    return Clerk.builder().frontendApiUrl(Fixtures.URL).transport(u -> fake).clock(clock)
        .retryPolicy(policy.sleeper(d -> {
          waits.add(d);
          clock.advance(d);
        }).jitter(() -> 1.0).build())
        .build();
  }

  static ClerkNetworkException timedOut() {
    return new ClerkNetworkException("GET_CLIENT: timeout", new IOException("timeout"), true);
  }

  static ClerkApiException unavailable(Duration retryAfter) {
    return ClerkApiException.of(503, List.of(new ClerkError("http_503", "HTTP 503", "unavailable", null)),
        null, retryAfter);
  }

  @Test
  void aStalledCallEndsAtTheDeadlineInsteadOfRetryingPastIt() {
    Clerk clerk = clerk(RetryPolicy.builder());
    fake.then(r -> {
      assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(30));
      clock.advance(r.timeout()); // the transport's attempt times out at the deadline it was given
      throw timedOut();
    });
    assertThatThrownBy(clerk::loadClient).isInstanceOf(ClerkNetworkException.class);
    assertThat(fake.requests()).hasSize(1);
    assertThat(Duration.between(Fixtures.T0, clock.instant())).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void eachRetryGetsWhatIsLeftOfTheDeadlineAsItsTimeout() {
    Clerk clerk = clerk(RetryPolicy.builder().totalTimeout(Duration.ofSeconds(10)));
    fake.then(r -> {
      clock.advance(Duration.ofSeconds(4));
      throw timedOut();
    }).then(r -> {
      clock.advance(r.timeout());
      throw timedOut();
    });
    assertThatThrownBy(clerk::loadClient).isInstanceOf(ClerkNetworkException.class);
    // 4 s, then a 250 ms backoff: the second attempt has 5.75 s left
    assertThat(fake.request(0).timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(fake.request(1).timeout()).isEqualTo(Duration.ofMillis(5750));
    assertThat(fake.requests()).hasSize(2);
    assertThat(Duration.between(Fixtures.T0, clock.instant())).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aRetryAfterThatWouldEndPastTheDeadlineIsNotWaited() {
    Clerk clerk = clerk(RetryPolicy.builder().totalTimeout(Duration.ofSeconds(1)));
    fake.thenThrow(RetryPolicyTest.rateLimited(Duration.ofSeconds(2)));
    assertThatThrownBy(clerk::loadClient).isInstanceOf(ClerkRateLimitException.class);
    assertThat(waits).isEmpty();
  }

  @Test
  void a503RetryAfterIsWaitedForAnIdempotentCall() {
    Clerk clerk = clerk(RetryPolicy.builder());
    fake.thenThrow(unavailable(Duration.ofSeconds(1)))
        .thenRespond(client("client_1", Fixtures.T0, null, null));
    clerk.loadClient();
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void a503RetryAfterBeyondTheCapIsSurfacedWithTheWait() {
    Clerk clerk = clerk(RetryPolicy.builder());
    fake.thenThrow(unavailable(Duration.ofSeconds(60)));
    assertThatThrownBy(clerk::loadClient)
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)))
        .hasMessageContaining("try again in 60 s");
    assertThat(waits).isEmpty();
  }

  @Test
  void a503OfANonIdempotentCallIsNeverSentAgain() {
    Clerk clerk = clerk(RetryPolicy.builder());
    fake.thenThrow(unavailable(Duration.ofSeconds(1)));
    assertThatThrownBy(() -> clerk.signIn().password("ada@example.com", "pw-123456"))
        .isInstanceOf(ClerkApiException.class);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN);
  }

  @Test
  void aRateLimitIsWaitedAtMostTwoSecondsByDefault() {
    assertThat(RetryPolicy.defaults().maxRetryAfter()).isEqualTo(Duration.ofSeconds(2));
    Clerk clerk = clerk(RetryPolicy.builder());
    fake.thenThrow(RetryPolicyTest.rateLimited(Duration.ofSeconds(2)))
        .thenRespond(client("client_1", Fixtures.T0, null, null))
        .thenThrow(RetryPolicyTest.rateLimited(Duration.ofSeconds(3)));
    clerk.loadClient();
    assertThatThrownBy(clerk::loadClient).isInstanceOf(ClerkRateLimitException.class)
        .hasMessageContaining("try again in 3 s");
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aTransportThatThrowsSomethingElseIsStillANetworkFailure() {
    Clerk clerk = clerk(RetryPolicy.builder());
    fake.then(r -> {
      throw new IllegalStateException("bug in a transport");
    }).thenRespond(client("client_1", Fixtures.T0, null, null)).then(r -> {
      throw new IllegalStateException("bug in a transport");
    });
    clerk.loadClient();
    assertThat(fake.requests()).as("a GET is retried").hasSize(2);
    assertThatThrownBy(() -> clerk.signIn().password("ada@example.com", "pw-123456"))
        .isInstanceOfSatisfying(ClerkNetworkException.class, e -> assertThat(e.requestMayHaveBeenSent()).isTrue())
        .hasMessageContaining("the transport failed");
    assertThat(fake.requests()).as("a create is not").hasSize(3);
  }

  @Test
  void anAnswerThatBreaksAResourcesInvariantsLeavesTheStateAsItWas() {
    Clerk clerk = clerk(RetryPolicy.builder());
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1", Fixtures.session("sess_1", "active")))
        .otherwise(r -> FapiResponse.decode(r, 200, h -> null, new io.github.clerk4j.internal.wire.TextJsonSourceAccess()
            .of("{\"response\": {\"id\": \"client_1\", \"sessions\": [{\"status\": \"active\"}]}, \"client\": null}")));
    clerk.loadClient();
    Client before = clerk.client();
    assertThatThrownBy(clerk::loadClient).isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("a session without id");
    assertThat(clerk.client()).isSameAs(before);
    assertThat(clerk.session()).map(Session::id).contains("sess_1");
    assertThat(fake.requests()).as("a GET with a broken answer is tried again, up to 3 times").hasSize(4);
  }

  @Test
  void aTokenRotatedByAnAnswerWhoseBodyIsUnusableIsKeptAndTheAppNeverSeesIt() {
    TokenStore store = TokenStore.inMemory();
    Clerk clerk = Clerk.builder().frontendApiUrl(Fixtures.URL).transport(u -> fake).tokenStore(store)
        .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build()).build();
    String rotated = "Bearer " + Fixtures.jwt("client_1", 5000, 99999);
    fake.then(r -> FapiResponse.decode(r, 200, h -> h.equalsIgnoreCase("Authorization") ? rotated : null,
        new io.github.clerk4j.internal.wire.TextJsonSourceAccess().of("{\"response\": {\"id\": \"sia_1\"")));
    assertThatThrownBy(() -> clerk.signIn().password("ada@example.com", "pw-123456"))
        .isExactlyInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("cut off");
    assertThat(store.get()).contains(rotated);
  }
}
