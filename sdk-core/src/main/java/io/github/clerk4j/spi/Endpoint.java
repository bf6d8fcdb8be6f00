package io.github.clerk4j.spi;

/**
 * The closed set of Frontend API calls clerk4j makes. Each constant names one HTTP call; its
 * javadoc gives the method and path a transport must send it to. {@link FapiRequest#id()} and
 * {@link FapiRequest#sessionId()} fill the path as each constant says; for a call with a body,
 * {@link FapiRequest#form()} is the {@code application/x-www-form-urlencoded} body, and for a
 * {@code GET} or {@code DELETE} its fields are query parameters.
 *
 * <p>Calls under {@code /v1/me} name the session they act for in the {@code _clerk_session_id}
 * query parameter ({@link FapiRequest#sessionId()}, left out when {@code null}).
 *
 * <p>A transport built for an older clerk4j-core may not know a constant added later: it must
 * refuse to start (see {@link Transport}) rather than fail at the first call that needs it.
 */
public enum Endpoint {

  /** {@code GET /v1/environment}: the instance's settings (not wrapped in an envelope). */
  GET_ENVIRONMENT(true),
  /** {@code GET /v1/client}: the client of the token; {@code response} may be {@code null}. */
  GET_CLIENT(true),
  /** {@code DELETE /v1/client}: ends every session of the client (sign out). */
  DELETE_CLIENT(false),

  /** {@code POST /v1/client/sign_ins}: a new sign-in, replacing the client's current one. */
  CREATE_SIGN_IN(false),
  /** {@code GET /v1/client/sign_ins/{id}}. */
  GET_SIGN_IN(true),
  /** {@code POST /v1/client/sign_ins/{id}/prepare_first_factor}: sends a first-factor code. */
  PREPARE_FIRST_FACTOR(false),
  /** {@code POST /v1/client/sign_ins/{id}/attempt_first_factor}. */
  ATTEMPT_FIRST_FACTOR(false),
  /** {@code POST /v1/client/sign_ins/{id}/prepare_second_factor}: sends an MFA or Client Trust code. */
  PREPARE_SECOND_FACTOR(false),
  /** {@code POST /v1/client/sign_ins/{id}/attempt_second_factor}. */
  ATTEMPT_SECOND_FACTOR(false),
  /** {@code POST /v1/client/sign_ins/{id}/reset_password}. */
  RESET_PASSWORD(false),

  /** {@code POST /v1/client/sign_ups}: a new sign-up, replacing the client's current one. */
  CREATE_SIGN_UP(false),
  /** {@code GET /v1/client/sign_ups/{id}}. */
  GET_SIGN_UP(true),
  /** {@code PATCH /v1/client/sign_ups/{id}}: adds or changes fields of the sign-up. */
  UPDATE_SIGN_UP(false),
  /** {@code POST /v1/client/sign_ups/{id}/prepare_verification}: sends an e-mail or SMS code. */
  PREPARE_SIGN_UP_VERIFICATION(false),
  /** {@code POST /v1/client/sign_ups/{id}/attempt_verification}. */
  ATTEMPT_SIGN_UP_VERIFICATION(false),

  /** {@code POST /v1/client/sessions/{sessionId}/touch}; the piggybacked client may be null. */
  TOUCH_SESSION(false),
  /** {@code POST /v1/client/sessions/{sessionId}/end}. */
  END_SESSION(false),
  /**
   * {@code POST /v1/client/sessions/{sessionId}/tokens}, or {@code .../tokens/{id}} when {@link
   * FapiRequest#id()} names a JWT template; answered with {@code {object: token, jwt}}.
   */
  CREATE_SESSION_TOKEN(false),

  /** {@code POST /v1/client/sessions/{sessionId}/verify}: starts a reverification. */
  START_REVERIFICATION(false),
  /** {@code POST /v1/client/sessions/{sessionId}/verify/prepare_first_factor}. */
  PREPARE_REVERIFICATION_FIRST_FACTOR(false),
  /** {@code POST /v1/client/sessions/{sessionId}/verify/attempt_first_factor}. */
  ATTEMPT_REVERIFICATION_FIRST_FACTOR(false),
  /** {@code POST /v1/client/sessions/{sessionId}/verify/prepare_second_factor}. */
  PREPARE_REVERIFICATION_SECOND_FACTOR(false),
  /** {@code POST /v1/client/sessions/{sessionId}/verify/attempt_second_factor}. */
  ATTEMPT_REVERIFICATION_SECOND_FACTOR(false),

  /** {@code GET /v1/me}. */
  GET_USER(true),
  /** {@code POST /v1/me/change_password}. */
  CHANGE_PASSWORD(false),
  /** {@code POST /v1/me/phone_numbers}. */
  CREATE_PHONE_NUMBER(false),
  /** {@code POST /v1/me/phone_numbers/{id}/prepare_verification}. */
  PREPARE_PHONE_NUMBER_VERIFICATION(false),
  /** {@code POST /v1/me/phone_numbers/{id}/attempt_verification}. */
  ATTEMPT_PHONE_NUMBER_VERIFICATION(false),
  /** {@code PATCH /v1/me/phone_numbers/{id}}. */
  UPDATE_PHONE_NUMBER(false),
  /** {@code DELETE /v1/me/phone_numbers/{id}}. */
  DELETE_PHONE_NUMBER(false),
  /** {@code POST /v1/me/totp}. */
  CREATE_TOTP(false),
  /** {@code POST /v1/me/totp/attempt_verification}. */
  ATTEMPT_TOTP_VERIFICATION(false),
  /** {@code DELETE /v1/me/totp}. */
  DELETE_TOTP(false),
  /** {@code POST /v1/me/backup_codes}. */
  CREATE_BACKUP_CODES(false),

  /**
   * {@code PATCH /v1/me}: names, username, primary e-mail address or phone number; answered with
   * the user.
   */
  UPDATE_USER(false),
  /**
   * {@code PATCH /v1/me/metadata}: {@code unsafe_metadata}, a JSON object deep-merged into the
   * user's; answered with the user.
   */
  UPDATE_USER_METADATA(false),
  /** {@code DELETE /v1/me}: deletes the user; the piggybacked client may be null. */
  DELETE_USER(false),
  /** {@code POST /v1/me/email_addresses}: adds an unverified e-mail address. */
  CREATE_EMAIL_ADDRESS(false),
  /** {@code POST /v1/me/email_addresses/{id}/prepare_verification}: sends a code. */
  PREPARE_EMAIL_ADDRESS_VERIFICATION(false),
  /** {@code POST /v1/me/email_addresses/{id}/attempt_verification}. */
  ATTEMPT_EMAIL_ADDRESS_VERIFICATION(false),
  /** {@code DELETE /v1/me/email_addresses/{id}}; the piggybacked client may be null. */
  DELETE_EMAIL_ADDRESS(false),
  /**
   * {@code POST /v1/me/profile_image} with a {@code multipart/form-data} body: {@link
   * FapiRequest#file()} as its file part (named {@code file}) and a text part per field of {@link
   * FapiRequest#form()}; answered with the image.
   */
  SET_PROFILE_IMAGE(false),
  /** {@code DELETE /v1/me/profile_image}; the piggybacked client may be null. */
  DELETE_PROFILE_IMAGE(false),
  /**
   * {@code GET /v1/me/sessions/active}: the user's signed-in sessions on every device, each with
   * its latest activity; answered with a bare array, not an envelope.
   */
  GET_ACTIVE_SESSIONS(true),
  /** {@code POST /v1/me/sessions/{id}/revoke}: ends one of the user's sessions, on any device. */
  REVOKE_SESSION(false);

  private final boolean idempotent;

  Endpoint(boolean idempotent) {
    this.idempotent = idempotent;
  }

  /**
   * {@return whether sending the call twice has the effect of sending it once (the GETs)} Only such
   * calls are retried after a failure that may have reached the server.
   */
  public boolean idempotent() {
    return idempotent;
  }
}
