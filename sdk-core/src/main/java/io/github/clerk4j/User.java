package io.github.clerk4j;

import io.github.clerk4j.internal.Log;
import io.github.clerk4j.internal.Redactor;
import io.github.clerk4j.internal.wire.ActiveSessionResource;
import io.github.clerk4j.internal.wire.BackupCodesResource;
import io.github.clerk4j.internal.wire.EmailAddressResource;
import io.github.clerk4j.internal.wire.ImageResource;
import io.github.clerk4j.internal.wire.PhoneNumberResource;
import io.github.clerk4j.internal.wire.TotpResource;
import io.github.clerk4j.internal.wire.UserResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.FilePart;
import io.github.clerk4j.spi.Form;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the signed-in user of one session, and the account actions of Clerk's
 * guides ({@code /v1/me/...}): e-mail addresses, the profile (names, username, primary e-mail
 * address or phone number, unsafe metadata, profile image), the user's sessions on every device,
 * deleting the account, and MFA management (phone numbers, authenticator app (TOTP), backup
 * codes, the password). Get it from {@link Clerk#user()} or {@link Session#user()}.
 *
 * <p>Every action is sent for the session this value came from ({@code _clerk_session_id}) and
 * returns the new value; this one stays valid. The client the server piggybacks on each answer
 * becomes {@link Clerk#client()} (listeners are told), so {@code clerk.user()} is current after
 * every action.
 *
 * <p>Sensitive actions (adding or removing an e-mail address or phone number, a new primary one,
 * the username, reserving a phone number for MFA, TOTP, backup codes, the password, revoking a
 * session, deleting the account) may fail with {@link ClerkApiException#isReverificationRequired()}
 * when the user's last verification is old: wrap them in {@link Clerk#withReverification(Supplier,
 * ReverificationHandler)}.
 *
 * <p>{@link #async(Function)} runs any action on the Clerk's executor. {@code toString()} shows no
 * personal data.
 */
public final class User {


  /**
   * The form of an e-mail address, loosely: one {@code @}, no spaces, a domain with a dot. The
   * server checks the rest; this only keeps obvious typos from being sent.
   */
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
  /** The longest address SMTP carries (RFC 5321: a 256-octet path, less its angle brackets). */
  private static final int EMAIL_MAX_LENGTH = 254;
  /** Clerk's limit for an uploaded image, as clerk-js's avatar uploader checks it. */
  static final int MAX_IMAGE_BYTES = 10_000_000;

  /** Appended to a refusal of the metadata call that followed a saved profile change. */
  private static final String PROFILE_SAVED = "the profile fields were saved, the unsafe metadata was not:"
      + " send only it again with update(UserUpdateParams.empty().withUnsafeMetadata(...))";

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

  /** {@return the user's id ({@code user_...})} */
  public String id() {
    return resource.id();
  }

  /** {@return the session this value acts through ({@code sess_...})} */
  public String sessionId() {
    return sessionId;
  }

  /** {@return the username, if the user has one} */
  public Optional<String> username() {
    return Optional.ofNullable(resource.username());
  }

  /** {@return the first name, if set} */
  public Optional<String> firstName() {
    return Optional.ofNullable(resource.firstName());
  }

  /** {@return the last name, if set} */
  public Optional<String> lastName() {
    return Optional.ofNullable(resource.lastName());
  }

  /**
   * {@return the profile image URL, if sent: the uploaded image, or Clerk's generated avatar when
   * {@link #hasImage()} is false}
   */
  public Optional<String> imageUrl() {
    return Optional.ofNullable(resource.imageUrl());
  }

  /** {@return whether the user uploaded a profile image ({@link #setProfileImage(byte[])})} */
  public boolean hasImage() {
    return resource.hasImage();
  }

  /**
   * {@return metadata the backend set, read-only here ({@code public_metadata}); empty when none}
   */
  public Map<String, Object> publicMetadata() {
    return resource.publicMetadata();
  }

  /**
   * {@return metadata the user may change ({@code unsafe_metadata}; see {@link
   * UserUpdateParams#withUnsafeMetadata(Map)}); empty when none} Numbers are {@code Long} when
   * whole, else {@code Double}.
   */
  public Map<String, Object> unsafeMetadata() {
    return resource.unsafeMetadata();
  }

  /** {@return whether the instance lets the user delete the account ({@link #delete()})} */
  public boolean deleteSelfEnabled() {
    return resource.deleteSelfEnabled();
  }

  /**
   * {@return every e-mail address of the user, verified or not, each able to act ({@link
   * EmailAddress#destroy()}, ...)}
   */
  public List<EmailAddress> emailAddresses() {
    return resource.emailAddresses().stream().map(e -> new EmailAddress(clerk, sessionId, e)).toList();
  }

  /** {@return the primary e-mail address, if the user has one} */
  public Optional<EmailAddress> primaryEmailAddress() {
    return emailAddresses().stream()
        .filter(e -> Objects.equals(e.id(), resource.primaryEmailAddressId()))
        .findFirst();
  }

  /**
   * {@return every phone number, verified or not, each able to act ({@link PhoneNumber#destroy()},
   * ...)}
   */
  public List<PhoneNumber> phoneNumbers() {
    return resource.phoneNumbers().stream().map(p -> new PhoneNumber(clerk, sessionId, p)).toList();
  }

  /** {@return the primary phone number, if the user has one} */
  public Optional<PhoneNumber> primaryPhoneNumber() {
    return phoneNumbers().stream()
        .filter(p -> Objects.equals(p.id(), resource.primaryPhoneNumberId()))
        .findFirst();
  }

  /** {@return whether the user has any second factor (SMS, TOTP or backup codes)} */
  public boolean twoFactorEnabled() {
    return resource.twoFactorEnabled();
  }

  /** {@return whether an authenticator app is verified} */
  public boolean totpEnabled() {
    return resource.totpEnabled();
  }

  /** {@return whether the user has unused backup codes} */
  public boolean backupCodeEnabled() {
    return resource.backupCodeEnabled();
  }

  /** {@return whether the user has a password} */
  public boolean passwordEnabled() {
    return resource.passwordEnabled();
  }

  /** {@return when the user was created, if sent} */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(resource.createdAt());
  }

  /** {@return when the user last changed, if sent} */
  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(resource.updatedAt());
  }

  // ---------------------------------------------------------------- actions

  /**
   * Fetches the user again ({@code GET /v1/me}).
   *
   * @return the user as the server has it now
   */
  public User reload() {
    return adopt(call(clerk, sessionId, Endpoint.GET_USER, null, Form.empty()));
  }

  /**
   * Adds an unverified e-mail address ({@code POST /v1/me/email_addresses}); continue with {@link
   * EmailAddress#prepareVerification()} and {@link EmailAddress#attemptVerification(String)}.
   * Leading and trailing spaces are removed first. A sensitive action: it may need {@link
   * Clerk#withReverification}.
   *
   * @param emailAddress such as {@code ada@example.com}
   * @return the new, unverified address
   * @throws IllegalArgumentException the address is not of the form {@code name@domain.tld}
   *     (nothing is sent)
   * @throws ClerkApiException the server refused it, with the reason in {@code
   *     fieldErrors().get("email_address")} (for example {@code form_identifier_exists}: another
   *     account has it); {@link ClerkApiException#isReverificationRequired()}
   */
  public EmailAddress createEmailAddress(String emailAddress) {
    Objects.requireNonNull(emailAddress, "emailAddress");
    String address = emailAddress.strip();
    if (address.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(address).matches()) {
      // The address itself stays out of the message: it is personal data and messages get logged.
      throw new IllegalArgumentException("e-mail address must have the form name@example.com: one '@',"
          + " no spaces, a domain with a dot, at most " + EMAIL_MAX_LENGTH + " characters");
    }
    Form form = Form.empty().with("email_address", address);
    return new EmailAddress(clerk, sessionId,
        Clerk.resource(call(clerk, sessionId, Endpoint.CREATE_EMAIL_ADDRESS, null, form), EmailAddressResource.class));
  }

  /**
   * Changes the profile: {@code PATCH /v1/me} with the names, username and primary e-mail address
   * or phone number given, then, if {@code params} has unsafe metadata, {@code PATCH
   * /v1/me/metadata} with it (as clerk-js does: {@code unsafe_metadata} is deprecated on {@code
   * PATCH /v1/me}). Only the fields given are sent. A new username or primary identifier is a
   * sensitive change: it may need {@link Clerk#withReverification}.
   *
   * @param params the fields to change
   * @return the updated user
   * @throws IllegalArgumentException {@code params} has no field (nothing is sent)
   * @throws ClerkApiException the server refused, with the field in {@code fieldErrors()} (for
   *     example {@code form_identifier_exists} for a username another account has, {@code
   *     form_verification_needed} for an unverified primary address). If only the metadata call
   *     fails, the profile fields are saved already, and the message says so.
   */
  public User update(UserUpdateParams params) {
    Objects.requireNonNull(params, "params");
    Form profile = params.profile();
    String metadata = params.unsafeMetadata();
    if (profile.isEmpty() && metadata == null) {
      throw new IllegalArgumentException("nothing to update: add fields with UserUpdateParams.empty().with...(...)");
    }
    User updated = profile.isEmpty() ? this : adopt(call(clerk, sessionId, Endpoint.UPDATE_USER, null, profile));
    if (metadata == null) {
      return updated;
    }
    Form form = Form.empty().with(UserUpdateParams.UNSAFE_METADATA, metadata);
    if (profile.isEmpty()) {
      return adopt(call(clerk, sessionId, Endpoint.UPDATE_USER_METADATA, null, form));
    }
    try {
      return adopt(clerk.execute(Endpoint.UPDATE_USER_METADATA, null, sessionId, form));
    } catch (ClerkApiException e) {
      String hint = hint(Endpoint.UPDATE_USER_METADATA, e);
      throw e.withHint(PROFILE_SAVED + (hint == null ? "" : "; " + hint));
    } catch (ClerkNetworkException e) {
      throw new ClerkNetworkException(e.getMessage() + " (" + PROFILE_SAVED + ")", e, e.requestMayHaveBeenSent());
    }
  }

  /**
   * Uploads a new profile image ({@code POST /v1/me/profile_image}, {@code multipart/form-data}):
   * a PNG, JPEG, GIF or WebP file of at most 10 MB, named after the file. {@link Clerk#user()}
   * shows it at once ({@link #imageUrl()}, {@link #hasImage()}).
   *
   * @param file the image file
   * @return the image as the server stored it
   * @throws IllegalArgumentException the file is empty, larger than 10 MB or none of those types
   *     (nothing is sent)
   * @throws java.io.UncheckedIOException the file cannot be read
   * @throws ClerkApiException the server refused the image
   */
  public ProfileImage setProfileImage(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (Files.size(file) > MAX_IMAGE_BYTES) {
        throw tooLarge();
      }
      return upload(Files.readAllBytes(file), String.valueOf(file.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the profile image file: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * {@link #setProfileImage(Path)} for an image already in memory, sent as {@code
   * profile-image.png} (or {@code .jpg}, {@code .gif}, {@code .webp}, after its type).
   *
   * @param image the image's bytes
   * @return the image as the server stored it
   * @throws IllegalArgumentException the image is empty, larger than 10 MB or not a PNG, JPEG, GIF
   *     or WebP image (nothing is sent)
   */
  public ProfileImage setProfileImage(byte[] image) {
    Objects.requireNonNull(image, "image");
    return upload(image, null);
  }

  private ProfileImage upload(byte[] image, @Nullable String fileName) {
    if (image.length > MAX_IMAGE_BYTES) {
      throw tooLarge();
    }
    ImageType type = ImageType.of(image).orElseThrow(() -> new IllegalArgumentException(image.length == 0
        ? "the profile image is empty" : "the profile image must be a PNG, JPEG, GIF or WebP image"));
    FilePart part = new FilePart("file", fileName != null && !fileName.isBlank() ? fileName
        : "profile-image." + type.extension, type.mediaType, image);
    FapiResponse r = call(clerk, sessionId, Endpoint.SET_PROFILE_IMAGE, null, Form.empty(), part);
    return new ProfileImage(Clerk.resource(r, ImageResource.class));
  }

  private static IllegalArgumentException tooLarge() {
    return new IllegalArgumentException("the profile image is larger than 10 MB (" + MAX_IMAGE_BYTES
        + " bytes): send a smaller one");
  }

  /**
   * Removes the profile image ({@code DELETE /v1/me/profile_image}).
   *
   * @return the updated user
   */
  public User deleteProfileImage() {
    FapiResponse r = call(clerk, sessionId, Endpoint.DELETE_PROFILE_IMAGE, null, Form.empty());
    return fromPiggybackedClient(r).orElseGet(this::reload);
  }

  /**
   * {@return the user's signed-in sessions on every device ({@code GET /v1/me/sessions/active}),
   * each with its latest activity (browser, device, IP address, place, last active) and {@link
   * ActiveSession#revoke()}; {@link ActiveSession#current()} marks this one} Fetched on every call.
   */
  public List<ActiveSession> activeSessions() {
    @SuppressWarnings("unchecked") // the answer decoder's type for this endpoint
    List<ActiveSessionResource> sessions = (List<ActiveSessionResource>)
        Clerk.resource(call(clerk, sessionId, Endpoint.GET_ACTIVE_SESSIONS, null, Form.empty()), List.class);
    return sessions.stream().map(s -> new ActiveSession(clerk, sessionId, s)).toList();
  }

  /**
   * Deletes the account ({@code DELETE /v1/me}) and signs this client out of it, as clerk-js
   * does: the user's sessions leave {@link Clerk#client()} and their session tokens are
   * forgotten, and listeners hear that there is no active session. The client token is kept: the
   * client itself still exists on the server (as clerk-js keeps its client cookie), and the next
   * sign-in on this device continues with it. Sessions of the user on other devices end too; their
   * next call is refused with HTTP 401 {@code signed_out}. A sensitive action: it may need {@link
   * Clerk#withReverification}.
   *
   * <p>If the call fails, nothing changes locally: the account may or may not be deleted when the
   * failure is a {@link ClerkNetworkException} with {@code requestMayHaveBeenSent()}; {@link
   * Clerk#loadClient()} shows which.
   *
   * @throws ClerkApiException {@code user_delete_self_not_enabled} when the instance does not let
   *     users delete themselves ({@link #deleteSelfEnabled()}); {@link
   *     ClerkApiException#isReverificationRequired()}
   */
  public void delete() {
    List<String> mine = clerk.client().sessions().stream()
        .filter(s -> s.resource().user() != null && id().equals(s.resource().user().id()))
        .map(Session::id)
        .collect(Collectors.toCollection(ArrayList::new));
    if (!mine.contains(sessionId)) {
      mine.add(sessionId);
    }
    call(clerk, sessionId, Endpoint.DELETE_USER, null, Form.empty());
    clerk.forgetSessionsLocally(mine.toArray(String[]::new));
  }

  /**
   * Adds an unverified phone number ({@code POST /v1/me/phone_numbers}); continue with {@link
   * PhoneNumber#prepareVerification()}. Spaces, dots, dashes and parentheses are removed first.
   *
   * @param phoneNumber in E.164 form, such as {@code +15555550100}
   * @return the new, unverified number
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
        Clerk.resource(call(clerk, sessionId, Endpoint.CREATE_PHONE_NUMBER, null, form), PhoneNumberResource.class));
  }

  /**
   * Starts an authenticator-app enrolment ({@code POST /v1/me/totp}): show {@link Totp#uri()} as a
   * QR code (or {@link Totp#secret()} for manual entry), then call {@link #verifyTOTP(String)}
   * with a code from the app.
   *
   * @return the enrolment, with its secret and URI
   * @throws ClerkApiException {@code totp_already_enabled}: call {@link #disableTOTP()} first
   */
  public Totp createTOTP() {
    return new Totp(
        Clerk.resource(call(clerk, sessionId, Endpoint.CREATE_TOTP, null, Form.empty()), TotpResource.class));
  }

  /**
   * Completes the enrolment with a code from the app ({@code POST /v1/me/totp/attempt_verification}).
   * When this makes MFA enabled for the first time, the answer carries backup codes ({@link
   * Totp#backupCodes()}): show them once.
   *
   * @param code the code the authenticator app shows now
   * @return the verified enrolment
   * @throws ClerkApiException a wrong code ({@code invalid_totp_secret_code} on field {@code code})
   */
  public Totp verifyTOTP(String code) {
    Form form = Form.empty().with("code", FormParams.require(code, "code"));
    return new Totp(
        Clerk.resource(call(clerk, sessionId, Endpoint.ATTEMPT_TOTP_VERIFICATION, null, form), TotpResource.class));
  }

  /**
   * Removes the authenticator app ({@code DELETE /v1/me/totp}).
   *
   * @return the updated user
   */
  public User disableTOTP() {
    FapiResponse r = call(clerk, sessionId, Endpoint.DELETE_TOTP, null, Form.empty());
    return fromPiggybackedClient(r).orElseGet(this::reload);
  }

  /**
   * {@return a new set of backup codes ({@code POST /v1/me/backup_codes}), replacing the old set}
   * Show them once.
   *
   * @throws ClerkApiException {@code backup_codes_not_available} when the user has no other second
   *     factor
   */
  public BackupCodes createBackupCode() {
    return new BackupCodes(Clerk.resource(
        call(clerk, sessionId, Endpoint.CREATE_BACKUP_CODES, null, Form.empty()), BackupCodesResource.class));
  }

  /**
   * Sets a new password ({@code POST /v1/me/change_password}). Completes the {@link
   * SessionTask.Key#RESET_PASSWORD reset-password} session task: the session becomes active.
   *
   * @param params the new password, and the current one where the user has one
   * @return the updated user
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

  /**
   * Runs {@code action} on this user on the Clerk's executor ({@link Clerk#async}).
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this user
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<User, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  // ---------------------------------------------------------------- machinery shared with PhoneNumber, EmailAddress, ActiveSession

  /**
   * One {@code /v1/me} call for a session: the Clerk applies the piggybacked client; a refusal gets
   * a hint in this SDK's terms.
   */
  static FapiResponse call(Clerk clerk, String sessionId, Endpoint endpoint, @Nullable String id, Form form) {
    return call(clerk, sessionId, endpoint, id, form, null);
  }

  /** {@link #call(Clerk, String, Endpoint, String, Form)} with a file to upload. */
  static FapiResponse call(
      Clerk clerk, String sessionId, Endpoint endpoint, @Nullable String id, Form form, @Nullable FilePart file) {
    try {
      return clerk.execute(endpoint, id, sessionId, form, file);
    } catch (ClerkApiException e) {
      String hint = hint(endpoint, e);
      throw hint == null ? e : e.withHint(hint);
    }
  }

  /**
   * Changes the user in the local snapshot, after a call whose answer carried no client (a delete
   * answers {@code client: null} at times), so that {@link Clerk#user()} agrees with the server.
   */
  static void editLocally(Clerk clerk, String sessionId, UnaryOperator<UserResource> edit) {
    clerk.client().session(sessionId).ifPresent(s -> {
      UserResource user = s.resource().user();
      if (user != null) {
        clerk.applySession(s.resource().withUser(edit.apply(user)), false, s, false);
      }
    });
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
    UserResource u = Clerk.resource(r, UserResource.class);
    if (r.client() == null) {
      editLocally(clerk, sessionId, old -> u);
    }
    return new User(clerk, sessionId, u);
  }

  /** What to do next after a refused {@code /v1/me} call, in this SDK's terms; null for none. */
  private static @Nullable String hint(Endpoint endpoint, ClerkApiException e) {
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
    if (e.hasCode("form_identifier_exists")) {
      return "another account uses this " + field(e, "identifier") + ": choose another one";
    }
    if (e.hasCode("form_verification_needed")) {
      return "only a verified identifier can be primary: verify it first (prepareVerification(),"
          + " then attemptVerification(code))";
    }
    if (e.hasCode("identification_deletion_failed") || e.hasCode("last_required_identification_deletion_failed")) {
      return "this is the user's last way to sign in of its kind: add and verify another one first";
    }
    if (e.hasCode("user_delete_self_not_enabled")) {
      return "this instance does not let users delete their own account (deleteSelfEnabled() is false):"
          + " delete it from your backend with Clerk's Backend API";
    }
    if (e.hasCode("invalid_action_for_session")) {
      return "the session has ended already: call activeSessions() again for the current list";
    }
    if (e.hasCode("image_too_large")) {
      return "the image is over the server's limit: send a smaller one";
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

  /** The field a refusal names, in words ({@code email_address} becomes "email address"). */
  private static String field(ClerkApiException e, String fallback) {
    return e.fieldErrors().keySet().stream().findFirst().map(f -> f.replace('_', ' ')).orElse(fallback);
  }

  /** The wire resource. */
  UserResource resource() {
    return resource;
  }

  @Override
  public boolean equals(@Nullable Object o) {
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
