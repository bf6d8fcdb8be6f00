package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.Fapi.Answer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Account management on {@code /v1/me} with Clerk's rules: e-mail addresses (unique, verified by
 * code, a primary one verified, the last way to sign in kept), the profile and its metadata, the
 * profile image, the sessions of every device and revoking them, deleting the account, and
 * reverification where Clerk asks for it.
 */
class AccountManagementTest {
  static final String GRACE = "grace@example.com";
  static final String PASSWORD = "grace-password-1";
  static final String NEW_EMAIL = "grace.hopper@example.com";
  static final String TAKEN = "taken@example.com";
  static final String PHONE_ONLY = "+15555550171";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  private final TestClock clock = TestClock.at(Instant.parse("2026-05-12T10:00:00Z"));
  private ClerkEmulator emulator;
  private Fapi fapi;
  private String me;

  private void start(UnaryOperator<ClerkEmulator.Builder> settings) {
    emulator = settings.apply(ClerkEmulator.builder().clock(clock).rateLimits(RateLimits.disabled())
            .clientTrust(false).reverificationMaxAge(Duration.ofMinutes(10))
            .user(EmulatorUser.builder().email(GRACE).password(PASSWORD).username("grace").firstName("Grace").build())
            .user(EmulatorUser.builder().email(TAKEN).username("takenname").password("taken-password-1").build())
            .user(EmulatorUser.builder().phone(PHONE_ONLY).password(PASSWORD).build()))
        .build().start();
    fapi = new Fapi(emulator);
    me = "?_clerk_session_id=" + fapi.signIn(emulator, GRACE, PASSWORD);
  }

  private void start() {
    start(b -> b);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Map<String, Object> user() {
    return fapi.get("/v1/me" + me).response();
  }

  /** Adds {@code address}, sends its code and verifies it; returns its id. */
  private String addVerifiedEmail(String address) {
    Answer created = fapi.post("/v1/me/email_addresses" + me, "email_address", address);
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    assertThat(created.response()).containsEntry("verification", null).containsEntry("email_address", address);
    String id = (String) created.response().get("id");
    Answer prepared = fapi.post("/v1/me/email_addresses/" + id + "/prepare_verification" + me, "strategy", "email_code");
    assertThat(Fapi.map(prepared.response().get("verification"))).containsEntry("status", "unverified")
        .containsEntry("strategy", "email_code");
    assertThat(emulator.outbox().messagesFor(address)).last().extracting(OutboxMessage::purpose)
        .isEqualTo(OutboxMessage.Purpose.VERIFY_EMAIL);
    Answer verified = fapi.post("/v1/me/email_addresses/" + id + "/attempt_verification" + me,
        "code", emulator.outbox().latestCodeFor(address));
    assertThat(Fapi.map(verified.response().get("verification"))).containsEntry("status", "verified");
    return id;
  }

  private static void refused(Answer a, int status, String code) {
    assertThat(a.status()).as(a.raw()).isEqualTo(status);
    assertThat(a.errorCode()).isEqualTo(code);
  }

  private static String param(Answer a) {
    return (String) Fapi.map(a.firstError().get("meta")).get("param_name");
  }

  // ---------------------------------------------------------------- e-mail addresses

  @Test
  void aNewAddressSignsInOnlyOnceVerified() {
    start();
    Answer created = fapi.post("/v1/me/email_addresses/" + me, "email_address", " " + NEW_EMAIL + " ");
    assertThat(created.status()).as("clerk-js posts with a trailing slash").isEqualTo(200);
    String id = (String) created.response().get("id");
    assertThat(created.response()).containsEntry("email_address", NEW_EMAIL);
    assertThat(Fapi.list(user().get("email_addresses"))).extracting(e -> e.get("id")).contains(id);
    refused(new Fapi(emulator).post("/v1/client/sign_ins", "identifier", NEW_EMAIL), 422, "form_identifier_not_found");
    assertThat((List<?>) fapi.get("/v1/me/email_addresses" + me).body()).hasSize(2);

    fapi.post("/v1/me/email_addresses/" + id + "/prepare_verification" + me, "strategy", "email_code");
    String code = emulator.outbox().latestCodeFor(NEW_EMAIL);
    refused(fapi.post("/v1/me/email_addresses/" + id + "/attempt_verification" + me,
        "code", code.equals("000000") ? "111111" : "000000"), 422, "form_code_incorrect");
    Answer verified = fapi.post("/v1/me/email_addresses/" + id + "/attempt_verification" + me, "code", code);
    assertThat(Fapi.map(verified.response().get("verification"))).containsEntry("status", "verified");
    assertThat(fapi.get("/v1/me/email_addresses/" + id + me).response()).containsEntry("id", id);

    Answer signIn = new Fapi(emulator).post("/v1/client/sign_ins", "identifier", NEW_EMAIL);
    assertThat(signIn.response()).containsEntry("status", "needs_first_factor");
    refused(fapi.post("/v1/me/email_addresses/" + id + "/prepare_verification" + me, "strategy", "email_code"),
        400, "verification_already_verified");
  }

  @Test
  void addressesAreWellFormedAndNobodyElses() {
    start();
    for (String bad : new String[] {"grace", "grace@example", "gr ace@example.com", "a@b@c.com"}) {
      Answer a = fapi.post("/v1/me/email_addresses" + me, "email_address", bad);
      refused(a, 422, "form_param_format_invalid");
      assertThat(param(a)).isEqualTo("email_address");
    }
    Answer taken = fapi.post("/v1/me/email_addresses" + me, "email_address", "TAKEN@example.com");
    refused(taken, 422, "form_identifier_exists");
    assertThat(param(taken)).isEqualTo("email_address");
    refused(fapi.post("/v1/me/email_addresses" + me, "email_address", GRACE), 422, "form_identifier_exists");
    refused(fapi.post("/v1/me/email_addresses" + me), 422, "form_param_missing");
    refused(fapi.post("/v1/me/email_addresses/idn_nope/prepare_verification" + me, "strategy", "email_code"),
        404, "resource_not_found");
    assertThat(Fapi.list(user().get("email_addresses"))).hasSize(1);
  }

  @Test
  void onlyAVerifiedAddressBecomesPrimaryAndTheOldOneCanThenGo() {
    start();
    String unverified = (String) fapi.post("/v1/me/email_addresses" + me, "email_address", "draft@example.com")
        .response().get("id");
    Answer notYet = fapi.patch("/v1/me" + me, "primary_email_address_id", unverified);
    refused(notYet, 422, "form_verification_needed");
    assertThat(param(notYet)).isEqualTo("primary_email_address_id");
    refused(fapi.patch("/v1/me" + me, "primary_email_address_id", "idn_nope"), 404, "resource_not_found");

    String old = (String) user().get("primary_email_address_id");
    String fresh = addVerifiedEmail(NEW_EMAIL);
    assertThat(fapi.patch("/v1/me" + me, "primary_email_address_id", fresh).response())
        .containsEntry("primary_email_address_id", fresh);
    Answer removed = fapi.delete("/v1/me/email_addresses/" + old + me);
    assertThat(removed.response()).containsEntry("object", "email_address").containsEntry("id", old)
        .containsEntry("deleted", true);
    Map<String, Object> piggybacked = Fapi.map(Fapi.list(removed.client().get("sessions")).get(0).get("user"));
    assertThat(Fapi.list(piggybacked.get("email_addresses"))).extracting(e -> e.get("id")).containsExactly(unverified, fresh);
    refused(new Fapi(emulator).post("/v1/client/sign_ins", "identifier", GRACE), 422, "form_identifier_not_found");
    // An unverified address may always go.
    assertThat(fapi.delete("/v1/me/email_addresses/" + unverified + me).status()).isEqualTo(200);
  }

  @Test
  void removingThePrimaryAddressPassesPrimaryToTheNextVerifiedOne() {
    start();
    String old = (String) user().get("primary_email_address_id");
    String fresh = addVerifiedEmail(NEW_EMAIL);
    fapi.delete("/v1/me/email_addresses/" + old + me);
    assertThat(user()).containsEntry("primary_email_address_id", fresh);
  }

  @Test
  void theLastWayToSignInCannotBeRemoved() {
    // e-mail optional, so that only "the last way to sign in" guards the address
    start(b -> b.attribute(UserAttribute.EMAIL_ADDRESS, AttributeSetting.OPTIONAL)
        .attribute(UserAttribute.PHONE_NUMBER, AttributeSetting.REQUIRED));
    String email = (String) user().get("primary_email_address_id");
    // The username is a way to sign in too: the address may go, then the username may not.
    assertThat(fapi.delete("/v1/me/email_addresses/" + email + me).status()).isEqualTo(200);
    refused(fapi.patch("/v1/me" + me, "username", ""), 400, "identification_deletion_failed");
    assertThat(user()).containsEntry("username", "grace");

    Fapi phoneUser = new Fapi(emulator);
    String phoneMe = "?_clerk_session_id=" + phoneUser.signIn(emulator, PHONE_ONLY, PASSWORD);
    String phone = (String) Fapi.list(phoneUser.get("/v1/me" + phoneMe).response().get("phone_numbers")).get(0).get("id");
    Answer last = phoneUser.delete("/v1/me/phone_numbers/" + phone + phoneMe);
    // its last number is also the last of a required kind here
    refused(last, 400, "last_required_identification_deletion_failed");
    assertThat(Fapi.list(phoneUser.get("/v1/me" + phoneMe).response().get("phone_numbers"))).hasSize(1);
  }

  @Test
  void anInstanceThatRequiresAnAddressKeepsTheLastOne() {
    start(b -> b.attribute(UserAttribute.EMAIL_ADDRESS, AttributeSetting.REQUIRED));
    String email = (String) user().get("primary_email_address_id");
    Answer last = fapi.delete("/v1/me/email_addresses/" + email + me);
    refused(last, 400, "last_required_identification_deletion_failed");
    assertThat((String) last.firstError().get("long_message")).contains("at least one email address");
    Map<String, Object> attributes = Fapi.map(Fapi.map(fapi.get("/v1/environment").json().get("user_settings"))
        .get("attributes"));
    assertThat(Fapi.map(attributes.get("email_address"))).containsEntry("required", true);
    addVerifiedEmail(NEW_EMAIL);
    assertThat(fapi.delete("/v1/me/email_addresses/" + email + me).status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- profile

  @Test
  void namesAndUsernameWithClerksUsernameRules() {
    start();
    Answer named = fapi.patch("/v1/me" + me, "first_name", "Amazing", "last_name", "Grace", "username", "amazing_grace");
    assertThat(named.response()).containsEntry("first_name", "Amazing").containsEntry("last_name", "Grace")
        .containsEntry("username", "amazing_grace");
    assertThat(new Fapi(emulator).post("/v1/client/sign_ins", "identifier", "amazing_grace").status()).isEqualTo(200);
    refused(new Fapi(emulator).post("/v1/client/sign_ins", "identifier", "grace"), 422, "form_identifier_not_found");
    assertThat(fapi.patch("/v1/me" + me, "last_name", "").response()).containsEntry("last_name", null);

    refused(fapi.patch("/v1/me" + me, "username", "abc"), 422, "form_username_invalid_length");
    refused(fapi.patch("/v1/me" + me, "username", "grace hopper"), 422, "form_username_invalid_character");
    refused(fapi.patch("/v1/me" + me, "username", "12345"), 422, "form_username_needs_non_number_char");
    Answer taken = fapi.patch("/v1/me" + me, "username", "TakenName", "first_name", "Never");
    refused(taken, 422, "form_identifier_exists");
    assertThat(param(taken)).isEqualTo("username");
    assertThat(user()).as("a refusal changes nothing").containsEntry("first_name", "Amazing");
    refused(fapi.patch("/v1/me" + me, "unsafe_metadata", "{}"), 422, "form_param_unknown");
  }

  @Test
  void unsafeMetadataIsDeepMergedAndNullRemovesAKey() {
    start();
    fapi.patch("/v1/me/metadata" + me, "unsafe_metadata", "{\"theme\":\"dark\",\"prefs\":{\"a\":1,\"b\":2},\"old\":true}");
    Answer merged = fapi.patch("/v1/me/metadata" + me,
        "unsafe_metadata", "{\"prefs\":{\"b\":null,\"c\":[1,2.5]},\"old\":null,\"seats\":3}");
    Map<String, Object> meta = Fapi.map(merged.response().get("unsafe_metadata"));
    assertThat(meta).containsOnlyKeys("theme", "prefs", "seats").containsEntry("theme", "dark");
    assertThat(Fapi.map(meta.get("prefs"))).containsOnlyKeys("a", "c");
    assertThat(merged.raw()).contains("\"seats\":3").contains("\"a\":1");
    assertThat(Fapi.map(user().get("unsafe_metadata"))).isEqualTo(meta);

    refused(fapi.patch("/v1/me/metadata" + me, "unsafe_metadata", "[1]"), 422, "form_param_value_invalid");
    refused(fapi.patch("/v1/me/metadata" + me, "unsafe_metadata", "{nope"), 422, "form_param_value_invalid");
    refused(fapi.patch("/v1/me/metadata" + me), 422, "form_param_missing");
    Answer big = fapi.patch("/v1/me/metadata" + me, "unsafe_metadata", "{\"blob\":\"" + "x".repeat(9000) + "\"}");
    refused(big, 422, "form_param_exceeds_allowed_size");
    assertThat(Fapi.map(user().get("unsafe_metadata"))).isEqualTo(meta);
  }

  // ---------------------------------------------------------------- profile image

  static byte[] multipart(String field, String fileName, String type, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--XyZ\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void aProfileImageAsAMultipartFileOrBase64() {
    start();
    String avatar = (String) user().get("image_url");
    Answer set = fapi.upload("/v1/me/profile_image" + me, "multipart/form-data; boundary=XyZ",
        multipart("file", "me.png", "image/png", PNG));
    assertThat(set.status()).as(set.raw()).isEqualTo(200);
    assertThat(set.response()).containsEntry("object", "image").containsEntry("name", "me.png");
    assertThat((String) set.response().get("id")).startsWith("img_");
    Map<String, Object> u = user();
    assertThat(u).containsEntry("has_image", true).containsEntry("image_url", set.response().get("public_url"));
    assertThat((String) u.get("image_url")).startsWith("https://img.clerk.com/").isNotEqualTo(avatar);

    String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
    Answer asText = fapi.upload("/v1/me/profile_image" + me, "application/octet-stream",
        dataUrl.getBytes(StandardCharsets.US_ASCII));
    assertThat(asText.status()).as(asText.raw()).isEqualTo(200);

    Answer deleted = fapi.delete("/v1/me/profile_image" + me);
    assertThat(deleted.response()).containsEntry("object", "image").containsEntry("deleted", true);
    assertThat(user()).containsEntry("has_image", false).containsEntry("image_url", avatar);
    refused(fapi.delete("/v1/me/profile_image" + me), 404, "image_not_found");
  }

  @Test
  void imagesClerkDoesNotTakeAreRefused() {
    start();
    String path = "/v1/me/profile_image" + me;
    refused(fapi.upload(path, "multipart/form-data; boundary=XyZ", multipart("file", "a.svg", "image/svg+xml",
        "<svg/>".getBytes(StandardCharsets.UTF_8))), 400, "request_body_invalid");
    refused(fapi.upload(path, "multipart/form-data; boundary=XyZ", multipart("photo", "me.png", "image/png", PNG)),
        400, "form_param_missing");
    refused(fapi.upload(path, "application/octet-stream", "not base64!".getBytes(StandardCharsets.US_ASCII)),
        400, "request_body_invalid");
    refused(fapi.post(path), 400, "form_param_missing");
    byte[] big = new byte[10_000_001];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    refused(fapi.upload(path, "multipart/form-data; boundary=XyZ", multipart("file", "big.png", "image/png", big)),
        413, "image_too_large");
    refused(fapi.upload("/v1/me/email_addresses" + me, "multipart/form-data; boundary=XyZ",
        multipart("file", "me.png", "image/png", PNG)), 415, "unsupported_content_type");
    assertThat(user()).containsEntry("has_image", false);
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void activeSessionsOfEveryDeviceAndRevokingOneSignsThatDeviceOut() {
    emulator = ClerkEmulator.builder().clock(clock).rateLimits(RateLimits.disabled()).clientTrust(false)
        .user(EmulatorUser.builder().email(GRACE).password(PASSWORD).build()).build().start();
    Fapi laptop = new Fapi(emulator);
    laptop.forwardedFor = "203.0.113.7";
    laptop.userAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/124.0.6367.60 Safari/537.36";
    String laptopSession = laptop.signIn(emulator, GRACE, PASSWORD);
    clock.advance(Duration.ofMinutes(1));
    Fapi phone = new Fapi(emulator);
    phone.forwardedFor = "198.51.100.4";
    phone.userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
        + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    String phoneSession = phone.signIn(emulator, GRACE, PASSWORD);
    fapi = laptop;
    me = "?_clerk_session_id=" + laptopSession;

    Answer listed = laptop.get("/v1/me/sessions/active" + me);
    List<Map<String, Object>> sessions = Fapi.list(listed.body());
    assertThat(sessions).extracting(s -> s.get("id")).as("the most recent first").containsExactly(phoneSession, laptopSession);
    assertThat(Fapi.map(sessions.get(0).get("latest_activity"))).containsEntry("object", "session_activity")
        .containsEntry("browser_name", "Safari").containsEntry("browser_version", "17.4")
        .containsEntry("device_type", "iPhone").containsEntry("is_mobile", true)
        .containsEntry("ip_address", "198.51.100.4").doesNotContainKeys("city", "country");
    assertThat(Fapi.map(sessions.get(1).get("latest_activity"))).containsEntry("browser_name", "Chrome")
        .containsEntry("browser_version", "124.0.6367.60").containsEntry("device_type", "Macintosh")
        .containsEntry("is_mobile", false).containsEntry("ip_address", "203.0.113.7");
    assertThat(sessions.get(0)).containsEntry("last_active_token", null).doesNotContainKey("user");

    Answer revoked = laptop.post("/v1/me/sessions/" + phoneSession + "/revoke" + me);
    assertThat(revoked.response()).containsEntry("id", phoneSession).containsEntry("status", "revoked");
    assertThat(Fapi.list(laptop.get("/v1/me/sessions/active" + me).body())).extracting(s -> s.get("id"))
        .containsExactly(laptopSession);

    // The phone's next calls: 401 signed_out for the session, and a client without it.
    Answer token = phone.post("/v1/client/sessions/" + phoneSession + "/tokens");
    refused(token, 401, "signed_out");
    assertThat((String) token.firstError().get("long_message")).isEqualTo("You are signed out");
    refused(phone.get("/v1/me?_clerk_session_id=" + phoneSession), 401, "signed_out");
    Map<String, Object> phoneClient = phone.get("/v1/client").response();
    assertThat(Fapi.list(phoneClient.get("sessions"))).isEmpty();
    assertThat(phoneClient).containsEntry("last_active_session_id", null);

    refused(laptop.post("/v1/me/sessions/" + phoneSession + "/revoke" + me), 400, "invalid_action_for_session");
    refused(laptop.post("/v1/me/sessions/sess_nope/revoke" + me), 404, "resource_not_found");
  }

  @Test
  void anotherUsersSessionCannotBeRevoked() {
    start();
    Fapi other = new Fapi(emulator);
    String theirs = other.signIn(emulator, TAKEN, "taken-password-1");
    refused(fapi.post("/v1/me/sessions/" + theirs + "/revoke" + me), 404, "resource_not_found");
    assertThat(other.post("/v1/client/sessions/" + theirs + "/tokens").status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- deleting the account

  @Test
  void deletingTheAccountEndsItsSessionsEverywhereAndFreesItsIdentifiers() {
    start();
    Fapi otherDevice = new Fapi(emulator);
    String otherSession = otherDevice.signIn(emulator, GRACE, PASSWORD);
    String userId = (String) user().get("id");

    Answer deleted = fapi.delete("/v1/me" + me);
    assertThat(deleted.response()).containsEntry("object", "user").containsEntry("id", userId)
        .containsEntry("deleted", true);
    assertThat(Fapi.list(deleted.client().get("sessions"))).isEmpty();
    assertThat(fapi.get("/v1/client").status()).as("the client itself stays").isEqualTo(200);
    refused(fapi.get("/v1/me" + me), 401, "signed_out");
    refused(otherDevice.post("/v1/client/sessions/" + otherSession + "/tokens"), 401, "signed_out");
    refused(new Fapi(emulator).post("/v1/client/sign_ins", "identifier", GRACE, "password", PASSWORD),
        422, "form_identifier_not_found");
    // The address and username are free for a new account.
    emulator.addUser(EmulatorUser.builder().email(GRACE).username("grace").password(PASSWORD).build());
  }

  @Test
  void anInstanceWithoutSelfDeletionRefusesIt() {
    start(b -> b.deleteSelfEnabled(false));
    assertThat(user()).containsEntry("delete_self_enabled", false);
    Map<String, Object> actions = Fapi.map(Fapi.map(fapi.get("/v1/environment").json().get("user_settings")).get("actions"));
    assertThat(actions).containsEntry("delete_self", false);
    refused(fapi.delete("/v1/me" + me), 403, "user_delete_self_not_enabled");
    assertThat(user()).containsEntry("first_name", "Grace");
  }

  // ---------------------------------------------------------------- reverification

  @Test
  void sensitiveAccountCallsNeedARecentVerificationTheOthersDoNot() {
    start();
    String fresh = addVerifiedEmail(NEW_EMAIL);
    Fapi otherDevice = new Fapi(emulator);
    String otherSession = otherDevice.signIn(emulator, GRACE, PASSWORD);
    clock.advance(Duration.ofMinutes(11));

    Map<String, Answer> sensitive = new HashMap<>();
    sensitive.put("add e-mail", fapi.post("/v1/me/email_addresses" + me, "email_address", "late@example.com"));
    sensitive.put("remove e-mail", fapi.delete("/v1/me/email_addresses/" + fresh + me));
    sensitive.put("set primary", fapi.patch("/v1/me" + me, "primary_email_address_id", fresh));
    sensitive.put("username", fapi.patch("/v1/me" + me, "username", "grace_h"));
    sensitive.put("revoke", fapi.post("/v1/me/sessions/" + otherSession + "/revoke" + me));
    sensitive.put("delete user", fapi.delete("/v1/me" + me));
    sensitive.forEach((what, a) -> {
      assertThat(a.status()).as(what).isEqualTo(403);
      assertThat(a.errorCode()).as(what).isEqualTo("session_reverification_required");
    });

    assertThat(fapi.patch("/v1/me" + me, "first_name", "Still").status()).isEqualTo(200);
    assertThat(fapi.patch("/v1/me/metadata" + me, "unsafe_metadata", "{\"a\":1}").status()).isEqualTo(200);
    assertThat(fapi.get("/v1/me/sessions/active" + me).status()).isEqualTo(200);
    assertThat(fapi.upload("/v1/me/profile_image" + me, "multipart/form-data; boundary=XyZ",
        multipart("file", "me.png", "image/png", PNG)).status()).isEqualTo(200);

    String sessionId = me.substring(me.indexOf('=') + 1);
    fapi.post("/v1/client/sessions/" + sessionId + "/verify", "level", "first_factor");
    fapi.post("/v1/client/sessions/" + sessionId + "/verify/attempt_first_factor", "strategy", "password",
        "password", PASSWORD);
    assertThat(fapi.patch("/v1/me" + me, "primary_email_address_id", fresh).status()).isEqualTo(200);
    assertThat(fapi.post("/v1/me/sessions/" + otherSession + "/revoke" + me).status()).isEqualTo(200);
  }
}
