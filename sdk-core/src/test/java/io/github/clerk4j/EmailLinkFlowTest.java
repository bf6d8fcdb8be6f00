package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.emailFactor;
import static io.github.clerk4j.Fixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.internal.wire.SignInResource;
import io.github.clerk4j.spi.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail links (wire spec §16): the sends, first factor and Client Trust step, and the wait that
 * polls the sign-in every second on the Clerk's clock and sleeper (no real sleeping), bounded and
 * cancellable.
 */
class EmailLinkFlowTest {

  static final String EMAIL = "ada@example.com";
  static final URI VERIFIED = URI.create("https://example.com/verified");

  final FakeTransport fake = new FakeTransport();
  final TestClock clock = new TestClock();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  /** Sleeping moves the clock, unless a test makes the sleeper block. */
  volatile RetryPolicy.Sleeper sleeper = d -> {
    sleeps.add(d);
    clock.advance(d);
  };
  final Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).clock(clock)
      .retryPolicy(RetryPolicy.builder().sleeper(d -> sleeper.sleep(d)).build()).build();

  @AfterEach
  void close() {
    clerk.close();
  }

  static SignInResource identified() {
    return signIn("sia_1", "needs_first_factor").identifier(EMAIL)
        .first(emailFactor("email_code", "a***@example.com", "idn_1"), emailFactor("email_link", "a***@example.com", "idn_1"))
        .build();
  }

  static SignInResource linkSent(String status) {
    return signIn("sia_1", "needs_first_factor").identifier(EMAIL)
        .first(emailFactor("email_link", "a***@example.com", "idn_1"))
        .firstVerification(status, "email_link").build();
  }

  SignIn sent() {
    fake.thenRespond(identified()).thenRespond(linkSent("unverified"));
    return clerk.signIn().emailLink().sendLink(EMAIL, VERIFIED);
  }

  @Test
  void sendLinkIdentifiesThenPreparesTheLinkFactor() {
    SignIn s = sent();
    assertThat(fake.endpoints()).containsExactly(Endpoint.CREATE_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR);
    assertThat(fake.form(0)).containsExactly(entry("identifier", EMAIL));
    assertThat(fake.form(1)).containsExactly(entry("strategy", "email_link"), entry("email_address_id", "idn_1"),
        entry("redirect_url", VERIFIED.toString()));
    assertThat(s.firstFactorVerification().orElseThrow().strategy()).isEqualTo(Strategy.EMAIL_LINK);

    fake.thenRespond(linkSent("unverified"));
    s.emailLink().sendLink(VERIFIED);
    assertThat(fake.endpoints()).as("a new link on the same sign-in").endsWith(Endpoint.PREPARE_FIRST_FACTOR);
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void theWaitPollsEverySecondUntilTheLinkIsUsed() {
    SignIn s = sent();
    fake.thenRespond(linkSent("unverified")).thenRespond(linkSent("unverified"))
        .thenRespond(signIn("sia_1", "complete").createdSessionId("sess_1").firstVerification("verified", "email_link")
            .build());
    SignIn done = s.emailLink().waitForVerification(Duration.ofMinutes(10)).join();
    assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(fake.endpoints().subList(2, 5)).containsOnly(Endpoint.GET_SIGN_IN);
    assertThat(fake.form(2)).isEmpty();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void anExpiredLinkEndsTheWaitWithItsStatus() {
    SignIn s = sent();
    fake.thenRespond(linkSent("expired"));
    SignIn expired = s.emailLink().waitForVerification(Duration.ofMinutes(1)).join();
    assertThat(expired.firstFactorVerification().orElseThrow().status()).isEqualTo(VerificationStatus.EXPIRED);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void theWaitIsBoundedByTheClerksClock() {
    SignIn s = sent();
    fake.otherwise(r -> io.github.clerk4j.spi.FapiResponse.of(200, linkSent("unverified"), null, null));
    CompletableFuture<SignIn> wait = s.emailLink().waitForVerification(Duration.ofSeconds(3));
    assertThatThrownBy(wait::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(ClerkTimeoutException.class, e -> {
          assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(e).hasMessageContaining("send a new link");
        });
    assertThat(fake.requests()).as("two sends and a poll at 0, 1, 2 and 3 s").hasSize(6);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void cancellingTheFutureStopsThePolling() throws InterruptedException {
    SignIn s = sent();
    CountDownLatch sleeping = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    sleeper = d -> {
      sleeping.countDown();
      try {
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    };
    fake.thenRespond(linkSent("unverified"));
    CompletableFuture<SignIn> wait = s.emailLink().waitForVerification(Duration.ofMinutes(10));
    assertThat(sleeping.await(30, TimeUnit.SECONDS)).as("the first poll went out").isTrue();
    assertThat(wait.cancel(true)).isTrue();
    assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the sleep was interrupted").isTrue();
    assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class);
    assertThat(fake.requests()).as("no poll after the cancel").hasSize(3);
  }

  @Test
  void clientTrustByEmailLinkUsesTheSecondFactorCalls() {
    SignInResource trust = signIn("sia_1", "needs_client_trust").identifier(EMAIL)
        .second(emailFactor("email_link", "a***@example.com", "idn_1")).build();
    SignInResource trustSent = signIn("sia_1", "needs_client_trust").identifier(EMAIL)
        .second(emailFactor("email_link", "a***@example.com", "idn_1")).secondVerification("unverified", "email_link")
        .build();
    fake.thenRespond(trust).thenRespond(trustSent)
        .thenRespond(signIn("sia_1", "complete").createdSessionId("sess_1").secondVerification("verified", "email_link")
            .build());
    SignIn s = clerk.signIn().password(EMAIL, "pw-1");
    SignIn linked = s.emailLink().sendLink(VERIFIED);
    assertThat(fake.endpoints()).endsWith(Endpoint.PREPARE_SECOND_FACTOR);
    assertThat(fake.form(1)).containsExactly(entry("strategy", "email_link"), entry("email_address_id", "idn_1"),
        entry("redirect_url", VERIFIED.toString()));
    assertThat(linked.emailLink().waitForVerification(Duration.ofMinutes(1)).join().status())
        .isEqualTo(SignInStatus.COMPLETE);
    assertThatThrownBy(() -> linked.emailLink().sendLink(EMAIL, VERIFIED)).hasMessageContaining("second step");
  }

  @Test
  void refusalsSendNothing() {
    fake.thenRespond(signIn("sia_1", "needs_first_factor").identifier(EMAIL)
        .first(emailFactor("email_code", "a***@example.com", "idn_1")).build());
    SignIn codeOnly = clerk.signIn().create(SignInCreateParams.identifier(EMAIL));
    assertThatThrownBy(() -> codeOnly.emailLink().sendLink(VERIFIED))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no email_link factor")
        .hasMessageContaining("email_code");
    assertThatThrownBy(() -> codeOnly.emailLink().waitForVerification(Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no e-mail link was sent");
    assertThatThrownBy(() -> codeOnly.emailLink().waitForVerification(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrepareFirstFactorParams.emailLink("idn_1", URI.create("/relative")))
        .hasMessageContaining("absolute");
    assertThat(fake.requests()).hasSize(1);
  }
}
