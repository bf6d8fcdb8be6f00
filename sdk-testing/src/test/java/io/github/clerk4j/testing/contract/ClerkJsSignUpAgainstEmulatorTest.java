package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.OutboxMessage;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clerk's own JavaScript client (clerk-js 6.40.0, the React Native build) signs up against the
 * emulator with the {@code SignUpFuture} calls of Clerk's e-mail/password guide ({@code
 * password}, {@code verifications.sendEmailCode}, {@code verifications.verifyEmailCode}, {@code
 * finalize}), reading the code from the emulator's outbox, then signs out and signs in with the new
 * password. The emulator's answers to it are checked against the contract.
 */
class ClerkJsSignUpAgainstEmulatorTest {

  // Not a test-mode address: the code must really travel through the outbox.
  private static final String EMAIL = "fay@example.com";
  private static final String PASSWORD = "fay-new-password-1";

  private static ClerkEmulator emulator;
  private static RecordingProxy proxy;
  private static ClerkJsRunner.Result run;

  @BeforeAll
  static void runClerkJs() throws Exception {
    ClerkJsRunner.assumeNodeInstalled();
    emulator = ClerkEmulator.builder().build().start();
    proxy = new RecordingProxy(emulator.url()).start();
    run = ClerkJsRunner.runFlow(List.of(
        "--url", proxy.url(),
        "--publishable-key", emulator.publishableKey(),
        "--identifier", EMAIL,
        "--password", PASSWORD,
        "--outbox",
        "--sign-up"));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void clerkJsSignsUpFinalizesAndSignsInWithTheNewPassword() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode out = run.output();
    assertThat(out.path("ok").asBoolean()).as(run.describe()).isTrue();
    JsonNode signUp = out.path("signUp");
    assertThat(signUp.path("id").asText()).startsWith("sua_");
    assertThat(StreamSupport.stream(signUp.path("unverifiedFields").spliterator(), false).map(JsonNode::asText))
        .containsExactly("email_address");
    assertThat(signUp.path("activeSessionId").asText()).isEqualTo(signUp.path("createdSessionId").asText());
    assertThat(signUp.path("userEmail").asText()).isEqualTo(EMAIL);
    assertThat(out.path("userId").asText()).isEqualTo(signUp.path("createdUserId").asText());
    assertThat(out.path("sessionStatus").asText()).isEqualTo("active");
    assertThat(out.path("statuses").findValuesAsText("status")).startsWith(
        "missing_requirements", "missing_requirements", "complete", "complete");
    assertThat(emulator.outbox().messagesFor(EMAIL)).extracting(OutboxMessage::purpose)
        .startsWith(OutboxMessage.Purpose.SIGN_UP);
  }

  @Test
  void clerkJsSendsWhatSignUpFutureSends() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<JsonNode> requests = StreamSupport.stream(run.output().path("requests").spliterator(), false)
        .collect(Collectors.toList());
    List<String> calls = requests.stream()
        .map(r -> r.path("method").asText() + " " + r.path("path").asText().replaceAll("/(sua|sia|sess)_[A-Za-z0-9]+", "/$1_ID"))
        .collect(Collectors.toList());
    assertThat(calls).containsSubsequence(
        "POST /v1/client/sign_ups",
        "POST /v1/client/sign_ups/sua_ID/prepare_verification",
        "POST /v1/client/sign_ups/sua_ID/attempt_verification",
        "POST /v1/client/sessions/sess_ID/touch",
        "POST /v1/client/sign_ins");
    String create = requests.stream().filter(r -> r.path("path").asText().equals("/v1/client/sign_ups"))
        .map(r -> r.path("body").asText()).findFirst().orElseThrow();
    // SignUpFuture.password: strategy=password, a POST because no sign-up existed yet.
    assertThat(create).contains("strategy=password").contains("email_address=").contains("password=");
    assertThat(run.output().path("responses").findValuesAsText("status")).containsOnly("200");
  }

  @Test
  void everythingTheEmulatorAnsweredClerkJsFitsTheContract() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<WireExchange> fapi = proxy.exchanges().stream()
        .filter(e -> !e.path().startsWith("/__emulator/"))
        .collect(Collectors.toList());
    assertThat(fapi).extracting(WireExchange::path).contains("/v1/client/sign_ups");
    assertThat(fapi).allSatisfy(e -> OpenApiContract.fapi().validate(e.asInteraction()).assertValid());
  }
}
