package io.github.clerk4j;

import io.github.clerk4j.internal.Log;
import io.github.clerk4j.internal.Redactor;
import io.github.clerk4j.internal.wire.BackupCodesResource;
import io.github.clerk4j.internal.wire.PhoneNumberResource;
import io.github.clerk4j.internal.wire.TotpResource;
import io.github.clerk4j.internal.wire.UserResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An immutable snapshot of the signed-in user of one session, and the account actions of Clerk's
 * "manage MFA" guides: phone numbers, authenticator app (TOTP), backup codes and the password
 * ({@code /v1/me/...}). Get it from {@link Clerk#user()} or {@link Session#user()}.
 *
 * <p>Every action is sent for the session this value came from ({@code _clerk_session_id}) and
 * returns the new value; this one stays valid. The client the server piggybacks on each answer
 * becomes {@link Clerk#client()} (listeners are told), so {@code clerk.user()} is current after
 * every action.
 *
 * <p>Sensitive actions (reserving a phone number for MFA, TOTP, backup codes, the password) may
 * fail with {@link ClerkApiException#isReverificationRequired()} when the user's last
 * verification is old: wrap them in {@link Clerk#withReverification(Supplier,
 * ReverificationHandler)}.
 *
 * <p>{@link #async(Function)} runs any action on the Clerk's executor. {@code toString()} shows no
 * personal data.
 */
public final class User {


  /** E.164: a plus and 7 to 15 digits, the first not 0. */
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  /** What people type between digits; Clerk's server ignores it too. */
  private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");

  private final Clerk clerk;
  private final String sessionId;
  private final UserResource resource;

  User(Clerk clerk, String sessionId, UserResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  // ---------------------------------------------------------------- getters

  /** {@code user_...}. */
  public String id() {
    return resource.id();
  }

  /** The session this value acts through ({@code sess_...}). */
  public String sessionId() {
    return sessionId;
  }

  public Optional<String> username() {
    return Optional.ofNullable(resource.username());
  }

  public Optional<String> firstName() {
    return Optional.ofNullable(resource.firstName());
  }

  public Optional<String> lastName() {
    return Optional.ofNullable(resource.lastName());
  }

  /** The profile image URL, if sent. */
  public Optional<String> imageUrl() {
    return Optional.ofNullable(resource.imageUrl());
  }

  /** Every e-mail address of the user, verified or not. */
  public List<EmailAddress> emailAddresses() {
    return resource.emailAddresses().stream().map(EmailAddress::new).toList();
  }

  /** The primary e-mail address, if the user has one. */
  public Optional<EmailAddress> primaryEmailAddress() {
    return emailAddresses().stream()
        .filter(e -> Objects.equals(e.id(), resource.primaryEmailAddressId()))
        .findFirst();
  }

  /** Every phone number, verified or not, each able to act ({@link PhoneNumber#destroy()}, ...). */
  public List<PhoneNumber> phoneNumbers() {
    return resource.phoneNumbers().stream().map(p -> new PhoneNumber(clerk, sessionId, p)).toList();
  }

  /** The primary phone number, if the user has one. */
  public Optional<PhoneNumber> primaryPhoneNumber() {
    return phoneNumbers().stream()
        .filter(p -> Objects.equals(p.id(), resource.primaryPhoneNumberId()))
        .findFirst();
  }

  /** Whether the user has any second factor (SMS, TOTP or backup codes). */
  public boolean twoFactorEnabled() {
    return resource.twoFactorEnabled();
  }

  /** Whether an authenticator app is verified. */
  public boolean totpEnabled() {
    return resource.totpEnabled();
  }

  /** Whether the user has unused backup codes. */
  public boolean backupCodeEnabled() {
    return resource.backupCodeEnabled();
  }

  /** Whether the user has a password. */
  public boolean passwordEnabled() {
    return resource.passwordEnabled();
  }

  public Optional<Instant> createdAt() {
    return Optional.ofNullable(resource.createdAt());
  }

  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(resource.updatedAt());
  }

  // ---------------------------------------------------------------- actions

  /** Fetches the user again ({@code GET /v1/me}). */
  public User reload() {
    return adopt(call(clerk, sessionId, Endpoint.GET_USER, null, Form.empty()));
  }

  /**
   * Adds an unverified phone number ({@code POST /v1/me/phone_numbers}); continue with {@link
   * PhoneNumber#prepareVerification()}. Spaces, dots, dashes and parentheses are removed first.
   *
   * @param phoneNumber in E.164 form, such as {@code +15555550100}
   * @throws IllegalArgumentException the number is not E.164 (nothing is sent)
   * @throws ClerkApiException the server refused it, with the reason in {@code
   *     fieldErrors().get("phone_number")} (for example {@code form_identifier_exists})
   */
  public PhoneNumber createPhoneNumber(String phoneNumber) {
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    String compact = PHONE_PUNCTUATION.matcher(phoneNumber).replaceAll("");
    if (!E164.matcher(compact).matches()) {
      // The number itself stays out of the message: it is personal data and messages get logged.
      throw new IllegalArgumentException(
          "phone number must be in E.164 form: '+', the country code and number, 7 to 15 digits in all"
              + " (for example +15555550100)");
    }
    Form form = Form.empty().with("phone_number", compact);
    return new PhoneNumber(clerk, sessionId,
        (PhoneNumberResource) call(clerk, sessionId, Endpoint.CREATE_PHONE_NUMBER, null, form).response());
  }

  /**
   * Starts an authenticator-app enrolment ({@code POST /v1/me/totp}): show {@link Totp#uri()} as a
   * QR code (or {@link Totp#secret()} for manual entry), then call {@link #verifyTOTP(String)}
   * with a code from the app.
   *
   * @throws ClerkApiException {@code totp_already_enabled}: call {@link #disableTOTP()} first
   */
  public Totp createTOTP() {
    return new Totp((TotpResource) call(clerk, sessionId, Endpoint.CREATE_TOTP, null, Form.empty()).response());
  }

  /**
   * Completes the enrolment with a code from the app ({@code POST /v1/me/totp/attempt_verification}).
   * When this makes MFA enabled for the first time, the answer carries backup codes ({@link
   * Totp#backupCodes()}): show them once.
   *
   * @throws ClerkApiException a wrong code ({@code invalid_totp_secret_code} on field {@code code})
   */
  public Totp verifyTOTP(String code) {
    Form form = Form.empty().with("code", FormParams.require(code, "code"));
    return new Totp((TotpResource) call(clerk, sessionId, Endpoint.ATTEMPT_TOTP_VERIFICATION, null, form).response());
  }

  /** Removes the authenticator app ({@code DELETE /v1/me/totp}) and returns the updated user. */
  public User disableTOTP() {
    FapiResponse r = call(clerk, sessionId, Endpoint.DELETE_TOTP, null, Form.empty());
    return fromPiggybackedClient(r).orElseGet(this::reload);
  }

  /**
   * A new set of backup codes ({@code POST /v1/me/backup_codes}), replacing the old set. Show them
   * once.
   *
   * @throws ClerkApiException {@code backup_codes_not_available} when the user has no other second
   *     factor
   */
  public BackupCodes createBackupCode() {
    return new BackupCodes(
        (BackupCodesResource) call(clerk, sessionId, Endpoint.CREATE_BACKUP_CODES, null, Form.empty()).response());
  }

  /**
   * Sets a new password ({@code POST /v1/me/change_password}). Completes the {@link
   * SessionTask.Key#RESET_PASSWORD reset-password} session task: the session becomes active.
   *
   * @throws ClerkApiException the current password is wrong ({@code fieldErrors().get("current_password")})
   *     or the new one breaks the policy ({@code fieldErrors().get("new_password")}, for example
   *     {@link ClerkApiException#isPasswordPwned()})
   */
  public User updatePassword(UpdatePasswordParams params) {
    Objects.requireNonNull(params, "params");
    User updated = adopt(call(clerk, sessionId, Endpoint.CHANGE_PASSWORD, null, params.form()));
    refreshResetPasswordTask();
    return updated;
  }

  /**
   * clerk-js's reset-password task touches the session after the change, so that its tasks are
   * fresh; needed only when the piggybacked client still shows the task. The password is changed
   * by then, so a failed touch is logged, not thrown: the caller must not change it again.
   */
  private void refreshResetPasswordTask() {
    Optional<Session> stale = clerk.client().session(sessionId)
        .filter(s -> s.status() == SessionStatus.PENDING
            && s.currentTask().map(SessionTask::key).orElse(null) == SessionTask.Key.RESET_PASSWORD);
    if (stale.isEmpty()) {
      return;
    }
    try {
      clerk.setActive(stale.get());
    } catch (ClerkException e) {
      Log.warn(() -> "the password was changed, but refreshing session " + sessionId
          + " failed: " + Redactor.scrub(e.getMessage()) + "; Clerk.loadClient() shows its tasks");
    }
  }

  /** Runs {@code action} on this user on the Clerk's executor ({@link Clerk#async}). */
  public <R> CompletableFuture<R> async(Function<User, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  // ---------------------------------------------------------------- machinery shared with PhoneNumber

  /**
   * One {@code /v1/me} call for a session: the Clerk applies the piggybacked client; a refusal gets
   * a hint in this SDK's terms.
   */
  static FapiResponse call(Clerk clerk, String sessionId, Endpoint endpoint, String id, Form form) {
    try {
      return clerk.execute(endpoint, id, sessionId, form);
    } catch (ClerkApiException e) {
      String hint = hint(endpoint, e);
      throw hint == null ? e : e.withHint(hint);
    }
  }

  /**
   * This user after a call that does not return one (a delete): from the client the server
   * piggybacked, which the Clerk has applied; empty when the answer carried none.
   */
  private Optional<User> fromPiggybackedClient(FapiResponse r) {
    if (r.client() == null) {
      return Optional.empty();
    }
    return clerk.client().session(sessionId).flatMap(Session::user);
  }

  /**
   * The new value from a call that returns the user. When the answer carried no client, the user
   * is written into the local session so that {@link Clerk#user()} agrees with the returned value.
   */
  private User adopt(FapiResponse r) {
    UserResource u = (UserResource) r.response();
    if (r.client() == null) {
      clerk.client().session(sessionId)
          .ifPresent(s -> clerk.applySession(s.resource().withUser(u), false, s, false));
    }
    return new User(clerk, sessionId, u);
  }

  /** What to do next after a refused {@code /v1/me} call, in this SDK's terms; null for none. */
  private static String hint(Endpoint endpoint, ClerkApiException e) {
    if (e.isReverificationRequired()) {
      return "the user must verify again: wrap the call in clerk.withReverification(...), "
          + "or complete session.startVerification(...) and retry";
    }
    if (e.hasCode("invalid_totp_secret_code")
        || (endpoint == Endpoint.ATTEMPT_TOTP_VERIFICATION && e.isCodeIncorrect())) {
      return "wrong code: enter the current code of the authenticator app";
    }
    if (e.isCodeIncorrect()) {
      return "wrong code: check it and try again, or call prepareVerification() for a new one";
    }
    if (e.isVerificationExpired()) {
      return "the code expired: call prepareVerification() for a new one";
    }
    if (e.isVerificationFailed()) {
      return "too many wrong attempts: call prepareVerification() for a new code";
    }
    if (e.hasCode("totp_already_enabled")) {
      return "an authenticator app is already enabled: disableTOTP() first to enrol another";
    }
    if (e.hasCode("backup_codes_not_available")) {
      return "backup codes need another second factor: enrol TOTP or reserve a verified phone number first";
    }
    if (e.hasCode("second_factor_deletion_not_allowed") || e.hasCode("form_disable_default_second_factor_not_allowed")) {
      return "the user needs this second factor: add or choose another one first";
    }
    if (e.hasCode("identification_update_second_factor_unverified")) {
      return "verify the phone number first (prepareVerification(), attemptVerification(code))";
    }
    if (e.hasCode("form_password_validation_failed") || e.fieldErrors().containsKey("current_password")) {
      return "the current password is missing or wrong: pass it with withCurrentPassword(...)";
    }
    if (e.isPasswordPwned()) {
      return "this password appeared in a data breach: choose another one";
    }
    if (e.fieldErrors().containsKey("new_password")) {
      return "the new password does not meet the policy (see fieldErrors().get(\"new_password\")): choose another one";
    }
    return null;
  }

  // ---------------------------------------------------------------- value

  /** The wire resource. */
  UserResource resource() {
    return resource;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User u && u.clerk == clerk && u.sessionId.equals(sessionId)
        && u.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "User{id=" + id() + ", session=" + sessionId + ", twoFactorEnabled=" + twoFactorEnabled()
        + ", totpEnabled=" + totpEnabled() + ", backupCodeEnabled=" + backupCodeEnabled()
        + ", passwordEnabled=" + passwordEnabled() + ", phoneNumbers=" + resource.phoneNumbers().size()
        + ", emailAddresses=" + resource.emailAddresses().size() + '}';
  }
}
