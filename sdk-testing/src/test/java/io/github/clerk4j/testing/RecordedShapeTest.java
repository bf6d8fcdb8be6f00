package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.github.clerk4j.testing.Fapi.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each recorded Clerk response, the emulator's answer to the same request has at least the
 * same fields with the same JSON types (null only where the recording has null).
 */
class RecordedShapeTest {
  /**
   * The recorded Clerk responses, copied into this module (the copies TransportContractSuite
   * serves) so that no test reads outside the repository.
   */
  private static final String FIXTURES = "/io/github/clerk4j/testing/transport/recorded/";
  private static final String JANE = "jane+clerk_test@example.com";
  private static final String PASSWORD = "jane-password-1";
  /** Keys the recorder anonymised into non-keys ("USER_ID" was a field name). */
  private static final Set<String> ANONYMISED = Set.of("$.api_keys_settings.USER_ID");
  /** Factor strategies in the recordings that the emulator does not offer (no e-mail links). */
  private static final Set<String> UNSUPPORTED = Set.of("email_link");

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("flutter-client-create.json", (Function<Ctx, Answer>) c -> c.fapi.post("/v1/client")),
        Arguments.of("flutter-environment.json", (Function<Ctx, Answer>) c -> c.fapi.get("/v1/environment")),
        Arguments.of("flutter-sign_in-create-identifier-needs_first_factor.json",
            (Function<Ctx, Answer>) c -> c.identify()),
        Arguments.of("flutter-sign_in-attempt_first_factor-password-complete.json",
            (Function<Ctx, Answer>) c -> c.trustedClient().post(c.path("attempt_first_factor"),
                "strategy", "password", "password", PASSWORD)),
        Arguments.of("flutter-sign_in-prepare_first_factor-email_code.json",
            (Function<Ctx, Answer>) c -> c.prepareEmailCode()),
        Arguments.of("flutter-sign_in-attempt_first_factor-email_code-complete.json",
            (Function<Ctx, Answer>) c -> {
              c.prepareEmailCode();
              return c.fapi.post(c.path("attempt_first_factor"), "strategy", "email_code", "code", "424242");
            }),
        Arguments.of("flutter-sign_in-create-password-needs_client_trust.json",
            (Function<Ctx, Answer>) c -> c.passwordSignIn()),
        Arguments.of("flutter-sign_in-prepare_second_factor-email_code.json",
            (Function<Ctx, Answer>) c -> c.prepareSecondFactor()),
        Arguments.of("flutter-sign_in-attempt_second_factor-email_code-complete.json",
            (Function<Ctx, Answer>) c -> {
              c.prepareSecondFactor();
              return c.fapi.post(c.path("attempt_second_factor"), "strategy", "email_code", "code", "424242");
            }));
  }

  /** One emulator with the recordings' user, and the steps that lead to each recorded request. */
  static final class Ctx implements AutoCloseable {
    final ClerkEmulator emulator = ClerkEmulator.builder()
        .rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email(JANE).phone("+15555550105").username("jane")
            .firstName("Jane").lastName("Doe").password(PASSWORD).build())
        .build().start();
    final Fapi fapi = new Fapi(emulator);
    String signInId;

    String path(String action) {
      return "/v1/client/sign_ins/" + signInId + "/" + action;
    }

    Answer identify() {
      Answer a = fapi.post("/v1/client/sign_ins", "identifier", JANE);
      signInId = (String) a.response().get("id");
      return a;
    }

    Answer prepareEmailCode() {
      Answer a = identify();
      String emailId = (String) Fapi.list(a.response().get("supported_first_factors")).stream()
          .filter(f -> "email_code".equals(f.get("strategy"))).findFirst().orElseThrow().get("email_address_id");
      return fapi.post(path("prepare_first_factor"), "strategy", "email_code", "email_address_id", emailId);
    }

    /** A client that Jane already used, so a password completes without client trust. */
    Fapi trustedClient() {
      fapi.signIn(emulator, JANE, PASSWORD);
      String sessionId = (String) fapi.get("/v1/client").response().get("last_active_session_id");
      fapi.post("/v1/client/sessions/" + sessionId + "/end");
      identify();
      return fapi;
    }

    Answer passwordSignIn() {
      Answer a = fapi.passwordSignIn(JANE, PASSWORD);
      signInId = (String) a.response().get("id");
      return a;
    }

    Answer prepareSecondFactor() {
      Answer a = passwordSignIn();
      String emailId = (String) Fapi.list(a.response().get("supported_second_factors")).get(0).get("email_address_id");
      return fapi.post(path("prepare_second_factor"), "strategy", "email_code", "email_address_id", emailId);
    }

    @Override
    public void close() {
      emulator.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void emulatorAnswerHasTheRecordedShape(String file, Function<Ctx, Answer> request) throws IOException {
    Map<?, ?> fixture = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class)
        .fromJson(fixtureText(file));
    try (Ctx ctx = new Ctx()) {
      Answer answer = request.apply(ctx);
      assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
      List<String> problems = new ArrayList<>();
      compare("$", fixture.get("body"), answer.body(), problems);
      assertThat(problems).as("differences from %s", file).isEmpty();
      assertIntegral("$", answer.body());
    }
  }

  private static void compare(String path, Object recorded, Object actual, List<String> problems) {
    if (recorded == null || ANONYMISED.contains(path)) {
      return;
    }
    if (actual == null) {
      problems.add(path + " is null, recorded " + recorded);
      return;
    }
    if (!kind(recorded).equals(kind(actual))) {
      problems.add(path + " is " + kind(actual) + ", recorded " + kind(recorded));
      return;
    }
    if (recorded instanceof Map<?, ?> r) {
      Map<?, ?> a = (Map<?, ?>) actual;
      for (Map.Entry<?, ?> e : r.entrySet()) {
        String child = path + "." + e.getKey();
        if (!a.containsKey(e.getKey()) && !ANONYMISED.contains(child)) {
          problems.add(child + " is missing");
        } else {
          compare(child, e.getValue(), a.get(e.getKey()), problems);
        }
      }
    } else if (recorded instanceof List<?> r) {
      List<?> a = (List<?>) actual;
      for (int i = 0; i < r.size(); i++) {
        Object element = r.get(i);
        Object match = counterpart(element, a, i);
        if (match == null) {
          if (!unsupported(element)) {
            problems.add(path + "[" + i + "] has no counterpart");
          }
        } else {
          compare(path + "[" + i + "]", element, match, problems);
        }
      }
    }
  }

  /** Factors are matched by strategy (the order differs), everything else by position. */
  private static Object counterpart(Object recorded, List<?> actual, int index) {
    if (recorded instanceof Map<?, ?> r && r.containsKey("strategy")) {
      return actual.stream().filter(a -> a instanceof Map<?, ?> m && r.get("strategy").equals(m.get("strategy")))
          .findFirst().orElse(null);
    }
    if (recorded instanceof String) {
      // Lists of names (factors, identifiers) reflect the instance's settings: only the type matters.
      return actual.isEmpty() ? recorded : actual.get(0);
    }
    return index < actual.size() ? actual.get(index) : null;
  }

  private static boolean unsupported(Object element) {
    return element instanceof Map<?, ?> m && UNSUPPORTED.contains(m.get("strategy"));
  }

  private static String kind(Object value) {
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    return value instanceof Boolean ? "boolean" : "unknown";
  }

  /** Clerk sends integers (epoch milliseconds), never fractions. */
  private static void assertIntegral(String path, Object value) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> assertIntegral(path + "." + k, v));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        assertIntegral(path + "[" + i + "]", l.get(i));
      }
    } else if (value instanceof Double d) {
      assertThat(d).as(path).isEqualTo(Math.rint(d));
    }
  }

  private static String fixtureText(String file) throws IOException {
    try (java.io.InputStream in = RecordedShapeTest.class.getResourceAsStream(FIXTURES + file)) {
      if (in == null) {
        throw new IOException("missing test resource " + FIXTURES + file);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
