package io.github.clerk4j.benchmarks;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One complete client-trust sign-in over HTTP, without the SDK, as a native client sends it: a new
 * client signs in with a password ({@code needs_client_trust}), asks for an e-mail code
 * ({@code prepare_second_factor}), reads it from the outbox, verifies it ({@code
 * attempt_second_factor}, a session) and touches the session. Five requests.
 */
final class ClientTrustFlow {
  private static final Pattern SIGN_IN_ID = Pattern.compile("\"id\":\"(sia_[A-Za-z0-9]+)\"");
  private static final Pattern SESSION_ID = Pattern.compile("\"created_session_id\":\"(sess_[A-Za-z0-9]+)\"");
  private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{6})\"");
  private static final String NATIVE = "?_is_native=1";

  private final String adminAuthorization;

  /** @param adminToken the emulator's admin token, or null when it has none */
  ClientTrustFlow(String adminToken) {
    this.adminAuthorization = adminToken == null ? null : "Bearer " + adminToken;
  }

  /**
   * Runs one flow for this user. {@code userLock} is held from sending the code to reading it: the
   * outbox knows recipients, not sign-ins, and another client may sign in the same user at once.
   *
   * @throws IllegalStateException if any step answers other than Clerk would
   */
  void run(LoadClient http, String email, String password, ReentrantLock userLock) throws IOException {
    LoadClient.Answer created = http.post("/v1/client/sign_ins" + NATIVE, null,
        "identifier=" + encode(email) + "&password=" + encode(password));
    expect(created, "needs_client_trust");
    String token = created.authorization();
    String signInId = group(SIGN_IN_ID, created.body());
    String base = "/v1/client/sign_ins/" + signInId;
    String code;
    userLock.lock();
    try {
      expect(http.post(base + "/prepare_second_factor" + NATIVE, token, "strategy=email_code"), "needs_client_trust");
      LoadClient.Answer outbox = http.get("/__emulator/outbox?recipient=" + encode(email) + "&limit=1",
          adminAuthorization);
      code = group(CODE, outbox.body());
    } finally {
      userLock.unlock();
    }
    LoadClient.Answer done = http.post(base + "/attempt_second_factor" + NATIVE, token,
        "strategy=email_code&code=" + code);
    expect(done, "complete");
    String sessionToken = done.authorization() != null ? done.authorization() : token;
    String sessionId = group(SESSION_ID, done.body());
    LoadClient.Answer touched = http.post("/v1/client/sessions/" + sessionId + "/touch" + NATIVE, sessionToken, "");
    if (touched.status() != 200) {
      throw new IllegalStateException("touch answered " + touched.status() + ": " + touched.body());
    }
  }

  private static void expect(LoadClient.Answer answer, String status) {
    if (answer.status() != 200 || !answer.body().contains("\"status\":\"" + status + "\"")) {
      throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": "
          + answer.body().substring(0, Math.min(300, answer.body().length())));
    }
  }

  private static String group(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException(pattern + " not in " + body.substring(0, Math.min(300, body.length())));
    }
    return m.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
