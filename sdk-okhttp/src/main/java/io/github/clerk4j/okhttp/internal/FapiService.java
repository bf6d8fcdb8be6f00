package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.okhttp.internal.dto.BackupCodesDto;
import io.github.clerk4j.okhttp.internal.dto.ClientDto;
import io.github.clerk4j.okhttp.internal.dto.DeletedObjectDto;
import io.github.clerk4j.okhttp.internal.dto.EnvelopeDto;
import io.github.clerk4j.okhttp.internal.dto.EnvironmentDto;
import io.github.clerk4j.okhttp.internal.dto.PhoneNumberDto;
import io.github.clerk4j.okhttp.internal.dto.ReverificationDto;
import io.github.clerk4j.okhttp.internal.dto.SessionDto;
import io.github.clerk4j.okhttp.internal.dto.SignInDto;
import io.github.clerk4j.okhttp.internal.dto.TokenDto;
import io.github.clerk4j.okhttp.internal.dto.TotpDto;
import io.github.clerk4j.okhttp.internal.dto.UserDto;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Tag;

/**
 * The endpoint table: every Frontend API call clerk4j makes, as Retrofit sees it (fapi-wire-spec.md
 * §2, §4, §5). {@link EndpointTable} binds each {@link io.github.clerk4j.spi.Endpoint} to one of
 * these methods.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Paths are relative (no leading slash) so that a base URL with a path, such as a proxy's
 *       {@code https://example.com/__clerk/}, keeps its prefix.
 *   <li>Bodies are {@code application/x-www-form-urlencoded} from the request's {@code Form}
 *       ({@code @FieldMap}, snake_case keys as given); every POST and PATCH takes one, even when
 *       Clerk expects none, so no field core sends is ever dropped.
 *   <li>GET and DELETE have no body: their {@code Form} fields (for example {@code
 *       rotating_token_nonce} on S2) become query parameters.
 *   <li>{@code /v1/me/...} calls name the session in the {@code _clerk_session_id} query parameter,
 *       as the native SDKs do.
 *   <li>The {@link CallContext} tag carries the client token and the send marker to the
 *       interceptors; it is not part of the HTTP request.
 * </ul>
 */
public interface FapiService {

  // ---- environment and client

  @GET("v1/environment")
  Call<EnvironmentDto> getEnvironment(@Tag CallContext ctx, @QueryMap Map<String, String> query);

  @GET("v1/client")
  Call<EnvelopeDto<ClientDto>> getClient(@Tag CallContext ctx, @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST("v1/client")
  Call<EnvelopeDto<ClientDto>> createClient(
      @Tag CallContext ctx, @FieldMap Map<String, String> form);

  @DELETE("v1/client")
  Call<EnvelopeDto<ClientDto>> deleteClient(
      @Tag CallContext ctx, @QueryMap Map<String, String> query);

  // ---- sign-in (S1-S7)

  @FormUrlEncoded
  @POST("v1/client/sign_ins")
  Call<EnvelopeDto<SignInDto>> createSignIn(
      @Tag CallContext ctx, @FieldMap Map<String, String> form);

  @GET("v1/client/sign_ins/{id}")
  Call<EnvelopeDto<SignInDto>> getSignIn(
      @Tag CallContext ctx, @Path("id") String signInId, @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST("v1/client/sign_ins/{id}/prepare_first_factor")
  Call<EnvelopeDto<SignInDto>> prepareFirstFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sign_ins/{id}/attempt_first_factor")
  Call<EnvelopeDto<SignInDto>> attemptFirstFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sign_ins/{id}/prepare_second_factor")
  Call<EnvelopeDto<SignInDto>> prepareSecondFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sign_ins/{id}/attempt_second_factor")
  Call<EnvelopeDto<SignInDto>> attemptSecondFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sign_ins/{id}/reset_password")
  Call<EnvelopeDto<SignInDto>> resetPassword(
      @Tag CallContext ctx, @Path("id") String signInId, @FieldMap Map<String, String> form);

  // ---- sessions

  @GET("v1/client/sessions/{sid}")
  Call<EnvelopeDto<SessionDto>> getSession(
      @Tag CallContext ctx, @Path("sid") String sessionId, @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/touch")
  Call<EnvelopeDto<SessionDto>> touchSession(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/end")
  Call<EnvelopeDto<SessionDto>> endSession(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/remove")
  Call<EnvelopeDto<SessionDto>> removeSession(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  /** The session token of the default template; not wrapped. */
  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/tokens")
  Call<TokenDto> createSessionToken(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  /** The session token of a JWT template; not wrapped. */
  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/tokens/{template}")
  Call<TokenDto> createSessionTokenFromTemplate(
      @Tag CallContext ctx,
      @Path("sid") String sessionId,
      @Path("template") String template,
      @FieldMap Map<String, String> form);

  // ---- reverification (step-up) of a session

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/verify")
  Call<EnvelopeDto<ReverificationDto>> startReverification(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/verify/prepare_first_factor")
  Call<EnvelopeDto<ReverificationDto>> prepareReverificationFirstFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/verify/attempt_first_factor")
  Call<EnvelopeDto<ReverificationDto>> attemptReverificationFirstFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/verify/prepare_second_factor")
  Call<EnvelopeDto<ReverificationDto>> prepareReverificationSecondFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/client/sessions/{sid}/verify/attempt_second_factor")
  Call<EnvelopeDto<ReverificationDto>> attemptReverificationSecondFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @FieldMap Map<String, String> form);

  // ---- the signed-in user (/v1/me, session in _clerk_session_id)

  @GET("v1/me")
  Call<EnvelopeDto<UserDto>> getUser(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") String sessionId,
      @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST("v1/me/change_password")
  Call<EnvelopeDto<UserDto>> changePassword(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/me/phone_numbers")
  Call<EnvelopeDto<PhoneNumberDto>> createPhoneNumber(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);

  @GET("v1/me/phone_numbers/{id}")
  Call<EnvelopeDto<PhoneNumberDto>> getPhoneNumber(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") String sessionId,
      @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST("v1/me/phone_numbers/{id}/prepare_verification")
  Call<EnvelopeDto<PhoneNumberDto>> preparePhoneNumberVerification(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/me/phone_numbers/{id}/attempt_verification")
  Call<EnvelopeDto<PhoneNumberDto>> attemptPhoneNumberVerification(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @PATCH("v1/me/phone_numbers/{id}")
  Call<EnvelopeDto<PhoneNumberDto>> updatePhoneNumber(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);

  @DELETE("v1/me/phone_numbers/{id}")
  Call<EnvelopeDto<DeletedObjectDto>> deletePhoneNumber(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") String sessionId,
      @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST("v1/me/totp")
  Call<EnvelopeDto<TotpDto>> createTotp(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST("v1/me/totp/attempt_verification")
  Call<EnvelopeDto<TotpDto>> attemptTotpVerification(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);

  @DELETE("v1/me/totp")
  Call<EnvelopeDto<DeletedObjectDto>> deleteTotp(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") String sessionId,
      @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST("v1/me/backup_codes")
  Call<EnvelopeDto<BackupCodesDto>> createBackupCodes(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") String sessionId,
      @FieldMap Map<String, String> form);
}
