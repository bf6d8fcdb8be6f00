package io.github.clerk4j;

import static io.github.clerk4j.MeFixtures.SESSION;
import static io.github.clerk4j.MeFixtures.error;
import static io.github.clerk4j.MeFixtures.phone;
import static io.github.clerk4j.MeFixtures.plainUser;
import static io.github.clerk4j.MeFixtures.reverificationRequired;
import static io.github.clerk4j.MeFixtures.session;
import static io.github.clerk4j.MeFixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.internal.wire.PhoneNumberResource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import io.github.clerk4j.internal.wire.TotpResource;
import io.github.clerk4j.internal.wire.BackupCodesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the account flows with known secrets (passwords, codes, the TOTP secret, backup codes, the
 * phone number) and fails if any appears in a {@code toString()}, an exception message or the
 * captured {@link System.Logger} output.
 */
class UserRedactionTest {

  static final String PASSWORD = "Curr3nt-Secret-Passw0rd";
  static final String NEW_PASSWORD = "N3w-Secret-Passw0rd";
  static final String PHONE_CODE = "731904";
  static final String WRONG_CODE = "118822";
  static final String TOTP_CODE = "550193";
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPSECRET";
  static final String BACKUP_CODE = "bkp-7f3k-9x2q";
  static final String NUMBER = "+15555550100";

  @RegisterExtension
  final SecretCapture capture = new SecretCapture();

  @Test
  void noSecretAppearsAnywhere() {
    FakeTransport fake = new FakeTransport();
    Clerk clerk = MeFixtures.signedIn(fake, session("active", plainUser()));
    PhoneNumberResource reservedWithCodes = phone("idn_p", "verified", true, true, BACKUP_CODE);
    fake.thenRespond(phone("idn_p", null, false, false))
        .thenRespond(phone("idn_p", "unverified", false, false))
        .thenThrow(error(422, "form_code_incorrect", "code"))
        .thenRespond(phone("idn_p", "verified", false, false))
        .thenRespond(reservedWithCodes)
        .thenRespond(new TotpResource("totp_1", TOTP_SECRET, "otpauth://totp/x?secret=" + TOTP_SECRET, false, null, null, null))
        .thenRespond(new TotpResource("totp_1", null, null, true, List.of(BACKUP_CODE), null, null))
        .thenThrow(error(422, "form_password_validation_failed", "current_password"))
        // reverification: wrong password, then right, then the action again
        .thenThrow(reverificationRequired())
        .thenRespond(verification("second_factor", "needs_first_factor", List.of(Fixtures.bare("password")), List.of()))
        .thenThrow(error(422, "form_password_incorrect", "password"))
        .thenRespond(verification("second_factor", "complete", List.of(), List.of()))
        .thenRespond(new BackupCodesResource("bc_1", List.of(BACKUP_CODE), null));

    User user = clerk.user().orElseThrow();
    capture.see(user);
    PhoneNumber p = user.createPhoneNumber(NUMBER);
    capture.see(p);
    PhoneNumber sent = p.prepareVerification();
    capture.seeFailure(() -> sent.attemptVerification(WRONG_CODE));
    PhoneNumber verified = sent.attemptVerification(PHONE_CODE);
    PhoneNumber reserved = verified.setReservedForSecondFactor(true);
    assertThat(reserved.backupCodes()).containsExactly(BACKUP_CODE);
    capture.see(reserved);
    Totp totp = user.createTOTP();
    capture.see(totp);
    capture.see(user.verifyTOTP(TOTP_CODE));
    UpdatePasswordParams params = UpdatePasswordParams.of(NEW_PASSWORD).withCurrentPassword(PASSWORD)
        .withSignOutOfOtherSessions(true);
    capture.see(params);
    capture.seeFailure(() -> user.updatePassword(params));

    Deque<String> answers = new ArrayDeque<>(List.of(WRONG_CODE, PASSWORD));
    BackupCodes codes = clerk.withReverification(user::createBackupCode, prompt -> {
      capture.see(prompt);
      return Optional.of(answers.poll());
    });
    capture.see(codes);
    capture.see(clerk.session().orElseThrow().user());
    fake.requests().forEach(capture::see);
    capture.see(clerk.client());
    clerk.close();

    assertThat(capture.logLines()).as("the capture worked").anyMatch(l -> l.contains("CHANGE_PASSWORD"));
    assertThat(capture.logLines()).anyMatch(l -> l.contains("session " + SESSION + " must verify again"));
    assertThat(capture.texts()).anyMatch(t -> t.contains("form_code_incorrect"));
    assertThat(capture.texts()).anyMatch(t -> t.contains("form_password_incorrect"));
    capture.assertNoneContains(List.of(PASSWORD, NEW_PASSWORD, PHONE_CODE, WRONG_CODE, TOTP_CODE, TOTP_SECRET,
        BACKUP_CODE, NUMBER));
  }
}
