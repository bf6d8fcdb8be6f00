package io.github.clerk4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.internal.CallExecutor;
import io.github.clerk4j.internal.TokenKeeper;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.Form;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry classification matrix: every kind of failure against an idempotent call (GET client)
 * and a non-idempotent one (attempt second factor), counting the requests the server would see.
 */
class RetryMatrixTest {

  static ClerkApiException api(int status, String code) {
    return ClerkApiException.of(status, List.of(new ClerkError(code, "m", "lm", null)), null, null);
  }

  static Stream<Arguments> cases() {
    Supplier<RuntimeException> maybeSent = () -> new ClerkNetworkException("read timeout", new IOException(), true);
    Supplier<RuntimeException> neverSent = () -> new ClerkNetworkException("connect refused", new IOException(), false);
    Supplier<RuntimeException> retryAfter1 = () -> new ClerkRateLimitException(List.of(), null, Duration.ofSeconds(1), null);
    Supplier<RuntimeException> retryAfter60 = () -> new ClerkRateLimitException(List.of(), null, Duration.ofSeconds(60), null);
    Supplier<RuntimeException> noRetryAfter = () -> new ClerkRateLimitException(List.of(), null, null, null);
    // failure, requests seen for GET (idempotent), for attempt_second_factor (not idempotent)
    return Stream.of(
        Arguments.of("network, may have been sent", maybeSent, 2, 1),
        Arguments.of("network, never sent", neverSent, 2, 2),
        Arguments.of("429 Retry-After 1 s", retryAfter1, 2, 2),
        Arguments.of("429 Retry-After 60 s", retryAfter60, 1, 1),
        Arguments.of("429 without Retry-After", noRetryAfter, 2, 2),
        Arguments.of("500", (Supplier<RuntimeException>) () -> api(500, "internal_clerk_error"), 2, 1),
        Arguments.of("502", (Supplier<RuntimeException>) () -> api(502, "bad_gateway"), 2, 1),
        Arguments.of("503", (Supplier<RuntimeException>) () -> api(503, "unavailable"), 2, 1),
        Arguments.of("504", (Supplier<RuntimeException>) () -> api(504, "timeout"), 2, 1),
        Arguments.of("501", (Supplier<RuntimeException>) () -> api(501, "not_implemented"), 1, 1),
        Arguments.of("400", (Supplier<RuntimeException>) () -> api(400, "verification_expired"), 1, 1),
        Arguments.of("401", (Supplier<RuntimeException>) () -> api(401, "authentication_invalid"), 1, 1),
        Arguments.of("403", (Supplier<RuntimeException>) () -> api(403, "user_locked"), 1, 1),
        Arguments.of("409", (Supplier<RuntimeException>) () -> api(409, "resource_locked"), 1, 1),
        Arguments.of("422", (Supplier<RuntimeException>) () -> api(422, "form_code_incorrect"), 1, 1));
  }

  /** Fails once with {@code failure}, then answers; returns how many requests were made. */
  private static int requestsAfterOneFailure(Endpoint endpoint, Supplier<RuntimeException> failure) {
    FakeTransport fake = new FakeTransport();
    fake.thenThrow(failure.get()).thenRespond(null);
    Fixtures.Sleeps sleeps = new Fixtures.Sleeps();
    CallExecutor calls = new CallExecutor(fake, RetryPolicy.builder().sleeper(sleeps).build(),
        java.time.Clock.systemUTC(), new TokenKeeper(TokenStore.inMemory()), c -> {}, () -> {}, s -> {});
    try {
      calls.execute(endpoint, "sia_1", null, Form.empty());
    } catch (ClerkException expected) {
      // surfaced instead of retried; the request count says which
    }
    return fake.requests().size();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachFailureIsRetriedOnlyWhenSafe(String name, Supplier<RuntimeException> failure,
      int idempotentRequests, int nonIdempotentRequests) {
    assertThat(requestsAfterOneFailure(Endpoint.GET_CLIENT, failure)).as("GET").isEqualTo(idempotentRequests);
    assertThat(requestsAfterOneFailure(Endpoint.ATTEMPT_SECOND_FACTOR, failure))
        .as("attempt_second_factor").isEqualTo(nonIdempotentRequests);
  }

  /** The failures that reach the caller of a non-idempotent call at once. */
  static Stream<Arguments> surfaced() {
    return cases().filter(a -> (int) a.get()[3] == 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("surfaced")
  void aSurfacedFailureIsTheTransportsOwn(String name, Supplier<RuntimeException> failure,
      int idempotentRequests, int nonIdempotentRequests) {
    RuntimeException thrown = failure.get();
    FakeTransport fake = new FakeTransport();
    fake.thenThrow(thrown);
    CallExecutor calls = new CallExecutor(fake, RetryPolicy.builder().sleeper(new Fixtures.Sleeps()).build(),
        java.time.Clock.systemUTC(), new TokenKeeper(TokenStore.inMemory()), c -> {}, () -> {}, s -> {});
    assertThatThrownBy(() -> calls.execute(Endpoint.ATTEMPT_SECOND_FACTOR, "sia_1", null, Form.empty()))
        .isSameAs(thrown);
  }
}
