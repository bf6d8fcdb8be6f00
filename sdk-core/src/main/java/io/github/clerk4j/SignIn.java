package io.github.clerk4j;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.SignInResource;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of a sign-in attempt, and the actions that move it on. Every action sends
 * what clerk-js {@code SignInFuture} sends (wire spec §2.1) and returns a <em>new</em> {@code
 * SignIn}; this one stays valid, so after a failure (an exception) the caller still holds a usable
 * value to retry from.
 *
 * <p>Expected outcomes are states: check {@link #status()} after each step ({@link
 * SignInStatus#NEEDS_CLIENT_TRUST}, {@link SignInStatus#NEEDS_SECOND_FACTOR}, ...). Failures are
 * {@link ClerkApiException} (the server said no; see its predicates and {@code fieldErrors()}) or
 * {@link ClerkNetworkException}.
 *
 * <p>Every action has a {@link CompletableFuture} form under {@link #async()}.
 */
public final class SignIn {

  private static final Logger LOG = System.getLogger("io.github.clerk4j");

  private final Clerk clerk;
  /** Null for the empty, local sign-in that no request created yet. */
  private final SignInResource resource;

  SignIn(Clerk clerk, SignInResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.resource = resource;
  }

  // ---------------------------------------------------------------- getters

  /** {@code sia_...}; {@code null} for an empty sign-in that was never sent. */
  public String id() {
    return resource == null ? null : resource.id();
  }

  /** What the sign-in needs next; {@link SignInStatus#UNKNOWN} for a status this version does not know. */
  public SignInStatus status() {
    return SignInStatus.fromWire(rawStatus());
  }

  /** The status as sent ({@code needs_identifier} for an empty sign-in). */
  public String rawStatus() {
    return resource == null || resource.status() == null ? "needs_identifier" : resource.status();
  }

  /** The identifier the user typed, if any. */
  public Optional<String> identifier() {
    return Optional.ofNullable(resource == null ? null : resource.identifier());
  }

  /** First factors the user may verify (empty once the first factor is done). */
  public List<Factor> supportedFirstFactors() {
    return resource == null ? List.of() : resource.supportedFirstFactors();
  }

  /** Second factors offered for {@code NEEDS_SECOND_FACTOR} / {@code NEEDS_CLIENT_TRUST}. */
  public List<Factor> supportedSecondFactors() {
    return resource == null ? List.of() : resource.supportedSecondFactors();
  }

  /** The state of the first-factor verification, if one started. */
  public Optional<Verification> firstFactorVerification() {
    return Optional.ofNullable(resource == null ? null : resource.firstFactorVerification());
  }

  /** The state of the second-factor verification, if one started. */
  public Optional<Verification> secondFactorVerification() {
    return Optional.ofNullable(resource == null ? null : resource.secondFactorVerification());
  }

  /** The session this sign-in created, once {@link SignInStatus#COMPLETE}. */
  public Optional<String> createdSessionId() {
    return Optional.ofNullable(resource == null ? null : resource.createdSessionId());
  }

  /** What may be shown of the user before sign-in completes. */
  public Optional<UserData> userData() {
    return Optional.ofNullable(resource == null ? null : resource.userData());
  }

  /** Client Trust: whether this device is known to the user; {@link ClientTrustState#UNKNOWN} if unsent or new. */
  public ClientTrustState clientTrustState() {
    return ClientTrustState.fromWire(rawClientTrustState().orElse(null));
  }

  /** The Client Trust state as sent. */
  public Optional<String> rawClientTrustState() {
    return Optional.ofNullable(resource == null ? null : resource.clientTrustState());
  }

  /** When the server abandons this attempt. */
  public Optional<Instant> abandonAt() {
    return Optional.ofNullable(resource == null ? null : resource.abandonAt());
  }

  // ---------------------------------------------------------------- flows

  /**
   * Signs in with identifier (e-mail, phone or username) and password: one S1 request with {@code
   * identifier} and {@code password} and no {@code strategy}, as clerk-js {@code
   * SignInFuture.password}. Always a new sign-in. The result is {@code COMPLETE}, {@code
   * NEEDS_SECOND_FACTOR} or {@code NEEDS_CLIENT_TRUST}.
   *
   * @throws ClerkApiException e.g. {@link ClerkApiException#isPasswordIncorrect()}, {@link
   *     ClerkApiException#isPasswordCompromised()}, {@link ClerkApiException#isIdentifierNotFound()}
   */
  public SignIn password(String identifier, String password) {
    return withHints(() -> create(SignInCreateParams.password(identifier, password)), Hints.PASSWORD);
  }

  /** {@link #password(String, String)} with this sign-in's identifier. */
  public SignIn password(String password) {
    String identifier = identifier().orElseThrow(() -> new IllegalStateException(
        "this sign-in has no identifier: call password(identifier, password)"));
    return password(identifier, password);
  }

  /** Second factors: MFA and Client Trust codes, TOTP, backup codes. */
  public Mfa<SignIn> mfa() {
    return new Mfa<>(this, Supplier::get);
  }

  /** Sign-in by a code sent by e-mail (also the way on after a compromised password). */
  public CodeFlow<SignIn> emailCode() {
    return new CodeFlow<>(this, Strategy.EMAIL_CODE, Supplier::get);
  }

  /** Sign-in by a code sent by SMS. */
  public CodeFlow<SignIn> phoneCode() {
    return new CodeFlow<>(this, Strategy.PHONE_CODE, Supplier::get);
  }

  /** Forgot password, by a code sent by e-mail. */
  public ResetPasswordFlow<SignIn> resetPasswordEmailCode() {
    return new ResetPasswordFlow<>(this, Strategy.RESET_PASSWORD_EMAIL_CODE, Supplier::get);
  }

  /** Forgot password, by a code sent by SMS. */
  public ResetPasswordFlow<SignIn> resetPasswordPhoneCode() {
    return new ResetPasswordFlow<>(this, Strategy.RESET_PASSWORD_PHONE_CODE, Supplier::get);
  }

  /**
   * Starts over: an empty sign-in, also made the client's current one locally. No request (as
   * clerk-js {@code reset()}).
   */
  public SignIn reset() {
    clerk.resetSignInLocally();
    return new SignIn(clerk, null);
  }

  /**
   * Finishes a {@link SignInStatus#COMPLETE complete} sign-in: makes the created session the
   * active one ({@link Clerk#setActive(Session)}), fetching the client first if the session is not
   * in the local snapshot, then calls {@code navigate}. A {@link SessionStatus#PENDING pending}
   * session (one with tasks) is logged as a warning and passed to {@code navigate}: route the user
   * to {@link Session#currentTask()}.
   *
   * <p>(There is no {@code finalize()} without arguments: Java reserves that signature for {@link
   * Object}. Use {@code finalize(Navigate.none())}.)
   *
   * @return the active session
   * @throws IllegalStateException the sign-in has no created session yet
   */
  public Session finalize(Navigate navigate) {
    Objects.requireNonNull(navigate, "navigate");
    String sessionId = createdSessionId().orElseThrow(() -> new IllegalStateException(
        "finalize() needs a complete sign-in with a created session; status is " + rawStatus()
            + ": continue the flow first"));
    Session session = clerk.client().session(sessionId)
        .or(() -> clerk.loadClient().session(sessionId))
        .orElseThrow(() -> new ClerkException(
            "session " + sessionId + " is not in the client; call Clerk.loadClient() and retry"));
    Session active = clerk.setActive(session);
    if (active.status() == SessionStatus.PENDING || !active.tasks().isEmpty()) {
      LOG.log(Level.WARNING, () -> "session " + active.id() + " is " + active.rawStatus()
          + " with tasks " + active.tasks().stream().map(SessionTask::rawKey).toList()
          + ": it counts as signed out until they are done (see Session.currentTask())");
    }
    navigate.navigate(active, UnaryOperator.identity());
    return active;
  }

  // ---------------------------------------------------------------- lower level

  /** S1: creates a new sign-in (replacing the client's current one). */
  public SignIn create(SignInCreateParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.CREATE_SIGN_IN, null, params.form());
  }

  /** S2: fetches this sign-in again. */
  public SignIn reload() {
    return call(Endpoint.GET_SIGN_IN, requireId("reload()"), Form.empty());
  }

  /** S3: sends a first-factor code (always a request; see {@link CodeFlow#sendCode()} for the shared form). */
  public SignIn prepareFirstFactor(PrepareFirstFactorParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.PREPARE_FIRST_FACTOR, requireId("prepareFirstFactor()"), params.form());
  }

  /** S4: verifies the first factor (password or code). Never retried once it may have been sent. */
  public SignIn attemptFirstFactor(AttemptFirstFactorParams params) {
    Objects.requireNonNull(params, "params");
    return attempt(Endpoint.ATTEMPT_FIRST_FACTOR, params.form());
  }

  /** S5: sends a second-factor code (MFA or Client Trust). */
  public SignIn prepareSecondFactor(PrepareSecondFactorParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.PREPARE_SECOND_FACTOR, requireId("prepareSecondFactor()"), params.form());
  }

  /** S6: verifies the second factor. Never retried once it may have been sent. */
  public SignIn attemptSecondFactor(AttemptSecondFactorParams params) {
    Objects.requireNonNull(params, "params");
    return attempt(Endpoint.ATTEMPT_SECOND_FACTOR, params.form());
  }

  /** S7: sets the new password when the status is {@link SignInStatus#NEEDS_NEW_PASSWORD}. */
  public SignIn resetPassword(ResetPasswordParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.RESET_PASSWORD, requireId("resetPassword()"), params.form());
  }

  /** The {@link CompletableFuture} form of every action, run on the Clerk's executor. */
  public Async async() {
    return new Async(this);
  }

  // ---------------------------------------------------------------- machinery

  /** One sign-in call: execute, then the answer's sign-in is the new value. */
  private SignIn call(Endpoint<SignInResource> endpoint, String id, Form form) {
    FapiResponse<SignInResource> r = clerk.execute(endpoint, id, null, form);
    if (r.response() == null) {
      throw new ClerkException("the server answered " + endpoint + " without a sign-in");
    }
    return new SignIn(clerk, r.response());
  }

  /**
   * An attempt uses up or fails a sent code, so shared sends of this sign-in are forgotten when it
   * succeeds, or when the code expired or failed for good (the next send must be a real one).
   */
  private SignIn attempt(Endpoint<SignInResource> endpoint, Form form) {
    String id = requireId(endpoint == Endpoint.ATTEMPT_FIRST_FACTOR ? "attemptFirstFactor()" : "attemptSecondFactor()");
    try {
      SignIn next = call(endpoint, id, form);
      forgetSends(id);
      return next;
    } catch (ClerkApiException e) {
      if (e.isVerificationExpired() || e.isVerificationFailed()) {
        forgetSends(id);
      }
      throw e;
    }
  }

  private void forgetSends(String signInId) {
    clerk.sends().invalidate(k -> k instanceof SendKey && ((SendKey) k).signInId().equals(signInId));
  }

  /** What makes two code sends identical. */
  private record SendKey(String signInId, String endpoint, Form form) {}

  /**
   * Sends a code through the coalescer: an identical plain send within 30 s returns the newest
   * state of this sign-in without a request; {@code force} always sends.
   */
  private SignIn send(Endpoint<SignInResource> endpoint, FormParams params, boolean force) {
    String id = requireId("sending a code");
    SendKey key = new SendKey(id, endpoint.name(), params.form());
    SignIn sent = clerk.sends().send(key, force, () -> call(endpoint, id, params.form()));
    if (sent == null) {
      return this;
    }
    // A shared send may be older than what the client has since learnt (e.g. a failed attempt).
    return clerk.client().signIn().filter(s -> id.equals(s.id())).orElse(sent);
  }

  private String requireId(String action) {
    if (id() == null) {
      throw new IllegalStateException(action + " needs a sign-in that exists on the server: "
          + "start with password(...), emailCode().sendCode(identifier) or create(...)");
    }
    return id();
  }

  /** Rethrows an API error with a hint that names the call to make next. */
  private static SignIn withHints(Supplier<SignIn> action, Function<ClerkApiException, String> hints) {
    try {
      return action.get();
    } catch (ClerkApiException e) {
      String hint = hints.apply(e);
      throw hint == null ? e : e.withHint(hint);
    }
  }

  /** The offered factor for a code strategy: an explicit id, else the default, else the first. */
  private static Factor pickFactor(List<Factor> offered, Strategy strategy, String id, String identifier,
      String listName) {
    List<Factor> matching = offered.stream().filter(f -> f.strategy() == strategy).toList();
    Optional<Factor> chosen;
    if (id != null) {
      chosen = matching.stream()
          .filter(f -> id.equals(f.emailAddressId()) || id.equals(f.phoneNumberId())).findFirst();
    } else {
      chosen = matching.stream()
          .filter(f -> identifier != null && identifier.equalsIgnoreCase(f.safeIdentifier())).findFirst()
          .or(() -> matching.stream().filter(Factor::isDefault).findFirst())
          .or(() -> matching.stream().filter(f -> Boolean.TRUE.equals(f.primary())).findFirst())
          .or(() -> matching.stream().findFirst());
    }
    return chosen.orElseThrow(() -> new IllegalStateException(
        "no " + strategy.wireValue() + " factor" + (id == null ? "" : " with id " + id)
            + " is offered in " + listName + "; offered: " + describe(offered)));
  }

  private static String describe(List<Factor> factors) {
    if (factors.isEmpty()) {
      return "none";
    }
    return factors.stream()
        .map(f -> f.rawStrategy()
            + (f.safeIdentifier() == null ? "" : " (" + f.safeIdentifier() + ")")
            + (f.isDefault() ? " [default]" : ""))
        .collect(Collectors.joining(", "));
  }

  // --- the code flows, one implementation parameterised by strategy

  private SignIn sendSecondFactorCode(Strategy strategy, String id, boolean force) {
    Factor f = pickFactor(supportedSecondFactors(), strategy, id, null, "supportedSecondFactors");
    PrepareSecondFactorParams params = PrepareSecondFactorParams.of(
        strategy, strategy == Strategy.EMAIL_CODE ? f.emailAddressId() : f.phoneNumberId());
    return withHints(() -> send(Endpoint.PREPARE_SECOND_FACTOR, params, force), Hints.SEND);
  }

  private SignIn verifySecondFactor(Strategy strategy, String code, String resendCall) {
    return withHints(() -> attemptSecondFactor(AttemptSecondFactorParams.of(strategy, code)),
        e -> Hints.verify(e, strategy, resendCall));
  }

  /**
   * First-factor code flows: with an identifier, S1 first unless this sign-in already has it, then
   * S3 with the factor that matches it.
   */
  private SignIn sendFirstFactorCode(Strategy strategy, String identifier, boolean force) {
    SignIn target = this;
    if (identifier != null) {
      boolean reusable = id() != null && status() == SignInStatus.NEEDS_FIRST_FACTOR
          && identifier().map(identifier::equalsIgnoreCase).orElse(false);
      if (!reusable) {
        target = withHints(() -> create(SignInCreateParams.identifier(identifier)), Hints.PASSWORD);
      }
    }
    SignIn on = target;
    Factor f = pickFactor(on.supportedFirstFactors(), strategy, null,
        identifier != null ? identifier : on.identifier().orElse(null), "supportedFirstFactors");
    boolean byEmail = strategy == Strategy.EMAIL_CODE || strategy == Strategy.RESET_PASSWORD_EMAIL_CODE;
    PrepareFirstFactorParams params =
        PrepareFirstFactorParams.of(strategy, byEmail ? f.emailAddressId() : f.phoneNumberId());
    return withHints(() -> on.send(Endpoint.PREPARE_FIRST_FACTOR, params, force), Hints.SEND);
  }

  private SignIn verifyFirstFactorCode(Strategy strategy, String code, String resendCall) {
    return withHints(() -> attemptFirstFactor(AttemptFirstFactorParams.code(strategy, code)),
        e -> Hints.verify(e, strategy, resendCall));
  }

  private SignIn submitNewPassword(String password, boolean signOutOfOtherSessions) {
    return withHints(() -> resetPassword(ResetPasswordParams.of(password, signOutOfOtherSessions)),
        Hints.NEW_PASSWORD);
  }

  /** Runs a view's action: directly, or on the executor for {@link Async}. */
  @FunctionalInterface
  interface Runner<R> {
    R run(Supplier<SignIn> action);
  }

  /**
   * The second-factor step ({@code NEEDS_SECOND_FACTOR} or {@code NEEDS_CLIENT_TRUST}). {@code R}
   * is {@link SignIn} from {@link SignIn#mfa()}, {@code CompletableFuture<SignIn>} from {@link
   * Async#mfa()}.
   *
   * <p>A plain {@code send*} within 30 s of an identical successful send reuses that send (no
   * request, the code the user has stays valid); {@code resend*} always sends a new code.
   */
  public static final class Mfa<R> {
    private final SignIn signIn;
    private final Runner<R> runner;

    Mfa(SignIn signIn, Runner<R> runner) {
      this.signIn = signIn;
      this.runner = runner;
    }

    /**
     * The offered second factors, with their masked destinations ({@link Factor#safeIdentifier()})
     * and which is the user's default ({@link Factor#isDefault()}).
     */
    public List<Factor> factors() {
      return signIn.supportedSecondFactors();
    }

    /** The user's default second factor, if one is marked. */
    public Optional<Factor> defaultFactor() {
      return factors().stream().filter(Factor::isDefault).findFirst();
    }

    /**
     * S5 {@code email_code} to the offered e-mail factor (the default first).
     *
     * @throws IllegalStateException no e-mail factor is offered; the message lists those that are
     */
    public R sendEmailCode() {
      return runner.run(() -> signIn.sendSecondFactorCode(Strategy.EMAIL_CODE, null, false));
    }

    /** S5 {@code email_code} to the factor of this e-mail address id. */
    public R sendEmailCode(String emailAddressId) {
      Objects.requireNonNull(emailAddressId, "emailAddressId");
      return runner.run(() -> signIn.sendSecondFactorCode(Strategy.EMAIL_CODE, emailAddressId, false));
    }

    /** A new e-mail code even if one was just sent ("I need a new code"). */
    public R resendEmailCode() {
      return runner.run(() -> signIn.sendSecondFactorCode(Strategy.EMAIL_CODE, null, true));
    }

    /**
     * S5 {@code phone_code} to the offered phone factor (the default first).
     *
     * @throws IllegalStateException no phone factor is offered; the message lists those that are
     */
    public R sendPhoneCode() {
      return runner.run(() -> signIn.sendSecondFactorCode(Strategy.PHONE_CODE, null, false));
    }

    /** S5 {@code phone_code} to the factor of this phone number id. */
    public R sendPhoneCode(String phoneNumberId) {
      Objects.requireNonNull(phoneNumberId, "phoneNumberId");
      return runner.run(() -> signIn.sendSecondFactorCode(Strategy.PHONE_CODE, phoneNumberId, false));
    }

    /** A new SMS code even if one was just sent ("I need a new code"). */
    public R resendPhoneCode() {
      return runner.run(() -> signIn.sendSecondFactorCode(Strategy.PHONE_CODE, null, true));
    }

    /** S6 {@code email_code}. */
    public R verifyEmailCode(String code) {
      return runner.run(() -> signIn.verifySecondFactor(Strategy.EMAIL_CODE, code, "mfa().sendEmailCode()"));
    }

    /** S6 {@code phone_code}. */
    public R verifyPhoneCode(String code) {
      return runner.run(() -> signIn.verifySecondFactor(Strategy.PHONE_CODE, code, "mfa().sendPhoneCode()"));
    }

    /** S6 {@code totp}: a code from the authenticator app; no send needed. */
    public R verifyTOTP(String code) {
      return runner.run(() -> signIn.verifySecondFactor(Strategy.TOTP, code, null));
    }

    /** S6 {@code backup_code}: one of the user's single-use backup codes; no send needed. */
    public R verifyBackupCode(String code) {
      return runner.run(() -> signIn.verifySecondFactor(Strategy.BACKUP_CODE, code, null));
    }

    @Override
    public String toString() {
      return "SignIn.Mfa{" + signIn.id() + ", factors=" + describe(factors()) + '}';
    }
  }

  /**
   * A first factor by one-time code: sign-in by e-mail or SMS code, and the code part of a
   * password reset. One implementation for every code strategy.
   */
  public static class CodeFlow<R> {
    final SignIn signIn;
    final Strategy strategy;
    final Runner<R> runner;

    CodeFlow(SignIn signIn, Strategy strategy, Runner<R> runner) {
      this.signIn = signIn;
      this.strategy = strategy;
      this.runner = runner;
    }

    /** The strategy of this flow. */
    public Strategy strategy() {
      return strategy;
    }

    /**
     * Sends a code for {@code identifier} (an e-mail address or phone number): creates a sign-in
     * with it (S1) unless this sign-in already has it, then S3 with the matching factor. Within 30
     * s of an identical successful send, reuses it (see {@link #resendCode()}).
     *
     * @throws IllegalStateException the account offers no such factor; the message lists those it does
     */
    public R sendCode(String identifier) {
      FormParams.require(identifier, "identifier");
      return runner.run(() -> signIn.sendFirstFactorCode(strategy, identifier, false));
    }

    /** Sends a code on this sign-in (which already has an identifier): S3 only. */
    public R sendCode() {
      return runner.run(() -> signIn.sendFirstFactorCode(strategy, null, false));
    }

    /** Sends a new code on this sign-in even if one was just sent ("I need a new code"). */
    public R resendCode() {
      return runner.run(() -> signIn.sendFirstFactorCode(strategy, null, true));
    }

    /** S4 with the code the user received. */
    public R verifyCode(String code) {
      return runner.run(() -> signIn.verifyFirstFactorCode(strategy, code, callName() + ".sendCode()"));
    }

    String callName() {
      return Hints.flowName(strategy);
    }

    @Override
    public String toString() {
      return "SignIn." + callName() + "{" + signIn.id() + '}';
    }
  }

  /**
   * Forgot password: {@code sendCode}, {@code verifyCode} (→ {@link
   * SignInStatus#NEEDS_NEW_PASSWORD}), then {@code submitPassword} (→ {@code COMPLETE}, or {@code
   * NEEDS_SECOND_FACTOR} when the user has MFA: continue with {@link SignIn#mfa()}).
   */
  public static final class ResetPasswordFlow<R> extends CodeFlow<R> {

    ResetPasswordFlow(SignIn signIn, Strategy strategy, Runner<R> runner) {
      super(signIn, strategy, runner);
    }

    /** S7 with the new password, signing out of other sessions (as clerk-js does by default). */
    public R submitPassword(String password) {
      return submitPassword(password, true);
    }

    /**
     * S7 with the new password.
     *
     * @throws ClerkApiException password policy errors as field errors on {@code password}, e.g.
     *     {@link ClerkApiException#isPasswordPwned()}
     */
    public R submitPassword(String password, boolean signOutOfOtherSessions) {
      return runner.run(() -> signIn.submitNewPassword(password, signOutOfOtherSessions));
    }
  }

  /**
   * The {@link CompletableFuture} form of every {@link SignIn} action. Each runs the blocking
   * action on the Clerk's executor; failures complete the future exceptionally with the same
   * exceptions.
   */
  public static final class Async {
    private final SignIn signIn;

    Async(SignIn signIn) {
      this.signIn = signIn;
    }

    private <V> CompletableFuture<V> supply(Supplier<V> action) {
      try {
        return CompletableFuture.supplyAsync(action, signIn.clerk.executor());
      } catch (RejectedExecutionException e) {
        // a closed Clerk's own executor refuses work: report it through the future, as any failure
        return CompletableFuture.failedFuture(
            new IllegalStateException("the Clerk's executor refused the task (is the Clerk closed?)", e));
      }
    }

    /** {@link SignIn#password(String, String)}. */
    public CompletableFuture<SignIn> password(String identifier, String password) {
      return supply(() -> signIn.password(identifier, password));
    }

    /** {@link SignIn#password(String)}. */
    public CompletableFuture<SignIn> password(String password) {
      return supply(() -> signIn.password(password));
    }

    /** {@link SignIn#mfa()}. */
    public Mfa<CompletableFuture<SignIn>> mfa() {
      return new Mfa<>(signIn, this::supply);
    }

    /** {@link SignIn#emailCode()}. */
    public CodeFlow<CompletableFuture<SignIn>> emailCode() {
      return new CodeFlow<>(signIn, Strategy.EMAIL_CODE, this::supply);
    }

    /** {@link SignIn#phoneCode()}. */
    public CodeFlow<CompletableFuture<SignIn>> phoneCode() {
      return new CodeFlow<>(signIn, Strategy.PHONE_CODE, this::supply);
    }

    /** {@link SignIn#resetPasswordEmailCode()}. */
    public ResetPasswordFlow<CompletableFuture<SignIn>> resetPasswordEmailCode() {
      return new ResetPasswordFlow<>(signIn, Strategy.RESET_PASSWORD_EMAIL_CODE, this::supply);
    }

    /** {@link SignIn#resetPasswordPhoneCode()}. */
    public ResetPasswordFlow<CompletableFuture<SignIn>> resetPasswordPhoneCode() {
      return new ResetPasswordFlow<>(signIn, Strategy.RESET_PASSWORD_PHONE_CODE, this::supply);
    }

    /** {@link SignIn#finalize(Navigate)}. */
    public CompletableFuture<Session> finalize(Navigate navigate) {
      return supply(() -> signIn.finalize(navigate));
    }

    /** {@link SignIn#create(SignInCreateParams)}. */
    public CompletableFuture<SignIn> create(SignInCreateParams params) {
      return supply(() -> signIn.create(params));
    }

    /** {@link SignIn#reload()}. */
    public CompletableFuture<SignIn> reload() {
      return supply(signIn::reload);
    }

    /** {@link SignIn#prepareFirstFactor(PrepareFirstFactorParams)}. */
    public CompletableFuture<SignIn> prepareFirstFactor(PrepareFirstFactorParams params) {
      return supply(() -> signIn.prepareFirstFactor(params));
    }

    /** {@link SignIn#attemptFirstFactor(AttemptFirstFactorParams)}. */
    public CompletableFuture<SignIn> attemptFirstFactor(AttemptFirstFactorParams params) {
      return supply(() -> signIn.attemptFirstFactor(params));
    }

    /** {@link SignIn#prepareSecondFactor(PrepareSecondFactorParams)}. */
    public CompletableFuture<SignIn> prepareSecondFactor(PrepareSecondFactorParams params) {
      return supply(() -> signIn.prepareSecondFactor(params));
    }

    /** {@link SignIn#attemptSecondFactor(AttemptSecondFactorParams)}. */
    public CompletableFuture<SignIn> attemptSecondFactor(AttemptSecondFactorParams params) {
      return supply(() -> signIn.attemptSecondFactor(params));
    }

    /** {@link SignIn#resetPassword(ResetPasswordParams)}. */
    public CompletableFuture<SignIn> resetPassword(ResetPasswordParams params) {
      return supply(() -> signIn.resetPassword(params));
    }
  }

  // ---------------------------------------------------------------- value

  /** The wire resource, or null for an empty sign-in. */
  SignInResource resource() {
    return resource;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignIn && ((SignIn) o).clerk == clerk && Objects.equals(((SignIn) o).resource, resource);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(resource);
  }

  @Override
  public String toString() {
    return "SignIn{id=" + id() + ", status=" + rawStatus()
        + ", identifier=" + identifier().map(SignIn::mask).orElse(null)
        + ", firstFactors=" + supportedFirstFactors().stream().map(Factor::rawStrategy).toList()
        + ", secondFactors=" + supportedSecondFactors().stream().map(Factor::rawStrategy).toList()
        + ", createdSessionId=" + createdSessionId().orElse(null) + '}';
  }

  /** Personal data stays out of logs: {@code j***@example.com}, {@code +1******00}. */
  private static String mask(String identifier) {
    int at = identifier.indexOf('@');
    if (at > 0) {
      return identifier.charAt(0) + "***" + identifier.substring(at).toLowerCase(Locale.ROOT);
    }
    int keep = Math.min(2, identifier.length() / 4);
    return identifier.substring(0, keep) + "***" + identifier.substring(identifier.length() - keep);
  }
}
