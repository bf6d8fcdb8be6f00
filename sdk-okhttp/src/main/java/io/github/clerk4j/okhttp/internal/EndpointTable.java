package io.github.clerk4j.okhttp.internal;

import static io.github.clerk4j.okhttp.internal.Route.unwrapped;
import static io.github.clerk4j.okhttp.internal.Route.wrapped;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Endpoint} → {@link Route}: the one place that says which {@link FapiService} method
 * carries which call and how its answer is decoded. {@link #requireComplete()} fails fast when core
 * adds an endpoint this transport does not know yet.
 */
public final class EndpointTable {

  /** Filled once by the static initializer below and never changed after. */
  private static final Map<Endpoint<?>, Route<?, ?>> ROUTES = new HashMap<>();

  private EndpointTable() {}

  static {
    bind(
        Endpoint.GET_ENVIRONMENT,
        unwrapped((api, r, c) -> api.getEnvironment(c, fields(r)), WireMapper::environment));
    bind(
        Endpoint.GET_CLIENT,
        wrapped((api, r, c) -> api.getClient(c, fields(r)), WireMapper::client));
    bind(
        Endpoint.CREATE_CLIENT,
        wrapped((api, r, c) -> api.createClient(c, fields(r)), WireMapper::client));
    bind(
        Endpoint.DELETE_CLIENT,
        wrapped((api, r, c) -> api.deleteClient(c, fields(r)), WireMapper::client));

    bind(
        Endpoint.CREATE_SIGN_IN,
        wrapped((api, r, c) -> api.createSignIn(c, fields(r)), WireMapper::signIn));
    bind(
        Endpoint.GET_SIGN_IN,
        wrapped((api, r, c) -> api.getSignIn(c, id(r), fields(r)), WireMapper::signIn));
    bind(
        Endpoint.PREPARE_FIRST_FACTOR,
        wrapped((api, r, c) -> api.prepareFirstFactor(c, id(r), fields(r)), WireMapper::signIn));
    bind(
        Endpoint.ATTEMPT_FIRST_FACTOR,
        wrapped((api, r, c) -> api.attemptFirstFactor(c, id(r), fields(r)), WireMapper::signIn));
    bind(
        Endpoint.PREPARE_SECOND_FACTOR,
        wrapped((api, r, c) -> api.prepareSecondFactor(c, id(r), fields(r)), WireMapper::signIn));
    bind(
        Endpoint.ATTEMPT_SECOND_FACTOR,
        wrapped((api, r, c) -> api.attemptSecondFactor(c, id(r), fields(r)), WireMapper::signIn));
    bind(
        Endpoint.RESET_PASSWORD,
        wrapped((api, r, c) -> api.resetPassword(c, id(r), fields(r)), WireMapper::signIn));

    bind(
        Endpoint.GET_SESSION,
        wrapped((api, r, c) -> api.getSession(c, sid(r), fields(r)), WireMapper::session));
    bind(
        Endpoint.TOUCH_SESSION,
        wrapped((api, r, c) -> api.touchSession(c, sid(r), fields(r)), WireMapper::session));
    bind(
        Endpoint.END_SESSION,
        wrapped((api, r, c) -> api.endSession(c, sid(r), fields(r)), WireMapper::session));
    bind(
        Endpoint.REMOVE_SESSION,
        wrapped((api, r, c) -> api.removeSession(c, sid(r), fields(r)), WireMapper::session));
    bind(
        Endpoint.CREATE_SESSION_TOKEN,
        unwrapped(
            (api, r, c) ->
                r.id() == null
                    ? api.createSessionToken(c, sid(r), fields(r))
                    : api.createSessionTokenFromTemplate(c, sid(r), r.id(), fields(r)),
            WireMapper::token));

    bind(
        Endpoint.START_REVERIFICATION,
        wrapped(
            (api, r, c) -> api.startReverification(c, sid(r), fields(r)),
            WireMapper::reverification));
    bind(
        Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR,
        wrapped(
            (api, r, c) -> api.prepareReverificationFirstFactor(c, sid(r), fields(r)),
            WireMapper::reverification));
    bind(
        Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR,
        wrapped(
            (api, r, c) -> api.attemptReverificationFirstFactor(c, sid(r), fields(r)),
            WireMapper::reverification));
    bind(
        Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR,
        wrapped(
            (api, r, c) -> api.prepareReverificationSecondFactor(c, sid(r), fields(r)),
            WireMapper::reverification));
    bind(
        Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR,
        wrapped(
            (api, r, c) -> api.attemptReverificationSecondFactor(c, sid(r), fields(r)),
            WireMapper::reverification));

    // /v1/me: the session goes into _clerk_session_id; null leaves it out (FAPI then uses the
    // client's last active session).
    bind(
        Endpoint.GET_USER,
        wrapped((api, r, c) -> api.getUser(c, r.sessionId(), fields(r)), WireMapper::user));
    bind(
        Endpoint.CHANGE_PASSWORD,
        wrapped((api, r, c) -> api.changePassword(c, r.sessionId(), fields(r)), WireMapper::user));
    bind(
        Endpoint.CREATE_PHONE_NUMBER,
        wrapped(
            (api, r, c) -> api.createPhoneNumber(c, r.sessionId(), fields(r)),
            WireMapper::phoneNumber));
    bind(
        Endpoint.GET_PHONE_NUMBER,
        wrapped(
            (api, r, c) -> api.getPhoneNumber(c, id(r), r.sessionId(), fields(r)),
            WireMapper::phoneNumber));
    bind(
        Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION,
        wrapped(
            (api, r, c) -> api.preparePhoneNumberVerification(c, id(r), r.sessionId(), fields(r)),
            WireMapper::phoneNumber));
    bind(
        Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION,
        wrapped(
            (api, r, c) -> api.attemptPhoneNumberVerification(c, id(r), r.sessionId(), fields(r)),
            WireMapper::phoneNumber));
    bind(
        Endpoint.UPDATE_PHONE_NUMBER,
        wrapped(
            (api, r, c) -> api.updatePhoneNumber(c, id(r), r.sessionId(), fields(r)),
            WireMapper::phoneNumber));
    bind(
        Endpoint.DELETE_PHONE_NUMBER,
        wrapped(
            (api, r, c) -> api.deletePhoneNumber(c, id(r), r.sessionId(), fields(r)),
            WireMapper::deletedObject));
    bind(
        Endpoint.CREATE_TOTP,
        wrapped((api, r, c) -> api.createTotp(c, r.sessionId(), fields(r)), WireMapper::totp));
    bind(
        Endpoint.ATTEMPT_TOTP_VERIFICATION,
        wrapped(
            (api, r, c) -> api.attemptTotpVerification(c, r.sessionId(), fields(r)),
            WireMapper::totp));
    bind(
        Endpoint.DELETE_TOTP,
        wrapped(
            (api, r, c) -> api.deleteTotp(c, r.sessionId(), fields(r)), WireMapper::deletedObject));
    bind(
        Endpoint.CREATE_BACKUP_CODES,
        wrapped(
            (api, r, c) -> api.createBackupCodes(c, r.sessionId(), fields(r)),
            WireMapper::backupCodes));
  }

  /** The compiler checks here that the route's response type is the endpoint's. */
  private static <T> void bind(Endpoint<T> e, Route<?, T> route) {
    if (ROUTES.put(e, route) != null) {
      throw new IllegalStateException("two routes for " + e);
    }
  }

  /** The route of {@code endpoint}. */
  @SuppressWarnings("unchecked")
  public static <T> Route<?, T> route(Endpoint<T> endpoint) {
    Route<?, T> route = (Route<?, T>) ROUTES.get(endpoint);
    if (route == null) {
      throw new IllegalArgumentException("clerk4j-okhttp has no route for endpoint " + endpoint);
    }
    return route;
  }

  /**
   * Throws when some {@link Endpoint#ALL} constant has no route: a clerk4j-core newer than this
   * transport. Called when a transport is built, so the mismatch shows at start-up rather than at
   * the first sign-in that needs the missing call.
   */
  public static void requireComplete() {
    List<Endpoint<?>> missing = new ArrayList<>();
    for (Endpoint<?> e : Endpoint.ALL) {
      if (!ROUTES.containsKey(e)) {
        missing.add(e);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "clerk4j-okhttp does not know the endpoints "
              + missing
              + " of this clerk4j-core; use clerk4j-okhttp and clerk4j-core of the same version");
    }
  }

  private static Map<String, String> fields(FapiRequest<?> r) {
    return r.form().fields();
  }

  /** The path's resource id (sign-in, phone number); required by the endpoints that use it. */
  private static String id(FapiRequest<?> r) {
    if (r.id() == null) {
      throw new IllegalArgumentException(r.endpoint() + " needs FapiRequest.id");
    }
    return r.id();
  }

  /** The path's session id; required by the {@code /v1/client/sessions/{id}} endpoints. */
  private static String sid(FapiRequest<?> r) {
    if (r.sessionId() == null) {
      throw new IllegalArgumentException(r.endpoint() + " needs FapiRequest.sessionId");
    }
    return r.sessionId();
  }
}
