package io.github.clerk4j.testing.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes the emulator's request handling in-process ({@link EmulatorHandler#handle}, no socket):
 * the query and header parsing, the form parser ({@link FormBody}) and every route behind them.
 * An input is a short conversation, requests separated by a line {@code ===}:
 *
 * <pre>
 * POST /v1/client/sign_ins?_is_native=true
 * Authorization: {token}
 * Content-Type: application/x-www-form-urlencoded
 *
 * identifier=fuzz@example.com&amp;password=...
 * </pre>
 *
 * so that it gets past the client token: {@code {token}} is the latest {@code Authorization} the
 * emulator answered with, {@code {sign_in}}, {@code {session}}, {@code {email_id}} and {@code
 * {phone_id}} the latest such ids it sent, {@code {code}} the latest code in its outbox. Every
 * answer must be a 2xx, a 4xx, or a redirect that says where to (the web UI's Post/Redirect/Get,
 * the OAuth callback and e-mail link pages): a 500 (the handler's answer to an exception in a
 * route), a redirect without {@code Location} or an exception fails. One emulator serves the whole run (building one makes an RSA key); each input
 * starts as a new client, so inputs share only the seeded user.
 */
class EmulatorRequestFuzzTest {

  static final String EMAIL = "fuzz@example.com";
  static final String PHONE = "+15555550199";
  private static final int MAX_REQUESTS = 8;
  private static final EmulatorHandler HANDLER;
  private static final EmulatorServer SERVER;
  private static final Pattern SIGN_IN = Pattern.compile("\"id\":\"(sia_\\w+)\"");
  private static final Pattern SESSION = Pattern.compile("\"(?:id|created_session_id)\":\"(sess_\\w+)\"");
  private static final Pattern EMAIL_ID = Pattern.compile("\"email_address_id\":\"(\\w+)\"");
  private static final Pattern PHONE_ID = Pattern.compile("\"id\":\"(\\w+)\",\"object\":\"phone_number\"");

  static {
    Settings settings = Settings.defaults().forLoad(1, Set.of("pwned-Password-1"));
    SERVER = new EmulatorServer(settings, TestClock.system(), new Random(42), List.of(EmulatorUser.builder()
        .email(EMAIL).phone(PHONE).password("fuzz-Password-2026").backupCodes("k7fq2m9x", "p3wz8c1v").build()));
    HANDLER = SERVER.handler();
  }

  @FuzzTest(maxDuration = "10s")
  void handle(byte[] input) {
    Map<String, String> seen = new HashMap<>();
    String[] requests = new String(input, StandardCharsets.UTF_8).split("\n===\n", MAX_REQUESTS + 1);
    for (int i = 0; i < Math.min(requests.length, MAX_REQUESTS); i++) {
      HttpCall call = call(fill(requests[i], seen));
      if (call == null) {
        continue;
      }
      HttpAnswer answer = HANDLER.handle(call);
      int status = answer.status();
      boolean redirect = (status == 302 || status == 303) && answer.headers().containsKey("Location");
      if (!(status >= 200 && status <= 299) && !(status >= 400 && status <= 499) && !redirect) {
        throw new AssertionError(call.method() + " " + call.rawPath() + " was answered " + status + ": "
            + new String(answer.body(), StandardCharsets.UTF_8));
      }
      remember(answer, seen);
    }
  }

  /** {@code METHOD target}, header lines, a blank line, the body; null when there is no request line. */
  private static HttpCall call(String text) {
    int headEnd = text.indexOf("\n\n");
    String head = headEnd < 0 ? text : text.substring(0, headEnd);
    String body = headEnd < 0 ? "" : text.substring(headEnd + 2);
    String[] lines = head.split("\n");
    if (lines.length == 0) {
      return null;
    }
    String[] requestLine = lines[0].split(" ", 2);
    if (requestLine.length < 2 || requestLine[0].isEmpty()) {
      return null;
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
      }
    }
    String target = requestLine[1];
    int q = target.indexOf('?');
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new HttpCall(requestLine[0], q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
        headers::get, bytes.length > EmulatorHandler.MAX_BODY_BYTES ? null : bytes, "127.0.0.1");
  }

  private static String fill(String request, Map<String, String> seen) {
    String out = request;
    for (Map.Entry<String, String> e : seen.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static void remember(HttpAnswer answer, Map<String, String> seen) {
    String token = answer.headers().get("Authorization");
    if (token != null) {
      seen.put("token", token);
    }
    String body = new String(answer.body(), StandardCharsets.UTF_8);
    last(SIGN_IN, body, "sign_in", seen);
    last(SESSION, body, "session", seen);
    last(EMAIL_ID, body, "email_id", seen);
    last(PHONE_ID, body, "phone_id", seen);
    List<OutboxMessage> sent = SERVER.outbox().messages();
    if (!sent.isEmpty()) {
      seen.put("code", sent.get(sent.size() - 1).code());
    }
  }

  private static void last(Pattern p, String body, String key, Map<String, String> seen) {
    for (Matcher m = p.matcher(body); m.find(); ) {
      seen.put(key, m.group(1));
    }
  }
}
