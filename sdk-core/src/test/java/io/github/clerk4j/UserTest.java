package io.github.clerk4j;

import static io.github.clerk4j.MeFixtures.SESSION;
import static io.github.clerk4j.MeFixtures.client;
import static io.github.clerk4j.MeFixtures.error;
import static io.github.clerk4j.MeFixtures.phone;
import static io.github.clerk4j.MeFixtures.plainUser;
import static io.github.clerk4j.MeFixtures.session;
import static io.github.clerk4j.MeFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.internal.wire.DeletedObject;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.internal.wire.PhoneNumberResource;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.internal.wire.UserResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import io.github.clerk4j.internal.wire.TotpResource;
import io.github.clerk4j.internal.wire.BackupCodesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each {@code /v1/me} call of {@link User} and {@link PhoneNumber}: endpoint, session, form, state. */
class UserTest extends ScriptedClerkTest {

  static final String CODE = "482913";

  UserTest() {
    super(f -> MeFixtures.signedIn(f, session("active", plainUser())));
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

  /** The endpoints of {@link #sent()}. */
  List<Endpoint> endpoints() {
    return sent().stream().<Endpoint>map(FapiRequest::endpoint).toList();
  }

  User currentUser() {
    return clerk.user().orElseThrow();
  }

  @Test
  void theUserIsTheCurrentSessionsEvenWhilePendingAndNoneWhenSignedOut() {
    assertThat(currentUser().id()).isEqualTo("user_1");
    assertThat(currentUser().sessionId()).isEqualTo(SESSION);
    assertThat(currentUser().firstName()).contains("Ada");
    assertThat(currentUser().username()).contains("ada");
    assertThat(currentUser().primaryEmailAddress()).map(EmailAddress::emailAddress).contains("ada@example.com");
    assertThat(currentUser().passwordEnabled()).isTrue();
    assertThat(currentUser().twoFactorEnabled()).isFalse();
    assertThat(clerk.session().orElseThrow().user()).contains(currentUser());

    fake.thenRespond(client(session("pending", plainUser(), new SessionTask("reset-password")), 1));
    clerk.loadClient();
    assertThat(clerk.user()).map(User::id).contains("user_1");

    fake.thenRespond(client(session("ended", plainUser()), 2));
    clerk.loadClient();
    assertThat(clerk.user()).isEmpty();
  }

  @Test
  void createPhoneNumberSendsTheCompactNumberForTheSession() {
    fake.thenRespond(phone("idn_p", null, false, false));
    PhoneNumber p = currentUser().createPhoneNumber("+1 (555) 555-0100");
    FapiRequest r = only();
    assertThat(r.endpoint()).isEqualTo(Endpoint.CREATE_PHONE_NUMBER);
    assertThat(r.sessionId()).isEqualTo(SESSION);
    assertThat(r.id()).isNull();
    assertThat(r.form().fields()).containsExactly(entry("phone_number", "+15555550100"));
    assertThat(p.id()).isEqualTo("idn_p");
    assertThat(p.sessionId()).isEqualTo(SESSION);
    assertThat(p.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(p.backupCodes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5555550100", "+1", "+123456", "+1234567890123456", "+0155555501", "+1555abc0100",
      "++15555550100", "+1555555010x"})
  void aMalformedNumberIsRefusedBeforeSending(String number) {
    assertThatThrownBy(() -> currentUser().createPhoneNumber(number))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("E.164");
    assertThat(sent()).isEmpty();
  }

  @Test
  void theServersFieldErrorSurfacesOnPhoneNumber() {
    fake.thenThrow(error(422, "form_identifier_exists", "phone_number"));
    assertThatThrownBy(() -> currentUser().createPhoneNumber("+15555550100"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.fieldErrors()).containsKey("phone_number");
          assertThat(e.fieldErrors().get("phone_number").code()).isEqualTo("form_identifier_exists");
          assertThat(e.traceId()).isEqualTo("trace_1");
        });
  }

  @Test
  void phoneVerificationReserveDefaultAndDestroy() {
    PhoneNumberResource created = phone("idn_p", null, false, false);
    fake.thenRespond(created)
        .thenRespond(phone("idn_p", "unverified", false, false))
        .thenRespond(phone("idn_p", "verified", false, false))
        .thenRespond(phone("idn_p", "verified", true, true, "code-one", "code-two"))
        .thenRespond(phone("idn_p", "verified", true, true))
        .thenRespond(new DeletedObject("phone_number", "idn_p", true));

    PhoneNumber p = currentUser().createPhoneNumber("+15555550100");
    PhoneNumber sent = p.prepareVerification();
    assertThat(sent.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(sent.verification().strategy()).isEqualTo(Strategy.PHONE_CODE);
    PhoneNumber verified = sent.attemptVerification(CODE);
    assertThat(verified.verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    PhoneNumber reserved = verified.setReservedForSecondFactor(true);
    assertThat(reserved.reservedForSecondFactor()).isTrue();
    assertThat(reserved.backupCodes()).containsExactly("code-one", "code-two");
    PhoneNumber byDefault = reserved.makeDefaultSecondFactor();
    assertThat(byDefault.defaultSecondFactor()).isTrue();
    assertThat(byDefault.backupCodes()).isEmpty();
    byDefault.destroy();

    List<FapiRequest> r = sent();
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_PHONE_NUMBER,
        Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION, Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION,
        Endpoint.UPDATE_PHONE_NUMBER, Endpoint.UPDATE_PHONE_NUMBER, Endpoint.DELETE_PHONE_NUMBER);
    assertThat(r).extracting(FapiRequest::sessionId).containsOnly(SESSION);
    assertThat(r.subList(1, r.size())).extracting(FapiRequest::id).containsOnly("idn_p");
    assertThat(r.get(1).form().fields()).containsExactly(entry("strategy", "phone_code"));
    assertThat(r.get(2).form().fields()).containsExactly(entry("code", CODE));
    assertThat(r.get(3).form().fields()).containsExactly(entry("reserved_for_second_factor", "true"));
    assertThat(r.get(4).form().fields()).containsExactly(entry("default_second_factor", "true"));
    assertThat(r.get(5).form().isEmpty()).isTrue();
    // every value stays valid
    assertThat(p.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(p.reservedForSecondFactor()).isFalse();
  }

  @Test
  void unreservingSendsFalse() {
    fake.thenRespond(phone("idn_p", "verified", false, false));
    PhoneNumber p = new PhoneNumber(clerk, SESSION, phone("idn_p", "verified", true, false));
    assertThat(p.setReservedForSecondFactor(false).reservedForSecondFactor()).isFalse();
    assertThat(only().form().fields()).containsExactly(entry("reserved_for_second_factor", "false"));
  }

  @Test
  void phoneNumbersOfTheUserCanAct() {
    fake.thenRespond(client(session("active", user(true, false, true, phone("idn_p", "verified", true, true))), 1));
    clerk.loadClient();
    PhoneNumber p = currentUser().phoneNumbers().get(0);
    assertThat(p.reservedForSecondFactor()).isTrue();
    assertThat(p.defaultSecondFactor()).isTrue();
    assertThat(p.phoneNumber()).isEqualTo("+15555550100");
    fake.thenRespond(new DeletedObject("phone_number", "idn_p", true));
    p.destroy();
    assertThat(fake.requests().get(2).endpoint()).isEqualTo(Endpoint.DELETE_PHONE_NUMBER);
    assertThat(fake.requests().get(2).id()).isEqualTo("idn_p");
  }

  @Test
  void totpEnrolVerifyAndDisable() {
    TotpResource created = new TotpResource("totp_1", "JBSWY3DPEHPK3PXP", "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP", false,
        null, null, null);
    TotpResource verified = new TotpResource("totp_1", null, null, true, List.of("b1", "b2"), null, null);
    UserResource withTotp = user(true, true, true);
    UserResource without = plainUser();
    fake.thenRespond(created)
        .thenRespond(verified, client(session("active", withTotp), 1), null)
        .thenRespond(new DeletedObject("totp", "totp_1", true), client(session("active", without), 2), null);

    User u = currentUser();
    Totp t = u.createTOTP();
    assertThat(t.secret()).isEqualTo("JBSWY3DPEHPK3PXP");
    assertThat(t.uri()).startsWith("otpauth://");
    Totp v = u.verifyTOTP(CODE);
    assertThat(v.verified()).isTrue();
    assertThat(v.backupCodes()).containsExactly("b1", "b2");
    assertThat(clerk.user().orElseThrow().totpEnabled()).as("state from the piggybacked client").isTrue();
    User after = u.disableTOTP();
    assertThat(after.totpEnabled()).isFalse();

    List<FapiRequest> r = sent();
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_TOTP, Endpoint.ATTEMPT_TOTP_VERIFICATION, Endpoint.DELETE_TOTP);
    assertThat(r).extracting(FapiRequest::sessionId).containsOnly(SESSION);
    assertThat(r.get(0).form().isEmpty()).isTrue();
    assertThat(r.get(1).form().fields()).containsExactly(entry("code", CODE));
    assertThat(r.get(2).form().isEmpty()).isTrue();
  }

  @Test
  void disableTotpReloadsTheUserWhenTheAnswerCarriesNoClient() {
    fake.thenRespond(new DeletedObject("totp", "totp_1", true)).thenRespond(plainUser());
    User after = new User(clerk, SESSION, user(true, true, false)).disableTOTP();
    assertThat(after.totpEnabled()).isFalse();
    assertThat(endpoints()).containsExactly(Endpoint.DELETE_TOTP, Endpoint.GET_USER);
  }

  @Test
  void backupCodes() {
    fake.thenRespond(new BackupCodesResource("bc_1", List.of("a1", "a2"), null));
    BackupCodes codes = currentUser().createBackupCode();
    assertThat(codes.codes()).containsExactly("a1", "a2");
    assertThat(only().endpoint()).isEqualTo(Endpoint.CREATE_BACKUP_CODES);
    assertThat(only().sessionId()).isEqualTo(SESSION);
    assertThat(only().form().isEmpty()).isTrue();
  }

  @Test
  void updatePasswordSendsTheFormAndUpdatesTheLocalUser() {
    UserResource changed = new UserResource("user_1", "ada", "Ada", "Byron", null, false, null, null, List.of(),
        List.of(), true, false, false, false, null, null, false, null, null);
    fake.thenRespond(changed).thenRespond(changed);
    List<Client> clients = new ArrayList<>();
    clerk.addListener(ClerkListener.onClient(clients::add));

    User after = currentUser().updatePassword(UpdatePasswordParams.of("new-pass-1")
        .withCurrentPassword("old-pass-1").withSignOutOfOtherSessions(true));
    currentUser().updatePassword(UpdatePasswordParams.of("new-pass-2"));

    assertThat(after.lastName()).contains("Byron");
    assertThat(clerk.user().orElseThrow().lastName()).as("the answer had no client: written locally").contains("Byron");
    assertThat(clients).isNotEmpty();
    assertThat(endpoints()).containsOnly(Endpoint.CHANGE_PASSWORD);
    assertThat(sent().get(0).sessionId()).isEqualTo(SESSION);
    assertThat(sent().get(0).form().fields()).containsExactly(entry("new_password", "new-pass-1"),
        entry("current_password", "old-pass-1"), entry("sign_out_of_other_sessions", "true"));
    assertThat(sent().get(1).form().fields()).containsExactly(entry("new_password", "new-pass-2"));
  }

  @Test
  void updatePasswordCompletesTheResetPasswordTask() {
    Clerk pendingClerk = MeFixtures.signedIn(fake,
        session("pending", plainUser(), new SessionTask("reset-password")));
    List<Optional<Session>> told = new ArrayList<>();
    pendingClerk.addListener(ClerkListener.onSession(told::add));
    SessionResource active = session("active", plainUser());
    fake.thenRespond(plainUser(), client(active, 1), null);

    User u = pendingClerk.session().orElseThrow().user().orElseThrow();
    u.updatePassword(UpdatePasswordParams.of("brand-new-pass"));

    assertThat(pendingClerk.session()).map(Session::status).contains(SessionStatus.ACTIVE);
    assertThat(told).hasSize(1);
    assertThat(told.get(0)).map(Session::tasks).contains(List.of());
    pendingClerk.close();
  }

  @Test
  void aStaleResetPasswordTaskIsRefreshedByATouchAsClerkJsDoes() {
    Clerk pendingClerk = MeFixtures.signedIn(fake,
        session("pending", plainUser(), new SessionTask("reset-password")));
    fake.thenRespond(plainUser()) // no piggybacked client: the local session still has the task
        .thenRespond(session("active", plainUser()));

    pendingClerk.user().orElseThrow().updatePassword(UpdatePasswordParams.of("brand-new-pass"));

    List<FapiRequest> r = fake.requests();
    assertThat(r.get(r.size() - 2).endpoint()).isEqualTo(Endpoint.CHANGE_PASSWORD);
    assertThat(r.get(r.size() - 1).endpoint()).isEqualTo(Endpoint.TOUCH_SESSION);
    assertThat(r.get(r.size() - 1).sessionId()).isEqualTo(SESSION);
    assertThat(pendingClerk.session()).map(Session::status).contains(SessionStatus.ACTIVE);
    pendingClerk.close();
  }

  @Test
  void aFailedRefreshDoesNotFailTheChangedPassword() {
    Clerk pendingClerk = MeFixtures.signedIn(fake,
        session("pending", plainUser(), new SessionTask("reset-password")));
    fake.thenRespond(plainUser()).thenThrow(error(404, "resource_not_found", null));

    User after = pendingClerk.user().orElseThrow().updatePassword(UpdatePasswordParams.of("brand-new-pass"));

    assertThat(after.id()).isEqualTo("user_1");
    assertThat(pendingClerk.session()).map(Session::status).contains(SessionStatus.PENDING);
    pendingClerk.close();
  }

  @Test
  void refusalsCarryHintsInThisSdksTerms() {
    fake.thenThrow(MeFixtures.reverificationRequired())
        .thenThrow(error(400, "backup_codes_not_available", null))
        .thenThrow(error(422, "invalid_totp_secret_code", "code"))
        .thenThrow(error(422, "form_password_validation_failed", "current_password"))
        .thenThrow(error(422, "form_password_pwned", "new_password"))
        .thenThrow(error(400, "second_factor_deletion_not_allowed", null));
    assertThatThrownBy(() -> currentUser().createBackupCode())
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isReverificationRequired()).isTrue())
        .hasMessageContaining("withReverification");
    assertThatThrownBy(() -> currentUser().createBackupCode()).hasMessageContaining("enrol TOTP");
    assertThatThrownBy(() -> currentUser().verifyTOTP("000000")).hasMessageContaining("authenticator app");
    assertThatThrownBy(() -> currentUser().updatePassword(UpdatePasswordParams.of("x-new-pass").withCurrentPassword("bad")))
        .isInstanceOfSatisfying(ClerkApiException.class,
            e -> assertThat(e.fieldErrors()).containsKey("current_password"))
        .hasMessageContaining("withCurrentPassword");
    assertThatThrownBy(() -> currentUser().updatePassword(UpdatePasswordParams.of("password")))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isPasswordPwned()).isTrue())
        .hasMessageContaining("data breach");
    PhoneNumber last = new PhoneNumber(clerk, SESSION, phone("idn_p", "verified", true, true));
    assertThatThrownBy(last::destroy)
        .isInstanceOfSatisfying(ClerkApiException.class,
            e -> assertThat(e.hasCode("second_factor_deletion_not_allowed")).isTrue())
        .hasMessageContaining("add or choose another one first");
  }

  @Test
  void emptyCodesAndPasswordsAreRefusedBeforeSending() {
    assertThatThrownBy(() -> currentUser().verifyTOTP("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UpdatePasswordParams.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UpdatePasswordParams.of("x").withCurrentPassword(null))
        .isInstanceOf(IllegalArgumentException.class);
    PhoneNumber p = new PhoneNumber(clerk, SESSION, phone("idn_p", "unverified", false, false));
    assertThatThrownBy(() -> p.attemptVerification(" ".trim())).isInstanceOf(IllegalArgumentException.class);
    assertThat(sent()).isEmpty();
  }

  @Test
  void updatePasswordParamsAreImmutableValues() {
    UpdatePasswordParams base = UpdatePasswordParams.of("pw-one-two");
    UpdatePasswordParams more = base.withSignOutOfOtherSessions(false);
    assertThat(base.form().fields()).containsExactly(entry("new_password", "pw-one-two"));
    assertThat(more.form().fields()).containsExactly(entry("new_password", "pw-one-two"),
        entry("sign_out_of_other_sessions", "false"));
    assertThat(more).isEqualTo(UpdatePasswordParams.of("pw-one-two").withSignOutOfOtherSessions(false));
    assertThat(more.toString()).doesNotContain("pw-one-two").contains("sign_out_of_other_sessions=false");
  }

  @Test
  void asyncFormsRunTheSameCalls() throws Exception {
    fake.thenRespond(new BackupCodesResource("bc_1", List.of("a1"), null))
        .thenRespond(phone("idn_p", null, false, false))
        .thenRespond(phone("idn_p", "unverified", false, false));
    assertThat(currentUser().async(User::createBackupCode).get().codes()).containsExactly("a1");
    PhoneNumber p = currentUser().async(u -> u.createPhoneNumber("+15555550100")).get();
    assertThat(p.async(PhoneNumber::prepareVerification).get().verification().rawStatus()).isEqualTo("unverified");
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES,
        Endpoint.CREATE_PHONE_NUMBER, Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION);
    assertThat(currentUser().async(u -> u.createPhoneNumber("nope"))).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(IllegalArgumentException.class);
  }
}
