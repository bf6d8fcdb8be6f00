package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInFlowTest {
  private static final String ALICE = "alice@example.com";
  private static final String PASSWORD = "correct-horse-battery";

  private ClerkEmulator emulator;
  private Fapi fapi;

  @BeforeEach
  void start() {
    emulator = ClerkEmulator.builder()
        .rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email(ALICE).phone("+15555550100").username("alice")
            .firstName("Alice").password(PASSWORD).build())
        .user(EmulatorUser.builder().phone("+15555550177").password(PASSWORD).build())
        .build().start();
    fapi = new Fapi(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void passwordOnNewClientNeedsClientTrustByEmailThenClientIsKnown() {
    Answer created = fapi.passwordSignIn(ALICE, PASSWORD);

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.header("Authorization")).hasValueSatisfying(t -> assertThat(t).startsWith("Bearer "));
    Map<String, Object> signIn = created.response();
    assertThat(signIn.get("status")).isEqualTo("needs_client_trust");
    assertThat(signIn.get("client_trust_state")).isEqualTo("new");
    List<Map<String, Object>> second = Fapi.list(signIn.get("supported_second_factors"));
    assertThat(second).extracting(f -> f.get("strategy")).containsExactly("email_code");
    assertThat(created.client().get("sign_in")).isEqualTo(signIn);

    String id = (String) signIn.get("id");
    Answer prepared = fapi.post("/v1/client/sign_ins/" + id + "/prepare_second_factor",
        "strategy", "email_code", "email_address_id", (String) second.get(0).get("email_address_id"));
    assertThat(Fapi.map(prepared.response().get("second_factor_verification")))
        .containsEntry("status", "unverified").containsEntry("object", "verification_otp");
    String tokenBefore = fapi.token();

    Answer done = fapi.post("/v1/client/sign_ins/" + id + "/attempt_second_factor",
        "strategy", "email_code", "code", emulator.outbox().latestCodeFor(ALICE));

    assertThat(done.response().get("status")).isEqualTo("complete");
    String sessionId = (String) done.response().get("created_session_id");
    assertThat(sessionId).startsWith("sess_");
    assertThat(done.client().get("last_active_session_id")).isEqualTo(sessionId);
    assertThat(done.client().get("sign_in")).isNull();
    assertThat(fapi.token()).isNotEqualTo(tokenBefore); // rotated on session creation

    // Known client: after signing out, the next password sign-in completes at once.
    fapi.post("/v1/client/sessions/" + sessionId + "/end");
    Answer again = fapi.passwordSignIn("alice", PASSWORD);
    assertThat(again.response().get("status")).isEqualTo("complete");
    assertThat(again.response().get("client_trust_state")).isEqualTo("known");
  }

  @Test
  void clientTrustFallsBackToSmsWhenUserHasNoEmail() {
    Answer created = fapi.passwordSignIn("+15555550177", PASSWORD);
    assertThat(created.response().get("status")).isEqualTo("needs_client_trust");
    assertThat(Fapi.list(created.response().get("supported_second_factors")))
        .extracting(f -> f.get("strategy")).containsExactly("phone_code");
    String id = (String) created.response().get("id");
    fapi.post("/v1/client/sign_ins/" + id + "/prepare_second_factor", "strategy", "phone_code");
    assertThat(emulator.outbox().messagesFor("+15555550177")).singleElement()
        .satisfies(m -> assertThat(m.channel()).isEqualTo(OutboxMessage.Channel.SMS));
    Answer done = fapi.post("/v1/client/sign_ins/" + id + "/attempt_second_factor",
        "strategy", "phone_code", "code", TestMode.CODE); // test-mode number
    assertThat(done.response().get("status")).isEqualTo("complete");
  }

  @Test
  void oldClientTokensStayValidAfterRotation() {
    Answer created = fapi.passwordSignIn(ALICE, PASSWORD);
    String first = fapi.token();
    String sessionId = fapi.signIn(emulator, ALICE, PASSWORD);
    assertThat(fapi.token()).isNotEqualTo(first);

    fapi.token(first.substring("Bearer ".length())); // bare token form, as Expo sends it
    Answer client = fapi.get("/v1/client");
    assertThat(client.status()).isEqualTo(200);
    assertThat(client.response().get("id")).isEqualTo(created.client().get("id"));
    assertThat(client.response().get("last_active_session_id")).isEqualTo(sessionId);
  }

  @Test
  void codeSignInByEmailAndPhone() {
    Answer created = fapi.post("/v1/client/sign_ins", "identifier", ALICE, "strategy", "email_code");
    assertThat(created.response().get("status")).isEqualTo("needs_first_factor");
    assertThat(Fapi.map(created.response().get("first_factor_verification")))
        .containsEntry("strategy", "email_code").containsEntry("status", "unverified");
    String id = (String) created.response().get("id");
    Answer done = fapi.post("/v1/client/sign_ins/" + id + "/attempt_first_factor",
        "strategy", "email_code", "code", emulator.outbox().latestCodeFor(ALICE));
    assertThat(done.response().get("status")).isEqualTo("complete");
    assertThat(done.client().get("last_authentication_strategy")).isEqualTo("email_code");

    Fapi other = new Fapi(emulator);
    Answer byPhone = other.post("/v1/client/sign_ins", "identifier", "+15555550100");
    String phoneSignIn = (String) byPhone.response().get("id");
    Map<String, Object> phoneFactor = Fapi.list(byPhone.response().get("supported_first_factors")).stream()
        .filter(f -> "phone_code".equals(f.get("strategy"))).findFirst().orElseThrow();
    other.post("/v1/client/sign_ins/" + phoneSignIn + "/prepare_first_factor",
        "strategy", "phone_code", "phone_number_id", (String) phoneFactor.get("phone_number_id"));
    Answer phoneDone = other.post("/v1/client/sign_ins/" + phoneSignIn + "/attempt_first_factor",
        "strategy", "phone_code", "code", emulator.outbox().latestCodeFor("+15555550100"));
    assertThat(phoneDone.response().get("status")).isEqualTo("complete");
  }

  /** One call creates the sign-in and sends the code; an account without that factor is refused. */
  @Test
  void aCodeSignInForAnAccountWithoutThatFactorIsRefusedAndKeepsTheCurrentSignIn() {
    Answer current = fapi.post("/v1/client/sign_ins", "identifier", ALICE);
    Answer refused = fapi.post("/v1/client/sign_ins", "identifier", "+15555550177", "strategy", "email_code");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("strategy_for_user_invalid");
    assertThat(emulator.outbox().messages()).as("no code sent").isEmpty();

    Answer client = fapi.get("/v1/client");
    assertThat(Fapi.map(client.response().get("sign_in")).get("id")).isEqualTo(current.response().get("id"));
  }
}
