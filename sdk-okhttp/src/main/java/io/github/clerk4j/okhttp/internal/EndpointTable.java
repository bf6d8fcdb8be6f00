package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FilePart;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * adds an endpoint this transport does not know yet.
 */
public final class EndpointTable {

  /** Makes the Retrofit call for a request. */
  @FunctionalInterface
  interface Invoker {
    Call<ResponseBody> call(FapiService api, FapiRequest r, CallContext c);
  }

  /** Filled once by the static initializer below and never changed after. */
  private static final Map<Endpoint, Invoker> ROUTES = new EnumMap<>(Endpoint.class);

  private EndpointTable() {}

  static {
    bind(Endpoint.GET_ENVIRONMENT, (api, r, c) -> api.getEnvironment(c, fields(r)));
    bind(Endpoint.GET_CLIENT, (api, r, c) -> api.getClient(c, fields(r)));
    bind(Endpoint.DELETE_CLIENT, (api, r, c) -> api.deleteClient(c, fields(r)));

    bind(Endpoint.CREATE_SIGN_IN, (api, r, c) -> api.createSignIn(c, fields(r)));
    bind(Endpoint.GET_SIGN_IN, (api, r, c) -> api.getSignIn(c, id(r), fields(r)));
    bind(Endpoint.PREPARE_FIRST_FACTOR, (api, r, c) -> api.prepareFirstFactor(c, id(r), fields(r)));
    bind(Endpoint.ATTEMPT_FIRST_FACTOR, (api, r, c) -> api.attemptFirstFactor(c, id(r), fields(r)));
    bind(Endpoint.PREPARE_SECOND_FACTOR, (api, r, c) -> api.prepareSecondFactor(c, id(r), fields(r)));
    bind(Endpoint.ATTEMPT_SECOND_FACTOR, (api, r, c) -> api.attemptSecondFactor(c, id(r), fields(r)));
    bind(Endpoint.RESET_PASSWORD, (api, r, c) -> api.resetPassword(c, id(r), fields(r)));

    bind(Endpoint.CREATE_SIGN_UP, (api, r, c) -> api.createSignUp(c, fields(r)));
    bind(Endpoint.GET_SIGN_UP, (api, r, c) -> api.getSignUp(c, id(r), fields(r)));
    bind(Endpoint.UPDATE_SIGN_UP, (api, r, c) -> api.updateSignUp(c, id(r), fields(r)));
    bind(Endpoint.PREPARE_SIGN_UP_VERIFICATION,
        (api, r, c) -> api.prepareSignUpVerification(c, id(r), fields(r)));
    bind(Endpoint.ATTEMPT_SIGN_UP_VERIFICATION,
        (api, r, c) -> api.attemptSignUpVerification(c, id(r), fields(r)));

    bind(Endpoint.TOUCH_SESSION, (api, r, c) -> api.touchSession(c, sid(r), fields(r)));
    bind(Endpoint.END_SESSION, (api, r, c) -> api.endSession(c, sid(r), fields(r)));
    bind(Endpoint.CREATE_SESSION_TOKEN, (api, r, c) -> r.id() == null
        ? api.createSessionToken(c, sid(r), fields(r))
        : api.createSessionTokenFromTemplate(c, sid(r), r.id(), fields(r)));

    bind(Endpoint.START_REVERIFICATION, (api, r, c) -> api.startReverification(c, sid(r), fields(r)));
    bind(Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR,
        (api, r, c) -> api.prepareReverificationFirstFactor(c, sid(r), fields(r)));
    bind(Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR,
        (api, r, c) -> api.attemptReverificationFirstFactor(c, sid(r), fields(r)));
    bind(Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR,
        (api, r, c) -> api.prepareReverificationSecondFactor(c, sid(r), fields(r)));
    bind(Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR,
        (api, r, c) -> api.attemptReverificationSecondFactor(c, sid(r), fields(r)));

    // /v1/me: the session goes into _clerk_session_id; null leaves it out (FAPI then uses the
    // client's last active session).
    bind(Endpoint.GET_USER, (api, r, c) -> api.getUser(c, r.sessionId(), fields(r)));
    bind(Endpoint.CHANGE_PASSWORD, (api, r, c) -> api.changePassword(c, r.sessionId(), fields(r)));
    bind(Endpoint.CREATE_PHONE_NUMBER, (api, r, c) -> api.createPhoneNumber(c, r.sessionId(), fields(r)));
    bind(Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION,
        (api, r, c) -> api.preparePhoneNumberVerification(c, id(r), r.sessionId(), fields(r)));
    bind(Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION,
        (api, r, c) -> api.attemptPhoneNumberVerification(c, id(r), r.sessionId(), fields(r)));
    bind(Endpoint.UPDATE_PHONE_NUMBER,
        (api, r, c) -> api.updatePhoneNumber(c, id(r), r.sessionId(), fields(r)));
    bind(Endpoint.DELETE_PHONE_NUMBER,
        (api, r, c) -> api.deletePhoneNumber(c, id(r), r.sessionId(), fields(r)));
    bind(Endpoint.CREATE_TOTP, (api, r, c) -> api.createTotp(c, r.sessionId(), fields(r)));
    bind(Endpoint.ATTEMPT_TOTP_VERIFICATION,
        (api, r, c) -> api.attemptTotpVerification(c, r.sessionId(), fields(r)));
    bind(Endpoint.DELETE_TOTP, (api, r, c) -> api.deleteTotp(c, r.sessionId(), fields(r)));
    bind(Endpoint.CREATE_BACKUP_CODES, (api, r, c) -> api.createBackupCodes(c, r.sessionId(), fields(r)));

    bind(Endpoint.UPDATE_USER, (api, r, c) -> api.updateUser(c, r.sessionId(), fields(r)));
    bind(Endpoint.UPDATE_USER_METADATA, (api, r, c) -> api.updateUserMetadata(c, r.sessionId(), fields(r)));
    bind(Endpoint.DELETE_USER, (api, r, c) -> api.deleteUser(c, r.sessionId(), fields(r)));
    bind(Endpoint.CREATE_EMAIL_ADDRESS, (api, r, c) -> api.createEmailAddress(c, r.sessionId(), fields(r)));
    bind(Endpoint.PREPARE_EMAIL_ADDRESS_VERIFICATION,
        (api, r, c) -> api.prepareEmailAddressVerification(c, id(r), r.sessionId(), fields(r)));
    bind(Endpoint.ATTEMPT_EMAIL_ADDRESS_VERIFICATION,
        (api, r, c) -> api.attemptEmailAddressVerification(c, id(r), r.sessionId(), fields(r)));
    bind(Endpoint.DELETE_EMAIL_ADDRESS, (api, r, c) -> api.deleteEmailAddress(c, id(r), r.sessionId(), fields(r)));
    bind(Endpoint.SET_PROFILE_IMAGE,
        (api, r, c) -> api.setProfileImage(c, r.sessionId(), filePart(r), textParts(r)));
    bind(Endpoint.DELETE_PROFILE_IMAGE, (api, r, c) -> api.deleteProfileImage(c, r.sessionId(), fields(r)));
    bind(Endpoint.GET_ACTIVE_SESSIONS, (api, r, c) -> api.getActiveSessions(c, r.sessionId(), fields(r)));
    bind(Endpoint.REVOKE_SESSION, (api, r, c) -> api.revokeSession(c, id(r), r.sessionId(), fields(r)));
  }

  private static void bind(Endpoint e, Invoker invoker) {
    if (ROUTES.put(e, invoker) != null) {
      throw new IllegalStateException("two routes for " + e);
    }
  }

  /** The Retrofit call of {@code request}. */
  static Call<ResponseBody> call(FapiService api, FapiRequest request, CallContext ctx) {
    // requireComplete() ran when the transport was built: every endpoint has a route
    return Objects.requireNonNull(ROUTES.get(request.endpoint()), "no route").call(api, request, ctx);
  }

  /**
   * Throws when some {@link Endpoint} has no route: a clerk4j-core newer than this transport.
   * Called when a transport is built, so the mismatch shows at start-up rather than at the first
   * sign-in that needs the missing call.
   */
  public static void requireComplete() {
    List<Endpoint> missing = new ArrayList<>();
    for (Endpoint e : Endpoint.values()) {
      if (!ROUTES.containsKey(e)) {
        missing.add(e);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("clerk4j-okhttp does not know the endpoints " + missing
          + " of this clerk4j-core; use clerk4j-okhttp and clerk4j-core of the same version");
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

  /** The form fields of a multipart body, each a text part. */
  private static Map<String, RequestBody> textParts(FapiRequest r) {
    Map<String, RequestBody> parts = new LinkedHashMap<>();
    r.form().fields().forEach((k, v) -> parts.put(k, RequestBody.create(v, MediaType.get("text/plain; charset=utf-8"))));
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
