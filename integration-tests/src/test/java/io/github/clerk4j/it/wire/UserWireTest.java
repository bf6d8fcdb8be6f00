package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.PHONE;
import static io.github.clerk4j.it.wire.Fapi.PHONE_ID;
import static io.github.clerk4j.it.wire.Fapi.SESSION_ID;
import static io.github.clerk4j.it.wire.Fapi.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.PhoneNumber;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.Totp;
import io.github.clerk4j.UpdatePasswordParams;
import io.github.clerk4j.User;
import io.github.clerk4j.VerificationStatus;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code /v1/me} call of Clerk's "manage MFA" guides through User and PhoneNumber (wire spec
 * §5), and those of account management ({@link AccountWireTest#accountCalls()}, §17): method,
 * path, {@code _clerk_session_id}, exact form fields; and what the SDK returns from the answer.
 */
class UserWireTest {

  private static final String CODE = "123456";
  private static final String CURRENT_PASSWORD = "Current-pa55word";
  private static final String NEW_PASSWORD = "Next-pa55word-2026";
  private static final String NEW_PHONE_ID = "idn_phone2";

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  /**
   * One account action: what the SDK is asked, the request it must make, the resource the server
   * answers with (wrapped with the signed-in client), and a check of what the SDK returns.
   */
  record MeCase(String name, Function<User, Object> call, String method, String path, String[] fields,
      Object answer, Consumer<Object> returned) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static PhoneNumber phone(User u) {
    return u.phoneNumbers().stream().filter(p -> p.id().equals(PHONE_ID)).findFirst().orElseThrow();
  }

  private static String[] fields(String... keysAndValues) {
    return keysAndValues;
  }

  private static Object phoneAnswer(String verification, boolean reserved, boolean isDefault, Object... overrides) {
    return Fapi.phoneNumber(PHONE_ID, PHONE, verification, reserved, isDefault, overrides);
  }

  static Stream<MeCase> meCalls() {
    String phonePath = "/v1/me/phone_numbers/" + PHONE_ID;
    return Stream.of(
        new MeCase("reload", User::reload, "GET", "/v1/me", null, Fapi.user("first_name", "Janet"),
            r -> assertThat(((User) r).firstName()).contains("Janet")),
        new MeCase("createPhoneNumber (punctuation removed)", u -> u.createPhoneNumber("+1 (555) 555-0199"),
            "POST", "/v1/me/phone_numbers", fields("phone_number", "+15555550199"),
            Fapi.phoneNumber(NEW_PHONE_ID, "+15555550199", null, false, false),
            r -> {
              PhoneNumber p = (PhoneNumber) r;
              assertThat(p.id()).isEqualTo(NEW_PHONE_ID);
              assertThat(p.verification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
              assertThat(p.sessionId()).isEqualTo(SESSION_ID);
            }),
        new MeCase("PhoneNumber.prepareVerification", u -> phone(u).prepareVerification(),
            "POST", phonePath + "/prepare_verification", fields("strategy", "phone_code"),
            phoneAnswer("unverified", false, false),
            r -> assertThat(((PhoneNumber) r).verification().status()).isEqualTo(VerificationStatus.UNVERIFIED)),
        new MeCase("PhoneNumber.attemptVerification", u -> phone(u).attemptVerification(CODE),
            "POST", phonePath + "/attempt_verification", fields("code", CODE),
            phoneAnswer("verified", false, false),
            r -> assertThat(((PhoneNumber) r).verification().status()).isEqualTo(VerificationStatus.VERIFIED)),
        new MeCase("PhoneNumber.setReservedForSecondFactor(true)", u -> phone(u).setReservedForSecondFactor(true),
            "PATCH", phonePath, fields("reserved_for_second_factor", "true"),
            phoneAnswer("verified", true, true, "backup_codes", Json.arr("code-one", "code-two")),
            r -> {
              assertThat(((PhoneNumber) r).reservedForSecondFactor()).isTrue();
              assertThat(((PhoneNumber) r).backupCodes()).containsExactly("code-one", "code-two");
            }),
        new MeCase("PhoneNumber.setReservedForSecondFactor(false)", u -> phone(u).setReservedForSecondFactor(false),
            "PATCH", phonePath, fields("reserved_for_second_factor", "false"),
            phoneAnswer("verified", false, false),
            r -> assertThat(((PhoneNumber) r).reservedForSecondFactor()).isFalse()),
        new MeCase("PhoneNumber.makeDefaultSecondFactor", u -> phone(u).makeDefaultSecondFactor(),
            "PATCH", phonePath, fields("default_second_factor", "true"),
            phoneAnswer("verified", true, true),
            r -> assertThat(((PhoneNumber) r).defaultSecondFactor()).isTrue()),
        new MeCase("PhoneNumber.destroy", u -> {
              phone(u).destroy();
              return "destroyed";
            },
            "DELETE", phonePath, null, Fapi.deleted("phone_number", PHONE_ID),
            r -> assertThat(r).isEqualTo("destroyed")),
        new MeCase("createTOTP", User::createTOTP, "POST", "/v1/me/totp", fields(), Fapi.totp(false),
            r -> {
              Totp t = (Totp) r;
              assertThat(t.secret()).isEqualTo("JBSWY3DPEHPK3PXP");
              assertThat(t.uri()).startsWith("otpauth://totp/");
              assertThat(t.verified()).isFalse();
            }),
        new MeCase("verifyTOTP", u -> u.verifyTOTP(CODE), "POST", "/v1/me/totp/attempt_verification",
            fields("code", CODE), Fapi.totp(true, "backup_codes", Json.arr("code-one")),
            r -> {
              assertThat(((Totp) r).verified()).isTrue();
              assertThat(((Totp) r).backupCodes()).containsExactly("code-one");
            }),
        new MeCase("disableTOTP", User::disableTOTP, "DELETE", "/v1/me/totp", null, Fapi.deleted("totp", "totp_wire1"),
            r -> assertThat(((User) r).id()).isEqualTo(USER_ID)),
        new MeCase("createBackupCode", User::createBackupCode, "POST", "/v1/me/backup_codes", fields(),
            Fapi.backupCodes("aaaa1111", "bbbb2222"),
            r -> assertThat(((BackupCodes) r).codes()).containsExactly("aaaa1111", "bbbb2222")),
        new MeCase("updatePassword(new)", u -> u.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD)),
            "POST", "/v1/me/change_password", fields("new_password", NEW_PASSWORD), Fapi.user(),
            r -> assertThat(((User) r).passwordEnabled()).isTrue()),
        new MeCase("updatePassword(new, current)",
            u -> u.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD).withCurrentPassword(CURRENT_PASSWORD)),
            "POST", "/v1/me/change_password",
            fields("new_password", NEW_PASSWORD, "current_password", CURRENT_PASSWORD), Fapi.user(),
            r -> assertThat(((User) r).id()).isEqualTo(USER_ID)),
        new MeCase("updatePassword(new, current, signOutOfOtherSessions)",
            u -> u.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD).withCurrentPassword(CURRENT_PASSWORD)
                .withSignOutOfOtherSessions(true)),
            "POST", "/v1/me/change_password",
            fields("new_password", NEW_PASSWORD, "current_password", CURRENT_PASSWORD,
                "sign_out_of_other_sessions", "true"), Fapi.user(),
            r -> assertThat(((User) r).id()).isEqualTo(USER_ID)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"meCalls", "io.github.clerk4j.it.wire.AccountWireTest#accountCalls"})
  void meCall(MeCase c) {
    User user = fapi.signedIn();

    fapi.ok(c.answer(), Fapi.signedInClient());
    Object returned = c.call().apply(user);

    MockFapi.Sent sent = fapi.expectMe(c.method(), c.path(), SESSION_ID);
    if (c.fields() == null) {
      sent.noBody();
    } else {
      sent.form(c.fields());
    }
    c.returned().accept(returned);
  }

  @Test
  void malformedPhoneNumberIsRefusedBeforeSending() {
    User user = fapi.signedIn();

    assertThatThrownBy(() -> user.createPhoneNumber("555-0199"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("555-0199");
    // MockFapi.close() fails if a request reached the server
  }

  @Test
  void newPasswordForTheResetPasswordTaskThenTheSessionIsTouched() {
    Object pendingSession = Fapi.session("pending", "tasks", Json.arr(Json.obj("key", "reset-password")));
    User user = fapi.signedIn(Fapi.client(Json.arr(pendingSession), null, SESSION_ID));

    // the piggybacked client still shows the task, so the SDK touches the session as clerk-js does
    fapi.ok(Fapi.user(), Fapi.client(Json.arr(pendingSession), null, SESSION_ID));
    fapi.ok(Fapi.session("active"), Fapi.signedInClient());
    user.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD));

    fapi.expectMe("POST", "/v1/me/change_password", SESSION_ID).form("new_password", NEW_PASSWORD);
    fapi.expect("POST", "/v1/client/sessions/" + SESSION_ID + "/touch")
        .form("active_organization_id", "", "intent", "select_session");
    assertThat(fapi.clerk.session()).hasValueSatisfying(s -> {
      assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(s.tasks()).isEmpty();
    });
  }

  @Test
  void theAnswersClientBecomesTheSdksUser() {
    User user = fapi.signedIn();
    assertThat(user.totpEnabled()).isFalse();

    fapi.ok(Fapi.totp(true), Fapi.client(Json.arr(Fapi.session("active", "user", Fapi.user("totp_enabled", true))),
        null, SESSION_ID));
    user.verifyTOTP(CODE);
    fapi.expectMe("POST", "/v1/me/totp/attempt_verification", SESSION_ID).form("code", CODE);

    assertThat(fapi.clerk.user()).hasValueSatisfying(u -> assertThat(u.totpEnabled()).isTrue());
    assertThat(user.totpEnabled()).as("the old value is unchanged").isFalse();
  }
}
