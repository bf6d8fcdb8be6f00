package io.github.clerk4j.testing.internal;

import java.util.Map;

/**
 * An error answer in Clerk's error envelope. Thrown anywhere in a handler; the dispatcher turns it
 * into the HTTP response, so handlers never build error bodies themselves.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  final String shortMessage;
  final String longMessage;
  final Map<String, Object> meta;
  /** Extra response headers, such as {@code Retry-After} or {@code Allow}. */
  final Map<String, String> headers;

  ApiException(int status, String code, String shortMessage, String longMessage,
      Map<String, Object> meta, Map<String, String> headers) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.shortMessage = shortMessage;
    this.longMessage = longMessage;
    this.meta = meta;
    this.headers = headers;
  }

  static ApiException of(int status, String code, String message, String longMessage) {
    return new ApiException(status, code, message, longMessage, Map.of(), Map.of());
  }

  static ApiException param(int status, String code, String param, String message, String longMessage) {
    return new ApiException(status, code, message, longMessage, Json.obj("param_name", param), Map.of());
  }

  static ApiException paramMissing(String param) {
    return param(422, "form_param_missing", param, "is missing", param + " must be included.");
  }

  static ApiException paramFormatInvalid(String param) {
    return param(422, "form_param_format_invalid", param, "is invalid", param + " is invalid.");
  }

  static ApiException paramValueInvalid(String param) {
    return param(422, "form_param_value_invalid", param, "is invalid",
        param + " does not match an allowed value or resource.");
  }

  static ApiException notFound(String what) {
    return of(404, "resource_not_found", "not found", what + " not found.");
  }

  static ApiException codeIncorrect() {
    return param(422, "form_code_incorrect", "code", "is incorrect", "Incorrect code");
  }

  static ApiException clientStateInvalid(String why) {
    return of(400, "client_state_invalid", "state invalid", why);
  }

  static ApiException strategyForUserInvalid(String param) {
    return param(400, "strategy_for_user_invalid", param, "is invalid",
        "The verification strategy is not valid for this account.");
  }

  /** A transfer between sign-in and sign-up (wire spec §13) with nothing to transfer. */
  static ApiException accountTransferInvalid(String why) {
    return of(400, "account_transfer_invalid", "invalid transfer", "There is no account to transfer: " + why + ".");
  }

  static ApiException authenticationInvalid(String why) {
    return of(401, "authentication_invalid", "Invalid authentication", why);
  }

  /**
   * A call for a session that has ended (signed out, revoked on another device, its user deleted):
   * Clerk's {@code SignedOut}, 401.
   */
  static ApiException signedOut() {
    return of(401, "signed_out", "Signed out", "You are signed out");
  }

  static ApiException tooManyRequests(long retryAfterSeconds) {
    return new ApiException(429, "too_many_requests", "Too many requests",
        "Too many requests. Please try again in a bit.", Map.of(),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  static ApiException userLocked(long expiresInSeconds) {
    return new ApiException(403, "user_locked", "Account locked",
        "Your account is locked. You will be able to try again in " + expiresInSeconds + " seconds.",
        Json.obj("lockout_expires_in_seconds", expiresInSeconds), Map.of());
  }

  /**
   * A form Clerk's server could not parse (Clerk's {@code MalformedRequestParameters}, 400): a
   * parameter without a name or with one no form would have, such as JSON sent as a form.
   */
  static ApiException malformedForm(String why) {
    return of(400, "malformed_request_parameters", "Malformed request parameters",
        "The request parameters are malformed and could not be parsed: " + why);
  }

  /** A body in another format than a form (Clerk's {@code UnsupportedContentType}, 415). */
  static ApiException unsupportedContentType(String actual) {
    return of(415, "unsupported_content_type", "Content-Type is unsupported",
        "Content-Type " + actual + " is unsupported. You should use application/x-www-form-urlencoded instead.");
  }

  /** A body over the limit (413); Clerk documents no code of its own for it. */
  static ApiException bodyTooLarge(int limit) {
    return of(413, "request_body_too_large", "Request body too large",
        "The request body is larger than " + limit + " bytes. Frontend API calls send small forms.");
  }

  /** A known path asked with a method it does not have (405, with {@code Allow}). */
  static ApiException methodNotAllowed(String method, String path, String allowed) {
    return new ApiException(405, "method_not_allowed", "Method not allowed",
        method + " is not allowed on " + path + "; it answers " + allowed + ".", Map.of(),
        Map.of("Allow", allowed));
  }

  /** The body of this error, in Clerk's envelope. */
  Map<String, Object> body(String traceId) {
    return Json.obj(
        "errors", java.util.List.of(Json.obj(
            "code", code, "message", shortMessage, "long_message", longMessage, "meta", meta)),
        "meta", Map.of(),
        "clerk_trace_id", traceId);
  }
}
