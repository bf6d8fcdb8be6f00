package io.github.clerk4j.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.AttemptFirstFactorParams;
import io.github.clerk4j.AttemptSecondFactorParams;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.Factor;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.PhoneNumber;
import io.github.clerk4j.PrepareFirstFactorParams;
import io.github.clerk4j.PrepareSecondFactorParams;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionVerification;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInCreateParams;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.UpdatePasswordParams;
import io.github.clerk4j.User;
import io.github.clerk4j.VerificationLevel;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.TotpGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One cell's world: a fresh user on the endpoint's emulator and a fresh SDK client (OkHttp, found
 * by ServiceLoader) talking to it through the endpoint's {@link FaultProxy}. The setups
 * bring the user to the state just before the call under test and return what the app would be
 * holding then; the retries prove that the held object still works after the fault.
 */
final class World implements AutoCloseable {

  static final String PASSWORD = "fault-Tolerant-2026";
  static final String NEW_PASSWORD = "fault-Tolerant-2027";
  static final String THIRD_PASSWORD = "fault-Tolerant-2028";
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
  /** Each call's deadline, retries included: short, so that a stalled call costs a second. */
  static final Duration DEADLINE = Duration.ofMillis(1500);

  /** Second factors of the seeded user. */
  enum Mfa { NONE, TOTP, SMS }

  private static final AtomicInteger USERS = new AtomicInteger();

  final ClerkEmulator emulator;
  final TestClock clock;
  final FaultProxy proxy;
  final Clerk clerk;
  /** Every wait the SDK asked for between attempts; none is really slept. */
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final String email;
  /** A number the user does not have yet, for the phone-number calls. */
  final String phone;
  final String mfaPhone;
  /** Whether the call under test reached the emulator (set before the retry runs). */
  boolean processed;
  Session session;
  User user;
  private String enrolledSecret;

  World(ClerkEmulator emulator, TestClock clock, FaultProxy proxy) {
    this.emulator = emulator;
    this.clock = clock;
    this.proxy = proxy;
    int n = USERS.incrementAndGet();
    this.email = "user" + n + "@faults.example.com";
    this.phone = String.format("+1555%07d", 2 * n);
    this.mfaPhone = String.format("+1555%07d", 2 * n + 1);
    RetryPolicy retries = RetryPolicy.builder().totalTimeout(DEADLINE).sleeper(waits::add).build();
    this.clerk = Clerk.builder().publishableKey(proxy.publishableKey()).retryPolicy(retries).build();
  }

  // ---------------------------------------------------------------- setups

  /** Seeds this world's user; returns the empty sign-in the app starts from. */
  SignIn seeded(Mfa mfa) {
    EmulatorUser.Builder b = EmulatorUser.builder().email(email).password(PASSWORD);
    if (mfa == Mfa.TOTP) {
      b.totpSecret(TOTP_SECRET);
    } else if (mfa == Mfa.SMS) {
      b.mfaPhone(mfaPhone);
    }
    emulator.addUser(b.build());
    return clerk.signIn();
  }

  SignIn seeded() {
    return seeded(Mfa.NONE);
  }

  /** A sign-in that knows the identifier and needs a first factor. */
  SignIn identified() {
    return seeded().create(SignInCreateParams.identifier(email));
  }

  /** A sign-in whose e-mail code is on its way. */
  SignIn emailCodeSent() {
    return identified().emailCode().sendCode();
  }

  /** A password sign-in that needs a second factor of {@code mfa}. */
  SignIn needsSecondFactor(Mfa mfa) {
    SignIn s = seeded(mfa).password(email, PASSWORD);
    assertThat(s.status()).isEqualTo(SignInStatus.NEEDS_SECOND_FACTOR);
    return s;
  }

  SignIn needsSmsCode() {
    return needsSecondFactor(Mfa.SMS);
  }

  SignIn needsTotp() {
    return needsSecondFactor(Mfa.TOTP);
  }

  /** A forgotten-password sign-in whose code is verified: it needs the new password. */
  SignIn needsNewPassword() {
    SignIn s = seeded().resetPasswordEmailCode().sendCode(email);
    s = s.resetPasswordEmailCode().verifyCode(code(email));
    assertThat(s.status()).isEqualTo(SignInStatus.NEEDS_NEW_PASSWORD);
    return s;
  }

  /** Signed in and active; returns the session. */
  Session signedIn(Mfa mfa) {
    SignIn s = seeded(mfa).password(email, PASSWORD);
    if (mfa == Mfa.TOTP) {
      s = s.mfa().verifyTOTP(totp());
    } else if (mfa == Mfa.SMS) {
      s = s.mfa().sendPhoneCode().mfa().verifyPhoneCode(code(mfaPhone));
    }
    return finished(s);
  }

  Session signedIn() {
    return signedIn(Mfa.NONE);
  }

  /** The signed-in user, without second factors. */
  User user() {
    signedIn();
    return user;
  }

  /** The signed-in user, with an authenticator app. */
  User totpUser() {
    signedIn(Mfa.TOTP);
    return user;
  }

  /** The user in the middle of adding an authenticator app (enrolled, not yet verified). */
  User enrollingTotp() {
    User u = user();
    enrolledSecret = u.createTOTP().secret();
    return u;
  }

  /** A reverification of the signed-in session, started at {@code level}. */
  SessionVerification reverifying(Mfa mfa, VerificationLevel level) {
    return signedIn(mfa).startVerification(level);
  }

  SessionVerification reverifyingFirstFactor() {
    return reverifying(Mfa.NONE, VerificationLevel.FIRST_FACTOR);
  }

  SessionVerification reverifyingBySms() {
    return reverifying(Mfa.SMS, VerificationLevel.SECOND_FACTOR);
  }

  SessionVerification reverifyingByTotp() {
    return reverifying(Mfa.TOTP, VerificationLevel.SECOND_FACTOR);
  }

  /** A phone number just added to the user's account, not verified. */
  PhoneNumber newPhone() {
    return user().createPhoneNumber(phone);
  }

  PhoneNumber phoneCodeSent() {
    return newPhone().prepareVerification();
  }

  PhoneNumber verifiedPhone() {
    PhoneNumber p = phoneCodeSent().attemptVerification(code(phone));
    assertThat(p.verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    return p;
  }

  // ---------------------------------------------------------------- the calls under test

  String emailAddressId(SessionVerification v) {
    return factor(v.supportedFirstFactors(), Strategy.EMAIL_CODE).emailAddressId();
  }

  String phoneNumberId(SessionVerification v) {
    return factor(v.supportedSecondFactors(), Strategy.PHONE_CODE).phoneNumberId();
  }

  SessionVerification attemptPassword(SessionVerification v) {
    return v.attemptFirstFactor(AttemptFirstFactorParams.password(PASSWORD));
  }

  SessionVerification attemptTotp(SessionVerification v) {
    return v.attemptSecondFactor(AttemptSecondFactorParams.totp(totp()));
  }

  SessionVerification prepareEmailCode(SessionVerification v) {
    return v.prepareFirstFactor(PrepareFirstFactorParams.emailCode(emailAddressId(v)));
  }

  SessionVerification preparePhoneCode(SessionVerification v) {
    return v.prepareSecondFactor(PrepareSecondFactorParams.phoneCode(phoneNumberId(v)));
  }

  User changePassword(User u) {
    return processed
        ? u.updatePassword(UpdatePasswordParams.of(THIRD_PASSWORD).withCurrentPassword(NEW_PASSWORD))
        : u.updatePassword(UpdatePasswordParams.of(NEW_PASSWORD).withCurrentPassword(PASSWORD));
  }

  /** The app's code for the authenticator being added ({@link #enrollingTotp()}). */
  String enrolledTotpCode() {
    return totp(enrolledSecret);
  }

  // ---------------------------------------------------------------- the retries

  /**
   * The sign-in's code step done from the held sign-in, whether or not the emulator already took
   * the code: reload it (what {@code ClerkNetworkException} advises), then verify if still needed.
   */
  SignIn completeEmailCode(SignIn held) {
    SignIn now = held.reload();
    return now.status() == SignInStatus.COMPLETE ? now : now.emailCode().verifyCode(code(email));
  }

  SignIn completeTotp(SignIn held) {
    SignIn now = held.reload();
    return now.status() == SignInStatus.COMPLETE ? now : now.mfa().verifyTOTP(totp());
  }

  SignIn completeNewPassword(SignIn held) {
    SignIn now = held.reload();
    return now.status() == SignInStatus.COMPLETE ? now : now.resetPasswordEmailCode().submitPassword(NEW_PASSWORD);
  }

  /** A verification the emulator completed cannot be attempted again: the session starts another. */
  SessionVerification retryPassword(SessionVerification held) {
    return attemptPassword(processed ? session.startVerification(VerificationLevel.FIRST_FACTOR) : held);
  }

  SessionVerification retryTotp(SessionVerification held) {
    return attemptTotp(processed ? session.startVerification(VerificationLevel.SECOND_FACTOR) : held);
  }

  /**
   * A password sign-in the emulator may have completed unseen: the app loads the client (which it
   * has if the answer's token was kept) and signs in again only if there is no session.
   */
  Object completePasswordSignIn(SignIn held) {
    if (processed && clerk.loadClient().lastActiveSessionId().isPresent()) {
      return clerk.session().orElseThrow();
    }
    return held.password(email, PASSWORD);
  }

  /** Signing out failed closed (the local state is gone): the same Clerk signs in again. */
  Session signInAgain() {
    return finished(clerk.signIn().password(email, PASSWORD));
  }

  PhoneNumber retryCreatePhone(User held) {
    if (!processed) {
      return held.createPhoneNumber(phone);
    }
    PhoneNumber created = held.reload().phoneNumbers().stream()
        .filter(p -> p.phoneNumber().equals(phone)).findFirst().orElseThrow();
    return created.prepareVerification();
  }

  /** Once verified by the emulator, the held number can be reserved for MFA. */
  PhoneNumber retryVerifyPhone(PhoneNumber held) {
    return processed ? held.setReservedForSecondFactor(true) : held.attemptVerification(code(phone));
  }

  User retryDeletePhone(PhoneNumber held) {
    if (!processed) {
      held.destroy();
    }
    assertThat(user.reload().phoneNumbers()).isEmpty();
    return user;
  }

  User retryVerifyTotp(User held) {
    if (!processed) {
      held.verifyTOTP(enrolledTotpCode());
    }
    assertThat(held.reload().totpEnabled()).isTrue();
    return held;
  }

  User retryDisableTotp(User held) {
    User after = processed ? held.reload() : held.disableTOTP();
    assertThat(after.totpEnabled()).isFalse();
    return after;
  }

  // ---------------------------------------------------------------- helpers

  String code(String recipient) {
    return emulator.outbox().latestCodeFor(recipient);
  }

  /** The authenticator's code of the next 30-second step (the emulator refuses a step used before). */
  String totp() {
    return totp(TOTP_SECRET);
  }

  private String totp(String secret) {
    clock.advance(Duration.ofSeconds(TotpGenerator.PERIOD_SECONDS));
    return TotpGenerator.code(secret, clock.instant());
  }

  private Session finished(SignIn s) {
    assertThat(s.status()).isEqualTo(SignInStatus.COMPLETE);
    session = s.finalize(Navigate.none());
    user = session.user().orElseThrow();
    return session;
  }

  private static Factor factor(List<Factor> offered, Strategy strategy) {
    return offered.stream().filter(f -> f.strategy() == strategy).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    clerk.close();
  }
}
