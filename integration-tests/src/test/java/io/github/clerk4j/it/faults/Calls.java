package io.github.clerk4j.it.faults;

import static io.github.clerk4j.spi.Endpoint.ATTEMPT_EMAIL_ADDRESS_VERIFICATION;
import static io.github.clerk4j.spi.Endpoint.ATTEMPT_FIRST_FACTOR;
import static io.github.clerk4j.spi.Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION;
import static io.github.clerk4j.spi.Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR;
import static io.github.clerk4j.spi.Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR;
import static io.github.clerk4j.spi.Endpoint.ATTEMPT_SECOND_FACTOR;
import static io.github.clerk4j.spi.Endpoint.ATTEMPT_SIGN_UP_VERIFICATION;
import static io.github.clerk4j.spi.Endpoint.ATTEMPT_TOTP_VERIFICATION;
import static io.github.clerk4j.spi.Endpoint.CHANGE_PASSWORD;
import static io.github.clerk4j.spi.Endpoint.CREATE_BACKUP_CODES;
import static io.github.clerk4j.spi.Endpoint.CREATE_EMAIL_ADDRESS;
import static io.github.clerk4j.spi.Endpoint.CREATE_PHONE_NUMBER;
import static io.github.clerk4j.spi.Endpoint.CREATE_SESSION_TOKEN;
import static io.github.clerk4j.spi.Endpoint.CREATE_SIGN_IN;
import static io.github.clerk4j.spi.Endpoint.CREATE_SIGN_UP;
import static io.github.clerk4j.spi.Endpoint.CREATE_TOTP;
import static io.github.clerk4j.spi.Endpoint.DELETE_CLIENT;
import static io.github.clerk4j.spi.Endpoint.DELETE_EMAIL_ADDRESS;
import static io.github.clerk4j.spi.Endpoint.DELETE_PHONE_NUMBER;
import static io.github.clerk4j.spi.Endpoint.DELETE_PROFILE_IMAGE;
import static io.github.clerk4j.spi.Endpoint.DELETE_TOTP;
import static io.github.clerk4j.spi.Endpoint.DELETE_USER;
import static io.github.clerk4j.spi.Endpoint.END_SESSION;
import static io.github.clerk4j.spi.Endpoint.GET_ACTIVE_SESSIONS;
import static io.github.clerk4j.spi.Endpoint.GET_CLIENT;
import static io.github.clerk4j.spi.Endpoint.GET_ENVIRONMENT;
import static io.github.clerk4j.spi.Endpoint.GET_SIGN_IN;
import static io.github.clerk4j.spi.Endpoint.GET_SIGN_UP;
import static io.github.clerk4j.spi.Endpoint.GET_USER;
import static io.github.clerk4j.spi.Endpoint.PREPARE_EMAIL_ADDRESS_VERIFICATION;
import static io.github.clerk4j.spi.Endpoint.PREPARE_FIRST_FACTOR;
import static io.github.clerk4j.spi.Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION;
import static io.github.clerk4j.spi.Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR;
import static io.github.clerk4j.spi.Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR;
import static io.github.clerk4j.spi.Endpoint.PREPARE_SECOND_FACTOR;
import static io.github.clerk4j.spi.Endpoint.PREPARE_SIGN_UP_VERIFICATION;
import static io.github.clerk4j.spi.Endpoint.RESET_PASSWORD;
import static io.github.clerk4j.spi.Endpoint.REVOKE_SESSION;
import static io.github.clerk4j.spi.Endpoint.SET_PROFILE_IMAGE;
import static io.github.clerk4j.spi.Endpoint.START_REVERIFICATION;
import static io.github.clerk4j.spi.Endpoint.TOUCH_SESSION;
import static io.github.clerk4j.spi.Endpoint.UPDATE_PHONE_NUMBER;
import static io.github.clerk4j.spi.Endpoint.UPDATE_SIGN_UP;
import static io.github.clerk4j.spi.Endpoint.UPDATE_USER;
import static io.github.clerk4j.spi.Endpoint.UPDATE_USER_METADATA;

import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.UserUpdateParams;
import io.github.clerk4j.VerificationLevel;
import io.github.clerk4j.spi.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * Every Frontend API call the SDK makes, one line each: the endpoint, its route (for the proxy),
 * the state before the call (a {@link World} setup returning what the app holds), the call made
 * through the held object, and, where repeating the call cannot prove that the held object still
 * works after the emulator acted on it, the retry that does. A new {@link Endpoint} needs a line
 * here; {@code FaultMatrixTest} fails until it has one. Another way of making the same call whose
 * rules differ (a single-use ticket) is a {@link Call#variant} line of its own.
 */
final class Calls {

  static final List<Call<?>> ALL = List.of(
      Call.of(GET_ENVIRONMENT, "GET /v1/environment", World::app, (w, c) -> c.environment()),
      Call.of(GET_CLIENT, "GET /v1/client", World::signedIn, (w, s) -> w.clerk.loadClient()),
      Call.of(DELETE_CLIENT, "DELETE /v1/client", World::signedIn, (w, s) -> { w.clerk.signOut(); return null; }).failsClosed((w, s) -> w.signInAgain()),
      Call.of(CREATE_SIGN_IN, "POST /v1/client/sign_ins", World::seeded, (w, s) -> s.password(w.email, World.PASSWORD)).retry(World::completePasswordSignIn),
      Call.of(CREATE_SIGN_IN, "POST /v1/client/sign_ins", World::seeded, (w, s) -> s.ticket(w.signInToken())).variant("ticket").retry(World::completeTicketSignIn),
      Call.of(CREATE_SIGN_IN, "POST /v1/client/sign_ins", World::seeded, (w, s) -> s.sso(SsoParams.oauth("google").redirectUrl(World.REDIRECT))).variant("oauth_google"),
      Call.of(GET_SIGN_IN, "GET /v1/client/sign_ins/*", World::identified, (w, s) -> s.reload()),
      Call.of(PREPARE_FIRST_FACTOR, "POST /v1/client/sign_ins/*/prepare_first_factor", World::identified, (w, s) -> s.emailCode().sendCode()),
      Call.of(ATTEMPT_FIRST_FACTOR, "POST /v1/client/sign_ins/*/attempt_first_factor", World::emailCodeSent, (w, s) -> s.emailCode().verifyCode(w.code(w.email))).retry(World::completeEmailCode),
      Call.of(PREPARE_SECOND_FACTOR, "POST /v1/client/sign_ins/*/prepare_second_factor", World::needsSmsCode, (w, s) -> s.mfa().sendPhoneCode()),
      Call.of(ATTEMPT_SECOND_FACTOR, "POST /v1/client/sign_ins/*/attempt_second_factor", World::needsTotp, (w, s) -> s.mfa().verifyTOTP(w.totp())).retry(World::completeTotp),
      Call.of(RESET_PASSWORD, "POST /v1/client/sign_ins/*/reset_password", World::needsNewPassword, (w, s) -> s.resetPasswordEmailCode().submitPassword(World.NEW_PASSWORD)).retry(World::completeNewPassword),
      Call.of(CREATE_SIGN_UP, "POST /v1/client/sign_ups", World::signUpForm, (w, s) -> s.password(w.signUpParams())),
      Call.of(GET_SIGN_UP, "GET /v1/client/sign_ups/*", World::signUpCreated, (w, s) -> s.reload()),
      Call.of(UPDATE_SIGN_UP, "PATCH /v1/client/sign_ups/*", World::signUpCreated, (w, s) -> s.update(SignUpParams.builder().firstName("Faulty").build())),
      Call.of(PREPARE_SIGN_UP_VERIFICATION, "POST /v1/client/sign_ups/*/prepare_verification", World::signUpCreated, (w, s) -> s.verifications().sendEmailCode()),
      Call.of(ATTEMPT_SIGN_UP_VERIFICATION, "POST /v1/client/sign_ups/*/attempt_verification", World::signUpPhoneCodeSent, (w, s) -> s.verifications().verifyPhoneCode(w.code(w.phone))).retry(World::completeSignUp),
      Call.of(TOUCH_SESSION, "POST /v1/client/sessions/*/touch", World::signedIn, (w, s) -> s.touch()),
      Call.of(END_SESSION, "POST /v1/client/sessions/*/end", World::signedIn, (w, s) -> s.end()).failsClosed((w, s) -> w.signInAgain()),
      Call.of(CREATE_SESSION_TOKEN, "POST /v1/client/sessions/*/tokens", World::signedIn, (w, s) -> s.getToken()),
      Call.of(START_REVERIFICATION, "POST /v1/client/sessions/*/verify", World::signedIn, (w, s) -> s.startVerification(VerificationLevel.FIRST_FACTOR)),
      Call.of(PREPARE_REVERIFICATION_FIRST_FACTOR, "POST /v1/client/sessions/*/verify/prepare_first_factor", World::reverifyingFirstFactor, World::prepareEmailCode),
      Call.of(ATTEMPT_REVERIFICATION_FIRST_FACTOR, "POST /v1/client/sessions/*/verify/attempt_first_factor", World::reverifyingFirstFactor, World::attemptPassword).retry(World::retryPassword),
      Call.of(PREPARE_REVERIFICATION_SECOND_FACTOR, "POST /v1/client/sessions/*/verify/prepare_second_factor", World::reverifyingBySms, World::preparePhoneCode),
      Call.of(ATTEMPT_REVERIFICATION_SECOND_FACTOR, "POST /v1/client/sessions/*/verify/attempt_second_factor", World::reverifyingByTotp, World::attemptTotp).retry(World::retryTotp),
      Call.of(GET_USER, "GET /v1/me", World::user, (w, u) -> u.reload()),
      Call.of(CHANGE_PASSWORD, "POST /v1/me/change_password", World::user, World::changePassword),
      Call.of(CREATE_PHONE_NUMBER, "POST /v1/me/phone_numbers", World::user, (w, u) -> u.createPhoneNumber(w.phone)).retry(World::retryCreatePhone),
      Call.of(PREPARE_PHONE_NUMBER_VERIFICATION, "POST /v1/me/phone_numbers/*/prepare_verification", World::newPhone, (w, p) -> p.prepareVerification()),
      Call.of(ATTEMPT_PHONE_NUMBER_VERIFICATION, "POST /v1/me/phone_numbers/*/attempt_verification", World::phoneCodeSent, (w, p) -> p.attemptVerification(w.code(w.phone))).retry(World::retryVerifyPhone),
      Call.of(UPDATE_PHONE_NUMBER, "PATCH /v1/me/phone_numbers/*", World::verifiedPhone, (w, p) -> p.setReservedForSecondFactor(true)),
      Call.of(DELETE_PHONE_NUMBER, "DELETE /v1/me/phone_numbers/*", World::newPhone, (w, p) -> { p.destroy(); return null; }).retry(World::retryDeletePhone),
      Call.of(CREATE_TOTP, "POST /v1/me/totp", World::user, (w, u) -> u.createTOTP()),
      Call.of(ATTEMPT_TOTP_VERIFICATION, "POST /v1/me/totp/attempt_verification", World::enrollingTotp, (w, u) -> u.verifyTOTP(w.enrolledTotpCode())).retry(World::retryVerifyTotp),
      Call.of(DELETE_TOTP, "DELETE /v1/me/totp", World::totpUser, (w, u) -> u.disableTOTP()).retry(World::retryDisableTotp),
      Call.of(CREATE_BACKUP_CODES, "POST /v1/me/backup_codes", World::totpUser, (w, u) -> u.createBackupCode()),
      Call.of(UPDATE_USER, "PATCH /v1/me", World::user, (w, u) -> u.update(UserUpdateParams.empty().withFirstName("Faulty"))),
      Call.of(UPDATE_USER_METADATA, "PATCH /v1/me/metadata", World::user, (w, u) -> u.update(UserUpdateParams.empty().withUnsafeMetadata(Map.of("theme", "dark")))),
      Call.of(DELETE_USER, "DELETE /v1/me", World::user, (w, u) -> { u.delete(); return null; }).retry(World::retryDeleteUser),
      Call.of(CREATE_EMAIL_ADDRESS, "POST /v1/me/email_addresses", World::user, (w, u) -> u.createEmailAddress(w.newEmail)).retry(World::retryCreateEmail),
      Call.of(PREPARE_EMAIL_ADDRESS_VERIFICATION, "POST /v1/me/email_addresses/*/prepare_verification", World::newEmailAddress, (w, e) -> e.prepareVerification()),
      Call.of(ATTEMPT_EMAIL_ADDRESS_VERIFICATION, "POST /v1/me/email_addresses/*/attempt_verification", World::emailAddressCodeSent, (w, e) -> e.attemptVerification(w.code(w.newEmail))).retry(World::retryVerifyEmail),
      Call.of(DELETE_EMAIL_ADDRESS, "DELETE /v1/me/email_addresses/*", World::newEmailAddress, (w, e) -> { e.destroy(); return null; }).retry(World::retryDeleteEmail),
      Call.of(SET_PROFILE_IMAGE, "POST /v1/me/profile_image", World::user, (w, u) -> u.setProfileImage(World.PNG)),
      Call.of(DELETE_PROFILE_IMAGE, "DELETE /v1/me/profile_image", World::withProfileImage, (w, u) -> u.deleteProfileImage()).retry(World::retryDeleteImage),
      Call.of(GET_ACTIVE_SESSIONS, "GET /v1/me/sessions/active", World::user, (w, u) -> u.activeSessions()),
      Call.of(REVOKE_SESSION, "POST /v1/me/sessions/*/revoke", World::otherDevice, (w, a) -> a.revoke()).retry(World::retryRevoke));

  /** Endpoints no public API calls yet, with the reason; they get a line above when one does. */
  static final Map<Endpoint, String> NOT_CALLED = Map.of();

  private Calls() {}
}
