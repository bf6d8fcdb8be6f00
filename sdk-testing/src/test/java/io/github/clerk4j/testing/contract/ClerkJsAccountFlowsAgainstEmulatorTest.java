package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.OutboxMessage;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clerk's own JavaScript client, signed in against the emulator, adds a phone number with {@code
 * user.createPhoneNumber()} (which posts to {@code /v1/me/phone_numbers/}, with a trailing slash)
 * and an e-mail address with {@code user.createEmailAddress()}, {@code prepareVerification()} and
 * {@code attemptVerification()} (at {@code /v1/me/email_addresses/}, likewise), then resets its
 * password in one call as Clerk's forgot-password guide does
 * ({@code attemptFirstFactor({strategy: 'reset_password_email_code', code, password})}).
 */
class ClerkJsAccountFlowsAgainstEmulatorTest {
  private static final String EMAIL = "ida@example.com";
  private static final String PASSWORD = "ida-password-1";
  private static final String NEW_PASSWORD = "ida-new-password-2";
  private static final String PHONE = "+15555550142";
  private static final String NEW_EMAIL = "ida.new@example.com";

  private static ClerkEmulator emulator;
  private static ClerkJsRunner.Result run;

  @BeforeAll
  static void runClerkJs() throws Exception {
    ClerkJsRunner.assumeNodeInstalled();
    emulator = ClerkEmulator.builder().build().start();
    emulator.addUser(EmulatorUser.builder().email(EMAIL).password(PASSWORD).build());
    run = ClerkJsRunner.runFlow(List.of(
        "--url", emulator.url(),
        "--publishable-key", emulator.publishableKey(),
        "--identifier", EMAIL,
        "--password", PASSWORD,
        "--outbox",
        "--create-phone", PHONE,
        "--create-email", NEW_EMAIL,
        "--new-password", NEW_PASSWORD));
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void createPhoneNumberPostsWithATrailingSlashAndVerifiesTheNumber() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(requests()).anySatisfy(r -> assertThat(r.path("path").asText()).isEqualTo("/v1/me/phone_numbers/"));
    JsonNode phone = run.output().path("phone");
    assertThat(phone.path("phoneNumber").asText()).isEqualTo(PHONE);
    assertThat(phone.path("verification").asText()).isEqualTo("verified");
    assertThat(emulator.outbox().messagesFor(PHONE)).singleElement()
        .satisfies(m -> assertThat(m.purpose()).isEqualTo(OutboxMessage.Purpose.VERIFY_PHONE));
  }

  @Test
  void createEmailAddressPreparesAndAttemptsTheVerification() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<String> paths = requests().stream().map(r -> r.path("path").asText()).collect(Collectors.toList());
    assertThat(paths).contains("/v1/me/email_addresses/");
    JsonNode email = run.output().path("email");
    String id = email.path("id").asText();
    assertThat(id).startsWith("idn_");
    assertThat(paths).contains("/v1/me/email_addresses/" + id + "/prepare_verification",
        "/v1/me/email_addresses/" + id + "/attempt_verification");
    String prepare = requests().stream()
        .filter(r -> r.path("path").asText().endsWith(id + "/prepare_verification"))
        .map(r -> r.path("body").asText()).findFirst().orElseThrow();
    assertThat(prepare).contains("strategy=email_code");
    assertThat(email.path("emailAddress").asText()).isEqualTo(NEW_EMAIL);
    assertThat(email.path("createdVerification").isNull()).as("no verification before prepare").isTrue();
    assertThat(email.path("preparedVerification").asText()).isEqualTo("unverified");
    assertThat(email.path("verification").asText()).isEqualTo("verified");
    assertThat(email.path("listedVerification").asText()).isEqualTo("verified");
    assertThat(emulator.outbox().messagesFor(NEW_EMAIL)).singleElement()
        .satisfies(m -> assertThat(m.purpose()).isEqualTo(OutboxMessage.Purpose.VERIFY_EMAIL));
  }

  @Test
  void oneCallResetSetsThePasswordAndSignsIn() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode reset = run.output().path("reset");
    assertThat(reset.path("status").asText()).isEqualTo("complete");
    assertThat(reset.path("activeSessionId").asText()).startsWith("sess_")
        .isEqualTo(reset.path("createdSessionId").asText());
    // The one call carried the code and the new password; no reset_password call followed.
    List<String> paths = requests().stream().map(r -> r.path("path").asText()).collect(Collectors.toList());
    assertThat(paths).noneMatch(p -> p.endsWith("/reset_password"));
    String attempt = requests().stream()
        .filter(r -> r.path("path").asText().endsWith("/attempt_first_factor"))
        .map(r -> r.path("body").asText()).findFirst().orElseThrow();
    assertThat(attempt).contains("strategy=reset_password_email_code").contains("password=");
    assertThat(emulator.outbox().messagesFor(EMAIL)).extracting(OutboxMessage::purpose)
        .contains(OutboxMessage.Purpose.RESET_PASSWORD);
    // Signed out, the new password signs in again (this client is known: no client trust).
    assertThat(reset.path("signInAgain").asText()).isEqualTo("complete");
  }

  private static List<JsonNode> requests() {
    return StreamSupport.stream(run.output().path("requests").spliterator(), false).collect(Collectors.toList());
  }
}
