package io.github.clerk4j.it.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.EmailAddress;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.ClerkEmulatorExtension;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.RateLimits;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * clerk4j-testing's extension injects a ready {@link Clerk}, which needs a transport: tested here
 * rather than in sdk-testing, because clerk4j-okhttp's tests depend on clerk4j-testing (its
 * TransportContractSuite) and Maven refuses a reactor cycle, even through test scope.
 */
class ClerkEmulatorExtensionClerkTest {
  private static final String ALICE = "alice@example.com";
  private static final String PASSWORD = "alice-password-1";

  private static ClerkEmulatorExtension extension() {
    return new ClerkEmulatorExtension(b -> b
        .rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email(ALICE).password(PASSWORD).build()));
  }

  /** The flow of the SDK's README: password, client trust by e-mail code, finalize. */
  private static Session signIn(Clerk clerk, ClerkEmulator emulator) {
    SignIn signIn = clerk.signIn().password(ALICE, PASSWORD);
    assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    signIn = signIn.mfa().sendEmailCode();
    signIn = signIn.mfa().verifyEmailCode(emulator.outbox().latestCodeFor(ALICE));
    assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    return signIn.finalize(Navigate.none());
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OnePerTest {
    @RegisterExtension
    static final ClerkEmulatorExtension CLERK = extension(); // static: instance-field extensions cannot inject fields

    Clerk field;
    /** Final, so not injected: a static Clerk field would get the class's Clerk. */
    static final AtomicReference<Clerk> FIRST_TESTS_CLERK = new AtomicReference<>();

    @Test
    @Order(1)
    void injectsAClerkOfTheEmulatorThatSignsInWithAPassword(Clerk parameter, ClerkEmulator emulator) {
      assertThat(parameter).isSameAs(field);
      assertThat(parameter.frontendApiUrl().toString()).isEqualTo(emulator.url());

      Session session = signIn(parameter, emulator);

      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(parameter.session()).contains(session);
      assertThat(parameter.user().flatMap(User::primaryEmailAddress).map(EmailAddress::emailAddress)).contains(ALICE);
      FIRST_TESTS_CLERK.set(parameter);
    }

    @Test
    @Order(2)
    void eachTestGetsAFreshClientAndThePreviousOneWasClosed(Clerk parameter) {
      Clerk first = FIRST_TESTS_CLERK.get();
      assertThat(first).as("the first test ran").isNotNull();
      assertThat(parameter).isNotSameAs(first).isSameAs(field);
      assertThat(parameter.session()).isEmpty();
      assertThatThrownBy(first::loadClient).hasStackTraceContaining("closed");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OnePerClassWithPerClassLifecycle {
    @RegisterExtension
    static final ClerkEmulatorExtension CLERK = extension(); // static: instance-field extensions cannot inject fields

    Clerk field;

    @Test
    @Order(1)
    void signsIn(ClerkEmulator emulator) {
      signIn(field, emulator);
    }

    @Test
    @Order(2)
    void laterTestsShareTheSignedInClient(Clerk parameter) {
      assertThat(parameter).isSameAs(field);
      assertThat(parameter.session()).isPresent();
    }
  }
}
