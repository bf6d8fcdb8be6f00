package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import io.github.clerk4j.internal.wire.ReverificationResource;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of a step-up verification of a session ("reverification"),
 * started with {@link Session#startVerification(VerificationLevel)} after a call failed with
 * {@link ClerkApiException#isReverificationRequired()}. Check {@link #status()} after each step:
 * prepare (send a code) and attempt the factors it asks for until {@link Status#COMPLETE}, then
 * retry the refused call. {@link Clerk#withReverification(Supplier, ReverificationHandler)} does
 * all of this for you.
 *
 * <p>The request bodies are the sign-in's: {@link PrepareFirstFactorParams} ({@code email_code},
 * {@code phone_code}), {@link AttemptFirstFactorParams} ({@code password}, {@code email_code},
 * {@code phone_code}), {@link PrepareSecondFactorParams} ({@code phone_code}) and {@link
 * AttemptSecondFactorParams} ({@code phone_code}, {@code totp}, {@code backup_code}); the ids come
 * from {@link #supportedFirstFactors()} and {@link #supportedSecondFactors()}.
 *
 * <p>Each action returns the new value (this one stays valid); {@link #async(Function)} runs any
 * of them on the Clerk's executor.
 */
public final class SessionVerification {

  /** What the verification needs next. */
  public enum Status {
    /** A first factor: see {@link SessionVerification#supportedFirstFactors()}. */
    NEEDS_FIRST_FACTOR("needs_first_factor"),
    /** A second factor: see {@link SessionVerification#supportedSecondFactors()}. */
    NEEDS_SECOND_FACTOR("needs_second_factor"),
    /** Verified: retry the call that was refused. */
    COMPLETE("complete"),
    /** A value this version of clerk4j does not know; see {@link SessionVerification#rawStatus()}. */
    UNKNOWN(null);

    private final @Nullable String wire;

    Status(@Nullable String wire) {
      this.wire = wire;
    }

    /** {@return the wire value, or {@code null} for {@link #UNKNOWN}} */
    public @Nullable String wireValue() {
      return wire;
    }

    /**
     * {@return the constant whose wire value is {@code wire}; {@link #UNKNOWN} for any other,
     * {@code null} included}
     *
     * @param wire the value as the server sent it, or {@code null}
     */
    public static Status fromWire(@Nullable String wire) {
      return WireEnums.fromWire(Status.class, Status::wireValue, wire, UNKNOWN);
    }
  }

  private final Clerk clerk;
  private final String sessionId;
  private final ReverificationResource resource;

  private SessionVerification(Clerk clerk, String sessionId, ReverificationResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** Starts a verification of {@code level} for a session; see {@link Session#startVerification}. */
  static SessionVerification start(Clerk clerk, String sessionId, VerificationLevel level) {
    Objects.requireNonNull(level, "level");
    if (level == VerificationLevel.UNKNOWN) {
      throw new IllegalArgumentException("choose FIRST_FACTOR, SECOND_FACTOR or MULTI_FACTOR");
    }
    return call(clerk, sessionId, Endpoint.START_REVERIFICATION, Form.empty().with("level", level.wireValue()));
  }

  // ---------------------------------------------------------------- getters

  /** {@return the session being verified ({@code sess_...})} */
  public String sessionId() {
    return sessionId;
  }

  /** {@return the level the server applies (it may fall back from the one asked for)} */
  public VerificationLevel level() {
    return VerificationLevel.fromWire(resource.level());
  }

  /** {@return the level as sent, or {@code null} when the server sent none} */
  public @Nullable String rawLevel() {
    return resource.level();
  }

  /**
   * {@return what is needed next; {@link Status#UNKNOWN} for a status this version does not know}
   */
  public Status status() {
    return Status.fromWire(resource.status());
  }

  /** {@return the status as sent} */
  public String rawStatus() {
    return resource.status();
  }

  /** {@return the first factors offered while {@link Status#NEEDS_FIRST_FACTOR}} */
  public List<Factor> supportedFirstFactors() {
    return resource.supportedFirstFactors().stream().map(Factor::new).toList();
  }

  /**
   * {@return the second factors offered while {@link Status#NEEDS_SECOND_FACTOR}, the default
   * first}
   */
  public List<Factor> supportedSecondFactors() {
    return resource.supportedSecondFactors().stream().map(Factor::new).toList();
  }

  /** {@return the first-factor verification, once one started} */
  public Optional<Verification> firstFactorVerification() {
    return Optional.ofNullable(Verification.of(resource.firstFactorVerification()));
  }

  /** {@return the second-factor verification, once one started} */
  public Optional<Verification> secondFactorVerification() {
    return Optional.ofNullable(Verification.of(resource.secondFactorVerification()));
  }

  /** {@return the session as the server sent it with this answer, if it did} */
  public Optional<Session> session() {
    return Optional.ofNullable(resource.session()).map(s -> new Session(clerk, s));
  }

  // ---------------------------------------------------------------- actions

  /**
   * Sends a first-factor code ({@code verify/prepare_first_factor}); a password needs no prepare.
   *
   * @param params which code to send where, from {@link #supportedFirstFactors()}
   * @return the verification with the code sent
   */
  public SessionVerification prepareFirstFactor(PrepareFirstFactorParams params) {
    Objects.requireNonNull(params, "params");
    // The sign-in's prepare_first_factor params add channel=sms for phone codes; the verify endpoint takes no channel.
    return step(Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR, params.form().without("channel"),
        "prepareFirstFactor(...)");
  }

  /**
   * Verifies the first factor ({@code verify/attempt_first_factor}): a password or a code.
   *
   * @param params the password or the code
   * @return the verification after the attempt: {@link Status#COMPLETE} or the next factor
   */
  public SessionVerification attemptFirstFactor(AttemptFirstFactorParams params) {
    Objects.requireNonNull(params, "params");
    return step(Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR, params.form(), "prepareFirstFactor(...)");
  }

  /**
   * Sends a second-factor SMS code ({@code verify/prepare_second_factor}); TOTP and backup codes
   * need none.
   *
   * @param params which phone number to send the code to
   * @return the verification with the code sent
   */
  public SessionVerification prepareSecondFactor(PrepareSecondFactorParams params) {
    Objects.requireNonNull(params, "params");
    return step(Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR, params.form(), "prepareSecondFactor(...)");
  }

  /**
   * Verifies the second factor ({@code verify/attempt_second_factor}).
   *
   * @param params the strategy and its code
   * @return the verification after the attempt
   */
  public SessionVerification attemptSecondFactor(AttemptSecondFactorParams params) {
    Objects.requireNonNull(params, "params");
    return step(Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR, params.form(), "prepareSecondFactor(...)");
  }

  /**
   * Runs {@code action} on this verification on the Clerk's executor ({@link Clerk#async}).
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this verification
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<SessionVerification, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  // ---------------------------------------------------------------- machinery

  /** One step, with hints that name the call to make next when it is refused. */
  private SessionVerification step(Endpoint endpoint, Form form, String sendCall) {
    try {
      return call(clerk, sessionId, endpoint, form);
    } catch (ClerkApiException e) {
      Strategy strategy = Strategy.fromWire(form.get("strategy"));
      boolean sendsCode = strategy == Strategy.EMAIL_CODE || strategy == Strategy.PHONE_CODE;
      String hint = e.hasCode("session_reverification_missing") || e.hasCode("invalid_action_for_session_reverification")
          ? "this verification is over or was replaced: call session.startVerification(level) again"
          : sendsCode ? Hints.verify(e, strategy, sendCall) : null;
      throw hint == null ? e : e.withHint(hint);
    }
  }

  /**
   * Executes a verification call. The session in the answer carries the new verification age; when
   * the answer has no client to piggyback it, it is written into the local snapshot.
   */
  private static SessionVerification call(Clerk clerk, String sessionId, Endpoint endpoint, Form form) {
    FapiResponse r = clerk.execute(endpoint, null, sessionId, form);
    ReverificationResource v = Clerk.resource(r, ReverificationResource.class);
    SessionResource s = v.session();
    if (r.client() == null && s != null) {
      clerk.client().session(sessionId).ifPresent(before -> clerk.applySession(s, false, before, false));
    }
    return new SessionVerification(clerk, sessionId, v);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SessionVerification v && v.clerk == clerk && v.sessionId.equals(sessionId)
        && v.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "SessionVerification{session=" + sessionId + ", level=" + rawLevel() + ", status=" + rawStatus()
        + ", firstFactors=" + supportedFirstFactors().stream().map(Factor::rawStrategy).toList()
        + ", secondFactors=" + supportedSecondFactors().stream().map(Factor::rawStrategy).toList() + '}';
  }
}
