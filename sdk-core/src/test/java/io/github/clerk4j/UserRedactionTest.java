package io.github.clerk4j;

import static io.github.clerk4j.MeFixtures.SESSION;
import static io.github.clerk4j.MeFixtures.error;
import static io.github.clerk4j.MeFixtures.phone;
import static io.github.clerk4j.MeFixtures.plainUser;
import static io.github.clerk4j.MeFixtures.reverificationRequired;
import static io.github.clerk4j.MeFixtures.session;
import static io.github.clerk4j.MeFixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.spi.PhoneNumberResource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  final List<String> logLines = new ArrayList<>();
  final List<String> texts = new ArrayList<>();
  Logger julLogger;
  Handler handler;
  Level oldLevel;

  @BeforeEach
  void captureLogs() {
    julLogger = Logger.getLogger("io.github.clerk4j");
    oldLevel = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    SimpleFormatter fmt = new SimpleFormatter();
    handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (logLines) {
          logLines.add(fmt.format(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    julLogger.addHandler(handler);
  }

  @AfterEach
  void restore() {
    julLogger.removeHandler(handler);
    julLogger.setLevel(oldLevel);
  }

  private void see(Object o) {
    texts.add(String.valueOf(o));
  }

  private void seeFailure(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.toString());
        texts.add(String.valueOf(t.getMessage()));
      }
      return;
    }
    throw new AssertionError("expected a failure");
  }

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
        .thenRespond(new Totp("totp_1", TOTP_SECRET, "otpauth://totp/x?secret=" + TOTP_SECRET, false, null, null, null))
        .thenRespond(new Totp("totp_1", null, null, true, List.of(BACKUP_CODE), null, null))
        .thenThrow(error(422, "form_password_validation_failed", "current_password"))
        // reverification: wrong password, then right, then the action again
        .thenThrow(reverificationRequired())
        .thenRespond(verification("second_factor", "needs_first_factor", List.of(Fixtures.bare("password")), List.of()))
        .thenThrow(error(422, "form_password_incorrect", "password"))
        .thenRespond(verification("second_factor", "complete", List.of(), List.of()))
        .thenRespond(new BackupCodes("bc_1", List.of(BACKUP_CODE), null));

    User user = clerk.user().orElseThrow();
    see(user);
    PhoneNumber p = user.createPhoneNumber(NUMBER);
    see(p);
    PhoneNumber sent = p.prepareVerification();
    seeFailure(() -> sent.attemptVerification(WRONG_CODE));
    PhoneNumber verified = sent.attemptVerification(PHONE_CODE);
    PhoneNumber reserved = verified.setReservedForSecondFactor(true);
    assertThat(reserved.backupCodes()).containsExactly(BACKUP_CODE);
    see(reserved);
    Totp totp = user.createTOTP();
    see(totp);
    see(user.verifyTOTP(TOTP_CODE));
    UpdatePasswordParams params = UpdatePasswordParams.of(NEW_PASSWORD).withCurrentPassword(PASSWORD)
        .withSignOutOfOtherSessions(true);
    see(params);
    seeFailure(() -> user.updatePassword(params));

    Deque<String> answers = new ArrayDeque<>(List.of(WRONG_CODE, PASSWORD));
    BackupCodes codes = clerk.withReverification(user::createBackupCode, prompt -> {
      see(prompt);
      return Optional.of(answers.poll());
    });
    see(codes);
    see(clerk.session().orElseThrow().user());
    fake.requests().forEach(this::see);
    see(clerk.client());
    clerk.close();

    List<String> all = new ArrayList<>(texts);
    synchronized (logLines) {
      all.addAll(logLines);
    }
    assertThat(logLines).as("the capture worked").anyMatch(l -> l.contains("CHANGE_PASSWORD"));
    assertThat(logLines).anyMatch(l -> l.contains("session " + SESSION + " must verify again"));
    assertThat(texts).anyMatch(t -> t.contains("form_code_incorrect"));
    assertThat(texts).anyMatch(t -> t.contains("form_password_incorrect"));
    for (String secret : List.of(PASSWORD, NEW_PASSWORD, PHONE_CODE, WRONG_CODE, TOTP_CODE, TOTP_SECRET,
        BACKUP_CODE, NUMBER)) {
      assertThat(all).as("texts containing a secret").noneMatch(t -> t.contains(secret));
    }
  }
}
