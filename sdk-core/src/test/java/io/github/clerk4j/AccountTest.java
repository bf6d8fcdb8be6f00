package io.github.clerk4j;

import static io.github.clerk4j.MeFixtures.SESSION;
import static io.github.clerk4j.MeFixtures.client;
import static io.github.clerk4j.MeFixtures.error;
import static io.github.clerk4j.MeFixtures.plainUser;
import static io.github.clerk4j.MeFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.internal.wire.ActiveSessionResource;
import io.github.clerk4j.internal.wire.DeletedObject;
import io.github.clerk4j.internal.wire.EmailAddressResource;
import io.github.clerk4j.internal.wire.ImageResource;
import io.github.clerk4j.internal.wire.SessionActivityResource;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.internal.wire.UserResource;
import io.github.clerk4j.internal.wire.VerificationResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FilePart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Account management on {@link User}, {@link EmailAddress} and {@link ActiveSession}: each call's
 * endpoint, session, id and exact form (or file), what is refused before sending, and how the
 * answer changes the client snapshot.
 */
class AccountTest {

  static final String CODE = "482913";
  static final String NEW_ID = "idn_new";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

  final FakeTransport fake = new FakeTransport();
  final TokenStore store = TokenStore.inMemory();
  final Clerk clerk;
  final List<Optional<Session>> sessionChanges = new ArrayList<>();

  AccountTest() {
    clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
    fake.thenRespond(client(session("active", plainUser()), 0), null, "Bearer client-token");
    clerk.loadClient();
    clerk.addListener(ClerkListener.onSession(sessionChanges::add));
  }

  @AfterEach
  void scriptUsedUp() {
    assertThat(fake.scriptDone()).as("every scripted answer was requested").isTrue();
    clerk.close();
  }

  User user() {
    return clerk.user().orElseThrow();
  }

  /** The requests after the set-up's GET_CLIENT. */
  List<FapiRequest> sent() {
    List<FapiRequest> all = fake.requests();
    return all.subList(1, all.size());
  }

  FapiRequest only() {
    assertThat(sent()).hasSize(1);
    return sent().get(0);
  }

  static EmailAddressResource email(String id, String status) {
    return new EmailAddressResource(id, "grace@example.com",
        status == null ? null : new VerificationResource(status, "email_code", 0, null, null));
  }

  /** The user with an extra e-mail address, as the piggybacked client shows it. */
  static UserResource withEmail(EmailAddressResource extra) {
    UserResource u = plainUser();
    List<EmailAddressResource> emails = new ArrayList<>(u.emailAddresses());
    emails.add(extra);
    return new UserResource(u.id(), u.username(), u.firstName(), u.lastName(), u.imageUrl(), u.hasImage(),
        u.primaryEmailAddressId(), u.primaryPhoneNumberId(), emails, u.phoneNumbers(), u.passwordEnabled(),
        u.twoFactorEnabled(), u.totpEnabled(), u.backupCodeEnabled(), u.publicMetadata(), u.unsafeMetadata(),
        u.deleteSelfEnabled(), u.createdAt(), u.updatedAt());
  }

  static UserResource named(String first, String last, Map<String, Object> unsafe) {
    UserResource u = plainUser();
    return new UserResource(u.id(), u.username(), first, last, u.imageUrl(), u.hasImage(),
        u.primaryEmailAddressId(), u.primaryPhoneNumberId(), u.emailAddresses(), u.phoneNumbers(),
        u.passwordEnabled(), u.twoFactorEnabled(), u.totpEnabled(), u.backupCodeEnabled(), Map.of(), unsafe,
        u.deleteSelfEnabled(), u.createdAt(), u.updatedAt());
  }

  // ---------------------------------------------------------------- e-mail addresses

  @Test
  void createEmailAddressSendsTheTrimmedAddressForTheSession() {
    fake.thenRespond(email(NEW_ID, null), client(session("active", withEmail(email(NEW_ID, null))), 1), null);

    EmailAddress e = user().createEmailAddress("  grace@example.com ");

    assertThat(only().endpoint()).isEqualTo(Endpoint.CREATE_EMAIL_ADDRESS);
    assertThat(only().sessionId()).isEqualTo(SESSION);
    assertThat(only().id()).isNull();
    assertThat(only().form().fields()).containsExactly(entry("email_address", "grace@example.com"));
    assertThat(e.id()).isEqualTo(NEW_ID);
    assertThat(e.sessionId()).isEqualTo(SESSION);
    assertThat(e.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(user().emailAddresses()).extracting(EmailAddress::id).contains(NEW_ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "grace", "grace@", "@hopper.dev", "grace@example", "grace@@example.com",
      "gr ace@example.com", "grace@exa mple.com", "grace@.example.com", "grace@example..com", "grace@example.com."})
  void aMalformedAddressIsRefusedBeforeSendingAndNotEchoed(String address) {
    assertThatThrownBy(() -> user().createEmailAddress(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name@example.com")
        .satisfies(e -> {
          if (!address.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(address);
          }
        });
    assertThat(sent()).isEmpty();
  }

  @Test
  void anAddressLongerThanSmtpCarriesIsRefused() {
    String tooLong = "a".repeat(243) + "@example.com";
    assertThat(tooLong).hasSize(255);
    assertThatThrownBy(() -> user().createEmailAddress(tooLong)).isInstanceOf(IllegalArgumentException.class);
    assertThat(sent()).isEmpty();
  }

  @Test
  void prepareAttemptAndDestroyTheAddress() {
    fake.thenRespond(email(NEW_ID, "unverified"))
        .thenRespond(email(NEW_ID, "verified"))
        .thenRespond(new DeletedObject("email_address", NEW_ID, true), client(session("active", plainUser()), 3), null);
    EmailAddress added = new EmailAddress(clerk, SESSION, email(NEW_ID, null));

    EmailAddress sent = added.prepareVerification();
    EmailAddress verified = sent.attemptVerification(CODE);
    verified.destroy();

    List<FapiRequest> r = sent();
    assertThat(r).extracting(FapiRequest::endpoint).containsExactly(Endpoint.PREPARE_EMAIL_ADDRESS_VERIFICATION,
        Endpoint.ATTEMPT_EMAIL_ADDRESS_VERIFICATION, Endpoint.DELETE_EMAIL_ADDRESS);
    assertThat(r).extracting(FapiRequest::id).containsOnly(NEW_ID);
    assertThat(r).extracting(FapiRequest::sessionId).containsOnly(SESSION);
    assertThat(r.get(0).form().fields()).containsExactly(entry("strategy", "email_code"));
    assertThat(r.get(1).form().fields()).containsExactly(entry("code", CODE));
    assertThat(r.get(2).form().isEmpty()).isTrue();
    assertThat(sent.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(verified.verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    assertThat(added.verification().status()).as("the old value is unchanged").isEqualTo(VerificationStatus.UNVERIFIED);
  }

  @Test
  void aDestroyAnsweredWithoutAClientRemovesTheAddressLocally() {
    fake.thenRespond(client(session("active", withEmail(email(NEW_ID, "verified"))), 1));
    clerk.loadClient();
    List<Client> changes = new ArrayList<>();
    clerk.addListener(ClerkListener.onClient(changes::add));
    fake.thenRespond(new DeletedObject("email_address", NEW_ID, true));

    user().emailAddresses().stream().filter(e -> e.id().equals(NEW_ID)).findFirst().orElseThrow().destroy();

    assertThat(user().emailAddresses()).extracting(EmailAddress::id).doesNotContain(NEW_ID).isNotEmpty();
    assertThat(changes).as("listeners were told").hasSize(1);
  }

  @Test
  void anEmptyCodeIsRefusedBeforeSending() {
    EmailAddress e = new EmailAddress(clerk, SESSION, email(NEW_ID, "unverified"));
    assertThatThrownBy(() -> e.attemptVerification("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(sent()).isEmpty();
  }

  @Test
  void emailRefusalsNameTheNextStep() {
    fake.thenThrow(error(422, "form_identifier_exists", "email_address"))
        .thenThrow(error(400, "identification_deletion_failed", null))
        .thenThrow(error(422, "form_code_incorrect", "code"));
    assertThatThrownBy(() -> user().createEmailAddress("grace@example.com"))
        .isInstanceOfSatisfying(ClerkApiException.class,
            e -> assertThat(e.fieldErrors().get("email_address").code()).isEqualTo("form_identifier_exists"))
        .hasMessageContaining("another account uses this email address");
    EmailAddress only = user().emailAddresses().get(0);
    assertThatThrownBy(only::destroy).hasMessageContaining("add and verify another one first");
    assertThatThrownBy(() -> only.attemptVerification("000000")).hasMessageContaining("prepareVerification()");
  }

  // ---------------------------------------------------------------- profile

  @Test
  void updateSendsOnlyTheProfileFieldsGiven() {
    UserResource renamed = named("Grace", "Hopper", Map.of());
    fake.thenRespond(renamed, client(session("active", renamed), 1), null);

    User after = user().update(UserUpdateParams.empty().withFirstName("Grace").withLastName("Hopper")
        .withUsername("grace_h").withPrimaryEmailAddressId("idn_email").withPrimaryPhoneNumberId("idn_phone"));

    assertThat(only().endpoint()).isEqualTo(Endpoint.UPDATE_USER);
    assertThat(only().sessionId()).isEqualTo(SESSION);
    assertThat(only().form().fields()).containsExactly(entry("first_name", "Grace"), entry("last_name", "Hopper"),
        entry("username", "grace_h"), entry("primary_email_address_id", "idn_email"),
        entry("primary_phone_number_id", "idn_phone"));
    assertThat(after.firstName()).contains("Grace");
    assertThat(user().lastName()).contains("Hopper");
  }

  @Test
  void unsafeMetadataGoesToTheMetadataEndpointAsJson() {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("theme", "dark \"solarized\"");
    patch.put("beta", true);
    patch.put("seats", 3);
    patch.put("ratio", 0.5);
    patch.put("tags", List.of("a", "b"));
    patch.put("old", null);
    patch.put("nested", Map.of("k", 1L));
    UserResource answered = named("Ada", "Lovelace", Map.of("theme", "dark"));
    fake.thenRespond(answered);

    User after = user().update(UserUpdateParams.empty().withUnsafeMetadata(patch));

    assertThat(only().endpoint()).isEqualTo(Endpoint.UPDATE_USER_METADATA);
    assertThat(only().form().fields()).containsExactly(entry("unsafe_metadata",
        "{\"theme\":\"dark \\\"solarized\\\"\",\"beta\":true,\"seats\":3,\"ratio\":0.5,\"tags\":[\"a\",\"b\"],"
            + "\"old\":null,\"nested\":{\"k\":1}}"));
    assertThat(after.unsafeMetadata()).containsEntry("theme", "dark");
    assertThat(user().unsafeMetadata()).as("the answer had no client: written locally").containsEntry("theme", "dark");
  }

  @Test
  void profileAndMetadataAreTwoCallsInThatOrder() {
    UserResource renamed = named("Grace", "Lovelace", Map.of());
    fake.thenRespond(renamed).thenRespond(named("Grace", "Lovelace", Map.of("a", 1L)));

    User after = user().update(UserUpdateParams.empty().withUnsafeMetadata(Map.of("a", 1)).withFirstName("Grace"));

    assertThat(sent()).extracting(FapiRequest::endpoint)
        .containsExactly(Endpoint.UPDATE_USER, Endpoint.UPDATE_USER_METADATA);
    assertThat(sent().get(0).form().fields()).containsExactly(entry("first_name", "Grace"));
    assertThat(sent().get(1).form().fields()).containsExactly(entry("unsafe_metadata", "{\"a\":1}"));
    assertThat(after.unsafeMetadata()).containsEntry("a", 1L);
  }

  @Test
  void aFailedMetadataCallAfterASavedProfileSaysSo() {
    fake.thenRespond(named("Grace", "Lovelace", Map.of()))
        .thenThrow(error(422, "form_param_exceeds_allowed_size", "unsafe_metadata"));

    assertThatThrownBy(() -> user().update(UserUpdateParams.empty().withFirstName("Grace")
        .withUnsafeMetadata(Map.of("big", "x"))))
        .isInstanceOf(ClerkApiException.class)
        .hasMessageContaining("the profile fields were saved, the unsafe metadata was not");
    assertThat(user().firstName()).as("the saved profile is in the snapshot").contains("Grace");
  }

  @Test
  void nothingToUpdateAndValuesWithoutJsonAreRefusedBeforeSending() {
    assertThatThrownBy(() -> user().update(UserUpdateParams.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to update");
    assertThatThrownBy(() -> UserUpdateParams.empty().withUnsafeMetadata(Map.of("when", new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.when");
    assertThatThrownBy(() -> UserUpdateParams.empty().withUnsafeMetadata(Map.of("n", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserUpdateParams.empty().withPrimaryEmailAddressId(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sent()).isEmpty();
  }

  @Test
  void paramsShowIdsButNoPersonalData() {
    Map<String, Object> meta = new HashMap<>();
    meta.put("secret", "shh");
    UserUpdateParams p = UserUpdateParams.empty().withFirstName("Grace").withUsername("grace_h")
        .withPrimaryEmailAddressId("idn_email").withUnsafeMetadata(meta);
    assertThat(p.toString()).contains("primary_email_address_id=idn_email")
        .doesNotContain("Grace").doesNotContain("grace_h").doesNotContain("shh");
    assertThat(p).isEqualTo(UserUpdateParams.empty().withFirstName("Grace").withUsername("grace_h")
        .withPrimaryEmailAddressId("idn_email").withUnsafeMetadata(meta));
  }

  // ---------------------------------------------------------------- profile image

  @Test
  void aProfileImageIsOneFilePartNamedFile() {
    fake.thenRespond(new ImageResource("img_1", "profile-image.png", "https://img.clerk.com/x"));

    ProfileImage image = user().setProfileImage(PNG);

    FapiRequest r = only();
    assertThat(r.endpoint()).isEqualTo(Endpoint.SET_PROFILE_IMAGE);
    assertThat(r.sessionId()).isEqualTo(SESSION);
    assertThat(r.form().isEmpty()).isTrue();
    FilePart file = r.file();
    assertThat(file.name()).isEqualTo("file");
    assertThat(file.fileName()).isEqualTo("profile-image.png");
    assertThat(file.contentType()).isEqualTo("image/png");
    assertThat(file.content()).isEqualTo(PNG);
    assertThat(r.toString()).contains("image/png").contains("12 bytes").doesNotContain("profile-image");
    assertThat(image.id()).isEqualTo("img_1");
    assertThat(image.publicUrl()).contains("https://img.clerk.com/x");
  }

  @Test
  void aProfileImageFromAFileKeepsItsName(@TempDir Path dir) throws IOException {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    Path file = Files.write(dir.resolve("me.jpg"), jpeg);
    fake.thenRespond(new ImageResource("img_2", "me.jpg", null));

    user().setProfileImage(file);

    assertThat(only().file().fileName()).isEqualTo("me.jpg");
    assertThat(only().file().contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void imagesClerkDoesNotTakeAreRefusedBeforeSending(@TempDir Path dir) throws IOException {
    byte[] big = new byte[User.MAX_IMAGE_BYTES + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    assertThatThrownBy(() -> user().setProfileImage(big)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 MB");
    assertThatThrownBy(() -> user().setProfileImage(Files.write(dir.resolve("big.png"), big)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 MB");
    assertThatThrownBy(() -> user().setProfileImage(new byte[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> user().setProfileImage("<svg/>".getBytes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PNG, JPEG, GIF or WebP");
    assertThatThrownBy(() -> user().setProfileImage(dir.resolve("missing.png")))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(sent()).isEmpty();
  }

  @Test
  void gifAndWebpAreTold() {
    byte[] gif = "GIF89a....".getBytes();
    byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P'};
    fake.thenRespond(new ImageResource("img_g", null, null)).thenRespond(new ImageResource("img_w", null, null));
    user().setProfileImage(gif);
    user().setProfileImage(webp);
    assertThat(sent()).extracting(r -> r.file().contentType()).containsExactly("image/gif", "image/webp");
    assertThat(sent()).extracting(r -> r.file().fileName()).containsExactly("profile-image.gif", "profile-image.webp");
  }

  @Test
  void deletingTheImageReloadsTheUserWhenTheAnswerHasNoClient() {
    fake.thenRespond(new DeletedObject("image", "img_1", true)).thenRespond(plainUser());
    User after = user().deleteProfileImage();
    assertThat(sent()).extracting(FapiRequest::endpoint)
        .containsExactly(Endpoint.DELETE_PROFILE_IMAGE, Endpoint.GET_USER);
    assertThat(after.hasImage()).isFalse();
  }

  // ---------------------------------------------------------------- sessions

  static ActiveSessionResource active(String id, String browser, boolean mobile) {
    return new ActiveSessionResource(id, "active", Fixtures.T0.plusSeconds(3600), Fixtures.T0.plusSeconds(7200),
        Fixtures.T0, new SessionActivityResource("sess_activity_" + id, browser, "1.2", "Macintosh",
            "203.0.113.9", "Lisbon", "PT", mobile));
  }

  @Test
  void activeSessionsCarryTheirActivityAndMarkThisOne() {
    fake.thenRespond(List.of(active(SESSION, "Chrome", false), active("sess_2", "Safari", true),
        new ActiveSessionResource("sess_3", "active", null, null, null, null)));

    List<ActiveSession> sessions = user().activeSessions();

    assertThat(only().endpoint()).isEqualTo(Endpoint.GET_ACTIVE_SESSIONS);
    assertThat(only().sessionId()).isEqualTo(SESSION);
    assertThat(sessions).extracting(ActiveSession::id).containsExactly(SESSION, "sess_2", "sess_3");
    assertThat(sessions).extracting(ActiveSession::current).containsExactly(true, false, false);
    SessionActivity other = sessions.get(1).latestActivity().orElseThrow();
    assertThat(other.browserName()).contains("Safari");
    assertThat(other.browserVersion()).contains("1.2");
    assertThat(other.deviceType()).contains("Macintosh");
    assertThat(other.ipAddress()).contains("203.0.113.9");
    assertThat(other.city()).contains("Lisbon");
    assertThat(other.country()).contains("PT");
    assertThat(other.mobile()).isTrue();
    assertThat(sessions.get(1).status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(sessions.get(1).lastActiveAt()).contains(Fixtures.T0);
    assertThat(sessions.get(2).latestActivity()).isEmpty();
    assertThat(sessions.get(1).toString()).doesNotContain("203.0.113.9").doesNotContain("Lisbon");
  }

  @Test
  void revokingAnotherDeviceSendsItsIdForThisSession() {
    fake.thenRespond(List.of(active("sess_2", "Safari", true)))
        .thenRespond(new SessionResource("sess_2", "revoked", null, null, null, null, null, List.of(), null,
            List.of(), null, null), client(session("active", plainUser()), 1), null);

    ActiveSession other = user().activeSessions().get(0);
    ActiveSession revoked = other.revoke();

    FapiRequest r = sent().get(1);
    assertThat(r.endpoint()).isEqualTo(Endpoint.REVOKE_SESSION);
    assertThat(r.id()).isEqualTo("sess_2");
    assertThat(r.sessionId()).isEqualTo(SESSION);
    assertThat(r.form().isEmpty()).isTrue();
    assertThat(revoked.status()).isEqualTo(SessionStatus.REVOKED);
    assertThat(revoked.latestActivity()).as("the activity is kept").isEqualTo(other.latestActivity());
    assertThat(other.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(clerk.session()).as("this device stays signed in").isPresent();
  }

  @Test
  void revokingThisSessionWithoutAClientSignsThisDeviceOut() {
    fake.thenRespond(List.of(active(SESSION, "Chrome", false)))
        .thenRespond(new SessionResource(SESSION, "revoked", null, null, null, null, null, List.of(), null,
            List.of(), null, null));

    user().activeSessions().get(0).revoke();

    assertThat(clerk.session()).isEmpty();
    assertThat(sessionChanges).containsExactly(Optional.empty());
  }

  @Test
  void anEndedSessionCannotBeRevokedAgain() {
    fake.thenRespond(List.of(active("sess_2", "Safari", true)))
        .thenThrow(error(400, "invalid_action_for_session", null));
    ActiveSession other = user().activeSessions().get(0);
    assertThatThrownBy(other::revoke).hasMessageContaining("activeSessions() again");
  }

  // ---------------------------------------------------------------- deleting the account

  @Test
  void deleteSignsThisClientOutButKeepsTheClientToken() {
    fake.thenRespond(new DeletedObject("user", "user_1", true),
        new io.github.clerk4j.internal.wire.ClientResource("client_1", List.of(), null, null, null, null, null,
            Fixtures.T0.plusSeconds(5)), null);

    user().delete();

    assertThat(only().endpoint()).isEqualTo(Endpoint.DELETE_USER);
    assertThat(only().sessionId()).isEqualTo(SESSION);
    assertThat(clerk.session()).isEmpty();
    assertThat(clerk.user()).isEmpty();
    assertThat(clerk.client().id()).contains("client_1");
    assertThat(store.get()).as("the client lives on").contains("Bearer client-token");
    assertThat(sessionChanges).containsExactly(Optional.empty());
  }

  @Test
  void deleteAnsweredWithoutAClientStillSignsOutLocally() {
    fake.thenRespond(new DeletedObject("user", "user_1", true));
    user().delete();
    assertThat(clerk.session()).isEmpty();
    assertThat(clerk.client().sessions()).isEmpty();
    assertThat(sessionChanges).containsExactly(Optional.empty());
  }

  @Test
  void aRefusedDeleteChangesNothing() {
    fake.thenThrow(error(403, "user_delete_self_not_enabled", null));
    assertThatThrownBy(() -> user().delete())
        .isInstanceOfSatisfying(ClerkApiException.class,
            e -> assertThat(e.hasCode("user_delete_self_not_enabled")).isTrue())
        .hasMessageContaining("deleteSelfEnabled() is false");
    assertThat(clerk.session()).isPresent();
    assertThat(sessionChanges).isEmpty();
  }

  @Test
  void deleteGoesThroughReverificationWhenTheServerAsks() {
    fake.thenThrow(MeFixtures.reverificationRequired())
        .thenRespond(MeFixtures.verification("second_factor", "needs_first_factor",
            List.of(Fixtures.bare("password")), List.of()))
        .thenRespond(MeFixtures.verification("second_factor", "complete", List.of(), List.of()))
        .thenRespond(new DeletedObject("user", "user_1", true));

    clerk.withReverification(() -> {
      user().delete();
      return null;
    }, prompt -> Optional.of("correct-horse-9"));

    assertThat(sent()).extracting(FapiRequest::endpoint).containsExactly(Endpoint.DELETE_USER,
        Endpoint.START_REVERIFICATION, Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR, Endpoint.DELETE_USER);
    assertThat(clerk.session()).isEmpty();
  }

  // ---------------------------------------------------------------- values

  @Test
  void valuesShowNoPersonalData() {
    EmailAddress e = user().emailAddresses().get(0);
    assertThat(e.toString()).doesNotContain("ada@example.com");
    assertThat(new ProfileImage(new ImageResource("img_1", "my-face.png", "u")).toString())
        .doesNotContain("my-face");
    assertThat(new FilePart("file", "my-face.png", "image/png", PNG).toString()).doesNotContain("my-face");
    assertThat(e).isEqualTo(user().emailAddresses().get(0)).hasSameHashCodeAs(user().emailAddresses().get(0));
  }

  @Test
  void aFilePartKeepsItsOwnCopyOfTheBytes() {
    byte[] bytes = PNG.clone();
    FilePart part = new FilePart("file", "a.png", "image/png", bytes);
    bytes[0] = 0;
    part.content()[1] = 0;
    assertThat(part.content()).isEqualTo(PNG);
    assertThat(part.size()).isEqualTo(PNG.length);
    assertThat(part).isEqualTo(new FilePart("file", "a.png", "image/png", PNG));
    assertThatThrownBy(() -> new FilePart("file", " ", "image/png", PNG)).isInstanceOf(IllegalArgumentException.class);
  }
}
