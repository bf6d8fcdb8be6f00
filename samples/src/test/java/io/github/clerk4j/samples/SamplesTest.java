package io.github.clerk4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.testing.EmulatorUser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample flow with --auto against its embedded emulator ends signed in, the expected way. */
class SamplesTest {

  private static final String NFF = "needs_first_factor";
  private static final String NSF = "needs_second_factor";
  private static final String NCT = "needs_client_trust";
  private static final String NNP = "needs_new_password";
  private static final String DONE = "complete";

  static Stream<Arguments> flows() {
    return Stream.of(
        Arguments.of("password", List.of(DONE), 2),
        Arguments.of("client-trust-email", List.of(NCT, NCT, DONE), 4),
        Arguments.of("client-trust-sms", List.of(NCT, NCT, DONE), 4),
        Arguments.of("mfa-sms", List.of(NSF, NSF, DONE), 4),
        Arguments.of("mfa-totp", List.of(NSF, DONE), 3),
        Arguments.of("mfa-backup-code", List.of(NSF, DONE), 3),
        Arguments.of("reset-password-email", List.of(NFF, NNP, DONE), 5),
        Arguments.of("reset-password-phone", List.of(NFF, NNP, DONE), 5),
        Arguments.of("reset-password-mfa", List.of(NFF, NNP, NSF, NSF, DONE), 7),
        Arguments.of("email-code", List.of(NFF, DONE), 4),
        Arguments.of("compromised-password", List.of(NFF, DONE), 6),
        Arguments.of("manage-mfa-sms", List.of(DONE), 10),
        Arguments.of("manage-mfa-totp", List.of(DONE), 5),
        Arguments.of("backup-codes", List.of(NSF, DONE), 4),
        Arguments.of("session-tasks", List.of(DONE), 4),
        Arguments.of("reverification", List.of(NSF, DONE), 7));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flows")
  void flowEndsWithAnActiveSession(String name, List<String> statuses, int requests) {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    FlowResult result =
        Samples.run(
            Samples.FLOWS.get(name),
            Console.auto(new PrintStream(transcript, true, StandardCharsets.UTF_8)),
            null);

    String out = transcript.toString(StandardCharsets.UTF_8);
    assertThat(result.session()).as(out).isPresent();
    assertThat(result.session().get().status()).as(out).isEqualTo(SessionStatus.ACTIVE);
    assertThat(result.statuses()).as(out).isEqualTo(statuses);
    assertThat(result.requests()).as(out).isEqualTo(requests);
  }

  /** On a new device (a real instance's case) the account samples' password sign-in confirms it by e-mail. */
  @Test
  void passwordSignInOnANewDeviceConfirmsItWithAnEmailCode() {
    Flow newDevice = new Flow() {
      @Override
      public String name() {
        return "password-new-device";
      }

      @Override
      public String guide() {
        return new PasswordFlow().guide();
      }

      @Override
      public void seed(EmulatorSetup setup) {
        setup.user(EmulatorUser.builder().email(PasswordFlow.EMAIL).password(PasswordFlow.PASSWORD), false);
      }

      @Override
      public void run(FlowContext ctx) {
        PasswordFlow.signIn(ctx, PasswordFlow.EMAIL, PasswordFlow.PASSWORD);
      }
    };
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    FlowResult result =
        Samples.run(newDevice, Console.auto(new PrintStream(transcript, true, StandardCharsets.UTF_8)), null);

    String out = transcript.toString(StandardCharsets.UTF_8);
    assertThat(result.session()).as(out).get().extracting(s -> s.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(result.statuses()).as(out).containsExactly(NCT, NCT, DONE);
    assertThat(out).contains("Code: ******").doesNotContain(PasswordFlow.PASSWORD);
  }

  @Test
  void everyFlowIsTested() {
    assertThat(flows().map(a -> (String) a.get()[0])).containsExactlyElementsOf(Samples.FLOWS.keySet());
  }

  @Test
  void allPrintsOneLinePerFlowAndTheTotals() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Samples.runAll(new PrintStream(out, true, StandardCharsets.UTF_8));

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(status).as(String.join("\n", lines)).isZero();
    assertThat(lines).hasSize(Samples.FLOWS.size() + 1);
    assertThat(lines.subList(0, Samples.FLOWS.size()))
        .allMatch(l -> l.matches("PASS [a-z-]+ \\d+ requests \\d+ ms"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo(Samples.FLOWS.size() + " passed, 0 failed");
  }

  @Test
  void unknownFlowIsAUsageError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Samples.run(new String[] {"no-such-flow"}, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no flow named no-such-flow", "flows: password,");
  }
}
