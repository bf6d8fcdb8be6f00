package io.github.clerk4j.it.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ActiveSession;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkListener;
import io.github.clerk4j.EmailAddress;
import io.github.clerk4j.ProfileImage;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionActivity;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.User;
import io.github.clerk4j.UserUpdateParams;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.OutboxMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Account management end to end (SDK, OkHttp, emulator): e-mail addresses, the profile, the
 * profile image, the sessions of every device, deleting the account, and each of Clerk's refusals.
 */
class AccountManagementTest {

  static final String EMAIL = "grace@example.com";
  static final String PASSWORD = "cobol-Compiler-1959";
  static final String NEW_EMAIL = "grace.hopper@example.com";
  static final String OTHERS_EMAIL = "ada@example.com";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  static EmulatorUser grace() {
    return EmulatorUser.builder().email(EMAIL).password(PASSWORD).firstName("Grace").build();
  }

  static EmulatorUser ada() {
    return EmulatorUser.builder().email(OTHERS_EMAIL).password("analytical-Engine-1843").build();
  }

  /** Adds {@link #NEW_EMAIL} and verifies it with the code from the outbox. */
  static EmailAddress addVerifiedEmail(Account a, User user) {
    EmailAddress added = user.createEmailAddress(NEW_EMAIL);
    assertThat(added.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    EmailAddress sent = added.prepareVerification();
    assertThat(a.emulator.outbox().messagesFor(NEW_EMAIL)).last()
        .extracting(OutboxMessage::purpose).isEqualTo(OutboxMessage.Purpose.VERIFY_EMAIL);
    EmailAddress verified = sent.attemptVerification(a.code(NEW_EMAIL));
    assertThat(verified.verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    return verified;
  }

  /** Another device: a second client of the same instance, signed in as {@code identifier}. */
  static Clerk otherDevice(Account a, String identifier, String password) {
    Clerk other = Clerk.builder().publishableKey(a.emulator.publishableKey()).build();
    other.signIn().password(identifier, password).finalize((s, d) -> {});
    assertThat(other.session()).isPresent();
    return other;
  }

  @Test
  void addVerifyMakePrimaryAndRemoveTheOldAddress() {
    try (Account a = new Account(grace())) {
      User user = a.signIn(EMAIL, PASSWORD);
      EmailAddress old = user.primaryEmailAddress().orElseThrow();
      List<Optional<Session>> told = new ArrayList<>();
      a.clerk.addListener(ClerkListener.onClient(c -> told.add(a.clerk.session())));

      EmailAddress fresh = addVerifiedEmail(a, user);
      assertThat(a.clerk.user().orElseThrow().emailAddresses()).extracting(EmailAddress::emailAddress)
          .as("the piggybacked client updated the state").containsExactly(EMAIL, NEW_EMAIL);
      User primary = a.clerk.user().orElseThrow()
          .update(UserUpdateParams.empty().withPrimaryEmailAddressId(fresh.id()));
      assertThat(primary.primaryEmailAddress()).map(EmailAddress::id).contains(fresh.id());
      old.destroy();

      assertThat(a.clerk.user().orElseThrow().emailAddresses()).extracting(EmailAddress::emailAddress)
          .containsExactly(NEW_EMAIL);
      assertThat(told).as("listeners were told").hasSizeGreaterThanOrEqualTo(4);
      a.clerk.signOut();
      assertThatThrownBy(() -> a.clerk.signIn().password(EMAIL, PASSWORD))
          .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.hasCode("form_identifier_not_found")).isTrue());
      assertThat(a.clerk.signIn().password(NEW_EMAIL, PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void clerksRefusalsReachTheCallerAsFieldErrorsWithTheNextStep() {
    try (Account a = new Account(grace(), ada())) {
      User user = a.signIn(EMAIL, PASSWORD);
      assertThatThrownBy(() -> user.createEmailAddress("grace at example.com"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> user.createEmailAddress(OTHERS_EMAIL))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.fieldErrors().get("email_address").code()).isEqualTo("form_identifier_exists"));

      EmailAddress unverified = user.createEmailAddress(NEW_EMAIL);
      assertThatThrownBy(() -> user.update(UserUpdateParams.empty().withPrimaryEmailAddressId(unverified.id())))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.fieldErrors().get("primary_email_address_id").code()).isEqualTo("form_verification_needed"))
          .hasMessageContaining("verify it first");

      EmailAddress only = user.primaryEmailAddress().orElseThrow();
      assertThatThrownBy(only::destroy)
          .isInstanceOfSatisfying(ClerkApiException.class,
              // the default instance requires an e-mail address, as a new Clerk application does
              e -> assertThat(e.hasCode("last_required_identification_deletion_failed")).isTrue())
          .hasMessageContaining("add and verify another one first");
      unverified.destroy();
      assertThat(user.reload().emailAddresses()).extracting(EmailAddress::id).containsExactly(only.id());

      assertThatThrownBy(() -> user.update(UserUpdateParams.empty().withUsername("ab")))
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.fieldErrors().get("username").code()).isEqualTo("form_username_invalid_length"));
    }
  }

  @Test
  void namesUsernameMetadataAndTheProfileImage() {
    try (Account a = new Account(grace())) {
      User user = a.signIn(EMAIL, PASSWORD);
      User named = user.update(UserUpdateParams.empty().withFirstName("Amazing").withLastName("Grace")
          .withUsername("amazing_grace"));
      assertThat(named.firstName()).contains("Amazing");
      assertThat(named.username()).contains("amazing_grace");

      Map<String, Object> first = new HashMap<>();
      first.put("theme", "dark");
      first.put("prefs", Map.of("lang", "en", "beta", true));
      user.update(UserUpdateParams.empty().withUnsafeMetadata(first));
      Map<String, Object> second = new HashMap<>();
      second.put("theme", null);
      second.put("prefs", Map.of("lang", "fr"));
      User merged = user.update(UserUpdateParams.empty().withUnsafeMetadata(second).withLastName("Hopper"));
      assertThat(merged.lastName()).contains("Hopper");
      assertThat(merged.unsafeMetadata()).containsOnlyKeys("prefs")
          .containsEntry("prefs", Map.of("lang", "fr", "beta", true));
      assertThat(a.clerk.user().orElseThrow().unsafeMetadata()).isEqualTo(merged.unsafeMetadata());

      String avatar = user.imageUrl().orElseThrow();
      ProfileImage image = user.setProfileImage(PNG);
      User withImage = a.clerk.user().orElseThrow();
      assertThat(withImage.hasImage()).isTrue();
      assertThat(withImage.imageUrl()).isEqualTo(image.publicUrl()).isNotEqualTo(Optional.of(avatar));
      User without = withImage.deleteProfileImage();
      assertThat(without.hasImage()).isFalse();
      assertThat(a.clerk.user().orElseThrow().imageUrl()).contains(avatar);
    }
  }

  @Test
  void listTheSessionsOfEveryDeviceAndRevokeAnother() {
    try (Account a = new Account(grace())) {
      User user = a.signIn(EMAIL, PASSWORD);
      try (Clerk phone = otherDevice(a, EMAIL, PASSWORD)) {
        Session phoneSession = phone.session().orElseThrow();
        assertThat(phoneSession.getToken()).isNotBlank();

        List<ActiveSession> sessions = user.activeSessions();
        assertThat(sessions).extracting(ActiveSession::id)
            .containsExactlyInAnyOrder(user.sessionId(), phoneSession.id());
        ActiveSession other = sessions.stream().filter(s -> !s.current()).findFirst().orElseThrow();
        SessionActivity activity = other.latestActivity().orElseThrow();
        assertThat(activity.browserName()).as("the SDK's User-Agent").contains("clerk4j");
        assertThat(activity.ipAddress()).contains("127.0.0.1");
        assertThat(activity.mobile()).isFalse();

        ActiveSession revoked = other.revoke();
        assertThat(revoked.status()).isEqualTo(SessionStatus.REVOKED);
        assertThat(user.activeSessions()).extracting(ActiveSession::id).containsExactly(user.sessionId());
        assertThat(a.clerk.session()).as("this device stays signed in").isPresent();

        // The phone's next call is refused with Clerk's answer, and the phone sees itself signed out.
        assertThatThrownBy(phoneSession::getToken)
            .isInstanceOfSatisfying(ClerkApiException.class, e -> {
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.hasCode("signed_out")).isTrue();
            });
        assertThat(phone.session()).isEmpty();
        assertThat(phone.loadClient().sessions()).isEmpty();
        assertThatThrownBy(revoked::revoke)
            .isInstanceOfSatisfying(ClerkApiException.class,
                e -> assertThat(e.hasCode("invalid_action_for_session")).isTrue());
      }
    }
  }

  @Test
  void deletingTheAccountSignsEveryDeviceOutAndKeepsThisClient() {
    try (Account a = new Account(grace())) {
      User user = a.signIn(EMAIL, PASSWORD);
      String clientId = a.clerk.client().id().orElseThrow();
      assertThat(user.deleteSelfEnabled()).isTrue();
      try (Clerk phone = otherDevice(a, EMAIL, PASSWORD)) {
        Session phoneSession = phone.session().orElseThrow();
        List<Optional<Session>> told = new ArrayList<>();
        a.clerk.addListener(ClerkListener.onSession(told::add));

        user.delete();

        assertThat(a.clerk.session()).isEmpty();
        assertThat(a.clerk.user()).isEmpty();
        assertThat(told).containsExactly(Optional.empty());
        assertThat(a.clerk.loadClient().id()).as("the client token was kept: the same client").contains(clientId);
        assertThatThrownBy(phoneSession::getToken)
            .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.hasCode("signed_out")).isTrue());
        assertThat(phone.session()).isEmpty();
        assertThatThrownBy(() -> a.clerk.signIn().password(EMAIL, PASSWORD))
            .isInstanceOfSatisfying(ClerkApiException.class,
                e -> assertThat(e.hasCode("form_identifier_not_found")).isTrue());
      }
    }
  }

  @Test
  void anInstanceWithoutSelfDeletionRefusesItAndNothingChanges() {
    try (Account a = new Account(b -> b.deleteSelfEnabled(false), grace())) {
      User user = a.signIn(EMAIL, PASSWORD);
      assertThat(user.deleteSelfEnabled()).isFalse();
      assertThatThrownBy(user::delete)
          .isInstanceOfSatisfying(ClerkApiException.class,
              e -> assertThat(e.hasCode("user_delete_self_not_enabled")).isTrue())
          .hasMessageContaining("Backend API");
      assertThat(a.clerk.session()).isPresent();
      assertThat(user.reload().id()).isEqualTo(user.id());
    }
  }

  @Test
  void sensitiveAccountCallsGoThroughReverificationWhenTheServerAsks() {
    try (Account a = new Account(grace())) {
      User user = a.signIn(EMAIL, PASSWORD);
      try (Clerk phone = otherDevice(a, EMAIL, PASSWORD)) {
        a.letVerificationGrowOld();
        assertThatThrownBy(() -> user.createEmailAddress(NEW_EMAIL))
            .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isReverificationRequired()).isTrue())
            .hasMessageContaining("withReverification");
        assertThat(user.update(UserUpdateParams.empty().withFirstName("Still")).firstName())
            .as("names need no reverification").contains("Still");

        List<String> asked = new ArrayList<>();
        EmailAddress added = a.clerk.withReverification(() -> user.createEmailAddress(NEW_EMAIL), prompt -> {
          asked.add(prompt.factor().rawStrategy());
          return Optional.of(PASSWORD);
        });
        assertThat(asked).containsExactly("password");
        assertThat(added.emailAddress()).isEqualTo(NEW_EMAIL);

        a.letVerificationGrowOld();
        ActiveSession other = user.activeSessions().stream().filter(s -> !s.current()).findFirst().orElseThrow();
        ActiveSession revoked = a.clerk.withReverification(other::revoke, prompt -> Optional.of(PASSWORD));
        assertThat(revoked.status()).isEqualTo(SessionStatus.REVOKED);
      }
    }
  }
}
