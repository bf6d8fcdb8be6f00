package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.CREATED_AT;
import static io.github.clerk4j.it.wire.Fapi.EMAIL_ID;
import static io.github.clerk4j.it.wire.Fapi.SESSION_ID;
import static io.github.clerk4j.it.wire.Fapi.USER_ID;
import static io.github.clerk4j.it.wire.Json.arr;
import static io.github.clerk4j.it.wire.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ActiveSession;
import io.github.clerk4j.EmailAddress;
import io.github.clerk4j.ProfileImage;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.User;
import io.github.clerk4j.UserUpdateParams;
import io.github.clerk4j.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every account-management call through the SDK and OkHttp (wire spec §17): method, path, {@code
 * _clerk_session_id}, the exact form (or the multipart body of the profile image), and what the
 * SDK makes of the answer. The one-call cases ({@link #accountCalls()}) run in {@link
 * UserWireTest}'s {@code meCall}.
 */
class AccountWireTest {

  static final String CODE = "123456";
  static final String NEW_EMAIL = "grace+clerk_test@example.com";
  static final String NEW_EMAIL_ID = "idn_email2";
  static final String OTHER_SESSION = "sess_wire2";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte) 0xFF, 0x00};

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  static Map<String, Object> email(String id, String address, String verification) {
    return obj("id", id, "object", "email_address", "email_address", address, "reserved", false,
        "verification", verification == null ? null : Fapi.verification("email_code", verification),
        "linked_to", arr(), "matches_sso_connection", false, "created_at", CREATED_AT, "updated_at", CREATED_AT);
  }

  private static EmailAddress primaryEmail(User u) {
    return u.emailAddresses().get(0);
  }

  private static String[] fields(String... keysAndValues) {
    return keysAndValues;
  }

  /** The account calls, run by {@link UserWireTest}'s {@code meCall} with the MFA calls. */
  static Stream<UserWireTest.MeCase> accountCalls() {
    String emailPath = "/v1/me/email_addresses/" + EMAIL_ID;
    return Stream.of(
        new UserWireTest.MeCase("createEmailAddress", u -> u.createEmailAddress(NEW_EMAIL), "POST", "/v1/me/email_addresses",
            fields("email_address", NEW_EMAIL), email(NEW_EMAIL_ID, NEW_EMAIL, null),
            r -> {
              assertThat(((EmailAddress) r).id()).isEqualTo(NEW_EMAIL_ID);
              assertThat(((EmailAddress) r).verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
            }),
        new UserWireTest.MeCase("EmailAddress.prepareVerification", u -> primaryEmail(u).prepareVerification(),
            "POST", emailPath + "/prepare_verification", fields("strategy", "email_code"),
            email(EMAIL_ID, Fapi.EMAIL, "unverified"),
            r -> assertThat(((EmailAddress) r).verification().rawStatus()).isEqualTo("unverified")),
        new UserWireTest.MeCase("EmailAddress.attemptVerification", u -> primaryEmail(u).attemptVerification(CODE),
            "POST", emailPath + "/attempt_verification", fields("code", CODE),
            email(EMAIL_ID, Fapi.EMAIL, "verified"),
            r -> assertThat(((EmailAddress) r).verification().status()).isEqualTo(VerificationStatus.VERIFIED)),
        new UserWireTest.MeCase("EmailAddress.destroy", u -> {
              primaryEmail(u).destroy();
              return "destroyed";
            }, "DELETE", emailPath, null, Fapi.deleted("email_address", EMAIL_ID),
            r -> assertThat(r).isEqualTo("destroyed")),
        new UserWireTest.MeCase("update(names, username)", u -> u.update(UserUpdateParams.empty().withFirstName("Grace")
                .withLastName("Hopper").withUsername("grace_h")),
            "PATCH", "/v1/me", fields("first_name", "Grace", "last_name", "Hopper", "username", "grace_h"),
            Fapi.user("first_name", "Grace", "last_name", "Hopper", "username", "grace_h"),
            r -> assertThat(((User) r).username()).contains("grace_h")),
        new UserWireTest.MeCase("update(primary e-mail)", u -> u.update(UserUpdateParams.empty().withPrimaryEmailAddressId(NEW_EMAIL_ID)),
            "PATCH", "/v1/me", fields("primary_email_address_id", NEW_EMAIL_ID),
            Fapi.user("primary_email_address_id", NEW_EMAIL_ID),
            r -> assertThat(((User) r).id()).isEqualTo(USER_ID)),
        new UserWireTest.MeCase("update(primary phone)", u -> u.update(UserUpdateParams.empty().withPrimaryPhoneNumberId("idn_p9")),
            "PATCH", "/v1/me", fields("primary_phone_number_id", "idn_p9"), Fapi.user(),
            r -> assertThat(((User) r).id()).isEqualTo(USER_ID)),
        new UserWireTest.MeCase("update(unsafe metadata)", u -> u.update(UserUpdateParams.empty()
                .withUnsafeMetadata(Map.of("theme", "dark"))),
            "PATCH", "/v1/me/metadata", fields("unsafe_metadata", "{\"theme\":\"dark\"}"),
            Fapi.user("unsafe_metadata", obj("theme", "dark")),
            r -> assertThat(((User) r).unsafeMetadata()).containsEntry("theme", "dark")),
        new UserWireTest.MeCase("deleteProfileImage", User::deleteProfileImage, "DELETE", "/v1/me/profile_image", null,
            Fapi.deleted("image", "img_1"), r -> assertThat(((User) r).id()).isEqualTo(USER_ID)),
        new UserWireTest.MeCase("delete", u -> {
              u.delete();
              return "deleted";
            }, "DELETE", "/v1/me", null, Fapi.deleted("user", USER_ID), r -> assertThat(r).isEqualTo("deleted")));
  }

  @Test
  void profileAndMetadataTogetherAreTwoPatchesInOrder() {
    User user = fapi.signedIn();
    fapi.ok(Fapi.user("first_name", "Grace"), Fapi.signedInClient());
    fapi.ok(Fapi.user("first_name", "Grace", "unsafe_metadata", obj("seats", 3)), Fapi.signedInClient());

    User after = user.update(UserUpdateParams.empty().withFirstName("Grace").withUnsafeMetadata(Map.of("seats", 3)));

    fapi.expectMe("PATCH", "/v1/me", SESSION_ID).form("first_name", "Grace");
    fapi.expectMe("PATCH", "/v1/me/metadata", SESSION_ID).form("unsafe_metadata", "{\"seats\":3}");
    assertThat(after.unsafeMetadata()).containsEntry("seats", 3L);
  }

  @Test
  void theProfileImageIsAMultipartBodyWithOneFilePart() {
    User user = fapi.signedIn();
    fapi.ok(obj("object", "image", "id", "img_1", "name", "profile-image.png",
        "public_url", "https://img.clerk.com/img_1"), Fapi.signedInClient());

    ProfileImage image = user.setProfileImage(PNG);

    MockFapi.Sent sent = fapi.expectMe("POST", "/v1/me/profile_image", SESSION_ID);
    String contentType = sent.request.getHeaders().get("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
    String body = new String(sent.request.getBody().toByteArray(), StandardCharsets.ISO_8859_1);
    String expected = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"profile-image.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n"
        + new String(PNG, StandardCharsets.ISO_8859_1) + "\r\n"
        + "--" + boundary + "--\r\n";
    assertThat(body).isEqualTo(expected);
    assertThat(image.id()).isEqualTo("img_1");
    assertThat(image.publicUrl()).contains("https://img.clerk.com/img_1");
  }

  @Test
  void activeSessionsAreABareArrayAndRevokeNamesTheOtherSession() {
    User user = fapi.signedIn();
    Map<String, Object> activity = obj("object", "session_activity", "id", "sess_activity_2", "is_mobile", true,
        "device_type", "iPhone", "browser_name", "Safari", "browser_version", "17.4",
        "ip_address", "198.51.100.4", "city", "Lisbon", "country", "PT");
    fapi.ok(Json.write(arr(
        obj("object", "session", "id", SESSION_ID, "status", "active", "expire_at", Fapi.EXPIRE_AT,
            "abandon_at", Fapi.ABANDON_AT, "last_active_at", Fapi.UPDATED_AT, "latest_activity",
            obj("object", "session_activity", "id", "sess_activity_1", "is_mobile", false)),
        obj("object", "session", "id", OTHER_SESSION, "status", "active", "expire_at", Fapi.EXPIRE_AT,
            "abandon_at", Fapi.ABANDON_AT, "last_active_at", Fapi.UPDATED_AT, "latest_activity", activity))));

    List<ActiveSession> sessions = user.activeSessions();

    fapi.expectMe("GET", "/v1/me/sessions/active", SESSION_ID).noBody();
    assertThat(sessions).extracting(ActiveSession::current).containsExactly(true, false);
    assertThat(sessions.get(1).latestActivity().orElseThrow().city()).contains("Lisbon");

    fapi.ok(Fapi.session("revoked", "id", OTHER_SESSION), Fapi.signedInClient());
    ActiveSession revoked = sessions.get(1).revoke();
    fapi.expectMe("POST", "/v1/me/sessions/" + OTHER_SESSION + "/revoke", SESSION_ID).form();
    assertThat(revoked.status()).isEqualTo(SessionStatus.REVOKED);
    assertThat(fapi.clerk.session()).map(s -> s.id()).contains(SESSION_ID);
  }

  @Test
  void aMalformedAddressAndAnImageOfAnotherKindNeverLeave() {
    User user = fapi.signedIn();
    assertThatThrownBy(() -> user.createEmailAddress("grace at example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("grace at");
    assertThatThrownBy(() -> user.setProfileImage("GIF".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> user.update(UserUpdateParams.empty())).isInstanceOf(IllegalArgumentException.class);
    // MockFapi.close() fails if a request reached the server
  }

  @Test
  void afterDeleteTheClientTokenIsStillSentAndNoSessionIsLeft() {
    User user = fapi.signedIn();
    fapi.ok(Fapi.deleted("user", USER_ID), Fapi.client(arr(), null, null));
    user.delete();
    fapi.expectMe("DELETE", "/v1/me", SESSION_ID).noBody();
    assertThat(fapi.clerk.session()).isEmpty();

    String token = fapi.currentToken();
    assertThat(token).as("the answer's token is kept").isNotNull();
    fapi.ok(Fapi.client(arr(), null, null), null);
    fapi.clerk.loadClient();
    fapi.expect("GET", "/v1/client").noBody();
  }
}
