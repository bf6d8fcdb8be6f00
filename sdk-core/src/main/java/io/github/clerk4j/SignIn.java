package io.github.clerk4j;

import io.github.clerk4j.internal.wire.SignInResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.Form;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of a sign-in attempt, and the actions that move it on. Every action sends
 * what clerk-js {@code SignInFuture} sends and returns a <em>new</em> {@code SignIn}; this one
 * stays valid, so after a failure (an exception) the caller still holds a usable value to retry
 * from.
 *
 * <p>Expected outcomes are states: check {@link #status()} after each step ({@link
 * SignInStatus#NEEDS_CLIENT_TRUST}, {@link SignInStatus#NEEDS_SECOND_FACTOR}, ...). Failures are
 * {@link ClerkApiException} (the server said no; see its predicates and {@code fieldErrors()}) or
 * {@link ClerkNetworkException}.
 *
 * <p>Every action runs on the calling thread; {@link #async(Function)} runs any of them on the
 * Clerk's executor.
 */
public final class SignIn {

  private final Clerk clerk;
  /** Null for the empty, local sign-in that no request created yet. */
  private final @Nullable SignInResource resource;

  SignIn(Clerk clerk, @Nullable SignInResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.resource = resource;
  }

  // ---------------------------------------------------------------- getters

  /**
   * {@return the sign-in's id ({@code sia_...}); {@code null} for an empty sign-in that was never
   * sent}
   */
  public @Nullable String id() {
    return resource == null ? null : resource.id();
  }

  /**
   * {@return what the sign-in needs next; {@link SignInStatus#UNKNOWN} for a status this version
   * does not know}
   */
  public SignInStatus status() {
    return SignInStatus.fromWire(rawStatus());
  }

  /** {@return the status as sent ({@code needs_identifier} for an empty sign-in)} */
  public String rawStatus() {
    return resource == null ? "needs_identifier" : resource.status();
  }

  /** {@return the identifier the user typed, if any} */
  public Optional<String> identifier() {
    return Optional.ofNullable(resource == null ? null : resource.identifier());
  }

  /** {@return first factors the user may verify (empty once the first factor is done)} */
  public List<Factor> supportedFirstFactors() {
    return resource == null ? List.of() : Factor.listOf(resource.supportedFirstFactors());
  }

  /**
   * {@return second factors offered for {@code NEEDS_SECOND_FACTOR} / {@code NEEDS_CLIENT_TRUST}}
   */
  public List<Factor> supportedSecondFactors() {
    return resource == null ? List.of() : Factor.listOf(resource.supportedSecondFactors());
  }

  /** {@return the state of the first-factor verification, if one started} */
  public Optional<Verification> firstFactorVerification() {
    return Optional.ofNullable(resource == null ? null : Verification.of(resource.firstFactorVerification()));
  }

  /** {@return the state of the second-factor verification, if one started} */
  public Optional<Verification> secondFactorVerification() {
    return Optional.ofNullable(resource == null ? null : Verification.of(resource.secondFactorVerification()));
  }

  /** {@return the session this sign-in created, once {@link SignInStatus#COMPLETE}} */
  public Optional<String> createdSessionId() {
    return Optional.ofNullable(resource == null ? null : resource.createdSessionId());
  }

  /** {@return what may be shown of the user before sign-in completes} */
  public Optional<UserData> userData() {
    return Optional.ofNullable(resource == null || resource.userData() == null ? null : new UserData(resource.userData()));
  }

  /**
   * {@return whether this device is known to the user (Client Trust); {@link
   * ClientTrustState#UNKNOWN} if unsent or new}
   */
  public ClientTrustState clientTrustState() {
    return ClientTrustState.fromWire(rawClientTrustState().orElse(null));
  }

  /** {@return the Client Trust state as sent} */
  public Optional<String> rawClientTrustState() {
    return Optional.ofNullable(resource == null ? null : resource.clientTrustState());
  }

  /** {@return when the server abandons this attempt} */
  public Optional<Instant> abandonAt() {
    return Optional.ofNullable(resource == null ? null : resource.abandonAt());
  }

  /**
   * {@return whether this sign-in found no account for an identity it verified and can become a
   * sign-up ({@link #transferToSignUp()}): its first-factor verification is {@link
   * VerificationStatus#TRANSFERABLE}, as clerk-js {@code SignInFuture.isTransferable} checks}
   * Happens after OAuth, SAML or enterprise SSO (wire spec §13.1).
   */
  public boolean isTransferable() {
    return firstFactorVerification().map(v -> v.status() == VerificationStatus.TRANSFERABLE).orElse(false);
  }

  /**
   * {@return the provider's page to open in a browser, while a browser sign-in ({@link
   * #sso(SsoParams)}) waits for it: the first factor's {@code external_verification_redirect_url}}
   * Empty otherwise.
   */
  public Optional<URI> externalVerificationRedirectUrl() {
    return firstFactorVerification().flatMap(Verification::pendingProviderPage);
  }

  // ---------------------------------------------------------------- flows

  /**
   * Signs in with identifier (e-mail, phone or username) and password: one {@code POST
   * /v1/client/sign_ins} with {@code identifier} and {@code password} and no {@code strategy}, as
   * clerk-js {@code SignInFuture.password}. Always a new sign-in. The result is {@code COMPLETE},
   * {@code NEEDS_SECOND_FACTOR} or {@code NEEDS_CLIENT_TRUST}.
   *
   * @param identifier the e-mail address, phone number or username the user typed
   * @param password the password the user typed
   * @return the new sign-in
   * @throws IllegalArgumentException the identifier or the password is empty; nothing was sent
   * @throws ClerkApiException e.g. {@link ClerkApiException#isPasswordIncorrect()}, {@link
   *     ClerkApiException#isPasswordCompromised()}, {@link ClerkApiException#isIdentifierNotFound()}
   */
  public SignIn password(String identifier, String password) {
    return Hints.withHints(() -> create(SignInCreateParams.password(identifier, password)), Hints::password);
  }

  /**
   * {@link #password(String, String)} with this sign-in's identifier.
   *
   * @param password the password the user typed
   * @return the new sign-in
   * @throws IllegalStateException this sign-in has no identifier
   */
  public SignIn password(String password) {
    String identifier = identifier().orElseThrow(() -> new IllegalStateException(
        "this sign-in has no identifier: call password(identifier, password)"));
    return password(identifier, password);
  }

  /** {@return the second-factor step: MFA and Client Trust codes, TOTP, backup codes} */
  public Mfa mfa() {
    return new Mfa(this);
  }

  /**
   * {@return the flow of a sign-in by a code sent by e-mail} Also the way on after a compromised
   * password.
   */
  public CodeFlow emailCode() {
    return new CodeFlow(this, Strategy.EMAIL_CODE);
  }

  /** {@return the flow of a sign-in by a code sent by SMS} */
  public CodeFlow phoneCode() {
    return new CodeFlow(this, Strategy.PHONE_CODE);
  }

  /** {@return the forgot-password flow, by a code sent by e-mail} */
  public ResetPasswordFlow resetPasswordEmailCode() {
    return new ResetPasswordFlow(this, Strategy.RESET_PASSWORD_EMAIL_CODE);
  }

  /** {@return the forgot-password flow, by a code sent by SMS} */
  public ResetPasswordFlow resetPasswordPhoneCode() {
    return new ResetPasswordFlow(this, Strategy.RESET_PASSWORD_PHONE_CODE);
  }

  /**
   * Starts a sign-in through the browser, with an OAuth provider or enterprise SSO: {@code POST
   * /v1/client/sign_ins} with the strategy and the redirect URL (for enterprise SSO, with the
   * e-mail address, then {@code prepare_first_factor} with the redirect URL, as clerk-js {@code
   * SignInFuture.sso}). Always a new sign-in. Open {@link #externalVerificationRedirectUrl()} of
   * the result in a browser; when the browser comes back to the redirect URL, pass that URL to
   * {@link #handleRedirectCallback(URI)}. {@link io.github.clerk4j.desktop.BrowserSignIn} does
   * the whole round trip for desktop and command-line apps.
   *
   * @param params the provider or enterprise SSO, with the redirect URL
   * @return the new sign-in, waiting for the browser
   * @throws IllegalArgumentException the params have no redirect URL; nothing was sent
   * @throws ClerkApiException e.g. {@link ClerkApiException#isRedirectUrlInvalid()} (not on the
   *     instance's allowlist), {@link ClerkApiException#isOAuthProviderNotEnabled()}, {@link
   *     ClerkApiException#isEnterpriseConnectionMissing()}
   */
  public SignIn sso(SsoParams params) {
    Objects.requireNonNull(params, "params");
    SignInCreateParams create = SignInCreateParams.sso(params);
    SignIn created = Hints.withHints(() -> create(create), Hints::sso);
    SignIn started = params.isEnterprise()
        ? Hints.withHints(() -> created.prepareFirstFactor(PrepareFirstFactorParams.sso(params)), Hints::sso)
        : created;
    if (started.externalVerificationRedirectUrl().isEmpty()) {
      throw RedirectCallback.noProviderPage("sign-in", started.id(), started.rawStatus(), params.strategy());
    }
    return started;
  }

  /**
   * Finishes a browser sign-in with the URL the browser came back to (wire spec §14.2): {@code
   * GET /v1/client/sign_ins/{id}} with the callback's {@code rotating_token_nonce} as query, which
   * also brings this client up to date with what the browser did. The result is {@link
   * SignInStatus#COMPLETE} (then {@link #finalize(Navigate)}), {@link
   * SignInStatus#NEEDS_SECOND_FACTOR} (the user has MFA: {@link #mfa()}), or {@link
   * #isTransferable() transferable}: the provider's account is new, continue with {@link
   * #transferToSignUp()}. A callback that says so without a nonce ({@code
   * __clerk_error_code=external_account_not_found}) reloads the sign-in without one.
   *
   * <p>Call it on the sign-in {@link #sso(SsoParams)} returned, or on {@code clerk.signIn()}
   * (after {@link Clerk#loadClient()} in an app that was restarted meanwhile).
   *
   * @param callback the whole URL the browser came back to, with its query
   * @return the sign-in as the server has it after the browser
   * @throws ClerkApiException the callback reports an error, e.g. {@link
   *     ClerkApiException#isOAuthAccessDenied()} ({@link ClerkApiException#httpStatus()} is 0 for
   *     errors of the callback's query), or the reload fails
   * @throws IllegalArgumentException the URL carries neither a nonce nor a transfer or error
   *     signal; nothing was sent
   * @throws IllegalStateException this sign-in never started a browser sign-in, or it is no longer
   *     the client's current one; nothing was sent
   * @throws ClerkException the browser came back but the sign-in still waits for its provider
   *     (the callback was meant for another sign-in, or its nonce was used already)
   */
  public SignIn handleRedirectCallback(URI callback) {
    RedirectCallback cb = RedirectCallback.parse(callback);
    String id = requireId("handleRedirectCallback(...)");
    return cb.finish("sign-in", id, firstFactorVerification(), clerk.client().signIn().map(SignIn::id),
        "external_account_not_found", this::reload, SignIn::isTransferable,
        nonce -> call(Endpoint.GET_SIGN_IN, id, Form.empty().with(RedirectCallback.NONCE, nonce)).afterCallback());
  }

  /** A sign-in reloaded after a callback: still waiting for the provider, or failed there, is an error. */
  private SignIn afterCallback() {
    Verification v = firstFactorVerification().orElse(null);
    boolean waiting = status() == SignInStatus.NEEDS_IDENTIFIER || status() == SignInStatus.NEEDS_FIRST_FACTOR;
    if (v == null || !waiting || !isExternal(v.rawStrategy()) || isTransferable()) {
      return this;
    }
    ClerkError error = v.error();
    if (error != null) {
      throw ClerkApiException.fromRedirectCallback(error, "start again with sso(...)");
    }
    return switch (v.status()) {
      case UNVERIFIED -> throw new ClerkException("the browser came back, but sign-in " + id() + " still waits for"
          + " its provider: the callback was meant for another sign-in, or its nonce was used already;"
          + " start again with sso(...)");
      case EXPIRED, FAILED -> throw new ClerkException("the browser sign-in " + v.rawStatus() + " ("
          + v.rawStrategy() + "): start again with sso(...)");
      default -> this;
    };
  }

  /** Strategies whose first factor a browser verifies: OAuth, SAML, enterprise SSO. */
  static boolean isExternal(@Nullable String strategy) {
    return strategy != null && (strategy.startsWith("oauth_") && !strategy.startsWith("oauth_token_")
        || strategy.equals(Strategy.ENTERPRISE_SSO.wireValue()) || strategy.equals(Strategy.SAML.wireValue()));
  }

  /**
   * Signs in with a ticket: a sign-in token the app's backend minted with the Backend API ({@code
   * POST /v1/sign_in_tokens}), for servers, test harnesses and "magic" links of the app's own
   * ({@code POST /v1/client/sign_ins} with {@code strategy=ticket}, wire spec §15.1). Always a new
   * sign-in; usually {@link SignInStatus#COMPLETE} at once.
   *
   * @param ticket the sign-in token
   * @return the new sign-in
   * @throws IllegalArgumentException the ticket is empty; nothing was sent
   * @throws ClerkApiException {@link ClerkApiException#isTicketExpired()}, {@link
   *     ClerkApiException#isTicketAlreadyUsed()} (each works once), {@link
   *     ClerkApiException#isTicketInvalid()}
   */
  public SignIn ticket(String ticket) {
    return Hints.withHints(() -> create(SignInCreateParams.ticket(ticket)), Hints::ticket);
  }

  /**
   * Signs in with an ID token the app got itself, without a browser (wire spec §14.3): Sign in
   * with Apple ({@code oauth_token_apple}) or Google ({@code google_one_tap}). Always a new
   * sign-in. The result is {@code COMPLETE}, {@code NEEDS_SECOND_FACTOR}, or for an Apple account
   * that is new {@link #isTransferable() transferable} ({@link #transferToSignUp()}).
   *
   * @param provider who issued the token: Apple or Google
   * @param token the ID token the provider's SDK gave the app
   * @return the new sign-in
   * @throws IllegalArgumentException the token is empty; nothing was sent
   * @throws ClerkApiException {@link ClerkApiException#isExternalAccountNotFound()} for a Google
   *     account that is new: sign up with {@link SignUp#idToken(IdTokenProvider, String)}
   */
  public SignIn idToken(IdTokenProvider provider, String token) {
    return Hints.withHints(() -> create(SignInCreateParams.idToken(provider, token)), Hints::idToken);
  }

  /**
   * {@return the flow of a sign-in by a link sent by e-mail, as the first factor or as the Client
   * Trust step when {@code email_link} is the offered second factor (wire spec §16)}
   */
  public EmailLinkFlow emailLink() {
    return new EmailLinkFlow(this);
  }

  /**
   * Turns a {@link #isTransferable() transferable} sign-in into a sign-up: {@code POST
   * /v1/client/sign_ups} with {@code transfer=true} and no identifier, since the server takes the
   * verified identity from this sign-in (wire spec §13.1). The result is {@code COMPLETE} (then
   * {@link SignUp#finalize(Navigate)}) or {@code MISSING_REQUIREMENTS} (continue the sign-up).
   *
   * @return the new sign-up
   * @throws ClerkApiException {@link ClerkApiException#isAccountTransferInvalid()} when there is
   *     nothing to transfer
   */
  public SignUp transferToSignUp() {
    return SignUp.transfer(clerk, null);
  }

  /**
   * {@link #transferToSignUp()} with fields a transfer may carry, such as {@code legalAccepted}
   * or unsafe metadata.
   *
   * @param extra the fields to send with the transfer
   * @return the new sign-up
   * @throws IllegalArgumentException the fields fail a check of the loaded environment; nothing
   *     was sent
   * @throws ClerkApiException {@link ClerkApiException#isAccountTransferInvalid()} when there is
   *     nothing to transfer
   */
  public SignUp transferToSignUp(SignUpParams extra) {
    return SignUp.transfer(clerk, Objects.requireNonNull(extra, "extra"));
  }

  /**
   * Starts over: an empty sign-in, also made the client's current one locally. No request (as
   * clerk-js {@code reset()}).
   *
   * @return the empty sign-in ({@link SignInStatus#NEEDS_IDENTIFIER})
   */
  public SignIn reset() {
    clerk.resetSignInLocally();
    return new SignIn(clerk, null);
  }

  /**
   * Finishes a {@link SignInStatus#COMPLETE complete} sign-in: makes the created session the
   * active one and calls {@code navigate} ({@link Clerk#setActive(String, Navigate)}). A {@link
   * SessionStatus#PENDING pending} session (one with tasks) is passed to {@code navigate} too:
   * route the user to {@link Session#currentTask()}.
   *
   * <p>(There is no {@code finalize()} without arguments: Java reserves that signature for {@link
   * Object}. Use {@code finalize(Navigate.none())}.)
   *
   * @param navigate called with the active session; {@link Navigate#none()} for nothing
   * @return the active session
   * @throws IllegalStateException the sign-in has no created session yet
   */
  public Session finalize(Navigate navigate) {
    Objects.requireNonNull(navigate, "navigate");
    String sessionId = createdSessionId().orElseThrow(() -> new IllegalStateException(
        "finalize() needs a complete sign-in with a created session; status is " + rawStatus()
            + ": continue the flow first"));
    return clerk.setActive(sessionId, navigate);
  }

  // ---------------------------------------------------------------- lower level

  /**
   * Creates a new sign-in ({@code POST /v1/client/sign_ins}), replacing the client's current one.
   *
   * @param params the identifier, password, strategy or ticket to start with
   * @return the new sign-in
   */
  public SignIn create(SignInCreateParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.CREATE_SIGN_IN, null, params.form());
  }

  /**
   * Fetches this sign-in again ({@code GET /v1/client/sign_ins/{id}}).
   *
   * @return the sign-in as the server has it now
   * @throws IllegalStateException this sign-in was never sent (it has no id); nothing was sent
   */
  public SignIn reload() {
    return call(Endpoint.GET_SIGN_IN, requireId("reload()"), Form.empty());
  }

  /**
   * Sends a first-factor code ({@code POST .../prepare_first_factor}).
   *
   * @param params which code to send where, from {@link #supportedFirstFactors()}
   * @return the sign-in with the code sent
   * @throws IllegalStateException this sign-in was never sent (it has no id); nothing was sent
   */
  public SignIn prepareFirstFactor(PrepareFirstFactorParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.PREPARE_FIRST_FACTOR, requireId("prepareFirstFactor()"), params.form());
  }

  /**
   * Verifies the first factor, a password or a code ({@code POST .../attempt_first_factor}).
   * Never retried once it may have been sent.
   *
   * @param params the password, or the strategy and its code
   * @return the sign-in after the attempt
   * @throws IllegalStateException this sign-in was never sent (it has no id); nothing was sent
   */
  public SignIn attemptFirstFactor(AttemptFirstFactorParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.ATTEMPT_FIRST_FACTOR, requireId("attemptFirstFactor()"), params.form());
  }

  /**
   * Sends a second-factor code, MFA or Client Trust ({@code POST .../prepare_second_factor}).
   *
   * @param params which code to send where, from {@link #supportedSecondFactors()}
   * @return the sign-in with the code sent
   * @throws IllegalStateException this sign-in was never sent (it has no id); nothing was sent
   */
  public SignIn prepareSecondFactor(PrepareSecondFactorParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.PREPARE_SECOND_FACTOR, requireId("prepareSecondFactor()"), params.form());
  }

  /**
   * Verifies the second factor ({@code POST .../attempt_second_factor}). Never retried once it
   * may have been sent.
   *
   * @param params the strategy and its code
   * @return the sign-in after the attempt
   * @throws IllegalStateException this sign-in was never sent (it has no id); nothing was sent
   */
  public SignIn attemptSecondFactor(AttemptSecondFactorParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.ATTEMPT_SECOND_FACTOR, requireId("attemptSecondFactor()"), params.form());
  }

  /**
   * Sets the new password when the status is {@link SignInStatus#NEEDS_NEW_PASSWORD} ({@code
   * POST .../reset_password}).
   *
   * @param params the new password, and whether to sign out of other sessions
   * @return the sign-in after the reset: {@code COMPLETE}, or {@code NEEDS_SECOND_FACTOR}
   * @throws IllegalStateException this sign-in was never sent (it has no id); nothing was sent
   */
  public SignIn resetPassword(ResetPasswordParams params) {
    Objects.requireNonNull(params, "params");
    return call(Endpoint.RESET_PASSWORD, requireId("resetPassword()"), params.form());
  }

  /**
   * Runs {@code action} on this sign-in on the Clerk's executor ({@link Clerk#async(Supplier)}):
   * the asynchronous form of every action.
   *
   * <pre>{@code
   * signIn.async(s -> s.password(email, password)).thenAccept(next -> ...);
   * signIn.async(s -> s.mfa().verifyTOTP(code));
   * }</pre>
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this sign-in
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<SignIn, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  // ---------------------------------------------------------------- machinery

  /** One sign-in call: execute, then the answer's sign-in is the new value. */
  private SignIn call(Endpoint endpoint, @Nullable String id, Form form) {
    return new SignIn(clerk, Clerk.resource(clerk.execute(endpoint, id, null, form), SignInResource.class));
  }

  /** What makes two code sends identical. */
  private record SendKey(@Nullable String signInId, Endpoint endpoint, Form form) {}

  /**
   * Sends a code. Every send goes out (a new code each time, as clerk-js); only identical sends
   * in flight at the same moment (a double click) share one request.
   */
  private SignIn send(Endpoint endpoint, FormParams params) {
    String id = requireId("sending a code");
    return clerk.sendOnce(new SendKey(id, endpoint, params.form()), () -> call(endpoint, id, params.form()));
  }

  private String requireId(String action) {
    String id = id();
    if (id == null) {
      throw new IllegalStateException(action + " needs a sign-in that exists on the server: "
          + "start with password(...), emailCode().sendCode(identifier) or create(...)");
    }
    return id;
  }

  /**
   * The offered factor for a code strategy: the one with an explicit id; else the one for the
   * identifier the user typed, else the default, else the primary, else the first. One pass, on
   * every send and verify.
   */
  private static Factor pickFactor(List<Factor> offered, Strategy strategy, @Nullable String id,
      @Nullable String identifier, String listName) {
    Factor forIdentifier = null;
    Factor byDefault = null;
    Factor primary = null;
    Factor first = null;
    for (Factor f : offered) {
      if (f.strategy() != strategy) {
        continue;
      }
      if (id != null) {
        if (id.equals(f.emailAddressId()) || id.equals(f.phoneNumberId())) {
          return f;
        }
        continue;
      }
      if (forIdentifier == null && identifier != null && identifier.equalsIgnoreCase(f.safeIdentifier())) {
        forIdentifier = f;
      }
      if (byDefault == null && f.isDefault()) {
        byDefault = f;
      }
      if (primary == null && Boolean.TRUE.equals(f.primary())) {
        primary = f;
      }
      if (first == null) {
        first = f;
      }
    }
    Factor chosen = forIdentifier != null ? forIdentifier : byDefault != null ? byDefault
        : primary != null ? primary : first;
    if (chosen == null) {
      throw new IllegalStateException("no " + strategy.wireValue() + " factor" + (id == null ? "" : " with id " + id)
          + " is offered in " + listName + "; offered: " + describe(offered));
    }
    return chosen;
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

  private SignIn sendSecondFactorCode(Strategy strategy, @Nullable String id) {
    Factor f = pickFactor(supportedSecondFactors(), strategy, id, null, "supportedSecondFactors");
    PrepareSecondFactorParams params = PrepareSecondFactorParams.of(
        strategy, strategy == Strategy.EMAIL_CODE ? f.emailAddressId() : f.phoneNumberId());
    return Hints.withHints(() -> send(Endpoint.PREPARE_SECOND_FACTOR, params), Hints::send);
  }

  private SignIn verifySecondFactor(Strategy strategy, String code, @Nullable String resendCall) {
    return Hints.withHints(() -> attemptSecondFactor(AttemptSecondFactorParams.of(strategy, code)),
        e -> Hints.verify(e, strategy, resendCall));
  }

  /**
   * First-factor code flows: with an identifier, a new sign-in first unless this one already has
   * it, then the code is sent to the factor that matches it. A sign-in by e-mail or SMS code is
   * created and its code sent in one request ({@code strategy} with the identifier, wire spec
   * §S1, as the iOS and Android SDKs do; the server sends the code to the address or number
   * typed); on a sign-in that already has the identifier, only the code is sent, as clerk-js does.
   */
  private SignIn sendFirstFactorCode(Strategy strategy, @Nullable String identifier) {
    if (identifier != null && !waitsForFirstFactorOf(identifier)
        && (strategy == Strategy.EMAIL_CODE || strategy == Strategy.PHONE_CODE)) {
      return createAndSendCode(strategy, identifier);
    }
    SignIn on = identifier == null ? this : withIdentifier(identifier);
    Factor f = pickFactor(on.supportedFirstFactors(), strategy, null,
        identifier != null ? identifier : on.identifier().orElse(null), "supportedFirstFactors");
    boolean byEmail = strategy == Strategy.EMAIL_CODE || strategy == Strategy.RESET_PASSWORD_EMAIL_CODE;
    PrepareFirstFactorParams params =
        PrepareFirstFactorParams.of(strategy, byEmail ? f.emailAddressId() : f.phoneNumberId());
    return Hints.withHints(() -> on.send(Endpoint.PREPARE_FIRST_FACTOR, params), Hints::send);
  }

  /** {@code POST /v1/client/sign_ins} with the strategy: the new sign-in, its code sent. */
  private SignIn createAndSendCode(Strategy strategy, String identifier) {
    SignInCreateParams params = strategy == Strategy.EMAIL_CODE
        ? SignInCreateParams.emailCode(identifier) : SignInCreateParams.phoneCode(identifier);
    return Hints.withHints(
        () -> clerk.sendOnce(new SendKey(null, Endpoint.CREATE_SIGN_IN, params.form()), () -> create(params)),
        e -> {
          if (e.hasCode("strategy_for_user_invalid")) {
            return "this account has no " + strategy.wireValue() + " factor: sign in another way"
                + " (create(SignInCreateParams.identifier(...)).supportedFirstFactors() lists them)";
          }
          String hint = Hints.password(e);
          return hint != null ? hint : Hints.send(e);
        });
  }

  /** This sign-in if it already waits for a first factor of {@code identifier}, else a new one with it. */
  private SignIn withIdentifier(String identifier) {
    return waitsForFirstFactorOf(identifier) ? this
        : Hints.withHints(() -> create(SignInCreateParams.identifier(identifier)), Hints::password);
  }

  private boolean waitsForFirstFactorOf(String identifier) {
    return id() != null && status() == SignInStatus.NEEDS_FIRST_FACTOR
        && identifier().map(identifier::equalsIgnoreCase).orElse(false);
  }

  private SignIn verifyFirstFactorCode(Strategy strategy, String code, String resendCall) {
    return Hints.withHints(() -> attemptFirstFactor(AttemptFirstFactorParams.code(strategy, code)),
        e -> Hints.verify(e, strategy, resendCall));
  }

  private SignIn submitNewPassword(String password, boolean signOutOfOtherSessions) {
    return Hints.withHints(() -> resetPassword(ResetPasswordParams.of(password, signOutOfOtherSessions)),
        Hints::newPassword);
  }

  /**
   * Sign-in by e-mail link: {@link #sendLink(String, URI)} e-mails a link, the person opens it in
   * any browser, and {@link #waitForVerification(Duration)} polls this sign-in every second (as
   * clerk-js {@code waitForEmailLinkVerification}) until the link was used or expired. When the
   * sign-in is at its second step ({@code NEEDS_CLIENT_TRUST}, {@code NEEDS_SECOND_FACTOR}) and
   * {@code email_link} is offered there, the same calls send and wait for the second factor
   * (clerk-js {@code createEmailLinkFlow}).
   *
   * <pre>{@code
   * SignIn sent = clerk.signIn().emailLink().sendLink(email, URI.create("https://example.com/verified"));
   * CompletableFuture<SignIn> wait = sent.emailLink().waitForVerification(Duration.ofMinutes(10));
   * // a Cancel button: wait.cancel(true);
   * SignIn done = wait.join();
   * }</pre>
   *
   * <p>The link opens in a browser, not in this client: an instance whose e-mail links require
   * "the same device and browser" refuses it there (wire spec §16.1), so such apps need that
   * setting off.
   */
  public static final class EmailLinkFlow {
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final SignIn signIn;

    EmailLinkFlow(SignIn signIn) {
      this.signIn = signIn;
    }

    /**
     * Sends a link to {@code emailAddress}: creates a sign-in with it unless this sign-in already
     * has it, then {@code prepare_first_factor} with {@code strategy=email_link}, the address's
     * id and {@code redirectUrl}, where the browser that opens the link is sent.
     *
     * @param emailAddress the address to send the link to
     * @param redirectUrl where the browser that opens the link goes; absolute
     * @return the sign-in with the link sent: wait on it with {@link
     *     #waitForVerification(Duration)}
     * @throws IllegalArgumentException the address is empty (nothing is sent), or the URL is not
     *     absolute
     * @throws IllegalStateException the account offers no e-mail link; the message lists what it offers
     */
    public SignIn sendLink(String emailAddress, URI redirectUrl) {
      FormParams.require(emailAddress, "emailAddress");
      Objects.requireNonNull(redirectUrl, "redirectUrl");
      return signIn.sendEmailLink(emailAddress, redirectUrl);
    }

    /**
     * Sends a link on this sign-in: the first factor while {@code NEEDS_FIRST_FACTOR}, the second
     * ({@code prepare_second_factor}) while {@code NEEDS_CLIENT_TRUST} or {@code
     * NEEDS_SECOND_FACTOR}. Every call sends a new link.
     *
     * @param redirectUrl where the browser that opens the link goes; absolute
     * @return the sign-in with the link sent: wait on it with {@link
     *     #waitForVerification(Duration)}
     * @throws IllegalArgumentException the URL is not absolute; nothing was sent
     * @throws IllegalStateException no e-mail link is offered at this step
     */
    public SignIn sendLink(URI redirectUrl) {
      Objects.requireNonNull(redirectUrl, "redirectUrl");
      return signIn.sendEmailLink(null, redirectUrl);
    }

    /**
     * Waits for the link sent on this sign-in to be opened: polls it ({@code GET
     * /v1/client/sign_ins/{id}}) every second on the Clerk's executor until the link's
     * verification is {@code verified}, {@code expired}, {@code failed} or {@code transferable}, or
     * the sign-in moved on. The future then holds the sign-in: {@code COMPLETE} (finalize it),
     * {@code NEEDS_SECOND_FACTOR}, or with {@link Verification#status()} {@code EXPIRED} (send a
     * new link). Cancelling the future ({@code cancel(true)}) stops the polling.
     *
     * @param timeout how long to wait; then the future fails with {@link ClerkTimeoutException}
     * @return the future of the polled sign-in; cancel it to stop waiting
     * @throws IllegalArgumentException the timeout is zero or negative
     * @throws IllegalStateException no link was sent on this sign-in; nothing was sent
     */
    public CompletableFuture<SignIn> waitForVerification(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      signIn.requireId("waitForVerification(...)");
      boolean second = signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR
          || signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST;
      Optional<Verification> sent = second ? signIn.secondFactorVerification() : signIn.firstFactorVerification();
      if (sent.map(v -> v.strategy() != Strategy.EMAIL_LINK).orElse(true)) {
        throw new IllegalStateException("no e-mail link was sent on sign-in " + signIn.id()
            + ": call emailLink().sendLink(...) first and wait on the sign-in it returns; nothing was sent");
      }
      return signIn.clerk.interruptible(() -> poll(second, timeout));
    }

    private SignIn poll(boolean second, Duration timeout) throws InterruptedException {
      Clock clock = signIn.clerk.clock();
      Instant deadline = clock.instant().plus(timeout);
      SignIn current = signIn;
      while (true) {
        current = current.reload();
        if (linkDone(current, second)) {
          return current;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
          throw new ClerkTimeoutException("the e-mail link was not opened within " + timeout + ": wait again with"
              + " emailLink().waitForVerification(...), or send a new link", timeout);
        }
        signIn.clerk.sleeper().sleep(left.compareTo(POLL_INTERVAL) < 0 ? left : POLL_INTERVAL);
      }
    }

    /** Whether the polled sign-in's link step ended (clerk-js's terminal link statuses, or the step moved on). */
    private static boolean linkDone(SignIn s, boolean second) {
      boolean stillAtStep = second
          ? s.status() == SignInStatus.NEEDS_SECOND_FACTOR || s.status() == SignInStatus.NEEDS_CLIENT_TRUST
          : s.status() == SignInStatus.NEEDS_FIRST_FACTOR;
      if (!stillAtStep) {
        return true;
      }
      Optional<Verification> v = second ? s.secondFactorVerification() : s.firstFactorVerification();
      return v.map(x -> x.strategy() != Strategy.EMAIL_LINK || x.status() != VerificationStatus.UNVERIFIED)
          .orElse(true);
    }

    @Override
    public String toString() {
      return "SignIn.emailLink(){" + signIn.id() + '}';
    }
  }

  /** Sends an e-mail link, as the first factor or at the second step; see {@link EmailLinkFlow}. */
  private SignIn sendEmailLink(@Nullable String emailAddress, URI redirectUrl) {
    if (status() == SignInStatus.NEEDS_SECOND_FACTOR || status() == SignInStatus.NEEDS_CLIENT_TRUST) {
      if (emailAddress != null) {
        throw new IllegalStateException("sign-in " + id() + " is at its second step: send the link with"
            + " emailLink().sendLink(redirectUrl); nothing was sent");
      }
      Factor f = pickFactor(supportedSecondFactors(), Strategy.EMAIL_LINK, null, null, "supportedSecondFactors");
      PrepareSecondFactorParams params = PrepareSecondFactorParams.emailLink(
          FormParams.require(f.emailAddressId(), "emailAddressId"), redirectUrl);
      return Hints.withHints(() -> send(Endpoint.PREPARE_SECOND_FACTOR, params), Hints::send);
    }
    SignIn on = emailAddress == null ? this : withIdentifier(emailAddress);
    Factor f = pickFactor(on.supportedFirstFactors(), Strategy.EMAIL_LINK, null,
        emailAddress != null ? emailAddress : on.identifier().orElse(null), "supportedFirstFactors");
    PrepareFirstFactorParams params = PrepareFirstFactorParams.emailLink(
        FormParams.require(f.emailAddressId(), "emailAddressId"), redirectUrl);
    return Hints.withHints(() -> on.send(Endpoint.PREPARE_FIRST_FACTOR, params), Hints::send);
  }

  /**
   * The second-factor step ({@code NEEDS_SECOND_FACTOR} or {@code NEEDS_CLIENT_TRUST}). Every
   * {@code send*} sends a new code: call it again for "I need a new code".
   */
  public static final class Mfa {
    private final SignIn signIn;

    Mfa(SignIn signIn) {
      this.signIn = signIn;
    }

    /**
     * {@return the offered second factors, with their masked destinations ({@link
     * Factor#safeIdentifier()}) and which is the user's default ({@link Factor#isDefault()})}
     */
    public List<Factor> factors() {
      return signIn.supportedSecondFactors();
    }

    /** {@return the user's default second factor, if one is marked} */
    public Optional<Factor> defaultFactor() {
      return factors().stream().filter(Factor::isDefault).findFirst();
    }

    /**
     * Sends an {@code email_code} to the offered e-mail factor (the default first).
     *
     * @return the sign-in with the code sent
     * @throws IllegalStateException no e-mail factor is offered; the message lists those that are
     */
    public SignIn sendEmailCode() {
      return signIn.sendSecondFactorCode(Strategy.EMAIL_CODE, null);
    }

    /**
     * Sends an {@code email_code} to the factor of this e-mail address id.
     *
     * @param emailAddressId the factor's {@link Factor#emailAddressId()}
     * @return the sign-in with the code sent
     * @throws IllegalStateException no offered e-mail factor has this id
     */
    public SignIn sendEmailCode(String emailAddressId) {
      Objects.requireNonNull(emailAddressId, "emailAddressId");
      return signIn.sendSecondFactorCode(Strategy.EMAIL_CODE, emailAddressId);
    }

    /**
     * Sends a {@code phone_code} to the offered phone factor (the default first).
     *
     * @return the sign-in with the code sent
     * @throws IllegalStateException no phone factor is offered; the message lists those that are
     */
    public SignIn sendPhoneCode() {
      return signIn.sendSecondFactorCode(Strategy.PHONE_CODE, null);
    }

    /**
     * Sends a {@code phone_code} to the factor of this phone number id.
     *
     * @param phoneNumberId the factor's {@link Factor#phoneNumberId()}
     * @return the sign-in with the code sent
     * @throws IllegalStateException no offered phone factor has this id
     */
    public SignIn sendPhoneCode(String phoneNumberId) {
      Objects.requireNonNull(phoneNumberId, "phoneNumberId");
      return signIn.sendSecondFactorCode(Strategy.PHONE_CODE, phoneNumberId);
    }

    /**
     * Verifies the e-mail code.
     *
     * @param code the code from the e-mail
     * @return the sign-in after the attempt, {@code COMPLETE} when the code was right
     * @throws IllegalArgumentException the code is empty; nothing was sent
     */
    public SignIn verifyEmailCode(String code) {
      return signIn.verifySecondFactor(Strategy.EMAIL_CODE, code, "mfa().sendEmailCode()");
    }

    /**
     * Verifies the SMS code.
     *
     * @param code the code from the SMS
     * @return the sign-in after the attempt, {@code COMPLETE} when the code was right
     * @throws IllegalArgumentException the code is empty; nothing was sent
     */
    public SignIn verifyPhoneCode(String code) {
      return signIn.verifySecondFactor(Strategy.PHONE_CODE, code, "mfa().sendPhoneCode()");
    }

    /**
     * Verifies a code from the authenticator app; no send needed.
     *
     * @param code the code the app shows now
     * @return the sign-in after the attempt, {@code COMPLETE} when the code was right
     * @throws IllegalArgumentException the code is empty; nothing was sent
     */
    public SignIn verifyTOTP(String code) {
      return signIn.verifySecondFactor(Strategy.TOTP, code, null);
    }

    /**
     * Verifies one of the user's single-use backup codes; no send needed.
     *
     * @param code the backup code
     * @return the sign-in after the attempt, {@code COMPLETE} when the code was right
     * @throws IllegalArgumentException the code is empty; nothing was sent
     */
    public SignIn verifyBackupCode(String code) {
      return signIn.verifySecondFactor(Strategy.BACKUP_CODE, code, null);
    }

    @Override
    public String toString() {
      return "SignIn.Mfa{" + signIn.id() + ", factors=" + describe(factors()) + '}';
    }
  }

  /**
   * A first factor by one-time code: sign-in by e-mail or SMS code, and the code part of a
   * password reset. One implementation for every code strategy. Every {@code sendCode} sends a
   * new code: call it again for "I need a new code".
   */
  public static class CodeFlow {
    final SignIn signIn;
    final Strategy strategy;

    CodeFlow(SignIn signIn, Strategy strategy) {
      this.signIn = signIn;
      this.strategy = strategy;
    }

    /** {@return the strategy of this flow} */
    public Strategy strategy() {
      return strategy;
    }

    /**
     * Sends a code for {@code identifier} (an e-mail address or phone number) and returns the
     * sign-in waiting for it. For {@code emailCode()} and {@code phoneCode()}, one request creates
     * the sign-in and sends the code to the address or number typed; on a sign-in that already
     * has this identifier only the code is sent. A password reset creates the sign-in, then sends
     * the code to the matching factor.
     *
     * @param identifier the e-mail address or phone number the user typed
     * @return the sign-in with the code sent
     * @throws IllegalArgumentException the identifier is empty; nothing was sent
     * @throws ClerkApiException {@code strategy_for_user_invalid} when the account has no e-mail
     *     or phone factor (the message says how to see the ones it has)
     * @throws IllegalStateException a password reset the account offers no factor for; the
     *     message lists those it does
     */
    public SignIn sendCode(String identifier) {
      FormParams.require(identifier, "identifier");
      return signIn.sendFirstFactorCode(strategy, identifier);
    }

    /**
     * Sends a code on this sign-in, which already has an identifier.
     *
     * @return the sign-in with the code sent
     * @throws IllegalStateException this sign-in was never sent, or offers no such factor
     */
    public SignIn sendCode() {
      return signIn.sendFirstFactorCode(strategy, null);
    }

    /**
     * Verifies the code the user received.
     *
     * @param code the code from the e-mail or SMS
     * @return the sign-in after the attempt: {@code COMPLETE} or its next step; {@code
     *     NEEDS_NEW_PASSWORD} for a password reset
     * @throws IllegalArgumentException the code is empty; nothing was sent
     */
    public SignIn verifyCode(String code) {
      return signIn.verifyFirstFactorCode(strategy, code, callName() + ".sendCode()");
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
  public static final class ResetPasswordFlow extends CodeFlow {

    ResetPasswordFlow(SignIn signIn, Strategy strategy) {
      super(signIn, strategy);
    }

    /**
     * Sets the new password, signing out of other sessions (as clerk-js does by default).
     *
     * @param password the new password
     * @return the sign-in after the reset: {@code COMPLETE}, or {@code NEEDS_SECOND_FACTOR}
     * @throws IllegalArgumentException the password is empty; nothing was sent
     */
    public SignIn submitPassword(String password) {
      return submitPassword(password, true);
    }

    /**
     * Sets the new password.
     *
     * @param password the new password
     * @param signOutOfOtherSessions whether the user's other sessions end
     * @return the sign-in after the reset: {@code COMPLETE}, or {@code NEEDS_SECOND_FACTOR}
     * @throws IllegalArgumentException the password is empty; nothing was sent
     * @throws ClerkApiException password policy errors as field errors on {@code password}, e.g.
     *     {@link ClerkApiException#isPasswordPwned()}
     */
    public SignIn submitPassword(String password, boolean signOutOfOtherSessions) {
      return signIn.submitNewPassword(password, signOutOfOtherSessions);
    }
  }

  // ---------------------------------------------------------------- value

  /** The wire resource, or null for an empty sign-in. */
  @Nullable SignInResource resource() {
    return resource;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SignIn s && s.clerk == clerk && Objects.equals(s.resource, resource);
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
  static String mask(String identifier) {
    int at = identifier.indexOf('@');
    if (at > 0) {
      return identifier.charAt(0) + "***" + identifier.substring(at).toLowerCase(Locale.ROOT);
    }
    int keep = Math.min(2, identifier.length() / 4);
    return identifier.substring(0, keep) + "***" + identifier.substring(identifier.length() - keep);
  }
}
