package io.github.clerk4j.samples.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.samples.PasswordSignIn;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every flow with --auto against its embedded emulator ends with an active session, the expected
 * way; the interactive console, --help, the README's table and the command line.
 */
class SamplesTest {

  private static final String NI = "needs_identifier";
  private static final String NFF = "needs_first_factor";
  private static final String NSF = "needs_second_factor";
  private static final String NCT = "needs_client_trust";
  private static final String NNP = "needs_new_password";
  private static final String DONE = "complete";
  private static final String MR = "missing_requirements";
  /** The tests run in the module's folder. */
  private static final Path REPOSITORY = Path.of("..");

  /** The status of each sign-in the server answered with, and the requests sent. */
  static Stream<Arguments> flows() {
    return Stream.of(
        Arguments.of("password", List.of(DONE), 2),
        Arguments.of("client-trust-email", List.of(NCT, NCT, DONE), 4),
        Arguments.of("client-trust-sms", List.of(NCT, NCT, DONE), 4),
        Arguments.of("mfa-sms", List.of(NSF, NSF, DONE), 4),
        Arguments.of("mfa-totp", List.of(NSF, DONE), 3),
        Arguments.of("mfa-backup-code", List.of(NSF, DONE), 3),
        // create, send, verify, a breached new password refused, a sound one, finalize
        Arguments.of("reset-password-email", List.of(NFF, NFF, NNP, DONE), 6),
        Arguments.of("reset-password-phone", List.of(NFF, NFF, NNP, DONE), 5),
        Arguments.of("reset-password-mfa", List.of(NFF, NFF, NNP, NSF, NSF, DONE), 7),
        // create and send in one request (wire spec §S1), verify, finalize
        Arguments.of("email-code", List.of(NFF, DONE), 3),
        // the compromised password refused, then create and send, verify, finalize, new password
        Arguments.of("compromised-password", List.of(NFF, DONE), 5),
        Arguments.of("manage-mfa-sms", List.of(DONE), 10),
        Arguments.of("manage-mfa-totp", List.of(DONE), 5),
        Arguments.of("backup-codes", List.of(NSF, DONE), 4),
        // sign-in and finalize; the address of another account refused (the malformed one is never
        // sent); create, send, verify, make primary, remove the old one
        Arguments.of("account-emails", List.of(DONE), 8),
        // sign-in and finalize; names; the refused username, the accepted one; metadata; image
        Arguments.of("account-profile", List.of(DONE), 7),
        // sign-in and finalize; list; revoke the phone's session; list again (the phone's own
        // requests go through its own client)
        Arguments.of("account-sessions", List.of(DONE), 5),
        Arguments.of("session-tasks", List.of(DONE), 4),
        // the sign-in (3), createBackupCode refused, verification started and attempted, again
        Arguments.of("reverification", List.of(NSF, DONE), 7),
        // the taken address refused, then create, send, verify, finalize
        Arguments.of("sign-up-email-code", List.of(MR, MR, DONE), 5),
        // the number not in E.164 refused, then create, send, verify, finalize
        Arguments.of("sign-up-phone", List.of(MR, MR, DONE), 5),
        // the environment, create, (the short password refused unsent), update, send, verify, finalize
        Arguments.of("sign-up-missing-fields", List.of(MR, MR, MR, DONE), 6),
        // create (the provider's page), the reload with the nonce, finalize
        Arguments.of("oauth-google", List.of(NI, DONE), 3),
        // the address without a connection refused, create, prepare, reload (transferable), the
        // transfer and finalize (the client still shows the transferred sign-in)
        Arguments.of("enterprise-sso", List.of(NFF, NFF, NFF, NFF, NFF), 6),
        // the expired token refused, the token, finalize
        Arguments.of("ticket", List.of(DONE), 3),
        // create, send the link, the first look, the look after the person opened it, finalize
        Arguments.of("email-link", List.of(NFF, NFF, NFF, DONE), 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flows")
  void flowEndsWithAnActiveSession(String name, List<String> statuses, int requests) {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    FlowResult result = Samples.run(Flows.ALL.get(name), print(transcript), null, null);

    String out = text(transcript);
    assertThat(result.session()).as(out).isPresent();
    assertThat(result.session().get().status()).as(out).isEqualTo(SessionStatus.ACTIVE);
    assertThat(result.statuses()).as(out).isEqualTo(statuses);
    assertThat(result.requests()).as(out).isEqualTo(requests);
  }

  @Test
  void everyFlowIsTested() {
    assertThat(flows().map(a -> (String) a.get()[0])).containsExactlyElementsOf(Flows.ALL.keySet());
  }

  @Test
  void signUpFieldErrorsAreShownNextToTheirField() {
    ByteArrayOutputStream email = new ByteArrayOutputStream();
    Samples.run(Flows.ALL.get("sign-up-email-code"), print(email), null, null);
    assertThat(text(email).lines()).containsSubsequence("Enter email address: grace@example.com",
        "email_address: That email address is taken. Please try another.", "Enter email address: mary@example.com");

    ByteArrayOutputStream phone = new ByteArrayOutputStream();
    Samples.run(Flows.ALL.get("sign-up-phone"), print(phone), null, null);
    assertThat(text(phone)).contains("phone_number: phone_number must be a valid phone number");

    ByteArrayOutputStream missing = new ByteArrayOutputStream();
    Samples.run(Flows.ALL.get("sign-up-missing-fields"), print(missing), null, null);
    assertThat(text(missing)).contains(
        "This app asks for: email_address, password, first_name, last_name, legal_accepted",
        "the password is shorter than this instance's minimum of 12 characters")
        .doesNotContain("too-short", "orbit-computations-1962");
  }

  @Test
  void aSignUpCodePromptTakesANewCodeAndStartOver() {
    // Enter takes the offered default; n sends a new code; s starts over with an empty sign-up.
    String typed = String.join("\n", "grace@example.com", "", "mary@example.com", "", "n", "s",
        "mary@example.com", "", "") + "\n";
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    FlowResult result = Samples.run(Flows.ALL.get("sign-up-email-code"), print(transcript), input(typed), null);

    String out = text(transcript);
    assertThat(out).contains("(n = I need a new code, s = Start over)", "email_address: That email address is taken");
    assertThat(result.session()).as(out).get().extracting(s -> s.status()).isEqualTo(SessionStatus.ACTIVE);
    // create, send; the new code; after starting over: create, send, verify
    assertThat(result.statuses()).as(out).containsExactly(MR, MR, MR, MR, MR, DONE);
  }

  @Test
  void autoTranscriptHoldsNoPasswordAndNoCode() {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    Samples.run(Flows.ALL.get("client-trust-email"), print(transcript), null, null);

    assertThat(text(transcript))
        .contains("Enter password: ********", "Enter the code we sent you: ******")
        .doesNotContain("cobol-compiler-1959")
        .doesNotContainPattern("\\b\\d{6}\\b");
  }

  @Test
  void aBreachedNewPasswordIsRefusedNextToTheField() {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    Samples.run(Flows.ALL.get("reset-password-email"), print(transcript), null, null);

    assertThat(text(transcript).lines())
        .containsSubsequence("Enter your new password: ********",
            "password: Password has been found in an online data breach. For account safety, please use a different password.",
            "Enter your new password: ********");
  }

  @Test
  void interactiveCodePromptTakesAWrongCodeANewCodeAndStartOver() {
    // Enter takes the offered default (the seeded user's values, the code the emulator sent).
    String typed = String.join("\n", "", "", "000000", "n", "s", "", "", "") + "\n";
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    FlowResult result = Samples.run(Flows.ALL.get("mfa-sms"), print(transcript), input(typed), null);

    String out = text(transcript);
    assertThat(out).contains("(n = I need a new code, s = Start over)", "code: Incorrect code");
    assertThat(out.split("Enter email address \\[katherine@example.com]", -1)).as(out).hasSize(3);
    assertThat(result.session()).as(out).get().extracting(s -> s.status()).isEqualTo(SessionStatus.ACTIVE);
    // password, send; (the wrong code); the new code; after starting over: password, send, verify
    assertThat(result.statuses()).as(out).containsExactly(NSF, NSF, NSF, NSF, NSF, DONE);
  }

  @Test
  void aRealInstanceGetsNoSeedingAndNoDefaults() {
    try (ClerkEmulator instance = ClerkEmulator.builder().clientTrust(false)
        .user(EmulatorUser.builder().email("ada@example.com").password("analytical-engine-1843").build())
        .build().start()) {
      ByteArrayOutputStream transcript = new ByteArrayOutputStream();
      FlowResult result = Samples.run(Flows.ALL.get("password"), print(transcript),
          input("ada@example.com\nanalytical-engine-1843\n"), instance.publishableKey());

      String out = text(transcript);
      assertThat(out).contains("against " + instance.url(), "Enter email address or phone number: ", "Enter password: ")
          .doesNotContain("[");
      assertThat(result.session()).as(out).get().extracting(s -> s.status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }

  @Test
  void aManageRecipeOnAnOldSignInAsksForThePasswordFirst() {
    Flow fresh = Flows.ALL.get("manage-mfa-sms");
    Flow old = new Flow(fresh.name(), fresh.summary(), fresh.guide(), fresh.details(), fresh.seed(),
        fresh.answers().andThen((a, env) -> a.seededPassword("For your security, enter your password", "apollo-guidance-1969")),
        List.of(fresh.steps().get(0),
            new Flow.Step("15 minutes pass", null, (clerk, prompt, env) -> env.letTimePass(Duration.ofMinutes(15), prompt)),
            fresh.steps().get(1)));
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    FlowResult result = Samples.run(old, print(transcript), null, null);

    String out = text(transcript);
    assertThat(out).contains("For your security, enter your password: ********", "Removed. Two-factor authentication is off.");
    assertThat(result.session()).as(out).get().extracting(s -> s.status()).isEqualTo(SessionStatus.ACTIVE);
    // The 10 of a fresh sign-in, and: setReservedForSecondFactor refused, the verification started and
    // attempted with the password. (The emulator asks for reverification on MFA changes only.)
    assertThat(result.requests()).as(out).isEqualTo(13);
  }

  @Test
  void autoStopsWhenARecipeAsksAgain() {
    Flow wrongPassword = Flow.named("wrong-password").summary("s").guide("g").details("d")
        .seed(s -> s.trustedDevice().user(EmulatorUser.builder().email("ada@example.com").password("analytical-engine-1843")))
        .answers((a, env) -> a.value(Flows.IDENTIFIER, "ada@example.com").secret(Flows.PASSWORD, "wrong", "not-her-password"))
        .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
        .build();
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();

    assertThatThrownBy(() -> Samples.run(wrongPassword, print(transcript), null, null))
        .hasMessageContaining("no more answers to \"" + Flows.IDENTIFIER + "\"");
    assertThat(text(transcript)).contains("password: Password is incorrect");
  }

  @Test
  void helpExplainsTheFlow() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Samples.run(new String[] {"reset-password-mfa", "--help"}, stdin(""), print(out), null);

    String help = text(out);
    assertThat(status).isZero();
    assertThat(help).contains(
        "https://clerk.com/docs/guides/development/custom-flows/authentication/forgot-password",
        "samples/src/main/java/io/github/clerk4j/samples/ResetPassword.java",
        "samples/src/main/java/io/github/clerk4j/samples/MfaSignIn.java",
        Flows.IDENTIFIER, Flows.RESET_CODE, Flows.NEW_PASSWORD, Flows.SMS_CODE,
        "--auto", "--publishable-key");
    for (Flow flow : Flows.ALL.values()) {
      for (Class<?> recipe : flow.recipes()) {
        assertThat(REPOSITORY.resolve(Flows.sourceFile(recipe))).as(flow.name()).isRegularFile();
      }
    }
  }

  /**
   * What users paste: clerk4j-core's API (with its desktop helper) and Prompt, no harness, no SPI,
   * no other recipe's code.
   */
  @Test
  void recipesUseOnlyTheCoreApiAndCallNoOtherRecipe() throws IOException {
    Path recipes = Path.of("src/main/java/io/github/clerk4j/samples");
    List<Path> files;
    try (Stream<Path> listed = Files.list(recipes)) {
      files = listed.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<String> names = files.stream().map(p -> p.getFileName().toString().replace(".java", "")).toList();
    List<String> run = Flows.ALL.values().stream().flatMap(f -> f.recipes().stream()).map(Class::getSimpleName)
        .distinct().toList();
    assertThat(names).as("every recipe runs in a flow").containsExactlyInAnyOrderElementsOf(
        Stream.concat(run.stream(), Stream.of("Prompt")).toList());

    for (Path file : files) {
      String self = file.getFileName().toString().replace(".java", "");
      List<String> code = Files.readAllLines(file).stream()
          .filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("/**") && !l.strip().startsWith("//"))
          .toList();
      assertThat(code.stream().filter(l -> l.startsWith("import ")))
          .as(self).allMatch(l -> l.matches("import (static )?(java\\.|io\\.github\\.clerk4j\\.(samples\\.Prompt|desktop\\.|[A-Z]))"
              + ".*"));
      for (String other : names) {
        if (!other.equals(self) && !other.equals("Prompt")) {
          assertThat(code).as(self + " calls " + other).noneMatch(l -> l.matches(".*\\b" + other + "\\b.*"));
        }
      }
    }
  }

  @Test
  void readmeTableLinksEachFlowsRecipesWithItsRequestCount() throws IOException {
    List<String> readme = Files.readAllLines(REPOSITORY.resolve("README.md"));
    Map<String, Object> requests = flows().collect(Collectors.toMap(a -> (String) a.get()[0], a -> a.get()[2]));

    for (Flow flow : Flows.ALL.values()) {
      String row = readme.stream().filter(l -> l.startsWith("| `" + flow.name() + "` |")).findFirst().orElse(null);
      assertThat(row).as("README row of " + flow.name()).isNotNull().contains(flow.guide())
          .startsWith("| `" + flow.name() + "` | " + requests.get(flow.name()) + " | ");
      for (Class<?> recipe : flow.recipes()) {
        assertThat(row).as(flow.name()).contains("(" + Flows.sourceFile(recipe) + ")");
      }
    }
  }

  @Test
  void allPrintsOneLinePerFlowAndTheTotals() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Samples.runAll(print(out));

    List<String> lines = text(out).lines().toList();
    assertThat(status).as(String.join("\n", lines)).isZero();
    assertThat(lines).hasSize(Flows.ALL.size() + 1);
    assertThat(lines.subList(0, Flows.ALL.size())).allMatch(l -> l.matches("PASS [a-z-]+ \\d+ requests \\d+ ms"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo(Flows.ALL.size() + " passed, 0 failed");
  }

  @Test
  void unknownFlowIsAUsageError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Samples.run(new String[] {"no-such-flow"}, stdin(""), print(out), null);

    assertThat(status).isEqualTo(2);
    assertThat(text(out)).contains("no flow named no-such-flow", "  password ");
  }

  @Test
  void autoAgainstARealInstanceIsAUsageError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Samples.run(new String[] {"password", "--auto"}, stdin(""), print(out), "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k");

    assertThat(status).isEqualTo(2);
    assertThat(text(out)).contains("--auto answers from the emulator's outbox");
  }

  @Test
  void interactiveRunStopsWhenInputEnds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Samples.run(new String[] {"password"}, stdin(""), print(out), null);

    assertThat(status).isEqualTo(1);
    assertThat(text(out)).contains("password stopped: no more input");
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static BufferedReader input(String typed) {
    return new BufferedReader(new StringReader(typed));
  }

  private static ByteArrayInputStream stdin(String typed) {
    return new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
  }
}
