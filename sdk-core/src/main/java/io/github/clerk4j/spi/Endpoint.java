package io.github.clerk4j.spi;

import java.util.List;
import java.util.Objects;

/**
 * The closed set of Frontend API calls clerk4j makes, each with the type of its decoded response.
 *
 * <p>An endpoint names a call in Clerk's terms; how it maps to an HTTP method and path is the
 * transport's business (see fapi-wire-spec.md for the table). The {@code id} and {@code sessionId}
 * of a {@link FapiRequest} fill the endpoint's path parameters as each constant's javadoc says.
 *
 * @param <T> the type of {@link FapiResponse#response()}
 */
public final class Endpoint<T> {

  /** {@code GET /v1/environment}; not wrapped. */
  public static final Endpoint<EnvironmentResource> GET_ENVIRONMENT =
      new Endpoint<>("GET_ENVIRONMENT", EnvironmentResource.class, true);

  /** {@code GET /v1/client}; the response may be {@code null} when the client is unknown. */
  public static final Endpoint<ClientResource> GET_CLIENT =
      new Endpoint<>("GET_CLIENT", ClientResource.class, true);
  /** {@code POST /v1/client}: creates a client (and its token). */
  public static final Endpoint<ClientResource> CREATE_CLIENT =
      new Endpoint<>("CREATE_CLIENT", ClientResource.class, false);
  /** {@code DELETE /v1/client}: ends every session of the client (sign out). */
  public static final Endpoint<ClientResource> DELETE_CLIENT =
      new Endpoint<>("DELETE_CLIENT", ClientResource.class, false);

  /** S1 {@code POST /v1/client/sign_ins}. */
  public static final Endpoint<SignInResource> CREATE_SIGN_IN =
      new Endpoint<>("CREATE_SIGN_IN", SignInResource.class, false);
  /** S2 {@code GET /v1/client/sign_ins/{id}}. */
  public static final Endpoint<SignInResource> GET_SIGN_IN =
      new Endpoint<>("GET_SIGN_IN", SignInResource.class, true);
  /** S3 {@code POST /v1/client/sign_ins/{id}/prepare_first_factor}. */
  public static final Endpoint<SignInResource> PREPARE_FIRST_FACTOR =
      new Endpoint<>("PREPARE_FIRST_FACTOR", SignInResource.class, false);
  /** S4 {@code POST /v1/client/sign_ins/{id}/attempt_first_factor}. */
  public static final Endpoint<SignInResource> ATTEMPT_FIRST_FACTOR =
      new Endpoint<>("ATTEMPT_FIRST_FACTOR", SignInResource.class, false);
  /** S5 {@code POST /v1/client/sign_ins/{id}/prepare_second_factor}. */
  public static final Endpoint<SignInResource> PREPARE_SECOND_FACTOR =
      new Endpoint<>("PREPARE_SECOND_FACTOR", SignInResource.class, false);
  /** S6 {@code POST /v1/client/sign_ins/{id}/attempt_second_factor}. */
  public static final Endpoint<SignInResource> ATTEMPT_SECOND_FACTOR =
      new Endpoint<>("ATTEMPT_SECOND_FACTOR", SignInResource.class, false);
  /** S7 {@code POST /v1/client/sign_ins/{id}/reset_password}. */
  public static final Endpoint<SignInResource> RESET_PASSWORD =
      new Endpoint<>("RESET_PASSWORD", SignInResource.class, false);

  /** {@code GET /v1/client/sessions/{sessionId}}. */
  public static final Endpoint<SessionResource> GET_SESSION =
      new Endpoint<>("GET_SESSION", SessionResource.class, true);
  /** {@code POST /v1/client/sessions/{sessionId}/touch}; the piggybacked client may be null. */
  public static final Endpoint<SessionResource> TOUCH_SESSION =
      new Endpoint<>("TOUCH_SESSION", SessionResource.class, false);
  /** {@code POST /v1/client/sessions/{sessionId}/end}. */
  public static final Endpoint<SessionResource> END_SESSION =
      new Endpoint<>("END_SESSION", SessionResource.class, false);
  /** {@code POST /v1/client/sessions/{sessionId}/remove}. */
  public static final Endpoint<SessionResource> REMOVE_SESSION =
      new Endpoint<>("REMOVE_SESSION", SessionResource.class, false);
  /**
   * {@code POST /v1/client/sessions/{sessionId}/tokens}, or {@code .../tokens/{id}} when the
   * request's {@code id} names a JWT template; the response is the JWT, not wrapped.
   */
  public static final Endpoint<String> CREATE_SESSION_TOKEN =
      new Endpoint<>("CREATE_SESSION_TOKEN", String.class, false);

  /** {@code POST /v1/client/sessions/{sessionId}/verify} (form {@code level}). */
  public static final Endpoint<ReverificationResource> START_REVERIFICATION =
      new Endpoint<>("START_REVERIFICATION", ReverificationResource.class, false);
  /** {@code POST /v1/client/sessions/{sessionId}/verify/prepare_first_factor}. */
  public static final Endpoint<ReverificationResource> PREPARE_REVERIFICATION_FIRST_FACTOR =
      new Endpoint<>("PREPARE_REVERIFICATION_FIRST_FACTOR", ReverificationResource.class, false);
  /** {@code POST /v1/client/sessions/{sessionId}/verify/attempt_first_factor}. */
  public static final Endpoint<ReverificationResource> ATTEMPT_REVERIFICATION_FIRST_FACTOR =
      new Endpoint<>("ATTEMPT_REVERIFICATION_FIRST_FACTOR", ReverificationResource.class, false);
  /** {@code POST /v1/client/sessions/{sessionId}/verify/prepare_second_factor}. */
  public static final Endpoint<ReverificationResource> PREPARE_REVERIFICATION_SECOND_FACTOR =
      new Endpoint<>("PREPARE_REVERIFICATION_SECOND_FACTOR", ReverificationResource.class, false);
  /** {@code POST /v1/client/sessions/{sessionId}/verify/attempt_second_factor}. */
  public static final Endpoint<ReverificationResource> ATTEMPT_REVERIFICATION_SECOND_FACTOR =
      new Endpoint<>("ATTEMPT_REVERIFICATION_SECOND_FACTOR", ReverificationResource.class, false);

  /** {@code GET /v1/me?_clerk_session_id={sessionId}}. */
  public static final Endpoint<UserResource> GET_USER =
      new Endpoint<>("GET_USER", UserResource.class, true);
  /** {@code POST /v1/me/change_password} (form {@code current_password}, {@code new_password}, {@code sign_out_of_other_sessions}). */
  public static final Endpoint<UserResource> CHANGE_PASSWORD =
      new Endpoint<>("CHANGE_PASSWORD", UserResource.class, false);
  /** {@code POST /v1/me/phone_numbers}. */
  public static final Endpoint<PhoneNumberResource> CREATE_PHONE_NUMBER =
      new Endpoint<>("CREATE_PHONE_NUMBER", PhoneNumberResource.class, false);
  /** {@code GET /v1/me/phone_numbers/{id}}. */
  public static final Endpoint<PhoneNumberResource> GET_PHONE_NUMBER =
      new Endpoint<>("GET_PHONE_NUMBER", PhoneNumberResource.class, true);
  /** {@code POST /v1/me/phone_numbers/{id}/prepare_verification}. */
  public static final Endpoint<PhoneNumberResource> PREPARE_PHONE_NUMBER_VERIFICATION =
      new Endpoint<>("PREPARE_PHONE_NUMBER_VERIFICATION", PhoneNumberResource.class, false);
  /** {@code POST /v1/me/phone_numbers/{id}/attempt_verification}. */
  public static final Endpoint<PhoneNumberResource> ATTEMPT_PHONE_NUMBER_VERIFICATION =
      new Endpoint<>("ATTEMPT_PHONE_NUMBER_VERIFICATION", PhoneNumberResource.class, false);
  /** {@code PATCH /v1/me/phone_numbers/{id}}. */
  public static final Endpoint<PhoneNumberResource> UPDATE_PHONE_NUMBER =
      new Endpoint<>("UPDATE_PHONE_NUMBER", PhoneNumberResource.class, false);
  /** {@code DELETE /v1/me/phone_numbers/{id}}. */
  public static final Endpoint<DeletedObject> DELETE_PHONE_NUMBER =
      new Endpoint<>("DELETE_PHONE_NUMBER", DeletedObject.class, false);
  /** {@code POST /v1/me/totp}. */
  public static final Endpoint<io.github.clerk4j.Totp> CREATE_TOTP =
      new Endpoint<>("CREATE_TOTP", io.github.clerk4j.Totp.class, false);
  /** {@code POST /v1/me/totp/attempt_verification}. */
  public static final Endpoint<io.github.clerk4j.Totp> ATTEMPT_TOTP_VERIFICATION =
      new Endpoint<>("ATTEMPT_TOTP_VERIFICATION", io.github.clerk4j.Totp.class, false);
  /** {@code DELETE /v1/me/totp}. */
  public static final Endpoint<DeletedObject> DELETE_TOTP =
      new Endpoint<>("DELETE_TOTP", DeletedObject.class, false);
  /** {@code POST /v1/me/backup_codes}. */
  public static final Endpoint<io.github.clerk4j.BackupCodes> CREATE_BACKUP_CODES =
      new Endpoint<>("CREATE_BACKUP_CODES", io.github.clerk4j.BackupCodes.class, false);

  /** Every endpoint, so that a transport can check at start-up that it maps all of them. */
  public static final List<Endpoint<?>> ALL =
      List.of(
          GET_ENVIRONMENT, GET_CLIENT, CREATE_CLIENT, DELETE_CLIENT,
          CREATE_SIGN_IN, GET_SIGN_IN, PREPARE_FIRST_FACTOR, ATTEMPT_FIRST_FACTOR,
          PREPARE_SECOND_FACTOR, ATTEMPT_SECOND_FACTOR, RESET_PASSWORD,
          GET_SESSION, TOUCH_SESSION, END_SESSION, REMOVE_SESSION, CREATE_SESSION_TOKEN,
          START_REVERIFICATION, PREPARE_REVERIFICATION_FIRST_FACTOR,
          ATTEMPT_REVERIFICATION_FIRST_FACTOR, PREPARE_REVERIFICATION_SECOND_FACTOR,
          ATTEMPT_REVERIFICATION_SECOND_FACTOR,
          GET_USER, CHANGE_PASSWORD, CREATE_PHONE_NUMBER, GET_PHONE_NUMBER,
          PREPARE_PHONE_NUMBER_VERIFICATION, ATTEMPT_PHONE_NUMBER_VERIFICATION,
          UPDATE_PHONE_NUMBER, DELETE_PHONE_NUMBER,
          CREATE_TOTP, ATTEMPT_TOTP_VERIFICATION, DELETE_TOTP, CREATE_BACKUP_CODES);

  private final String name;
  private final Class<T> responseType;
  private final boolean idempotent;

  private Endpoint(String name, Class<T> responseType, boolean idempotent) {
    this.name = name;
    this.responseType = responseType;
    this.idempotent = idempotent;
  }

  /** The constant's name, for logs and for a transport's lookup table. */
  public String name() {
    return name;
  }

  /** The type the transport decodes the {@code response} member into. */
  public Class<T> responseType() {
    return responseType;
  }

  /**
   * Whether sending the call twice has the effect of sending it once (the GETs). Only such calls
   * are retried after a failure that may have reached the server.
   */
  public boolean idempotent() {
    return idempotent;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }
}
