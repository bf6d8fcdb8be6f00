package io.github.clerk4j.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.ActiveSession;
import io.github.clerk4j.AttemptFirstFactorParams;
import io.github.clerk4j.AttemptSecondFactorParams;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.Client;
import io.github.clerk4j.EmailAddress;
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
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.UpdatePasswordParams;
import io.github.clerk4j.User;
import io.github.clerk4j.UserUpdateParams;
import io.github.clerk4j.VerificationLevel;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.TestClock;
import io.github.clerk4j.testing.TotpGenerator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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
  /** The redirect URL of a browser sign-in; the emulator takes any while it has no allowlist. */
  static final URI REDIRECT = URI.create("http://127.0.0.1:45789/sso-callback");

  /** The smallest profile image the SDK and the emulator take: a PNG's signature and header start. */
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
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
  /** A number the user does not have yet, for the phone-number calls (and a sign-up's number). */
  final String phone;
  final String mfaPhone;
  /** An address the user does not have yet, for the e-mail address calls. */
  final String newEmail;
  /** Every code this world handed to the SDK: secrets, like the passwords. */
  private final List<String> codes = new CopyOnWriteArrayList<>();
  /** Whether the call under test reached the emulator (set before the retry runs). */
  boolean processed;
  Session session;
  User user;
  private String enrolledSecret;
  /** The same user signed in on a second client, straight at the emulator ({@link #otherDevice()}). */
  private Clerk otherDevice;

  World(ClerkEmulator emulator, TestClock clock, FaultProxy proxy) {
    this.emulator = emulator;
    this.clock = clock;
    this.proxy = proxy;
    int n = USERS.incrementAndGet();
    this.email = "user" + n + "@faults.example.com";
    this.phone = String.format("+1555%07d", 2 * n);
    this.mfaPhone = String.format("+1555%07d", 2 * n + 1);
    this.newEmail = "user" + n + ".new@faults.example.com";
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

  /** An address just added to the user's account, not verified. */
  EmailAddress newEmailAddress() {
    return user().createEmailAddress(newEmail);
  }

  EmailAddress emailAddressCodeSent() {
    return newEmailAddress().prepareVerification();
  }

  /** The signed-in user with an uploaded profile image. */
  User withProfileImage() {
    user().setProfileImage(PNG);
    return clerk.user().orElseThrow();
  }

  /**
   * The session of the same user on a second device (its own client), as the active-devices list
   * of this one shows it.
   */
  ActiveSession otherDevice() {
    User u = user();
    otherDevice = Clerk.builder().publishableKey(emulator.publishableKey()).build();
    otherDevice.signIn().password(email, PASSWORD).finalize(Navigate.none());
    return find(u.activeSessions(), ActiveSession::id, otherDevice.session().orElseThrow().id());
  }

  /** What an app does before its sign-up form: loads the instance's settings. */
  SignUp signUpForm() {
    clerk.environment();
    return clerk.signUp();
  }

  /** A fresh app, nothing loaded. */
  Clerk app() {
    return clerk;
  }

  /** A sign-up with an e-mail address, a phone number and a password; both identifiers unverified. */
  SignUp signUpCreated() {
    SignUp s = signUpForm().password(signUpParams());
    assertThat(s.unverifiedFields()).containsExactlyInAnyOrder("email_address", "phone_number");
    return s;
  }

  SignUp signUpEmailCodeSent() {
    return signUpCreated().verifications().sendEmailCode();
  }

  /** The e-mail address verified, the SMS code on its way: the code is all the sign-up needs. */
  SignUp signUpPhoneCodeSent() {
    SignUp s = signUpEmailCodeSent().verifications().verifyEmailCode(code(email));
    assertThat(s.unverifiedFields()).containsExactly("phone_number");
    return s.verifications().sendPhoneCode();
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

  SignUpParams signUpParams() {
    return SignUpParams.builder().emailAddress(email).phoneNumber(phone).password(PASSWORD).build();
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

  /** A sign-in token for this world's user, as the app's backend mints one. */
  String signInToken() {
    return emulator.createSignInToken(emulator.userId(email), Duration.ofMinutes(10));
  }

  /**
   * A ticket is single use: once the emulator took it, the app loads the client (signed in if the
   * answer's token was kept) and otherwise signs in with a new ticket from its backend.
   */
  Object completeTicketSignIn(SignIn held) {
    if (processed && clerk.loadClient().lastActiveSessionId().isPresent()) {
      return clerk.session().orElseThrow();
    }
    return held.ticket(signInToken());
  }

  /** Signing out failed closed (the local state is gone): the same Clerk signs in again. */
  Session signInAgain() {
    return finished(clerk.signIn().password(email, PASSWORD));
  }

  /** A number the emulator added unseen is on the reloaded user: its verification goes on from there. */
  PhoneNumber retryCreatePhone(User held) {
    return processed ? find(held.reload().phoneNumbers(), PhoneNumber::phoneNumber, phone).prepareVerification()
        : held.createPhoneNumber(phone);
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

  /** An address the emulator added unseen is on the reloaded user: its verification goes on from there. */
  EmailAddress retryCreateEmail(User held) {
    return processed ? find(held.reload().emailAddresses(), EmailAddress::emailAddress, newEmail).prepareVerification()
        : held.createEmailAddress(newEmail);
  }

  /** Once verified by the emulator, the held address can become the primary one. */
  User retryVerifyEmail(EmailAddress held) {
    if (!processed) {
      held.attemptVerification(code(newEmail));
    }
    User primary = user.update(UserUpdateParams.empty().withPrimaryEmailAddressId(held.id()));
    assertThat(primary.primaryEmailAddress()).map(EmailAddress::id).contains(held.id());
    return primary;
  }

  User retryDeleteEmail(EmailAddress held) {
    if (!processed) {
      held.destroy();
    }
    assertThat(user.reload().emailAddresses()).extracting(EmailAddress::emailAddress).containsExactly(email);
    return user;
  }

  User retryDeleteImage(User held) {
    User after = processed ? held.reload() : held.deleteProfileImage();
    assertThat(after.hasImage()).isFalse();
    return after;
  }

  /** A revoked session cannot be revoked again: the list of devices shows it gone. */
  List<ActiveSession> retryRevoke(ActiveSession held) {
    if (!processed) {
      held.revoke();
    }
    List<ActiveSession> left = user.activeSessions();
    assertThat(left).extracting(ActiveSession::id).containsExactly(session.id());
    return left;
  }

  /**
   * A failed deletion changed nothing locally (as {@code User.delete()} documents); the client
   * the server sends shows whether the account is gone.
   */
  Client retryDeleteUser(User held) {
    if (!processed) {
      held.delete();
    }
    Client after = clerk.loadClient();
    assertThat(clerk.session()).isEmpty();
    return after;
  }

  /**
   * The sign-up's last code step from the held sign-up, whether or not the emulator already took
   * the code (and created the user): reload it, verify if still needed, then finalize.
   */
  Session completeSignUp(SignUp held) {
    SignUp now = held.reload();
    if (now.status() != SignUpStatus.COMPLETE) {
      now = now.verifications().verifyPhoneCode(code(phone));
    }
    assertThat(now.status()).isEqualTo(SignUpStatus.COMPLETE);
    return now.finalize(Navigate.none());
  }

  // ---------------------------------------------------------------- helpers

  /** What no message of an exception may show: the passwords, TOTP secrets, codes, and JWTs. */
  List<String> secrets() {
    List<String> all = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD, THIRD_PASSWORD, TOTP_SECRET, "eyJ"));
    all.addAll(codes);
    if (enrolledSecret != null) {
      all.add(enrolledSecret);
    }
    return all;
  }

  String code(String recipient) {
    String code = emulator.outbox().latestCodeFor(recipient);
    codes.add(code);
    return code;
  }

  /** The authenticator's code of the next 30-second step (the emulator refuses a step used before). */
  String totp() {
    return totp(TOTP_SECRET);
  }

  private String totp(String secret) {
    clock.advance(Duration.ofSeconds(TotpGenerator.PERIOD_SECONDS));
    String code = TotpGenerator.code(secret, clock.instant());
    codes.add(code);
    return code;
  }

  private Session finished(SignIn s) {
    assertThat(s.status()).isEqualTo(SignInStatus.COMPLETE);
    session = s.finalize(Navigate.none());
    user = session.user().orElseThrow();
    return session;
  }

  private static Factor factor(List<Factor> offered, Strategy strategy) {
    return find(offered, Factor::strategy, strategy);
  }

  private static <T, K> T find(List<T> items, Function<T, K> key, K value) {
    return items.stream().filter(i -> value.equals(key.apply(i))).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    clerk.close();
    if (otherDevice != null) {
      otherDevice.close();
    }
  }
}
