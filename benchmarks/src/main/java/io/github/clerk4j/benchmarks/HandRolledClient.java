package io.github.clerk4j.benchmarks;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

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
 */
final class HandRolledClient {

  /** {@code {"response": {...}}}: the other members (the piggybacked client) are skipped. */
  static final class SignInAnswer {
    SignInJson response;
  }

  static final class SignInJson {
    String id;
    String status;
    @Json(name = "supported_second_factors") List<FactorJson> supportedSecondFactors;
    @Json(name = "created_session_id") String createdSessionId;
  }

  static final class FactorJson {
    String strategy;
    @Json(name = "email_address_id") String emailAddressId;
  }

  static final class SessionAnswer {
    SessionJson response;
  }

  static final class SessionJson {
    String id;
    String status;
  }

  private final OkHttpClient http;
  private final HttpUrl base;
  private final JsonAdapter<SignInAnswer> signIns;
  private final JsonAdapter<SessionAnswer> sessions;
  private String clientToken;

  HandRolledClient(OkHttpClient http, Moshi moshi, URI frontendApi) {
    this.http = http;
    this.base = HttpUrl.get(frontendApi);
    this.signIns = moshi.adapter(SignInAnswer.class);
    this.sessions = moshi.adapter(SessionAnswer.class);
  }

  /** One complete client-trust sign-in; returns the active session's id. */
  String clientTrustSignIn(String email, String password, String code) throws IOException {
    SignInJson signIn = post(signIns, "v1/client/sign_ins",
        new FormBody.Builder().add("identifier", email).add("password", password).build()).response;
    expect(signIn.status, "needs_client_trust");
    FactorJson factor = signIn.supportedSecondFactors.stream()
        .filter(f -> "email_code".equals(f.strategy)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no e-mail code factor"));
    String path = "v1/client/sign_ins/" + signIn.id;
    expect(post(signIns, path + "/prepare_second_factor", new FormBody.Builder()
        .add("strategy", "email_code").add("email_address_id", factor.emailAddressId).build()).response.status,
        "needs_client_trust");
    signIn = post(signIns, path + "/attempt_second_factor",
        new FormBody.Builder().add("strategy", "email_code").add("code", code).build()).response;
    expect(signIn.status, "complete");
    SessionJson session = post(sessions, "v1/client/sessions/" + signIn.createdSessionId + "/touch",
        new FormBody.Builder().add("active_organization_id", "").add("intent", "select_session").build()).response;
    expect(session.status, "active");
    return session.id;
  }

  /** A password sign-in on a trusted device: create, then touch. Returns the session's id. */
  String passwordSignIn(String email, String password) throws IOException {
    SignInJson signIn = post(signIns, "v1/client/sign_ins",
        new FormBody.Builder().add("identifier", email).add("password", password).build()).response;
    expect(signIn.status, "complete");
    SessionJson session = post(sessions, "v1/client/sessions/" + signIn.createdSessionId + "/touch",
        new FormBody.Builder().add("active_organization_id", "").add("intent", "select_session").build()).response;
    expect(session.status, "active");
    return session.id;
  }

  private <T> T post(JsonAdapter<T> adapter, String path, FormBody form) throws IOException {
    HttpUrl url = base.newBuilder().addPathSegments(path).addQueryParameter("_is_native", "true").build();
    Request.Builder request = new Request.Builder().url(url).post(form).header("clerk-api-version", "2026-05-12");
    if (clientToken != null) {
      request.header("Authorization", clientToken);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      String rotated = response.header("Authorization");
      if (rotated != null) {
        clientToken = rotated;
      }
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " for " + path);
      }
      return adapter.fromJson(body.source());
    }
  }

  private static void expect(String status, String expected) {
    if (!expected.equals(status)) {
      throw new IllegalStateException("expected " + expected + " but got " + status);
    }
  }
}
