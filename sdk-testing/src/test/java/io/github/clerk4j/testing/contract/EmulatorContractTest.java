package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.TotpGenerator;
import io.github.clerk4j.testing.contract.ContractCheckingClient.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every flow of the emulator driven over plain HTTP, as a native client would, with every request
 * and every response checked against Clerk's OpenAPI file. Each test also asserts the flow's
 * outcome, so that a response that fits the file but answers the wrong thing fails too.
 *
 * <p>The violations of all calls of a test are reported together after it (see
 * {@link #everyExchangeFitsTheContract()}), so that one run shows every way the emulator strays
 * from the file.
 */
class EmulatorContractTest {

  private static final String ALICE = "alice@example.com";
  private static final String ALICE_PASSWORD = "alice-password-1";
  private static final String BOB_PHONE = "+14155552671"; // not a test-mode number: its code comes from the outbox
  private static final String BOB_PASSWORD = "bob-password-1";
  private static final String CAROL = "carol@example.com";
  private static final String CAROL_PASSWORD = "carol-password-1";
  private static final String CAROL_MFA_PHONE = "+14155552672";
  private static final String CAROL_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
  private static final String CAROL_BACKUP_CODE = "backup-0001";
  private static final String DAVE = "dave@example.com";
  private static final String DAVE_PASSWORD = "dave-password-1";
  private static final String NEW_PHONE = "+14155552673";
  private static final String NEW_EMAIL = "alice.liddell@example.com";

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<ContractCheckingClient> clients = new ArrayList<>();
  private final List<ClerkEmulator> emulators = new ArrayList<>();
  private ClerkEmulator emulator;

  @BeforeEach
  void startEmulator() {
    emulator = start(ClerkEmulator.builder().rateLimits(RateLimits.disabled()));
  }

  @AfterEach
  void everyExchangeFitsTheContract() {
    try {
      if (Boolean.getBoolean("contract.verbose")) {
        // -Dcontract.verbose=true lists every exchange with what was tolerated in it.
        clients.forEach(c -> c.reports().forEach(r -> {
          System.out.println(r.describe());
          r.tolerated().forEach(t -> System.out.println("    " + t));
        }));
      }
      List<String> summaries = clients.stream()
          .map(ContractCheckingClient::violationSummary)
          .filter(s -> s != null)
          .collect(Collectors.toList());
      assertThat(summaries).as("contract violations").isEmpty();
      assertThat(clients.stream().mapToInt(c -> c.reports().size()).sum()).as("exchanges checked").isPositive();
    } finally {
      emulators.forEach(ClerkEmulator::close);
    }
  }

  @Test
  void environmentFitsTheContract() {
    ContractCheckingClient c = client(emulator);

    Answer environment = c.get("/v1/environment");
    assertThat(environment.status()).isEqualTo(200);
    assertThat(environment.body().path("auth_config").path("object").asText()).isEqualTo("auth_config");
    Answer byQuery = c.send("GET", "/v1/environment", Map.of("__clerk_api_version", "2026-05-12"), null, false);
    assertThat(byQuery.status()).isEqualTo(200);
  }

  @Test
  void clientLifecycle() {
    ContractCheckingClient c = client(emulator);

    Answer noClient = c.get("/v1/client");
    assertThat(noClient.status()).isEqualTo(200);
    Answer created = c.post("/v1/client");
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.response().path("object").asText()).isEqualTo("client");
    assertThat(c.clientToken()).as("a client token was issued").isNotBlank();
    Answer fetched = c.get("/v1/client");
    assertThat(fetched.response().path("id").asText()).isEqualTo(created.response().path("id").asText());

    // The version in the query instead of the header is accepted too (clerk-js sends it so).
    Answer byQuery = c.send("GET", "/v1/client", Map.of("__clerk_api_version", "2026-05-12"), null, false);
    assertThat(byQuery.status()).isEqualTo(200);

    Answer ended = c.delete("/v1/client");
    assertThat(ended.status()).isEqualTo(200);
  }

  @Test
  void passwordSignInWithClientTrustByEmailThenTouchTokensAndSessions() {
    ContractCheckingClient c = client(emulator);

    Answer created = c.post("/v1/client/sign_ins", "identifier", ALICE, "password", ALICE_PASSWORD);
    assertThat(created.response().path("status").asText()).isEqualTo("needs_client_trust");
    String signInId = created.response().path("id").asText();
    String emailId = factor(created.response().path("supported_second_factors"), "email_code").path("email_address_id").asText();

    Answer prepared = c.post(signIn(signInId, "prepare_second_factor"), "strategy", "email_code", "email_address_id", emailId);
    assertThat(prepared.response().path("second_factor_verification").path("status").asText()).isEqualTo("unverified");
    Answer attempted = c.post(signIn(signInId, "attempt_second_factor"), "strategy", "email_code", "code", code(ALICE));
    assertThat(attempted.response().path("status").asText()).isEqualTo("complete");
    String sessionId = attempted.response().path("created_session_id").asText();

    assertThat(c.get(signIn(signInId, null)).status()).isEqualTo(200);
    Answer touched = c.post(session(sessionId, "touch"), "active_organization_id", "", "intent", "select_session");
    assertThat(touched.response().path("id").asText()).isEqualTo(sessionId);
    Answer token = c.post(session(sessionId, "tokens"));
    assertThat(token.body().path("object").asText()).isEqualTo("token");
    assertThat(token.body().path("jwt").asText().split("\\.")).hasSize(3);
    assertThat(c.get(session(sessionId, null)).response().path("status").asText()).isEqualTo("active");

    assertThat(c.post(session(sessionId, "end")).response().path("status").asText()).isEqualTo("ended");
    // The client is known to Alice now: the next password sign-in completes at once.
    Answer again = c.post("/v1/client/sign_ins", "identifier", ALICE, "password", ALICE_PASSWORD);
    assertThat(again.response().path("status").asText()).isEqualTo("complete");
    String second = again.response().path("created_session_id").asText();
    c.post(session(second, "touch"), "active_organization_id", "", "intent", "select_session");

    assertThat(c.post(session(second, "remove")).response().path("status").asText()).isEqualTo("removed");
    assertThat(c.delete("/v1/client/sessions").status()).isEqualTo(200);
  }

  @Test
  void clientTrustBySmsForAUserWithoutEmail() {
    ContractCheckingClient c = client(emulator);

    Answer created = c.post("/v1/client/sign_ins", "identifier", BOB_PHONE, "password", BOB_PASSWORD);
    assertThat(created.response().path("status").asText()).isEqualTo("needs_client_trust");
    String signInId = created.response().path("id").asText();
    String phoneId = factor(created.response().path("supported_second_factors"), "phone_code").path("phone_number_id").asText();

    c.post(signIn(signInId, "prepare_second_factor"), "strategy", "phone_code", "phone_number_id", phoneId);
    Answer attempted = c.post(signIn(signInId, "attempt_second_factor"), "strategy", "phone_code", "code", code(BOB_PHONE));
    assertThat(attempted.response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void mfaBySmsTotpAndBackupCode() {
    ContractCheckingClient sms = client(emulator);
    Answer created = sms.post("/v1/client/sign_ins", "identifier", CAROL, "password", CAROL_PASSWORD);
    assertThat(created.response().path("status").asText()).isEqualTo("needs_second_factor");
    assertThat(strategies(created.response().path("supported_second_factors")))
        .contains("phone_code", "totp", "backup_code");
    String signInId = created.response().path("id").asText();
    String phoneId = factor(created.response().path("supported_second_factors"), "phone_code").path("phone_number_id").asText();
    sms.post(signIn(signInId, "prepare_second_factor"), "strategy", "phone_code", "phone_number_id", phoneId);
    assertThat(sms.post(signIn(signInId, "attempt_second_factor"), "strategy", "phone_code", "code", code(CAROL_MFA_PHONE))
        .response().path("status").asText()).isEqualTo("complete");

    ContractCheckingClient totp = client(emulator);
    String totpSignIn = totp.post("/v1/client/sign_ins", "identifier", CAROL, "password", CAROL_PASSWORD)
        .response().path("id").asText();
    assertThat(totp.post(signIn(totpSignIn, "attempt_second_factor"), "strategy", "totp",
        "code", TotpGenerator.code(CAROL_TOTP_SECRET, clock.instant())).response().path("status").asText())
        .isEqualTo("complete");

    ContractCheckingClient backup = client(emulator);
    String backupSignIn = backup.post("/v1/client/sign_ins", "identifier", CAROL, "password", CAROL_PASSWORD)
        .response().path("id").asText();
    assertThat(backup.post(signIn(backupSignIn, "attempt_second_factor"), "strategy", "backup_code",
        "code", CAROL_BACKUP_CODE).response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void resetPasswordByEmailAndByPhoneCode() {
    ContractCheckingClient c = client(emulator);
    Answer created = c.post("/v1/client/sign_ins", "identifier", DAVE);
    assertThat(created.response().path("status").asText()).isEqualTo("needs_first_factor");
    String signInId = created.response().path("id").asText();
    String emailId = factor(created.response().path("supported_first_factors"), "reset_password_email_code")
        .path("email_address_id").asText();
    c.post(signIn(signInId, "prepare_first_factor"), "strategy", "reset_password_email_code", "email_address_id", emailId);
    Answer verified = c.post(signIn(signInId, "attempt_first_factor"), "strategy", "reset_password_email_code", "code", code(DAVE));
    assertThat(verified.response().path("status").asText()).isEqualTo("needs_new_password");
    Answer reset = c.post(signIn(signInId, "reset_password"), "password", "dave-password-2", "sign_out_of_other_sessions", "true");
    assertThat(reset.response().path("status").asText()).isEqualTo("complete");

    ContractCheckingClient phone = client(emulator);
    Answer bob = phone.post("/v1/client/sign_ins", "identifier", BOB_PHONE);
    String bobSignIn = bob.response().path("id").asText();
    String phoneId = factor(bob.response().path("supported_first_factors"), "reset_password_phone_code")
        .path("phone_number_id").asText();
    phone.post(signIn(bobSignIn, "prepare_first_factor"), "strategy", "reset_password_phone_code", "phone_number_id", phoneId);
    assertThat(phone.post(signIn(bobSignIn, "attempt_first_factor"), "strategy", "reset_password_phone_code",
        "code", code(BOB_PHONE)).response().path("status").asText()).isEqualTo("needs_new_password");
    assertThat(phone.post(signIn(bobSignIn, "reset_password"), "password", "bob-password-2")
        .response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void signInByEmailCodeAndByPhoneCode() {
    ContractCheckingClient c = client(emulator);
    Answer created = c.post("/v1/client/sign_ins", "identifier", DAVE);
    String signInId = created.response().path("id").asText();
    String emailId = factor(created.response().path("supported_first_factors"), "email_code").path("email_address_id").asText();
    Answer prepared = c.post(signIn(signInId, "prepare_first_factor"), "strategy", "email_code", "email_address_id", emailId);
    assertThat(prepared.response().path("first_factor_verification").path("status").asText()).isEqualTo("unverified");
    assertThat(c.post(signIn(signInId, "attempt_first_factor"), "strategy", "email_code", "code", code(DAVE))
        .response().path("status").asText()).isEqualTo("complete");

    ContractCheckingClient phone = client(emulator);
    Answer bob = phone.post("/v1/client/sign_ins", "identifier", BOB_PHONE);
    String bobSignIn = bob.response().path("id").asText();
    String phoneId = factor(bob.response().path("supported_first_factors"), "phone_code").path("phone_number_id").asText();
    phone.post(signIn(bobSignIn, "prepare_first_factor"), "strategy", "phone_code", "phone_number_id", phoneId);
    assertThat(phone.post(signIn(bobSignIn, "attempt_first_factor"), "strategy", "phone_code", "code", code(BOB_PHONE))
        .response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void manageMfaOnTheSignedInUser() {
    ContractCheckingClient c = client(emulator);
    String sessionId = signInWithClientTrust(c, ALICE, ALICE_PASSWORD);
    c.useSession(sessionId);

    assertThat(c.get("/v1/me").response().path("object").asText()).isEqualTo("user");

    Answer phone = c.post("/v1/me/phone_numbers", "phone_number", NEW_PHONE);
    String phoneId = phone.response().path("id").asText();
    c.post("/v1/me/phone_numbers/" + phoneId + "/prepare_verification", "strategy", "phone_code");
    Answer verified = c.post("/v1/me/phone_numbers/" + phoneId + "/attempt_verification", "code", code(NEW_PHONE));
    assertThat(verified.response().path("verification").path("status").asText()).isEqualTo("verified");
    Answer reserved = c.patch("/v1/me/phone_numbers/" + phoneId, "reserved_for_second_factor", "true");
    assertThat(reserved.response().path("reserved_for_second_factor").asBoolean()).isTrue();
    c.patch("/v1/me/phone_numbers/" + phoneId, "default_second_factor", "true");
    assertThat(c.get("/v1/me/phone_numbers").body().isArray()).isTrue();
    assertThat(c.get("/v1/me/phone_numbers/" + phoneId).response().path("id").asText()).isEqualTo(phoneId);

    Answer totp = c.post("/v1/me/totp");
    String secret = totp.response().path("secret").asText();
    Answer totpVerified = c.post("/v1/me/totp/attempt_verification", "code", TotpGenerator.code(secret, clock.instant()));
    assertThat(totpVerified.response().path("verified").asBoolean()).isTrue();
    Answer backupCodes = c.post("/v1/me/backup_codes");
    assertThat(backupCodes.response().path("codes").size()).isPositive();

    assertThat(c.delete("/v1/me/totp").response().path("deleted").asBoolean()).isTrue();
    assertThat(c.delete("/v1/me/phone_numbers/" + phoneId).response().path("deleted").asBoolean()).isTrue();
    Answer changed = c.post("/v1/me/change_password",
        "current_password", ALICE_PASSWORD, "new_password", "alice-password-2", "sign_out_of_other_sessions", "true");
    assertThat(changed.status()).isEqualTo(200);
  }

  @Test
  void staleSessionReverifiesBeforeASensitiveCall() {
    ContractCheckingClient c = client(emulator);
    String sessionId = signInWithClientTrust(c, ALICE, ALICE_PASSWORD);
    c.useSession(sessionId);
    clock.advance(Duration.ofMinutes(11));

    Answer refused = c.post("/v1/me/totp");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("session_reverification_required");

    Answer started = c.post(session(sessionId, "verify"), "level", "first_factor");
    assertThat(started.response().path("status").asText()).isEqualTo("needs_first_factor");
    Answer byPassword = c.post(session(sessionId, "verify/attempt_first_factor"), "strategy", "password",
        "password", ALICE_PASSWORD);
    assertThat(byPassword.response().path("status").asText()).isEqualTo("complete");
    assertThat(c.post("/v1/me/totp").status()).isEqualTo(200);

    // And by e-mail code, after the session went stale again.
    clock.advance(Duration.ofMinutes(11));
    c.post(session(sessionId, "verify"), "level", "first_factor");
    c.post(session(sessionId, "verify/prepare_first_factor"), "strategy", "email_code");
    Answer byCode = c.post(session(sessionId, "verify/attempt_first_factor"), "strategy", "email_code", "code", code(ALICE));
    assertThat(byCode.response().path("status").asText()).isEqualTo("complete");
  }

  @Test
  void errorResponses() {
    ContractCheckingClient c = client(emulator);

    Answer wrongPassword = c.post("/v1/client/sign_ins", "identifier", ALICE, "password", "wrong");
    assertThat(wrongPassword.status()).isEqualTo(422);
    assertThat(wrongPassword.errorCode()).isEqualTo("form_password_incorrect");
    Answer nobody = c.post("/v1/client/sign_ins", "identifier", "nobody@example.com");
    assertThat(nobody.status()).isEqualTo(422);
    assertThat(nobody.errorCode()).isEqualTo("form_identifier_not_found");

    Answer dave = c.post("/v1/client/sign_ins", "identifier", DAVE);
    String signInId = dave.response().path("id").asText();
    Answer missing = c.postMalformed(signIn(signInId, "prepare_first_factor"), "email_address_id", "idn_x");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.errorCode()).isEqualTo("form_param_missing");
    String emailId = factor(dave.response().path("supported_first_factors"), "email_code").path("email_address_id").asText();
    c.post(signIn(signInId, "prepare_first_factor"), "strategy", "email_code", "email_address_id", emailId);
    Answer wrongCode = c.post(signIn(signInId, "attempt_first_factor"), "strategy", "email_code", "code", "000000"
        .equals(code(DAVE)) ? "111111" : "000000");
    assertThat(wrongCode.status()).isEqualTo(422);
    assertThat(wrongCode.errorCode()).isEqualTo("form_code_incorrect");

    clock.advance(Duration.ofMinutes(11));
    Answer expired = c.post(signIn(signInId, "attempt_first_factor"), "strategy", "email_code", "code", code(DAVE));
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.errorCode()).isEqualTo("verification_expired");

    Answer noSession = c.post(session("sess_missing", "touch"), "active_organization_id", "", "intent", "select_session");
    assertThat(noSession.status()).isEqualTo(404);
    Answer unauthenticated = client(emulator).get("/v1/me");
    assertThat(unauthenticated.status()).isEqualTo(401);
    Answer bothVersions = c.send("GET", "/v1/client", Map.of("__clerk_api_version", "2026-05-12"), null, true);
    assertThat(bothVersions.status()).isEqualTo(400);
  }

  @Test
  void rateLimitAndLockoutResponses() {
    ClerkEmulator limited = start(ClerkEmulator.builder()
        .rateLimits(RateLimits.clerkDefaults())
        .lockout(new Lockout(true, 2, Duration.ofMinutes(30))));
    ContractCheckingClient c = client(limited);

    // Three factor attempts per 10 s: the fourth is refused with 429 and Retry-After.
    Answer dave = c.post("/v1/client/sign_ins", "identifier", DAVE);
    String signInId = dave.response().path("id").asText();
    Answer limitedAnswer = null;
    for (int i = 0; i < 4; i++) {
      limitedAnswer = c.post(signIn(signInId, "attempt_first_factor"), "strategy", "password", "password", DAVE_PASSWORD + "x");
    }
    assertThat(limitedAnswer.status()).isEqualTo(429);
    assertThat(limitedAnswer.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 10));

    // Two wrong passwords lock Carol out: user_locked with the time left.
    ContractCheckingClient other = client(limited);
    other.post("/v1/client/sign_ins", "identifier", CAROL, "password", "wrong-1");
    Answer locked = other.post("/v1/client/sign_ins", "identifier", CAROL, "password", "wrong-2");
    Answer stillLocked = locked.status() == 403 ? locked
        : other.post("/v1/client/sign_ins", "identifier", CAROL, "password", CAROL_PASSWORD);
    assertThat(stillLocked.status()).isEqualTo(403);
    assertThat(stillLocked.errorCode()).isEqualTo("user_locked");
    assertThat(stillLocked.body().path("errors").path(0).path("meta").path("lockout_expires_in_seconds").asInt())
        .isPositive();
  }

  @Test
  void accountManagementFitsTheContract() {
    ContractCheckingClient c = client(emulator);
    String sessionId = signInWithClientTrust(c, ALICE, ALICE_PASSWORD);
    c.useSession(sessionId);

    Answer created = c.post("/v1/me/email_addresses", "email_address", NEW_EMAIL);
    assertThat(created.response().path("verification").isNull()).isTrue();
    String emailId = created.response().path("id").asText();
    assertThat(c.get("/v1/me/email_addresses").body().isArray()).isTrue();
    assertThat(c.get("/v1/me/email_addresses/" + emailId).response().path("id").asText()).isEqualTo(emailId);
    c.post("/v1/me/email_addresses/" + emailId + "/prepare_verification", "strategy", "email_code");
    Answer verified = c.post("/v1/me/email_addresses/" + emailId + "/attempt_verification", "code", code(NEW_EMAIL));
    assertThat(verified.response().path("verification").path("status").asText()).isEqualTo("verified");
    String oldEmailId = c.get("/v1/me").response().path("primary_email_address_id").asText();
    Answer primary = c.patch("/v1/me", "primary_email_address_id", emailId, "first_name", "Alicia",
        "last_name", "Liddell", "username", "alicia");
    assertThat(primary.response().path("primary_email_address_id").asText()).isEqualTo(emailId);
    assertThat(c.delete("/v1/me/email_addresses/" + oldEmailId).response().path("deleted").asBoolean()).isTrue();

    Answer metadata = c.patch("/v1/me/metadata", "unsafe_metadata", "{\"theme\":\"dark\",\"n\":1}");
    assertThat(metadata.response().path("unsafe_metadata").path("theme").asText()).isEqualTo("dark");
    Answer image = c.upload("/v1/me/profile_image", "multipart/form-data; boundary=XyZ", PNG_MULTIPART);
    assertThat(image.response().path("object").asText()).isEqualTo("image");
    assertThat(c.delete("/v1/me/profile_image").response().path("deleted").asBoolean()).isTrue();

    ContractCheckingClient other = client(emulator);
    String otherSession = signInWithClientTrust(other, NEW_EMAIL, ALICE_PASSWORD);
    other.useSession(otherSession);
    Answer active = c.get("/v1/me/sessions/active");
    assertThat(active.body().size()).isEqualTo(2);
    assertThat(active.body().path(0).path("latest_activity").path("object").asText()).isEqualTo("session_activity");
    Answer revoked = c.post("/v1/me/sessions/" + otherSession + "/revoke");
    assertThat(revoked.response().path("status").asText()).isEqualTo("revoked");
    assertThat(other.post(session(otherSession, "tokens")).errorCode()).isEqualTo("signed_out");
    assertThat(other.get("/v1/me").errorCode()).isEqualTo("signed_out");

    Answer deleted = c.delete("/v1/me");
    assertThat(deleted.response().path("object").asText()).isEqualTo("user");
    assertThat(deleted.response().path("deleted").asBoolean()).isTrue();
  }

  @Test
  void accountManagementRefusalsFitTheContract() {
    ContractCheckingClient c = client(emulator);
    String sessionId = signInWithClientTrust(c, DAVE, DAVE_PASSWORD);
    c.useSession(sessionId);

    assertThat(c.post("/v1/me/email_addresses", "email_address", "not-an-address").errorCode())
        .isEqualTo("form_param_format_invalid");
    assertThat(c.post("/v1/me/email_addresses", "email_address", ALICE).errorCode()).isEqualTo("form_identifier_exists");
    String draft = c.post("/v1/me/email_addresses", "email_address", NEW_EMAIL).response().path("id").asText();
    assertThat(c.patch("/v1/me", "primary_email_address_id", draft).errorCode()).isEqualTo("form_verification_needed");
    assertThat(c.patch("/v1/me", "username", "ab").errorCode()).isEqualTo("form_username_invalid_length");
    assertThat(c.patch("/v1/me", "username", "bob").errorCode()).isEqualTo("form_username_invalid_length");
    assertThat(c.patch("/v1/me", "username", "bobby", "first_name", "x").status()).isEqualTo(200);
    assertThat(c.patch("/v1/me", "username", "bob_the_builder").status()).isEqualTo(200);
    assertThat(c.patch("/v1/me/metadata", "unsafe_metadata", "[]").errorCode()).isEqualTo("form_param_value_invalid");
    String daveEmail = c.get("/v1/me").response().path("primary_email_address_id").asText();
    c.patch("/v1/me", "username", "");
    Answer last = c.delete("/v1/me/email_addresses/" + daveEmail);
    assertThat(last.status()).isEqualTo(400);
    // the default instance requires an e-mail address, as a new Clerk application does
    assertThat(last.errorCode()).isEqualTo("last_required_identification_deletion_failed");
    assertThat(c.delete("/v1/me/email_addresses/idn_missing").status()).isEqualTo(404);
    assertThat(c.upload("/v1/me/profile_image", "multipart/form-data; boundary=XyZ",
        multipart("photo", "image/png", new byte[] {1})).errorCode()).isEqualTo("form_param_missing");
    assertThat(c.upload("/v1/me/profile_image", "application/octet-stream", "%%%".getBytes(StandardCharsets.US_ASCII))
        .errorCode()).isEqualTo("request_body_invalid");
    assertThat(c.delete("/v1/me/profile_image").errorCode()).isEqualTo("image_not_found");
    assertThat(c.post("/v1/me/sessions/sess_missing/revoke").status()).isEqualTo(404);

    clock.advance(Duration.ofMinutes(11));
    assertThat(c.post("/v1/me/email_addresses", "email_address", "late@example.com").errorCode())
        .isEqualTo("session_reverification_required");
    assertThat(c.delete("/v1/me").errorCode()).isEqualTo("session_reverification_required");
    ClerkEmulator noDeletes = start(ClerkEmulator.builder().rateLimits(RateLimits.disabled()).deleteSelfEnabled(false));
    ContractCheckingClient d = client(noDeletes);
    d.useSession(signInWithClientTrust(d, DAVE, DAVE_PASSWORD));
    Answer refused = d.delete("/v1/me");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("user_delete_self_not_enabled");
  }

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
  private static final byte[] PNG_MULTIPART = multipart("file", "image/png", PNG);

  private static byte[] multipart(String field, String type, byte[] content) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"me.png\"\r\n"
        + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(content);
    out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void unknownRouteAnswersAClerkErrorBody() {
    ContractCheckingClient c = client(emulator);
    Answer nowhere = c.send("GET", "/v1/client/nowhere", Map.of(), null, true, ContractCheckingClient.Check.NONE);
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.errorCode()).isEqualTo("resource_not_found");
    // The route is in no operation of the file, so it cannot be checked as itself; its body is
    // checked as the 404 of an operation whose 404 is ClerkErrors, the envelope every error uses.
    ContractReport asError = OpenApiContract.fapi().validateResponse(
        Interaction.response("GET", "/v1/client/sign_ins/sia_x", 404, nowhere.body().toString()));
    asError.assertValid();
    // Known routes keep working on the same client after the 404.
    assertThat(c.get("/v1/client").status()).isEqualTo(200);
  }

  // --- helpers -------------------------------------------------------------------------------

  private ClerkEmulator start(ClerkEmulator.Builder builder) {
    ClerkEmulator started = builder.clock(clock)
        .user(EmulatorUser.builder().email(ALICE).password(ALICE_PASSWORD).firstName("Alice").build())
        .user(EmulatorUser.builder().phone(BOB_PHONE).username("bob").password(BOB_PASSWORD).build())
        .user(EmulatorUser.builder().email(CAROL).password(CAROL_PASSWORD).mfaPhone(CAROL_MFA_PHONE)
            .totpSecret(CAROL_TOTP_SECRET).backupCodes(CAROL_BACKUP_CODE, "backup-0002").build())
        .user(EmulatorUser.builder().email(DAVE).password(DAVE_PASSWORD).build())
        .build()
        .start();
    emulators.add(started);
    return started;
  }

  private ContractCheckingClient client(ClerkEmulator target) {
    ContractCheckingClient c = new ContractCheckingClient(target.url(), OpenApiContract.fapi());
    clients.add(c);
    return c;
  }

  /** Password sign-in that passes client trust by e-mail code; returns the new session's id. */
  private String signInWithClientTrust(ContractCheckingClient c, String email, String password) {
    Answer created = c.post("/v1/client/sign_ins", "identifier", email, "password", password);
    String signInId = created.response().path("id").asText();
    String emailId = factor(created.response().path("supported_second_factors"), "email_code").path("email_address_id").asText();
    c.post(signIn(signInId, "prepare_second_factor"), "strategy", "email_code", "email_address_id", emailId);
    Answer done = c.post(signIn(signInId, "attempt_second_factor"), "strategy", "email_code", "code", code(email));
    assertThat(done.response().path("status").asText()).isEqualTo("complete");
    String sessionId = done.response().path("created_session_id").asText();
    c.post(session(sessionId, "touch"), "active_organization_id", "", "intent", "select_session");
    return sessionId;
  }

  private String code(String recipient) {
    return emulators.stream()
        .filter(e -> !e.outbox().messagesFor(recipient).isEmpty())
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no message to " + recipient))
        .outbox().latestCodeFor(recipient);
  }

  private static String signIn(String id, String action) {
    return "/v1/client/sign_ins/" + id + (action == null ? "" : "/" + action);
  }

  private static String session(String id, String action) {
    return "/v1/client/sessions/" + id + (action == null ? "" : "/" + action);
  }

  private static JsonNode factor(JsonNode factors, String strategy) {
    return StreamSupport.stream(factors.spliterator(), false)
        .filter(f -> f.path("strategy").asText().equals(strategy))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + strategy + " factor in " + factors));
  }

  private static List<String> strategies(JsonNode factors) {
    return StreamSupport.stream(factors.spliterator(), false)
        .map(f -> f.path("strategy").asText())
        .collect(Collectors.toList());
  }
}
