package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FilePart;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * {@link Endpoint} → the {@link FapiService} method that carries it: the one place that says which
 * Retrofit call makes which Frontend API call. {@link #requireComplete()} fails fast when core
 * has an endpoint this transport does not know.
 */
public final class EndpointTable {

  /**
   * How many endpoints the switch below knows: a clerk4j-core with more (newer than this
   * transport) is refused when the transport is built ({@link #requireComplete()}).
   * EndpointTableTest fails when a case is added without counting it here.
   */
  static final int KNOWN_ENDPOINTS = 45;

  private EndpointTable() {}

  /**
   * The Retrofit call of {@code request}. A switch, not a table of lambdas: each lambda is a class
   * that a fresh JVM spins at start-up, and javac checks that every endpoint has its case.
   */
  static Call<ResponseBody> call(FapiService api, FapiRequest r, CallContext c) {
    return switch (r.endpoint()) {
      case GET_ENVIRONMENT -> api.getEnvironment(c, fields(r));
      case GET_CLIENT -> api.getClient(c, fields(r));
      case DELETE_CLIENT -> api.deleteClient(c, fields(r));

      case CREATE_SIGN_IN -> api.createSignIn(c, r.form());
      case GET_SIGN_IN -> api.getSignIn(c, id(r), fields(r));
      case PREPARE_FIRST_FACTOR -> api.prepareFirstFactor(c, id(r), r.form());
      case ATTEMPT_FIRST_FACTOR -> api.attemptFirstFactor(c, id(r), r.form());
      case PREPARE_SECOND_FACTOR -> api.prepareSecondFactor(c, id(r), r.form());
      case ATTEMPT_SECOND_FACTOR -> api.attemptSecondFactor(c, id(r), r.form());
      case RESET_PASSWORD -> api.resetPassword(c, id(r), r.form());

      case CREATE_SIGN_UP -> api.createSignUp(c, r.form());
      case GET_SIGN_UP -> api.getSignUp(c, id(r), fields(r));
      case UPDATE_SIGN_UP -> api.updateSignUp(c, id(r), r.form());
      case PREPARE_SIGN_UP_VERIFICATION -> api.prepareSignUpVerification(c, id(r), r.form());
      case ATTEMPT_SIGN_UP_VERIFICATION -> api.attemptSignUpVerification(c, id(r), r.form());

      case TOUCH_SESSION -> api.touchSession(c, sid(r), r.form());
      case END_SESSION -> api.endSession(c, sid(r), r.form());
      case CREATE_SESSION_TOKEN -> r.id() == null
          ? api.createSessionToken(c, sid(r), r.form())
          : api.createSessionTokenFromTemplate(c, sid(r), r.id(), r.form());

      case START_REVERIFICATION -> api.startReverification(c, sid(r), r.form());
      case PREPARE_REVERIFICATION_FIRST_FACTOR -> api.prepareReverificationFirstFactor(c, sid(r), r.form());
      case ATTEMPT_REVERIFICATION_FIRST_FACTOR -> api.attemptReverificationFirstFactor(c, sid(r), r.form());
      case PREPARE_REVERIFICATION_SECOND_FACTOR -> api.prepareReverificationSecondFactor(c, sid(r), r.form());
      case ATTEMPT_REVERIFICATION_SECOND_FACTOR -> api.attemptReverificationSecondFactor(c, sid(r), r.form());

      // /v1/me: the session goes into _clerk_session_id; null leaves it out (FAPI then uses the
      // client's last active session).
      case GET_USER -> api.getUser(c, r.sessionId(), fields(r));
      case CHANGE_PASSWORD -> api.changePassword(c, r.sessionId(), r.form());
      case CREATE_PHONE_NUMBER -> api.createPhoneNumber(c, r.sessionId(), r.form());
      case PREPARE_PHONE_NUMBER_VERIFICATION -> api.preparePhoneNumberVerification(c, id(r), r.sessionId(), r.form());
      case ATTEMPT_PHONE_NUMBER_VERIFICATION -> api.attemptPhoneNumberVerification(c, id(r), r.sessionId(), r.form());
      case UPDATE_PHONE_NUMBER -> api.updatePhoneNumber(c, id(r), r.sessionId(), r.form());
      case DELETE_PHONE_NUMBER -> api.deletePhoneNumber(c, id(r), r.sessionId(), fields(r));
      case CREATE_TOTP -> api.createTotp(c, r.sessionId(), r.form());
      case ATTEMPT_TOTP_VERIFICATION -> api.attemptTotpVerification(c, r.sessionId(), r.form());
      case DELETE_TOTP -> api.deleteTotp(c, r.sessionId(), fields(r));
      case CREATE_BACKUP_CODES -> api.createBackupCodes(c, r.sessionId(), r.form());

      case UPDATE_USER -> api.updateUser(c, r.sessionId(), r.form());
      case UPDATE_USER_METADATA -> api.updateUserMetadata(c, r.sessionId(), r.form());
      case DELETE_USER -> api.deleteUser(c, r.sessionId(), fields(r));
      case CREATE_EMAIL_ADDRESS -> api.createEmailAddress(c, r.sessionId(), r.form());
      case PREPARE_EMAIL_ADDRESS_VERIFICATION ->
          api.prepareEmailAddressVerification(c, id(r), r.sessionId(), r.form());
      case ATTEMPT_EMAIL_ADDRESS_VERIFICATION ->
          api.attemptEmailAddressVerification(c, id(r), r.sessionId(), r.form());
      case DELETE_EMAIL_ADDRESS -> api.deleteEmailAddress(c, id(r), r.sessionId(), fields(r));
      case SET_PROFILE_IMAGE -> api.setProfileImage(c, r.sessionId(), filePart(r), textParts(r));
      case DELETE_PROFILE_IMAGE -> api.deleteProfileImage(c, r.sessionId(), fields(r));
      case GET_ACTIVE_SESSIONS -> api.getActiveSessions(c, r.sessionId(), fields(r));
      case REVOKE_SESSION -> api.revokeSession(c, id(r), r.sessionId(), r.form());
    };
  }

  /**
   * Throws when this clerk4j-core has more endpoints than this transport knows: a core newer than
   * the transport. Called when a transport is built, so the mismatch shows at start-up rather than
   * at the first sign-in that needs the missing call.
   */
  public static void requireComplete() {
    int endpoints = Endpoint.values().length;
    if (endpoints > KNOWN_ENDPOINTS) {
      throw new IllegalStateException("this clerk4j-core has " + endpoints + " endpoints, of which"
          + " clerk4j-okhttp knows " + KNOWN_ENDPOINTS + "; use clerk4j-okhttp and clerk4j-core of"
          + " the same version");
    }
  }

  private static Map<String, String> fields(FapiRequest r) {
    return r.form().fields();
  }

  /** The file of a multipart upload; required by the endpoints that send one. */
  private static MultipartBody.Part filePart(FapiRequest r) {
    FilePart file = r.file();
    if (file == null) {
      throw new IllegalArgumentException(r.endpoint() + " needs FapiRequest.file");
    }
    return MultipartBody.Part.createFormData(file.name(), file.fileName(),
        RequestBody.create(file.content(), MediaType.get(file.contentType())));
  }

  /**
   * The media type of a multipart body's text parts, parsed once; in a holder so that the parse is
   * paid by the first upload, not by every JVM's first request.
   */
  private static final class TextPart {
    static final MediaType TYPE = MediaType.get("text/plain; charset=utf-8");
  }

  /** The form fields of a multipart body, each a text part. */
  private static Map<String, RequestBody> textParts(FapiRequest r) {
    Map<String, RequestBody> parts = new LinkedHashMap<>();
    r.form().forEach((k, v) -> parts.put(k, RequestBody.create(v, TextPart.TYPE)));
    return parts;
  }

  /** The path's resource id (sign-in, sign-up, phone number, e-mail address); required by the endpoints that use it. */
  private static String id(FapiRequest r) {
    String id = r.id();
    if (id == null) {
      throw new IllegalArgumentException(r.endpoint() + " needs FapiRequest.id");
    }
    return id;
  }

  /** The path's session id; required by the {@code /v1/client/sessions/{id}} endpoints. */
  private static String sid(FapiRequest r) {
    String sessionId = r.sessionId();
    if (sessionId == null) {
      throw new IllegalArgumentException(r.endpoint() + " needs FapiRequest.sessionId");
    }
    return sessionId;
  }
}
