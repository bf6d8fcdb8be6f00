package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.spi.Form;
import java.util.Map;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Multipart;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.PartMap;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Tag;

/**
 * The endpoint table: every Frontend API call clerk4j makes, as Retrofit sees it. {@link
 * EndpointTable} binds each {@link io.github.clerk4j.spi.Endpoint} to one of these methods. Retrofit
 * builds each request from them; {@link FapiExecutor} sends it and hands the raw body to
 * clerk4j-core, which decodes it.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Paths are relative (no leading slash) so that a base URL with a path, such as a proxy's
 *       {@code https://example.com/__clerk/}, keeps its prefix.
 *   <li>Each path carries {@code _is_native=true}, once, so that Retrofit builds the URL as it is
 *       sent (EndpointTableTest checks every path).
 *   <li>Bodies are {@code application/x-www-form-urlencoded}: the request's {@code Form} as the
 *       {@code @Body}, which {@link FormBodies} writes (snake_case keys as given); every POST and
 *       PATCH takes one, even when Clerk expects none, so no field core sends is ever dropped. The one upload ({@code
 *       setProfileImage}) is {@code multipart/form-data}: the request's file as one part, its
 *       form fields as text parts ({@code @PartMap}).
 *   <li>GET and DELETE have no body: their {@code Form} fields (for example {@code
 *       rotating_token_nonce} on {@code GET /v1/client/sign_ins/{id}}) become query parameters.
 *   <li>{@code /v1/me/...} calls name the session in the {@code _clerk_session_id} query parameter,
 *       as the native SDKs do.
 *   <li>The {@link CallContext} tag carries the client token and the send marker to the
 *       interceptors; it is not part of the HTTP request.
 * </ul>
 */
public interface FapiService {

  // ---- environment and client

  @GET("v1/environment?_is_native=true")
  Call<ResponseBody> getEnvironment(@Tag CallContext ctx, @QueryMap Map<String, String> query);

  @GET("v1/client?_is_native=true")
  Call<ResponseBody> getClient(@Tag CallContext ctx, @QueryMap Map<String, String> query);

  @DELETE("v1/client?_is_native=true")
  Call<ResponseBody> deleteClient(
      @Tag CallContext ctx, @QueryMap Map<String, String> query);

  // ---- sign-in

  @POST("v1/client/sign_ins?_is_native=true")
  Call<ResponseBody> createSignIn(
      @Tag CallContext ctx, @Body Form form);

  @GET("v1/client/sign_ins/{id}?_is_native=true")
  Call<ResponseBody> getSignIn(
      @Tag CallContext ctx, @Path("id") String signInId, @QueryMap Map<String, String> query);

  @POST("v1/client/sign_ins/{id}/prepare_first_factor?_is_native=true")
  Call<ResponseBody> prepareFirstFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @Body Form form);

  @POST("v1/client/sign_ins/{id}/attempt_first_factor?_is_native=true")
  Call<ResponseBody> attemptFirstFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @Body Form form);

  @POST("v1/client/sign_ins/{id}/prepare_second_factor?_is_native=true")
  Call<ResponseBody> prepareSecondFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @Body Form form);

  @POST("v1/client/sign_ins/{id}/attempt_second_factor?_is_native=true")
  Call<ResponseBody> attemptSecondFactor(
      @Tag CallContext ctx, @Path("id") String signInId, @Body Form form);

  @POST("v1/client/sign_ins/{id}/reset_password?_is_native=true")
  Call<ResponseBody> resetPassword(
      @Tag CallContext ctx, @Path("id") String signInId, @Body Form form);

  // ---- sign-up

  @POST("v1/client/sign_ups?_is_native=true")
  Call<ResponseBody> createSignUp(
      @Tag CallContext ctx, @Body Form form);

  @GET("v1/client/sign_ups/{id}?_is_native=true")
  Call<ResponseBody> getSignUp(
      @Tag CallContext ctx, @Path("id") String signUpId, @QueryMap Map<String, String> query);

  @PATCH("v1/client/sign_ups/{id}?_is_native=true")
  Call<ResponseBody> updateSignUp(
      @Tag CallContext ctx, @Path("id") String signUpId, @Body Form form);

  @POST("v1/client/sign_ups/{id}/prepare_verification?_is_native=true")
  Call<ResponseBody> prepareSignUpVerification(
      @Tag CallContext ctx, @Path("id") String signUpId, @Body Form form);

  @POST("v1/client/sign_ups/{id}/attempt_verification?_is_native=true")
  Call<ResponseBody> attemptSignUpVerification(
      @Tag CallContext ctx, @Path("id") String signUpId, @Body Form form);

  // ---- sessions

  @POST("v1/client/sessions/{sid}/touch?_is_native=true")
  Call<ResponseBody> touchSession(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  @POST("v1/client/sessions/{sid}/end?_is_native=true")
  Call<ResponseBody> endSession(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  /** The session token of the default template; not wrapped. */
  @POST("v1/client/sessions/{sid}/tokens?_is_native=true")
  Call<ResponseBody> createSessionToken(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  /** The session token of a JWT template; not wrapped. */
  @POST("v1/client/sessions/{sid}/tokens/{template}?_is_native=true")
  Call<ResponseBody> createSessionTokenFromTemplate(
      @Tag CallContext ctx,
      @Path("sid") String sessionId,
      @Path("template") String template,
      @Body Form form);

  // ---- reverification (step-up) of a session

  @POST("v1/client/sessions/{sid}/verify?_is_native=true")
  Call<ResponseBody> startReverification(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  @POST("v1/client/sessions/{sid}/verify/prepare_first_factor?_is_native=true")
  Call<ResponseBody> prepareReverificationFirstFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  @POST("v1/client/sessions/{sid}/verify/attempt_first_factor?_is_native=true")
  Call<ResponseBody> attemptReverificationFirstFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  @POST("v1/client/sessions/{sid}/verify/prepare_second_factor?_is_native=true")
  Call<ResponseBody> prepareReverificationSecondFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  @POST("v1/client/sessions/{sid}/verify/attempt_second_factor?_is_native=true")
  Call<ResponseBody> attemptReverificationSecondFactor(
      @Tag CallContext ctx, @Path("sid") String sessionId, @Body Form form);

  // ---- the signed-in user (/v1/me, session in _clerk_session_id)

  @GET("v1/me?_is_native=true")
  Call<ResponseBody> getUser(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @QueryMap Map<String, String> query);

  @POST("v1/me/change_password?_is_native=true")
  Call<ResponseBody> changePassword(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @POST("v1/me/phone_numbers?_is_native=true")
  Call<ResponseBody> createPhoneNumber(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @POST("v1/me/phone_numbers/{id}/prepare_verification?_is_native=true")
  Call<ResponseBody> preparePhoneNumberVerification(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @POST("v1/me/phone_numbers/{id}/attempt_verification?_is_native=true")
  Call<ResponseBody> attemptPhoneNumberVerification(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @PATCH("v1/me/phone_numbers/{id}?_is_native=true")
  Call<ResponseBody> updatePhoneNumber(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @DELETE("v1/me/phone_numbers/{id}?_is_native=true")
  Call<ResponseBody> deletePhoneNumber(
      @Tag CallContext ctx,
      @Path("id") String phoneNumberId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @QueryMap Map<String, String> query);

  @POST("v1/me/totp?_is_native=true")
  Call<ResponseBody> createTotp(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @POST("v1/me/totp/attempt_verification?_is_native=true")
  Call<ResponseBody> attemptTotpVerification(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @DELETE("v1/me/totp?_is_native=true")
  Call<ResponseBody> deleteTotp(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @QueryMap Map<String, String> query);

  @POST("v1/me/backup_codes?_is_native=true")
  Call<ResponseBody> createBackupCodes(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  // ---- account: profile, e-mail addresses, profile image, sessions, deletion

  @PATCH("v1/me?_is_native=true")
  Call<ResponseBody> updateUser(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @PATCH("v1/me/metadata?_is_native=true")
  Call<ResponseBody> updateUserMetadata(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @DELETE("v1/me?_is_native=true")
  Call<ResponseBody> deleteUser(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @QueryMap Map<String, String> query);

  @POST("v1/me/email_addresses?_is_native=true")
  Call<ResponseBody> createEmailAddress(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @POST("v1/me/email_addresses/{id}/prepare_verification?_is_native=true")
  Call<ResponseBody> prepareEmailAddressVerification(
      @Tag CallContext ctx,
      @Path("id") String emailAddressId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @POST("v1/me/email_addresses/{id}/attempt_verification?_is_native=true")
  Call<ResponseBody> attemptEmailAddressVerification(
      @Tag CallContext ctx,
      @Path("id") String emailAddressId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);

  @DELETE("v1/me/email_addresses/{id}?_is_native=true")
  Call<ResponseBody> deleteEmailAddress(
      @Tag CallContext ctx,
      @Path("id") String emailAddressId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @QueryMap Map<String, String> query);

  @Multipart
  @POST("v1/me/profile_image?_is_native=true")
  Call<ResponseBody> setProfileImage(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Part MultipartBody.Part file,
      @PartMap Map<String, RequestBody> fields);

  @DELETE("v1/me/profile_image?_is_native=true")
  Call<ResponseBody> deleteProfileImage(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @QueryMap Map<String, String> query);

  /** A bare array of sessions with their activity; not wrapped. */
  @GET("v1/me/sessions/active?_is_native=true")
  Call<ResponseBody> getActiveSessions(
      @Tag CallContext ctx,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @QueryMap Map<String, String> query);

  @POST("v1/me/sessions/{id}/revoke?_is_native=true")
  Call<ResponseBody> revokeSession(
      @Tag CallContext ctx,
      @Path("id") String revokedSessionId,
      @Query("_clerk_session_id") @Nullable String sessionId,
      @Body Form form);
}
