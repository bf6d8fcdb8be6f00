package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the decoding of every Frontend API answer as a transport does it: {@link
 * FapiResponse#decode} over Moshi's reader ({@link MoshiJsonSource}), for every {@link Endpoint}
 * and any status. An input is
 *
 * <pre>
 * ENDPOINT STATUS        (a name of Endpoint, or anything: it picks one; the status likewise)
 * Retry-After value      (may be empty)
 * body                   (the rest, bytes; empty means no body)
 * </pre>
 *
 * The kept inputs ({@code AnswerDecodingFuzzTestInputs/decode/}) are the answers the emulator gives
 * to each endpoint, Clerk's recorded answers and error envelopes; with {@code JAZZER_FUZZ} set,
 * Jazzer mutates them. It fails on anything but a result or a {@link ClerkException}, on a result
 * that contradicts the status, and on a message that shows a secret of the answer: the client
 * token, a JWT, a TOTP secret or URI, a backup code.
 */
class AnswerDecodingFuzzTest {

  private static final Endpoint[] ENDPOINTS = Endpoint.values();
  private static final int[] STATUSES = {200, 201, 204, 301, 304, 400, 401, 403, 404, 413, 422, 429, 500, 502, 503};
  /** The client token every answer carries in {@code Authorization}. */
  private static final String CLIENT_TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJpZCI6ImNsaWVudF8xIn0.c2VjcmV0LXNpZ25hdHVyZQ";
  /** Redactor's notion of a JWT: anything that looks like one must not reach a message. */
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  /** Secret members of FAPI resources, as they appear in the body. */
  private static final Pattern SECRET_MEMBER =
      Pattern.compile("\"(jwt|secret|uri|last_active_token)\"\\s*:\\s*\"([^\"\\\\]+)\"");
  /** A well-formed array of strings under {@code codes} or {@code backup_codes}. */
  private static final Pattern BACKUP_CODES =
      Pattern.compile("\"(?:backup_)?codes\"\\s*:\\s*\\[(\\s*\"[^\"\\\\]*\"\\s*(?:,\\s*\"[^\"\\\\]*\"\\s*)*)]");
  private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

  /**
   * Found by this fuzz test (kept as {@code finding-token-as-member-name} and {@code
   * finding-backup-code-as-member-name}): a message said where the body broke as Moshi's path,
   * whose member names come from the body, so a broken body could put the client token, or a
   * backup code read as a name, into a message. Now a path shows only names a decoder knows.
   */
  @Test
  void aPathInAMessageShowsNoNameTakenFromABrokenBody() {
    String jwt = CLIENT_TOKEN.substring("Bearer ".length());
    assertBrokenAt("{\"response\": {\"id\": \"client_1\", \"" + jwt + "\": [1, 2 3]}, \"client\": null}", jwt);
    assertBrokenAt("{\"response\": {\"id\": \"client_1\", \"object\": \"client\", \"k7fq2m9x\"]}}", "k7fq2m9x");
  }

  private static void assertBrokenAt(String body, String secret) {
    FapiRequest request = new FapiRequest(Endpoint.GET_CLIENT, null, null, Form.empty(), null, Duration.ofSeconds(5));
    assertThatThrownBy(() -> FapiResponse.decode(request, 200, name -> null,
        new MoshiJsonSource(new Buffer().writeUtf8(body))))
        .isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("at $.response.?")
        .satisfies(e -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain(secret);
          }
        });
  }

  @FuzzTest(maxDuration = "10s")
  void decode(byte[] input) {
    int first = indexOf(input, 0);
    int second = first < 0 ? -1 : indexOf(input, first + 1);
    if (second < 0) {
      return;
    }
    String[] head = new String(input, 0, first, StandardCharsets.ISO_8859_1).trim().split(" +", 2);
    Endpoint endpoint = endpoint(head[0]);
    int status = status(head.length > 1 ? head[1] : "");
    String retryAfter = new String(input, first + 1, second - first - 1, StandardCharsets.ISO_8859_1);
    byte[] body = Arrays.copyOfRange(input, second + 1, input.length);

    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Authorization", CLIENT_TOKEN);
    if (!retryAfter.isEmpty()) {
      headers.put("Retry-After", retryAfter);
    }
    FapiRequest request = new FapiRequest(endpoint, "sia_1", "sess_1", Form.empty(), CLIENT_TOKEN, Duration.ofSeconds(5));
    FapiResponse answer;
    try {
      answer = FapiResponse.decode(request, status, headers::get,
          body.length == 0 ? null : new MoshiJsonSource(new Buffer().write(body)));
    } catch (ClerkException e) {
      checkMessages(e, secrets(body));
      return;
    }
    boolean success = status >= 200 && status <= 299;
    if (answer.error().isPresent() == success) {
      throw new AssertionError(endpoint + " HTTP " + status + " decoded to " + answer);
    }
    answer.error().ifPresent(refusal -> checkMessages(refusal, secrets(body)));
  }

  /**
   * No message in the chain shows the client token; none but a refusal's (which quotes the
   * server's error text, by design) shows a JWT or a secret of the body.
   */
  private static void checkMessages(ClerkException e, List<String> secrets) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains(CLIENT_TOKEN.substring("Bearer ".length()))) {
        throw new AssertionError("a message shows the client token: " + t.getClass().getName(), e);
      }
      if (t instanceof ClerkApiException) {
        continue;
      }
      if (JWT.matcher(message).find()) {
        throw new AssertionError("a message shows a JWT: " + t.getClass().getName(), e);
      }
      for (String secret : secrets) {
        if (message.contains(secret)) {
          throw new AssertionError("a message shows a secret of the answer: " + t.getClass().getName(), e);
        }
      }
    }
  }

  /**
   * The secret values of the body: tokens, TOTP secrets and URIs, backup codes. Only values that
   * look like secrets count (8 characters or more, with a digit), and none that the body also
   * uses as a member name: a message may name where it stopped ({@code $.response.codes}).
   */
  private static List<String> secrets(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<String> candidates = new ArrayList<>();
    for (Matcher m = SECRET_MEMBER.matcher(text); m.find(); ) {
      candidates.add(m.group(2));
    }
    for (Matcher m = BACKUP_CODES.matcher(text); m.find(); ) {
      for (Matcher code = STRING.matcher(m.group(1)); code.find(); ) {
        candidates.add(code.group(1));
      }
    }
    return candidates.stream()
        .filter(s -> s.length() >= 8 && s.chars().anyMatch(Character::isDigit))
        .filter(s -> !Pattern.compile("\"" + Pattern.quote(s) + "\"\\s*:").matcher(text).find())
        .toList();
  }

  private static Endpoint endpoint(String name) {
    for (Endpoint e : ENDPOINTS) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return ENDPOINTS[Math.floorMod(name.hashCode(), ENDPOINTS.length)];
  }

  private static int status(String text) {
    try {
      int status = Integer.parseInt(text.trim());
      if (status >= 100 && status <= 599) {
        return status;
      }
    } catch (NumberFormatException notANumber) {
      // any other text picks one of the usual statuses
    }
    return STATUSES[Math.floorMod(text.hashCode(), STATUSES.length)];
  }

  private static int indexOf(byte[] input, int from) {
    for (int i = from; i < input.length; i++) {
      if (input[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
