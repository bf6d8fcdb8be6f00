package io.github.clerk4j.internal.wire;

import static io.github.clerk4j.internal.wire.AnswerDecoderTest.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers of account management as core decodes them (shapes of the OpenAPI file's schemas). */
class AccountDecodersTest {

  @Test
  void activeSessionsAreABareArrayWithTheirActivity() {
    FapiResponse r = decode(Endpoint.GET_ACTIVE_SESSIONS, 200, Map.of(), """
        [{"object": "session", "id": "sess_1", "status": "active", "expire_at": 1767240000000,
          "abandon_at": 1767830400000, "last_active_at": 1767229200000, "last_active_token": null,
          "actor": null, "tasks": null,
          "latest_activity": {"object": "session_activity", "id": "sess_activity_1", "is_mobile": true,
            "device_type": "iPhone", "browser_name": "Safari", "browser_version": "17.4",
            "ip_address": "203.0.113.9", "city": "Lisbon", "country": "PT", "new_field": 1}},
         {"object": "session", "id": "sess_2", "status": "pending", "expire_at": 1767240000000,
          "abandon_at": 1767830400000, "last_active_at": 1767229200000, "latest_activity": null},
         {"object": "session", "id": "sess_3", "status": "active", "expire_at": 1767240000000,
          "abandon_at": 1767830400000, "last_active_at": 1767229200000,
          "latest_activity": {"object": "session_activity", "id": "sess_activity_3", "is_mobile": false,
            "browser_name": ""}}]""");

    @SuppressWarnings("unchecked")
    List<ActiveSessionResource> sessions = (List<ActiveSessionResource>) r.response();
    assertThat(r.client()).isNull();
    assertThat(sessions).extracting(ActiveSessionResource::id).containsExactly("sess_1", "sess_2", "sess_3");
    SessionActivityResource a = sessions.get(0).latestActivity();
    assertThat(a).isEqualTo(new SessionActivityResource("sess_activity_1", "Safari", "17.4", "iPhone",
        "203.0.113.9", "Lisbon", "PT", true));
    assertThat(sessions.get(0).lastActiveAt().toEpochMilli()).isEqualTo(1767229200000L);
    assertThat(sessions.get(1).status()).isEqualTo("pending");
    assertThat(sessions.get(1).latestActivity()).isNull();
    assertThat(sessions.get(2).latestActivity().browserName()).as("empty reads as absent").isNull();
    assertThat(a.toString()).doesNotContain("203.0.113.9").doesNotContain("Lisbon");
  }

  @Test
  void anEmptyListIsFineButNoListIsABrokenAnswer() {
    assertThat((List<?>) decode(Endpoint.GET_ACTIVE_SESSIONS, 200, Map.of(), "[]").response()).isEmpty();
    assertThatThrownBy(() -> decode(Endpoint.GET_ACTIVE_SESSIONS, 200, Map.of(), "null"))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("list of active sessions");
    assertThatThrownBy(() -> decode(Endpoint.GET_ACTIVE_SESSIONS, 200, Map.of(), "{\"response\": []}"))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("expected an array");
    assertThatThrownBy(() -> decode(Endpoint.GET_ACTIVE_SESSIONS, 200, Map.of(), "[{\"status\": \"active\"}]"))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("a session without id");
  }

  @Test
  void theUploadAnswersWithTheImage() {
    FapiResponse r = decode(Endpoint.SET_PROFILE_IMAGE, 200, Map.of(), """
        {"response": {"object": "image", "id": "img_1", "name": "me.png",
          "public_url": "https://img.clerk.com/abc"}, "client": null}""");
    assertThat(r.response()).isEqualTo(new ImageResource("img_1", "me.png", "https://img.clerk.com/abc"));
    assertThatThrownBy(() -> decode(Endpoint.SET_PROFILE_IMAGE, 200, Map.of(),
        "{\"response\": {\"object\": \"image\"}, \"client\": null}"))
        .isInstanceOf(ClerkNetworkException.class).hasMessageContaining("image without id");
  }

  @Test
  void deletesAnswerWithADeletedObjectAndMayHaveNoClient() {
    for (Endpoint e : List.of(Endpoint.DELETE_USER, Endpoint.DELETE_EMAIL_ADDRESS, Endpoint.DELETE_PROFILE_IMAGE)) {
      FapiResponse r = decode(e, 200, Map.of(),
          "{\"response\": {\"object\": \"user\", \"id\": \"user_1\", \"deleted\": true}, \"client\": null}");
      assertThat(r.response()).as(e.name()).isEqualTo(new DeletedObject("user", "user_1", true));
      assertThat(r.client()).isNull();
    }
  }

  @Test
  void theUserCarriesImageMetadataAndDeleteSelf() {
    FapiResponse r = decode(Endpoint.UPDATE_USER_METADATA, 200, Map.of(), """
        {"response": {"object": "user", "id": "user_1", "image_url": "https://img.clerk.com/x", "has_image": true,
          "public_metadata": {"plan": "pro"}, "unsafe_metadata": {"theme": "dark", "n": 2, "deep": {"a": [1, 2.5]}},
          "delete_self_enabled": true, "email_addresses": [{"object": "email_address", "id": "idn_1",
            "email_address": "a@example.com", "verification": null}]},
         "client": null}""");
    UserResource u = (UserResource) r.response();
    assertThat(u.hasImage()).isTrue();
    assertThat(u.publicMetadata()).containsEntry("plan", "pro");
    assertThat(u.unsafeMetadata()).containsEntry("theme", "dark").containsEntry("n", 2L)
        .containsEntry("deep", Map.of("a", List.of(1L, 2.5)));
    assertThat(u.deleteSelfEnabled()).isTrue();
    assertThat(u.emailAddresses()).singleElement()
        .satisfies(e -> assertThat(e.verification()).as("verification null before prepare").isNull());
    assertThat(u.toString()).doesNotContain("a@example.com").doesNotContain("dark");
  }

  @Test
  void metadataOfAnotherKindReadsAsNone() {
    UserResource u = (UserResource) decode(Endpoint.UPDATE_USER, 200, Map.of(),
        "{\"response\": {\"id\": \"user_1\", \"unsafe_metadata\": [1], \"public_metadata\": null}, \"client\": null}")
        .response();
    assertThat(u.unsafeMetadata()).isEmpty();
    assertThat(u.publicMetadata()).isEmpty();
  }

  @Test
  void eMailCallsAnswerWithTheAddressAndRevokeWithTheSession() {
    for (Endpoint e : List.of(Endpoint.CREATE_EMAIL_ADDRESS, Endpoint.PREPARE_EMAIL_ADDRESS_VERIFICATION,
        Endpoint.ATTEMPT_EMAIL_ADDRESS_VERIFICATION)) {
      EmailAddressResource a = (EmailAddressResource) decode(e, 200, Map.of(), """
          {"response": {"object": "email_address", "id": "idn_2", "email_address": "b@example.com",
            "verification": {"object": "verification_otp", "status": "unverified", "strategy": "email_code",
              "attempts": 0, "expire_at": 1767240000000}}, "client": null}""").response();
      assertThat(a.verification().status()).as(e.name()).isEqualTo("unverified");
    }
    SessionResource s = (SessionResource) decode(Endpoint.REVOKE_SESSION, 200, Map.of(),
        "{\"response\": {\"object\": \"session\", \"id\": \"sess_2\", \"status\": \"revoked\"}, \"client\": null}")
        .response();
    assertThat(s.status()).isEqualTo("revoked");
  }
}
