package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.client;
import static io.github.clerk4j.Fixtures.emailFactor;
import static io.github.clerk4j.Fixtures.session;
import static io.github.clerk4j.Fixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.internal.wire.SignInResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One asynchronous mechanism, {@link Clerk#async}, behind every resource's {@code async(...)}. */
class AsyncTest {

  final FakeTransport fake = new FakeTransport();
  final ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-io"));
  final Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).executor(pool).build();

  @AfterEach
  void close() {
    clerk.close();
    pool.shutdownNow();
  }

  @Test
  void clientTrustFlowChainsOnTheExecutor() throws Exception {
    SignInResource trust = signIn("sia_1", "needs_client_trust")
        .second(emailFactor("email_code", "a***@example.com", "idn_e")).build();
    SignInResource complete = signIn("sia_1", "complete").createdSessionId("sess_1").build();
    fake.then(r -> {
          assertThat(Thread.currentThread().getName()).isEqualTo("app-io");
          return FapiResponse.of(200, trust, null, null);
        })
        .thenRespond(trust)
        .thenRespond(complete, client("client_1", Fixtures.T0, complete, null, session("sess_1", "active")), null)
        .thenRespond(session("sess_1", "active"));

    Session session = clerk.signIn().async(s -> s.password("ada@example.com", "async-pw-1"))
        .thenCompose(s -> s.async(x -> x.mfa().sendEmailCode()))
        .thenCompose(s -> s.async(x -> x.mfa().verifyEmailCode("909090")))
        .thenCompose(s -> s.async(x -> x.finalize(Navigate.none())))
        .get(5, TimeUnit.SECONDS);

    assertThat(session.id()).isEqualTo("sess_1");
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_SECOND_FACTOR,
        Endpoint.ATTEMPT_SECOND_FACTOR, Endpoint.TOUCH_SESSION);
    assertThat(fake.form(2)).containsExactly(entry("strategy", "email_code"), entry("code", "909090"));
  }

  @Test
  void failuresCompleteTheFutureWithTheSameException() {
    fake.thenThrow(new ClerkApiException(422,
        List.of(new ClerkError("form_password_incorrect", "is incorrect", "Password is incorrect.", null)), null));
    CompletableFuture<SignIn> f = clerk.signIn().async(s -> s.password("ada@example.com", "wrong-pw-1"));
    assertThat(f).failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isPasswordIncorrect()).isTrue());
    try {
      f.join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(ClerkApiException.class);
    }
  }

  @Test
  void aClosedClerkFailsTheFutureAndTheBlockingCallWithAClerkException() {
    FakeTransport f = new FakeTransport();
    Clerk own = Clerk.builder().frontendApiUrl(Fixtures.URL).transport(u -> f).build();
    SignIn s = own.signIn();
    own.close();
    assertThat(s.async(x -> x.password("ada@example.com", "pw-after-close")))
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(ClerkException.class)
        .withMessageContaining("closed");
    assertThat(own.async(() -> own.withReverification(() -> "x", p -> java.util.Optional.empty())))
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(ClerkException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.password("ada@example.com", "pw-after-close"))
        .isExactlyInstanceOf(ClerkException.class)
        .hasMessageContaining("closed");
    assertThat(f.requests()).isEmpty();
  }

  @Test
  void anExecutorThatRefusesFailsTheFutureWithAClerkException() {
    FakeTransport f = new FakeTransport();
    ExecutorService stopped = Executors.newSingleThreadExecutor();
    stopped.shutdown();
    try (Clerk own = Clerk.builder().frontendApiUrl(Fixtures.URL).transport(u -> f).executor(stopped).build()) {
      assertThat(own.signIn().async(SignIn::reload))
          .failsWithin(5, TimeUnit.SECONDS)
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isExactlyInstanceOf(ClerkException.class)
          .withMessageContaining("refused");
    }
  }

  @Test
  void codeFlowsAndLowerLevelCallsRunThroughTheSameMechanism() throws Exception {
    SignInResource needsFirst = signIn("sia_1", "needs_first_factor").identifier("ada@example.com")
        .first(emailFactor("email_code", "ada@example.com", "idn_e"),
            emailFactor("reset_password_email_code", "ada@example.com", "idn_e")).build();
    fake.thenRespond(needsFirst).thenRespond(needsFirst).thenRespond(needsFirst);
    SignIn s = clerk.signIn().async(x -> x.emailCode().sendCode("ada@example.com")).get(5, TimeUnit.SECONDS);
    s.async(x -> x.resetPasswordEmailCode().sendCode()).get(5, TimeUnit.SECONDS);
    clerk.async(s::reload).get(5, TimeUnit.SECONDS);
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR,
        Endpoint.GET_SIGN_IN);
    assertThat(fake.form(1)).containsEntry("strategy", "reset_password_email_code");
  }
}
