package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.UserAttribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What clerk4j itself sends for a sign-up, and what the emulator answers it, checked against
 * Clerk's OpenAPI file: the SDK (over OkHttp) talks to the emulator through a recording proxy, and
 * every exchange of each test must validate, requests and responses both.
 */
class SdkSignUpContractTest {

  private static final String PASSWORD = "sdk-sign-up-password-1";

  private ClerkEmulator emulator;
  private RecordingProxy proxy;
  private Clerk clerk;

  @BeforeEach
  void start() throws Exception {
    emulator = ClerkEmulator.builder().rateLimits(RateLimits.disabled())
        .attribute(UserAttribute.FIRST_NAME, AttributeSetting.REQUIRED)
        .user(EmulatorUser.builder().email("taken@example.com").password(PASSWORD).build())
        .build().start();
    proxy = new RecordingProxy(emulator.url()).start();
    clerk = Clerk.builder().frontendApiUrl(proxy.url()).build();
  }

  @AfterEach
  void everyExchangeFitsTheContract() {
    try {
      List<WireExchange> exchanges = proxy.exchanges();
      assertThat(exchanges).as("exchanges checked").isNotEmpty();
      List<String> violations = exchanges.stream()
          .map(e -> OpenApiContract.fapi().validate(e.asInteraction()))
          .flatMap(r -> r.violations().stream().map(v -> r.label() + "  " + v))
          .toList();
      assertThat(violations).as("contract violations").isEmpty();
    } finally {
      clerk.close();
      proxy.close();
      emulator.close();
    }
  }

  @Test
  void passwordEmailCodeAndFinalize() {
    clerk.environment();
    SignUp s = clerk.signUp().password(SignUpParams.builder().emailAddress("new@example.com").password(PASSWORD)
        .firstName("Ada").legalAccepted(true).unsafeMetadata(Map.of("plan", "pro")).locale("en-GB").build());
    s = s.verifications().sendEmailCode();
    s = s.verifications().verifyEmailCode(emulator.outbox().latestCodeFor("new@example.com"));
    assertThat(s.status()).isEqualTo(SignUpStatus.COMPLETE);
    s.finalize(Navigate.none());
    clerk.signOut();
    assertThat(proxy.exchanges()).extracting(e -> e.method() + " " + e.path().replaceAll("(sua|sess)_\\w+", "$1_ID"))
        .containsExactly("GET /v1/environment", "POST /v1/client/sign_ups",
            "POST /v1/client/sign_ups/sua_ID/prepare_verification",
            "POST /v1/client/sign_ups/sua_ID/attempt_verification",
            "POST /v1/client/sessions/sess_ID/touch", "DELETE /v1/client");
  }

  @Test
  void phoneCodeUpdateReloadAndTheOlderCalls() {
    SignUp s = clerk.signUp().create(SignUpParams.builder().emailAddress("phone@example.com")
        .phoneNumber("+14155550177").strategy(Strategy.PHONE_CODE).build());
    s = s.update(SignUpParams.builder().firstName("Grace").lastName("").build());
    s = s.password(SignUpParams.builder().password(PASSWORD).build());
    s = s.verifications().sendPhoneCode();
    s = s.verifications().verifyPhoneCode(emulator.outbox().latestCodeFor("+14155550177"));
    s = s.reload();
    s = s.prepareEmailAddressVerification();
    s = s.attemptEmailAddressVerification(emulator.outbox().latestCodeFor("phone@example.com"));
    assertThat(s.status()).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(proxy.exchanges()).extracting(e -> e.method() + " " + e.path().replaceAll("sua_\\w+", "sua_ID"))
        .containsExactly("POST /v1/client/sign_ups", "PATCH /v1/client/sign_ups/sua_ID",
            "PATCH /v1/client/sign_ups/sua_ID", "POST /v1/client/sign_ups/sua_ID/prepare_verification",
            "POST /v1/client/sign_ups/sua_ID/attempt_verification", "GET /v1/client/sign_ups/sua_ID",
            "POST /v1/client/sign_ups/sua_ID/prepare_verification",
            "POST /v1/client/sign_ups/sua_ID/attempt_verification");
  }

  @Test
  void refusalsAreClerksErrorEnvelope() {
    assertThatThrownBy(() -> clerk.signUp().password(SignUpParams.builder().emailAddress("taken@example.com")
        .password(PASSWORD).build()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isIdentifierExists()).isTrue());
    assertThatThrownBy(() -> clerk.signUp().create(SignUpParams.builder().phoneNumber("555").build()))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isFormatInvalid("phone_number")).isTrue());
    SignUp s = clerk.signUp().create(SignUpParams.builder().emailAddress("codes@example.com").build());
    assertThatThrownBy(() -> s.verifications().verifyEmailCode("000000")).isInstanceOf(ClerkApiException.class);
    assertThatThrownBy(s::transferToSignIn)
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isAccountTransferInvalid()).isTrue());
    assertThatThrownBy(() -> clerk.signIn().transferToSignUp())
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isAccountTransferInvalid()).isTrue());
  }
}
