package io.github.clerk4j.benchmarks;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * The baseline of the client benchmarks: the client-trust sign-in written directly against OkHttp
 * and Moshi, as a competent developer would without an SDK. One {@link OkHttpClient} and one set of
 * Moshi adapters for the application; the client token taken from every answer's {@code
 * Authorization} header and sent back; each answer decoded into small classes that hold only what
 * the flow needs (Moshi skips the rest). The same four requests as clerk4j: create the sign-in
 * with the password, send the e-mail code to the offered factor, verify the code, touch the new
 * session.
 *
 * <p>What it leaves out, which clerk4j does: retries and the deadline, the rest of each resource
 * (the user, the other sessions, the factors' details), error envelopes and hints, redaction,
 * listeners, an immutable client snapshot.
 *
 * <p>{@link #viaRetrofit} makes the same client send its requests through Retrofit (one generic
 * form-POST endpoint, the answer's body decoded by the same adapters): what Retrofit alone costs a
 * client, the floor of any client built on the project's stack.
 */
final class HandRolledClient {

  /**
   * The one endpoint of {@link #viaRetrofit}: a form POST to a path relative to the base URL;
   * {@code @Streaming}, so that the adapter reads the body from the connection as converter-moshi
   * would.
   */
  interface FormPost {
    @FormUrlEncoded
    @Streaming
    @POST
    @Headers("clerk-api-version: 2026-05-12")
    Call<ResponseBody> post(@Url String path, @Header("Authorization") String clientToken,
        @FieldMap Map<String, String> form);
  }

  /*
   * The answer classes are not final: the hand-rolled-full variant decodes each as a subclass
   * holding the whole state (FullStateJson).
   */

  /** {@code {"response": {...}}}: the other members (the piggybacked client) are skipped. */
  static class SignInAnswer {
    SignInJson response;
  }

  static class SignInJson {
    String id;
    String status;
    @Json(name = "supported_second_factors") List<FactorJson> supportedSecondFactors;
    @Json(name = "created_session_id") String createdSessionId;
  }

  static class FactorJson {
    String strategy;
    @Json(name = "email_address_id") String emailAddressId;
  }

  static class SessionAnswer {
    SessionJson response;
  }

  static class SessionJson {
    String id;
    String status;
  }

  private final OkHttpClient http;
  private final HttpUrl base;
  /** Null: the requests are built by hand. */
  private final FormPost retrofit;
  private final JsonAdapter<SignInAnswer> signIns;
  private final JsonAdapter<SessionAnswer> sessions;
  /** Null until the first answer. */
  private String clientToken;

  HandRolledClient(OkHttpClient http, Moshi moshi, URI frontendApi) {
    this(http, moshi, frontendApi, null);
  }

  private HandRolledClient(OkHttpClient http, Moshi moshi, URI frontendApi, FormPost retrofit) {
    this.http = http;
    this.base = HttpUrl.get(frontendApi);
    this.retrofit = retrofit;
    this.signIns = moshi.adapter(SignInAnswer.class);
    this.sessions = moshi.adapter(SessionAnswer.class);
  }

  /** The same client, its requests built and sent by Retrofit over {@code http}. */
  static HandRolledClient viaRetrofit(OkHttpClient http, Moshi moshi, URI frontendApi) {
    FormPost api = new Retrofit.Builder().baseUrl(HttpUrl.get(frontendApi)).client(http).build().create(FormPost.class);
    return new HandRolledClient(http, moshi, frontendApi, api);
  }

  /** One complete client-trust sign-in; returns the active session's id. */
  String clientTrustSignIn(String email, String password, String code) throws IOException {
    SignInJson signIn = post(signIns, "v1/client/sign_ins", "identifier", email, "password", password).response;
    expect(signIn.status, "needs_client_trust");
    FactorJson factor = signIn.supportedSecondFactors.stream()
        .filter(f -> "email_code".equals(f.strategy)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no e-mail code factor"));
    String path = "v1/client/sign_ins/" + signIn.id;
    expect(post(signIns, path + "/prepare_second_factor",
        "strategy", "email_code", "email_address_id", factor.emailAddressId).response.status, "needs_client_trust");
    signIn = post(signIns, path + "/attempt_second_factor", "strategy", "email_code", "code", code).response;
    expect(signIn.status, "complete");
    return touch(signIn.createdSessionId);
  }

  /** A password sign-in on a trusted device: create, then touch. Returns the session's id. */
  String passwordSignIn(String email, String password) throws IOException {
    SignInJson signIn = post(signIns, "v1/client/sign_ins", "identifier", email, "password", password).response;
    expect(signIn.status, "complete");
    return touch(signIn.createdSessionId);
  }

  private String touch(String sessionId) throws IOException {
    SessionJson session = post(sessions, "v1/client/sessions/" + sessionId + "/touch",
        "active_organization_id", "", "intent", "select_session").response;
    expect(session.status, "active");
    return session.id;
  }

  /** POSTs the form {@code nameValues} (name, value, name, value, ...) and decodes the answer. */
  private <T> T post(JsonAdapter<T> adapter, String path, String... nameValues) throws IOException {
    if (retrofit != null) {
      Map<String, String> form = new LinkedHashMap<>();
      for (int i = 0; i < nameValues.length; i += 2) {
        form.put(nameValues[i], nameValues[i + 1]);
      }
      retrofit2.Response<ResponseBody> response = retrofit.post(path + "?_is_native=true", clientToken, form).execute();
      try (ResponseBody body = response.body()) {
        return decode(adapter, path, response.code(), response.headers().get("Authorization"), body);
      }
    }
    FormBody.Builder form = new FormBody.Builder();
    for (int i = 0; i < nameValues.length; i += 2) {
      form.add(nameValues[i], nameValues[i + 1]);
    }
    HttpUrl url = base.newBuilder().addPathSegments(path).addQueryParameter("_is_native", "true").build();
    Request.Builder request = new Request.Builder().url(url).post(form.build()).header("clerk-api-version", "2026-05-12");
    if (clientToken != null) {
      request.header("Authorization", clientToken);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return decode(adapter, path, response.code(), response.header("Authorization"), response.body());
    }
  }

  private <T> T decode(JsonAdapter<T> adapter, String path, int status, String rotated,
      ResponseBody body) throws IOException {
    if (rotated != null) {
      clientToken = rotated;
    }
    if (status < 200 || status > 299 || body == null) {
      throw new IOException("HTTP " + status + " for " + path);
    }
    T answer = adapter.fromJson(body.source());
    if (answer == null) {
      throw new IOException("no answer for " + path);
    }
    return answer;
  }

  private static void expect(String status, String expected) {
    if (!expected.equals(status)) {
      throw new IllegalStateException("expected " + expected + " but got " + status);
    }
  }
}
