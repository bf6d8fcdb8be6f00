package io.github.clerk4j;

import static io.github.clerk4j.MeFixtures.EMAIL_ID;
import static io.github.clerk4j.MeFixtures.SESSION;
import static io.github.clerk4j.MeFixtures.error;
import static io.github.clerk4j.MeFixtures.plainUser;
import static io.github.clerk4j.MeFixtures.reverificationRequired;
import static io.github.clerk4j.MeFixtures.session;
import static io.github.clerk4j.MeFixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.internal.wire.ReverificationResource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import io.github.clerk4j.internal.wire.BackupCodesResource;
import io.github.clerk4j.internal.wire.FactorResource;
import org.junit.jupiter.api.Test;

/** {@link Session#startVerification} and the {@link Clerk#withReverification} helper. */
class ReverificationTest extends ScriptedClerkTest {

  static final String PASSWORD = "correct-horse-9";
  static final String CODE = "482913";
  static final String WRONG = "111111";

  static final FactorResource PASSWORD_FACTOR = Fixtures.bare("password");
  static final FactorResource EMAIL = Fixtures.emailFactor("email_code", "a***@example.com", EMAIL_ID);
  static final FactorResource PHONE_DEFAULT = Fixtures.phoneFactor("phone_code", "+1******0100", "idn_phone", true);
  static final FactorResource TOTP = Fixtures.bare("totp");
  static final FactorResource BACKUP = Fixtures.bare("backup_code");

  ReverificationTest() {
    super(f -> MeFixtures.signedIn(f, session("active", plainUser())));
  }
  /** What the action's call answers, and what the action returns. */
  final BackupCodesResource answer = new BackupCodesResource("bc_1", List.of("c1"), null);
  final BackupCodes codes = new BackupCodes(answer);

  /** The action: one CREATE_BACKUP_CODES per run, counted, and what it threw. */
  final AtomicInteger runs = new AtomicInteger();
  final List<RuntimeException> thrown = new ArrayList<>();
  final Supplier<BackupCodes> action = () -> {
    runs.incrementAndGet();
    try {
      return clerk.user().orElseThrow().createBackupCode();
    } catch (RuntimeException e) {
      thrown.add(e);
      throw e;
    }
  };

  /** A handler that answers from a queue (empty = give up) and records its prompts. */
  final List<ReverificationPrompt> prompts = new ArrayList<>();
  final Deque<String> answers = new ArrayDeque<>();
  final ReverificationHandler handler = prompt -> {
    prompts.add(prompt);
    return Optional.ofNullable(answers.poll());
  };

  List<FapiRequest> sent() {
    List<FapiRequest> all = fake.requests();
    return all.subList(1, all.size());
  }

  List<Endpoint> endpoints() {
    return sent().stream().<Endpoint>map(FapiRequest::endpoint).toList();
  }

  static ReverificationResource needsFirst(FactorResource... offered) {
    return verification("second_factor", "needs_first_factor", List.of(offered), List.of());
  }

  static ReverificationResource needsSecond(FactorResource... offered) {
    return verification("second_factor", "needs_second_factor", List.of(), List.of(offered));
  }

  static ReverificationResource complete() {
    return verification("second_factor", "complete", List.of(), List.of());
  }

  @Test
  void startVerificationSendsTheLevelForTheSession() {
    fake.thenRespond(verification("first_factor", "needs_first_factor", List.of(PASSWORD_FACTOR, EMAIL), List.of()))
        .thenRespond(needsSecond(TOTP))
        .thenRespond(verification("multi_factor", "needs_first_factor", List.of(PASSWORD_FACTOR), List.of()));
    Session s = clerk.session().orElseThrow();
    SessionVerification v = s.startVerification(VerificationLevel.FIRST_FACTOR);
    s.startVerification(VerificationLevel.SECOND_FACTOR);
    s.startVerification(VerificationLevel.MULTI_FACTOR);

    assertThat(endpoints()).containsOnly(Endpoint.START_REVERIFICATION);
    assertThat(sent()).extracting(FapiRequest::sessionId).containsOnly(SESSION);
    assertThat(sent()).extracting(r -> r.form().get("level"))
        .containsExactly("first_factor", "second_factor", "multi_factor");
    assertThat(v.status()).isEqualTo(SessionVerification.Status.NEEDS_FIRST_FACTOR);
    assertThat(v.level()).isEqualTo(VerificationLevel.FIRST_FACTOR);
    assertThat(v.supportedFirstFactors()).containsExactly(new Factor(PASSWORD_FACTOR), new Factor(EMAIL));
    assertThatThrownBy(() -> s.startVerification(VerificationLevel.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLowLevelStepsSendTheSignInBodies() {
    fake.thenRespond(needsFirst(EMAIL))
        .thenRespond(needsFirst(EMAIL))
        .thenRespond(verification("multi_factor", "needs_second_factor", List.of(), List.of(PHONE_DEFAULT)))
        .thenRespond(verification("multi_factor", "needs_second_factor", List.of(), List.of(PHONE_DEFAULT)))
        .thenRespond(verification("multi_factor", "complete", List.of(), List.of()));
    SessionVerification v = clerk.session().orElseThrow().startVerification(VerificationLevel.MULTI_FACTOR)
        .prepareFirstFactor(PrepareFirstFactorParams.emailCode(EMAIL_ID))
        .attemptFirstFactor(AttemptFirstFactorParams.emailCode(CODE))
        .prepareSecondFactor(PrepareSecondFactorParams.phoneCode("idn_phone"))
        .attemptSecondFactor(AttemptSecondFactorParams.phoneCode(CODE));
    assertThat(v.status()).isEqualTo(SessionVerification.Status.COMPLETE);
    assertThat(endpoints()).containsExactly(Endpoint.START_REVERIFICATION,
        Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR, Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR,
        Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR, Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR);
    assertThat(sent().get(1).form().fields())
        .containsExactly(entry("strategy", "email_code"), entry("email_address_id", EMAIL_ID));
    assertThat(sent().get(2).form().fields()).containsExactly(entry("strategy", "email_code"), entry("code", CODE));
    assertThat(sent().get(3).form().fields())
        .containsExactly(entry("strategy", "phone_code"), entry("phone_number_id", "idn_phone"));
    assertThat(sent().get(4).form().fields()).containsExactly(entry("strategy", "phone_code"), entry("code", CODE));
    assertThat(sent()).extracting(FapiRequest::sessionId).containsOnly(SESSION);
  }

  @Test
  void anUnknownStatusIsKeptRaw() {
    fake.thenRespond(verification("quantum_factor", "needs_passkey", List.of(), List.of()));
    SessionVerification v = clerk.session().orElseThrow().startVerification(VerificationLevel.FIRST_FACTOR);
    assertThat(v.status()).isEqualTo(SessionVerification.Status.UNKNOWN);
    assertThat(v.rawStatus()).isEqualTo("needs_passkey");
    assertThat(v.level()).isEqualTo(VerificationLevel.UNKNOWN);
    assertThat(v.rawLevel()).isEqualTo("quantum_factor");
  }

  @Test
  void withoutAReverificationErrorTheActionRunsOnce() {
    fake.thenRespond(answer);
    assertThat(clerk.withReverification(action, handler)).isEqualTo(codes);
    assertThat(runs).hasValue(1);
    assertThat(prompts).isEmpty();
  }

  @Test
  void otherErrorsPassThroughUntouched() {
    ClerkApiException other = error(400, "backup_codes_not_available", null);
    fake.thenThrow(other);
    assertThatThrownBy(() -> clerk.withReverification(action, handler))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.hasCode("backup_codes_not_available")).isTrue());
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES);
    assertThat(prompts).isEmpty();
  }

  @Test
  void byPasswordThenTheActionRunsAgainOnce() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsFirst(PASSWORD_FACTOR, EMAIL)) // a user without a second factor: first factor
        .thenRespond(complete())
        .thenRespond(answer);
    answers.add(PASSWORD);

    assertThat(clerk.withReverification(action, handler)).isEqualTo(codes);

    assertThat(runs).hasValue(2);
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES, Endpoint.START_REVERIFICATION,
        Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR, Endpoint.CREATE_BACKUP_CODES);
    assertThat(sent().get(1).form().fields()).containsExactly(entry("level", "second_factor"));
    assertThat(sent().get(1).sessionId()).isEqualTo(SESSION);
    assertThat(sent().get(2).form().fields()).containsExactly(entry("strategy", "password"), entry("password", PASSWORD));
    assertThat(prompts).hasSize(1);
    ReverificationPrompt p = prompts.get(0);
    assertThat(p.strategy()).isEqualTo(Strategy.PASSWORD);
    assertThat(p.secondFactor()).isFalse();
    assertThat(p.factors()).containsExactly(new Factor(PASSWORD_FACTOR), new Factor(EMAIL));
    assertThat(p.safeIdentifier()).isEmpty();
    assertThat(p.error()).isEmpty();
    assertThat(p.attempt()).isEqualTo(1);
    assertThat(p.level()).isEqualTo(VerificationLevel.SECOND_FACTOR);
  }

  @Test
  void byEmailCodeWhenThereIsNoPasswordTheCodeIsSentBeforeAsking() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsFirst(EMAIL))
        .then(r -> {
          assertThat(prompts).as("the code is sent before the handler is asked").isEmpty();
          return FapiResponse.of(200, needsFirst(EMAIL), null, null);
        })
        .thenRespond(complete())
        .thenRespond(answer);
    answers.add(CODE);

    clerk.withReverification(action, handler);

    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES, Endpoint.START_REVERIFICATION,
        Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR, Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR,
        Endpoint.CREATE_BACKUP_CODES);
    assertThat(sent().get(2).form().fields())
        .containsExactly(entry("strategy", "email_code"), entry("email_address_id", EMAIL_ID));
    assertThat(sent().get(3).form().fields()).containsExactly(entry("strategy", "email_code"), entry("code", CODE));
    assertThat(prompts.get(0).strategy()).isEqualTo(Strategy.EMAIL_CODE);
    assertThat(prompts.get(0).safeIdentifier()).contains("a***@example.com");
  }

  @Test
  void secondFactorByTheDefaultSmsWrongCodeThenRightCode() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsSecond(TOTP, PHONE_DEFAULT, BACKUP))
        .thenRespond(needsSecond(TOTP, PHONE_DEFAULT, BACKUP))
        .thenThrow(error(422, "form_code_incorrect", "code"))
        .thenRespond(complete())
        .thenRespond(answer);
    answers.add(WRONG);
    answers.add(CODE);

    assertThat(clerk.withReverification(action, handler)).isEqualTo(codes);

    assertThat(runs).hasValue(2);
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES, Endpoint.START_REVERIFICATION,
        Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR, Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR,
        Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR, Endpoint.CREATE_BACKUP_CODES);
    assertThat(sent().get(2).form().fields())
        .containsExactly(entry("strategy", "phone_code"), entry("phone_number_id", "idn_phone"));
    assertThat(sent().get(3).form().fields()).containsExactly(entry("strategy", "phone_code"), entry("code", WRONG));
    assertThat(sent().get(4).form().fields()).containsExactly(entry("strategy", "phone_code"), entry("code", CODE));
    assertThat(prompts).hasSize(2);
    assertThat(prompts.get(0).strategy()).isEqualTo(Strategy.PHONE_CODE);
    assertThat(prompts.get(0).secondFactor()).isTrue();
    assertThat(prompts.get(0).safeIdentifier()).contains("+1******0100");
    assertThat(prompts.get(1).attempt()).isEqualTo(2);
    assertThat(prompts.get(1).error()).hasValueSatisfying(e -> assertThat(e.isCodeIncorrect()).isTrue());
  }

  @Test
  void secondFactorPrefersTotpWithoutADefaultAndSendsNothing() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsSecond(BACKUP, Fixtures.phoneFactor("phone_code", "+1******0100", "idn_phone", false), TOTP))
        .thenRespond(complete())
        .thenRespond(answer);
    answers.add(CODE);
    clerk.withReverification(action, handler);
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES, Endpoint.START_REVERIFICATION,
        Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR, Endpoint.CREATE_BACKUP_CODES);
    assertThat(sent().get(2).form().fields()).containsExactly(entry("strategy", "totp"), entry("code", CODE));
  }

  @Test
  void aBackupCodeIsTheLastResort() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsSecond(BACKUP))
        .thenRespond(complete())
        .thenRespond(answer);
    answers.add("bkp-1");
    clerk.withReverification(action, handler);
    assertThat(prompts.get(0).strategy()).isEqualTo(Strategy.BACKUP_CODE);
    assertThat(sent().get(2).form().fields()).containsExactly(entry("strategy", "backup_code"), entry("code", "bkp-1"));
  }

  @Test
  void whenTheHandlerGivesUpTheOriginalExceptionReachesTheCaller() {
    fake.thenThrow(reverificationRequired()).thenRespond(needsSecond(TOTP));
    assertThatThrownBy(() -> clerk.withReverification(action, handler)).isSameAs(thrown.get(0));
    assertThat(runs).hasValue(1);
    assertThat(prompts).hasSize(1);
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES, Endpoint.START_REVERIFICATION);
  }

  @Test
  void theActionRunsAgainExactlyOnce() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsFirst(PASSWORD_FACTOR))
        .thenRespond(complete())
        .thenThrow(reverificationRequired());
    answers.add(PASSWORD);
    assertThatThrownBy(() -> clerk.withReverification(action, handler)).isSameAs(thrown.get(1));
    assertThat(runs).hasValue(2);
    assertThat(prompts).hasSize(1);
  }

  @Test
  void tooManyWrongAnswersEndWithTheLastRefusal() {
    ClerkApiException third = error(422, "form_password_incorrect", "password");
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsFirst(PASSWORD_FACTOR))
        .thenThrow(error(422, "form_password_incorrect", "password"))
        .thenThrow(error(422, "form_password_incorrect", "password"))
        .thenThrow(third);
    answers.addAll(List.of("a", "b", "c", "never asked"));
    assertThatThrownBy(() -> clerk.withReverification(action, handler))
        .isSameAs(third)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(thrown.get(0)));
    assertThat(prompts).hasSize(Reverifier.MAX_ANSWERS_PER_STEP);
    assertThat(prompts).extracting(ReverificationPrompt::attempt).containsExactly(1, 2, 3);
    assertThat(runs).hasValue(1);
  }

  @Test
  void anExpiredCodeIsSentAgainAndAskedAgain() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsSecond(PHONE_DEFAULT))
        .thenRespond(needsSecond(PHONE_DEFAULT))
        .thenThrow(error(400, "verification_expired", null))
        .thenRespond(needsSecond(PHONE_DEFAULT))
        .thenRespond(complete())
        .thenRespond(answer);
    answers.add("old-code");
    answers.add(CODE);
    clerk.withReverification(action, handler);
    assertThat(endpoints()).containsExactly(Endpoint.CREATE_BACKUP_CODES, Endpoint.START_REVERIFICATION,
        Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR, Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR,
        Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR, Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR,
        Endpoint.CREATE_BACKUP_CODES);
    assertThat(prompts.get(1).error()).hasValueSatisfying(e -> assertThat(e.isVerificationExpired()).isTrue());
  }

  @Test
  void multiFactorGoesThroughBothSteps() {
    fake.thenThrow(reverificationRequired())
        .thenRespond(verification("multi_factor", "needs_first_factor", List.of(PASSWORD_FACTOR), List.of()))
        .thenRespond(verification("multi_factor", "needs_second_factor", List.of(), List.of(TOTP)))
        .thenRespond(verification("multi_factor", "complete", List.of(), List.of()))
        .thenRespond(answer);
    answers.add(PASSWORD);
    answers.add(CODE);
    clerk.withReverification(action, handler);
    assertThat(prompts).extracting(ReverificationPrompt::strategy).containsExactly(Strategy.PASSWORD, Strategy.TOTP);
    assertThat(prompts).extracting(ReverificationPrompt::level).containsOnly(VerificationLevel.MULTI_FACTOR);
  }

  @Test
  void aServerRefusingTheLevelGetsFirstFactor() {
    fake.thenThrow(reverificationRequired())
        .thenThrow(error(422, "form_param_value_invalid", "level"))
        .thenRespond(verification("first_factor", "needs_first_factor", List.of(PASSWORD_FACTOR), List.of()))
        .thenRespond(complete())
        .thenRespond(answer);
    answers.add(PASSWORD);
    clerk.withReverification(action, handler);
    assertThat(sent().get(1).form().get("level")).isEqualTo("second_factor");
    assertThat(sent().get(2).form().get("level")).isEqualTo("first_factor");
  }

  @Test
  void noFactorClerk4jCanCompleteIsTheOriginalErrorWithAHint() {
    fake.thenThrow(reverificationRequired()).thenRespond(needsFirst(Fixtures.bare("passkey")));
    assertThatThrownBy(() -> clerk.withReverification(action, handler))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> assertThat(e.isReverificationRequired()).isTrue())
        .hasMessageContaining("passkey");
    assertThat(prompts).isEmpty();
  }

  @Test
  void clerkAsyncRunsTheSameLoopOnTheExecutor() throws Exception {
    fake.thenThrow(reverificationRequired())
        .thenRespond(needsFirst(PASSWORD_FACTOR))
        .thenRespond(complete())
        .thenRespond(answer);
    List<String> threads = new ArrayList<>();
    CompletableFuture<BackupCodes> f = clerk.async(() -> clerk.withReverification(action, prompt -> {
      threads.add(Thread.currentThread().getName());
      return Optional.of(PASSWORD);
    }));
    assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(codes);
    assertThat(threads).singleElement().asString().startsWith("clerk4j-async-");
    assertThat(runs).hasValue(2);
  }

  @Test
  void clerkAsyncFailsWithTheOriginalWhenTheHandlerGivesUp() {
    fake.thenThrow(reverificationRequired()).thenRespond(needsFirst(PASSWORD_FACTOR));
    CompletableFuture<BackupCodes> f = clerk.async(() -> clerk.withReverification(action, prompt -> Optional.empty()));
    assertThat(f).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
        .satisfies(e -> assertThat(e.getCause()).isSameAs(thrown.get(0)));
  }

  @Test
  void signedOutTheOriginalExceptionReachesTheCaller() {
    ClerkApiException original = reverificationRequired();
    Clerk signedOut = Fixtures.clerk(fake);
    assertThatThrownBy(() -> signedOut.withReverification(() -> {
      throw original;
    }, handler)).isSameAs(original);
    signedOut.close();
  }
}
