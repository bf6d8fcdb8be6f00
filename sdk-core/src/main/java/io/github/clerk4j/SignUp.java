package io.github.clerk4j;

import io.github.clerk4j.internal.wire.SignUpResource;
import io.github.clerk4j.internal.wire.VerificationResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.Form;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of a sign-up attempt, and the actions that move it on. Every action sends
 * what clerk-js {@code SignUpFuture} sends and returns a <em>new</em> {@code SignUp}; this one
 * stays valid, so after a failure (an exception) the caller still holds a usable value to retry
 * from.
 *
 * <pre>{@code
 * SignUp signUp = clerk.signUp().password(SignUpParams.builder()
 *     .emailAddress(email).password(password).build());
 * signUp = signUp.verifications().sendEmailCode();
 * signUp = signUp.verifications().verifyEmailCode(codeFromUser);
 * if (signUp.status() == SignUpStatus.COMPLETE) {
 *   signUp.finalize(Navigate.none());
 * }
 * }</pre>
 *
 * <p>Expected outcomes are states: {@link SignUpStatus#MISSING_REQUIREMENTS} until every {@link
 * #requiredFields() required field} is given ({@link #missingFields()}) and every identifier is
 * verified ({@link #unverifiedFields()}), then {@link SignUpStatus#COMPLETE}. Failures are {@link
 * ClerkApiException} (see its predicates, such as {@link ClerkApiException#isIdentifierExists()},
 * and {@code fieldErrors()} keyed by the form field) or {@link ClerkNetworkException}.
 *
 * <p><b>Checks before sending.</b> Once {@link Clerk#environment()} has loaded the instance's
 * settings, {@link #password(SignUpParams)}, {@link #create(SignUpParams)} and {@link
 * #update(SignUpParams)} refuse, with an {@link IllegalArgumentException} naming the rule and
 * without sending anything, a field the instance does not enable, a required field given empty and
 * a password outside the length rules. The environment is never loaded for these checks alone
 * (that would cost every sign-up a request the app did not ask for); without it, the server
 * refuses the same input.
 *
 * <p>Every action runs on the calling thread; {@link #async(Function)} runs any of them on the
 * Clerk's executor.
 */
public final class SignUp {

  private final Clerk clerk;
  /** Null for the empty, local sign-up that no request created yet. */
  private final @Nullable SignUpResource resource;

  SignUp(Clerk clerk, @Nullable SignUpResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.resource = resource;
  }

  // ---------------------------------------------------------------- getters

  /**
   * {@return the sign-up's id ({@code sua_...}); {@code null} for an empty sign-up that was never
   * sent}
   */
  public @Nullable String id() {
    return resource == null ? null : resource.id();
  }

  /**
   * {@return where the sign-up stands; {@link SignUpStatus#UNKNOWN} for a status this version does
   * not know}
   */
  public SignUpStatus status() {
    return SignUpStatus.fromWire(rawStatus());
  }

  /**
   * {@return the status as sent ({@code missing_requirements} for an empty sign-up, as clerk-js
   * reports it)}
   */
  public String rawStatus() {
    return resource == null ? "missing_requirements" : resource.status();
  }

  /**
   * {@return the fields the instance requires, by Clerk's names ({@code email_address}, {@code
   * phone_number}, {@code username}, {@code password}, {@code first_name}, {@code last_name},
   * {@code legal_accepted}, ...)} Their order is not meaningful; empty before the first request.
   */
  public List<String> requiredFields() {
    return resource == null ? List.of() : resource.requiredFields();
  }

  /**
   * {@return the fields the instance accepts but does not require (also OAuth strategies such as
   * {@code oauth_google})}
   */
  public List<String> optionalFields() {
    return resource == null ? List.of() : resource.optionalFields();
  }

  /** {@return the required fields not given yet: add them with {@link #update(SignUpParams)}} */
  public List<String> missingFields() {
    return resource == null ? List.of() : resource.missingFields();
  }

  /**
   * {@return the given fields still to verify ({@code email_address}, {@code phone_number}): {@link
   * Verifications#sendEmailCode()}, {@link Verifications#sendPhoneCode()}}
   */
  public List<String> unverifiedFields() {
    return resource == null ? List.of() : resource.unverifiedFields();
  }

  /** {@return the e-mail address given so far} */
  public Optional<String> emailAddress() {
    return Optional.ofNullable(resource == null ? null : resource.emailAddress());
  }

  /** {@return the phone number given so far (E.164)} */
  public Optional<String> phoneNumber() {
    return Optional.ofNullable(resource == null ? null : resource.phoneNumber());
  }

  /** {@return the username given so far} */
  public Optional<String> username() {
    return Optional.ofNullable(resource == null ? null : resource.username());
  }

  /** {@return the first name given so far} */
  public Optional<String> firstName() {
    return Optional.ofNullable(resource == null ? null : resource.firstName());
  }

  /** {@return the last name given so far} */
  public Optional<String> lastName() {
    return Optional.ofNullable(resource == null ? null : resource.lastName());
  }

  /** {@return whether a password was given (never the password itself)} */
  public boolean hasPassword() {
    return resource != null && resource.passwordEnabled();
  }

  /**
   * {@return the unsafe metadata given so far (values are String, Long, Double, Boolean, List or
   * Map)}
   */
  public Map<String, Object> unsafeMetadata() {
    return resource == null ? Map.of() : resource.unsafeMetadata();
  }

  /** {@return when the user accepted the legal terms, if they did} */
  public Optional<Instant> legalAcceptedAt() {
    return Optional.ofNullable(resource == null ? null : resource.legalAcceptedAt());
  }

  /** {@return the session this sign-up created, once {@link SignUpStatus#COMPLETE}} */
  public Optional<String> createdSessionId() {
    return Optional.ofNullable(resource == null ? null : resource.createdSessionId());
  }

  /** {@return the user this sign-up created, once {@link SignUpStatus#COMPLETE}} */
  public Optional<String> createdUserId() {
    return Optional.ofNullable(resource == null ? null : resource.createdUserId());
  }

  /** {@return when the server abandons this attempt unfinished} */
  public Optional<Instant> abandonAt() {
    return Optional.ofNullable(resource == null ? null : resource.abandonAt());
  }

  /**
   * {@return the verifications of the e-mail address and phone number: their state, and the code
   * calls}
   */
  public Verifications verifications() {
    return new Verifications(this);
  }

  /**
   * {@return whether the identity this sign-up verified belongs to an existing account, so that it
   * can become a sign-in ({@link #transferToSignIn()}): the external account's verification is
   * {@link VerificationStatus#TRANSFERABLE} with the error {@code external_account_exists}, as
   * clerk-js {@code SignUpFuture.isTransferable} checks (wire spec §13.2)} Happens after OAuth or
   * SSO; an e-mail address or phone number that exists is refused outright instead ({@link
   * ClerkApiException#isIdentifierExists()}: sign in).
   */
  public boolean isTransferable() {
    VerificationResource v = resource == null ? null : resource.externalAccountVerification();
    ClerkError error = v == null ? null : v.error();
    return v != null && v.status().equals(VerificationStatus.TRANSFERABLE.wireValue())
        && error != null && "external_account_exists".equals(error.code());
  }

  /**
   * {@return the provider's page to open in a browser, while a browser sign-up ({@link
   * #sso(SsoParams)}) waits for it: the external account verification's {@code
   * external_verification_redirect_url}}
   */
  public Optional<URI> externalVerificationRedirectUrl() {
    return verifications().externalAccount().flatMap(Verification::pendingProviderPage);
  }

  // ---------------------------------------------------------------- flows

  /**
   * Signs up with a password and an identifier (e-mail address, phone number or username) and any
   * other fields, as clerk-js {@code SignUpFuture.password}: {@code strategy=password} and the
   * fields, as an update ({@code PATCH}) of this sign-up when it exists on the server, else as a
   * new sign-up ({@code POST}). The result is usually {@link SignUpStatus#MISSING_REQUIREMENTS}
   * with the identifier to verify: {@link #verifications()}.
   *
   * @param params the fields, a password among them
   * @return the sign-up after the call
   * @throws IllegalArgumentException the params have no password, or fail a check of the loaded
   *     environment (see the class comment); nothing was sent
   * @throws ClerkApiException e.g. {@link ClerkApiException#isIdentifierExists()}, {@link
   *     ClerkApiException#isPasswordPwned()}, {@link ClerkApiException#isPasswordTooShort()}
   */
  public SignUp password(SignUpParams params) {
    Objects.requireNonNull(params, "params");
    if (params.form().get("password") == null || params.form().get("password").isEmpty()) {
      throw new IllegalArgumentException("password(...) needs SignUpParams with a password; nothing was sent");
    }
    checkAgainstEnvironment(params);
    Form form = withAll(Form.empty().with("strategy", Strategy.PASSWORD.wireValue()), params.form());
    return Hints.withHints(() -> id() != null
        ? call(Endpoint.UPDATE_SIGN_UP, id(), form)
        : call(Endpoint.CREATE_SIGN_UP, null, form), Hints::signUp);
  }

  /**
   * Starts a sign-up through the browser with an OAuth provider or enterprise SSO, for apps that
   * start from "Sign up with ...": {@code POST /v1/client/sign_ups} with the strategy and the
   * redirect URL (for enterprise SSO with {@code email_address}). Always a new sign-up. Open
   * {@link #externalVerificationRedirectUrl()} in a browser, then pass the URL it came back to to
   * {@link #handleRedirectCallback(URI)}.
   *
   * @param params the provider or enterprise SSO, with the redirect URL
   * @return the new sign-up, waiting for the browser
   * @throws IllegalArgumentException the params have no redirect URL; nothing was sent
   * @throws ClerkApiException e.g. {@link ClerkApiException#isRedirectUrlInvalid()}
   */
  public SignUp sso(SsoParams params) {
    return sso(params, SignUpParams.builder().build());
  }

  /**
   * {@link #sso(SsoParams)} with fields the provider does not give, such as {@code legalAccepted}
   * or unsafe metadata.
   *
   * @param params the provider or enterprise SSO, with the redirect URL
   * @param extra the fields to send with it
   * @return the new sign-up, waiting for the browser
   * @throws IllegalArgumentException the params have no redirect URL, or the fields fail a check
   *     of the loaded environment; nothing was sent
   * @throws ClerkApiException e.g. {@link ClerkApiException#isRedirectUrlInvalid()}
   */
  public SignUp sso(SsoParams params, SignUpParams extra) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(extra, "extra");
    String redirect = params.requireRedirectUrl("sso(...)");
    checkAgainstEnvironment(extra);
    Form form = Form.empty()
        .with("strategy", params.strategy())
        .with("email_address", params.identifier())
        .with("redirect_url", redirect)
        .with("action_complete_redirect_url", redirect)
        .with("oidc_prompt", params.oidcPromptValue())
        .with("oidc_login_hint", params.oidcLoginHintValue());
    SignUp started = Hints.withHints(() -> call(Endpoint.CREATE_SIGN_UP, null, withAll(form, extra.form())), Hints::sso);
    if (started.externalVerificationRedirectUrl().isEmpty()) {
      throw RedirectCallback.noProviderPage("sign-up", started.id(), started.rawStatus(), params.strategy());
    }
    return started;
  }

  /**
   * Finishes a browser sign-up with the URL the browser came back to: {@code GET
   * /v1/client/sign_ups/{id}} with its {@code rotating_token_nonce} as query (wire spec §14.2).
   * The result is {@code COMPLETE} (finalize it) or {@code MISSING_REQUIREMENTS} (fields the
   * provider did not give: {@link #update(SignUpParams)}), or, when the provider's account
   * belongs to a user already, {@link #isTransferable() transferable}: continue with {@link
   * #transferToSignIn()}. The callback says so without a nonce ({@code
   * __clerk_error_code=external_account_exists}); the sign-up is then reloaded without one.
   *
   * @param callback the whole URL the browser came back to, with its query
   * @return the sign-up as the server has it after the browser
   * @throws ClerkApiException the callback reports an error, e.g. {@link
   *     ClerkApiException#isOAuthAccessDenied()}
   * @throws IllegalArgumentException the URL carries neither a nonce nor a transfer or error
   *     signal; nothing was sent
   * @throws IllegalStateException this sign-up never started a browser sign-up, or it is no longer
   *     the client's current one; nothing was sent
   * @throws ClerkException the browser came back but the sign-up still waits for its provider
   */
  public SignUp handleRedirectCallback(URI callback) {
    RedirectCallback cb = RedirectCallback.parse(callback);
    String id = requireId("handleRedirectCallback(...)");
    return cb.finish("sign-up", id, verifications().externalAccount(), clerk.client().signUp().map(SignUp::id),
        "external_account_exists", this::reload, SignUp::isTransferable,
        nonce -> call(Endpoint.GET_SIGN_UP, id, Form.empty().with(RedirectCallback.NONCE, nonce)).afterCallback());
  }

  /** A sign-up reloaded after a callback: still waiting for the provider, or failed there, is an error. */
  private SignUp afterCallback() {
    Verification v = verifications().externalAccount().orElse(null);
    if (v == null || status() != SignUpStatus.MISSING_REQUIREMENTS || isTransferable()) {
      return this;
    }
    ClerkError error = v.error();
    if (error != null) {
      throw ClerkApiException.fromRedirectCallback(error, "start again with sso(...)");
    }
    if (v.status() == VerificationStatus.UNVERIFIED) {
      throw new ClerkException("the browser came back, but sign-up " + id() + " still waits for its provider: the"
          + " callback was meant for another sign-up, or its nonce was used already; start again with sso(...)");
    }
    return this;
  }

  /**
   * Signs up with an invitation's ticket ({@code POST /v1/client/sign_ups} with {@code
   * strategy=ticket}, wire spec §15.2): the invitation link lands on the app's URL with {@code
   * __clerk_ticket}. The invited e-mail address needs no code; what else the instance requires
   * comes back in {@link #missingFields()}.
   *
   * @param ticket the invitation's {@code __clerk_ticket}
   * @return the new sign-up
   * @throws IllegalArgumentException the ticket is empty; nothing was sent
   * @throws ClerkApiException {@link ClerkApiException#isTicketExpired()}, {@link
   *     ClerkApiException#isTicketAlreadyUsed()}, {@link ClerkApiException#isTicketInvalid()}
   */
  public SignUp ticket(String ticket) {
    return ticket(ticket, SignUpParams.builder().build());
  }

  /**
   * {@link #ticket(String)} with more fields, such as a password or names.
   *
   * @param ticket the invitation's {@code __clerk_ticket}
   * @param extra the fields to send with it
   * @return the new sign-up
   * @throws IllegalArgumentException the ticket is empty, or the fields fail a check of the loaded
   *     environment; nothing was sent
   * @throws ClerkApiException {@link ClerkApiException#isTicketExpired()}, {@link
   *     ClerkApiException#isTicketAlreadyUsed()}, {@link ClerkApiException#isTicketInvalid()}
   */
  public SignUp ticket(String ticket, SignUpParams extra) {
    Objects.requireNonNull(extra, "extra");
    Form form = Form.empty().with("strategy", Strategy.TICKET.wireValue()).with("ticket", FormParams.require(ticket, "ticket"));
    checkAgainstEnvironment(extra);
    return Hints.withHints(() -> call(Endpoint.CREATE_SIGN_UP, null, withAll(form, extra.form())),
        e -> Optional.ofNullable(Hints.ticket(e)).orElseGet(() -> Hints.signUp(e)));
  }

  /**
   * Signs up with an ID token the app got itself (Sign in with Apple, Google), as clerk-ios and
   * clerk-android do when the account is new: {@code POST /v1/client/sign_ups} with the
   * provider's strategy and {@code token}.
   *
   * @param provider who issued the token: Apple or Google
   * @param token the ID token the provider's SDK gave the app
   * @return the new sign-up
   * @throws IllegalArgumentException the token is empty; nothing was sent
   */
  public SignUp idToken(IdTokenProvider provider, String token) {
    return idToken(provider, token, SignUpParams.builder().build());
  }

  /**
   * {@link #idToken(IdTokenProvider, String)} with more fields, such as names Apple gave only once.
   *
   * @param provider who issued the token: Apple or Google
   * @param token the ID token the provider's SDK gave the app
   * @param extra the fields to send with it
   * @return the new sign-up
   * @throws IllegalArgumentException the token is empty, or the fields fail a check of the loaded
   *     environment; nothing was sent
   */
  public SignUp idToken(IdTokenProvider provider, String token, SignUpParams extra) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(extra, "extra");
    Form form = Form.empty().with("strategy", provider.strategy()).with("token", FormParams.require(token, "token"));
    checkAgainstEnvironment(extra);
    return Hints.withHints(() -> call(Endpoint.CREATE_SIGN_UP, null, withAll(form, extra.form())), Hints::signUp);
  }

  /**
   * Starts over: an empty sign-up, also made the client's current one locally. No request (as
   * clerk-js {@code reset()}).
   *
   * @return the empty sign-up
   */
  public SignUp reset() {
    clerk.resetSignUpLocally();
    return new SignUp(clerk, null);
  }

  /**
   * Finishes a {@link SignUpStatus#COMPLETE complete} sign-up: makes the created session the
   * active one and calls {@code navigate} ({@link Clerk#setActive(String, Navigate)}). A {@link
   * SessionStatus#PENDING pending} session (an instance that requires MFA gives new users the
   * {@code setup-mfa} task) is passed to {@code navigate} too: route the user to {@link
   * Session#currentTask()}.
   *
   * <p>(There is no {@code finalize()} without arguments: Java reserves that signature for {@link
   * Object}. Use {@code finalize(Navigate.none())}.)
   *
   * @param navigate called with the active session; {@link Navigate#none()} for nothing
   * @return the active session
   * @throws IllegalStateException the sign-up has no created session yet
   */
  public Session finalize(Navigate navigate) {
    Objects.requireNonNull(navigate, "navigate");
    String sessionId = createdSessionId().orElseThrow(() -> new IllegalStateException(
        "finalize() needs a complete sign-up with a created session; status is " + rawStatus()
            + (missingFields().isEmpty() ? "" : ", missing " + missingFields())
            + (unverifiedFields().isEmpty() ? "" : ", unverified " + unverifiedFields())
            + ": continue the sign-up first"));
    return clerk.setActive(sessionId, navigate);
  }

  /**
   * Turns a {@link #isTransferable() transferable} sign-up into a sign-in: {@code POST
   * /v1/client/sign_ins} with {@code transfer=true} (wire spec §13.2). The result is {@code
   * COMPLETE}, {@code NEEDS_FIRST_FACTOR}, {@code NEEDS_SECOND_FACTOR} or {@code
   * NEEDS_NEW_PASSWORD}.
   *
   * @return the new sign-in
   * @throws ClerkApiException {@link ClerkApiException#isAccountTransferInvalid()} when there is
   *     nothing to transfer
   */
  public SignIn transferToSignIn() {
    return Hints.withHints(() -> new SignIn(clerk, null).create(SignInCreateParams.transfer()), Hints::transfer);
  }

  // ---------------------------------------------------------------- lower level

  /**
   * Creates a new sign-up with these fields ({@code POST /v1/client/sign_ups}), replacing the
   * client's current one (clerk-js {@code SignUpFuture.create}).
   *
   * @param params the fields to start with
   * @return the new sign-up
   * @throws IllegalArgumentException the fields fail a check of the loaded environment; nothing
   *     was sent
   */
  public SignUp create(SignUpParams params) {
    Objects.requireNonNull(params, "params");
    checkAgainstEnvironment(params);
    return Hints.withHints(() -> call(Endpoint.CREATE_SIGN_UP, null, params.form()), Hints::signUp);
  }

  /**
   * Adds or changes fields of this sign-up ({@code PATCH /v1/client/sign_ups/{id}}, clerk-js
   * {@code SignUpFuture.update}): the way to fill in {@link #missingFields()}. An empty value
   * clears a field.
   *
   * @param params the fields to add or change
   * @return the sign-up after the change
   * @throws IllegalArgumentException the fields fail a check of the loaded environment; nothing
   *     was sent
   * @throws IllegalStateException this sign-up was never sent: use {@link #create(SignUpParams)}
   */
  public SignUp update(SignUpParams params) {
    Objects.requireNonNull(params, "params");
    String id = requireId("update(...)");
    checkAgainstEnvironment(params);
    return Hints.withHints(() -> call(Endpoint.UPDATE_SIGN_UP, id, params.form()), Hints::signUp);
  }

  /**
   * Fetches this sign-up again ({@code GET /v1/client/sign_ups/{id}}).
   *
   * @return the sign-up as the server has it now
   * @throws IllegalStateException this sign-up was never sent (it has no id); nothing was sent
   */
  public SignUp reload() {
    return call(Endpoint.GET_SIGN_UP, requireId("reload()"), Form.empty());
  }

  /**
   * Sends a code to the sign-up's e-mail address ({@code prepare_verification}, {@code
   * strategy=email_code}), as clerk-js {@code prepareEmailAddressVerification()}.
   *
   * @return the sign-up with the code sent
   * @throws IllegalStateException this sign-up was never sent (it has no id); nothing was sent
   */
  public SignUp prepareEmailAddressVerification() {
    return call(Endpoint.PREPARE_SIGN_UP_VERIFICATION, requireId("prepareEmailAddressVerification()"),
        Form.empty().with("strategy", Strategy.EMAIL_CODE.wireValue()));
  }

  /**
   * Verifies the e-mail code ({@code attempt_verification}, {@code strategy=email_code}). Never
   * retried once it may have been sent.
   *
   * @param code the code from the e-mail
   * @return the sign-up after the attempt
   * @throws IllegalArgumentException the code is empty; nothing was sent
   * @throws IllegalStateException this sign-up was never sent (it has no id); nothing was sent
   */
  public SignUp attemptEmailAddressVerification(String code) {
    return attempt(Strategy.EMAIL_CODE, code, "attemptEmailAddressVerification()");
  }

  /**
   * Sends a code by SMS to the sign-up's phone number ({@code prepare_verification}, {@code
   * strategy=phone_code}), as clerk-js {@code preparePhoneNumberVerification()}.
   *
   * @return the sign-up with the code sent
   * @throws IllegalStateException this sign-up was never sent (it has no id); nothing was sent
   */
  public SignUp preparePhoneNumberVerification() {
    return call(Endpoint.PREPARE_SIGN_UP_VERIFICATION, requireId("preparePhoneNumberVerification()"),
        Form.empty().with("strategy", Strategy.PHONE_CODE.wireValue()));
  }

  /**
   * Verifies the SMS code ({@code attempt_verification}, {@code strategy=phone_code}). Never
   * retried once it may have been sent.
   *
   * @param code the code from the SMS
   * @return the sign-up after the attempt
   * @throws IllegalArgumentException the code is empty; nothing was sent
   * @throws IllegalStateException this sign-up was never sent (it has no id); nothing was sent
   */
  public SignUp attemptPhoneNumberVerification(String code) {
    return attempt(Strategy.PHONE_CODE, code, "attemptPhoneNumberVerification()");
  }

  /**
   * Runs {@code action} on this sign-up on the Clerk's executor ({@link Clerk#async(Supplier)}):
   * the asynchronous form of every action.
   *
   * <pre>{@code
   * signUp.async(s -> s.verifications().verifyEmailCode(code)).thenAccept(next -> ...);
   * }</pre>
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this sign-up
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<SignUp, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  // ---------------------------------------------------------------- machinery

  /** {@code POST /v1/client/sign_ups} with {@code transfer=true} ({@link SignIn#transferToSignUp()}). */
  static SignUp transfer(Clerk clerk, @Nullable SignUpParams extra) {
    SignUp empty = new SignUp(clerk, null);
    if (extra != null) {
      empty.checkAgainstEnvironment(extra);
    }
    Form form = withAll(Form.empty().with("transfer", true), extra == null ? Form.empty() : extra.form());
    return Hints.withHints(() -> empty.call(Endpoint.CREATE_SIGN_UP, null, form), Hints::transfer);
  }

  private void checkAgainstEnvironment(SignUpParams params) {
    clerk.loadedEnvironment().ifPresent(env -> env.checkSignUp(params));
  }

  private SignUp attempt(Strategy strategy, String code, String action) {
    Form form = Form.empty().with("strategy", strategy.wireValue()).with("code", FormParams.require(code, "code"));
    return call(Endpoint.ATTEMPT_SIGN_UP_VERIFICATION, requireId(action), form);
  }

  /** One sign-up call: execute, then the answer's sign-up is the new value. */
  private SignUp call(Endpoint endpoint, @Nullable String id, Form form) {
    return new SignUp(clerk, Clerk.resource(clerk.execute(endpoint, id, null, form), SignUpResource.class));
  }

  /** What makes two code sends identical. */
  private record SendKey(String signUpId, Form form) {}

  /**
   * Sends a code. Every send goes out (a new code each time, as clerk-js); only identical sends
   * in flight at the same moment (a double click) share one request.
   */
  private SignUp send(String what, Form form) {
    String id = requireId(what);
    return clerk.sendOnce(new SendKey(id, form), () -> call(Endpoint.PREPARE_SIGN_UP_VERIFICATION, id, form));
  }

  private String requireId(String action) {
    String id = id();
    if (id == null) {
      throw new IllegalStateException(action + " needs a sign-up that exists on the server: "
          + "start with password(...) or create(...)");
    }
    return id;
  }

  private static Form withAll(Form base, Form more) {
    Form out = base;
    for (Map.Entry<String, String> e : more.fields().entrySet()) {
      out = out.with(e.getKey(), e.getValue());
    }
    return out;
  }

  /**
   * The verifications of a sign-up's e-mail address and phone number, with the calls of clerk-js
   * {@code SignUpFuture.verifications}. Every {@code send*} sends a new code: call it again for "I
   * need a new code".
   */
  public static final class Verifications {
    private final SignUp signUp;

    Verifications(SignUp signUp) {
      this.signUp = signUp;
    }

    /**
     * {@return the e-mail address's verification, once a code was sent (or it was verified
     * otherwise)}
     */
    public Optional<Verification> emailAddress() {
      return Optional.ofNullable(signUp.resource == null ? null
          : Verification.of(signUp.resource.emailAddressVerification()));
    }

    /** {@return the phone number's verification, once a code was sent} */
    public Optional<Verification> phoneNumber() {
      return Optional.ofNullable(signUp.resource == null ? null
          : Verification.of(signUp.resource.phoneNumberVerification()));
    }

    /** {@return the external account's verification (OAuth, SSO), if the sign-up has one} */
    public Optional<Verification> externalAccount() {
      return Optional.ofNullable(signUp.resource == null ? null
          : Verification.of(signUp.resource.externalAccountVerification()));
    }

    /**
     * Sends a code to the sign-up's e-mail address ({@code prepare_verification}, {@code
     * strategy=email_code}).
     *
     * @return the sign-up with the code sent
     * @throws IllegalStateException the sign-up has no e-mail address yet; nothing was sent
     */
    public SignUp sendEmailCode() {
      signUp.requireField(signUp.emailAddress(), "an e-mail address", "emailAddress");
      return Hints.withHints(() -> signUp.send("sendEmailCode()",
          Form.empty().with("strategy", Strategy.EMAIL_CODE.wireValue())), Hints::send);
    }

    /**
     * Verifies the code from the e-mail; a complete sign-up has {@link SignUp#createdSessionId()}.
     *
     * @param code the code from the e-mail
     * @return the sign-up after the attempt
     * @throws IllegalArgumentException the code is empty; nothing was sent
     */
    public SignUp verifyEmailCode(String code) {
      return Hints.withHints(() -> signUp.attemptEmailAddressVerification(code),
          e -> Hints.verify(e, Strategy.EMAIL_CODE, "verifications().sendEmailCode()"));
    }

    /**
     * Sends a code by SMS to the sign-up's phone number ({@code prepare_verification}, {@code
     * strategy=phone_code}, {@code channel=sms}, as clerk-js sends it).
     *
     * @return the sign-up with the code sent
     * @throws IllegalStateException the sign-up has no phone number yet; nothing was sent
     */
    public SignUp sendPhoneCode() {
      signUp.requireField(signUp.phoneNumber(), "a phone number", "phoneNumber");
      return Hints.withHints(() -> signUp.send("sendPhoneCode()",
          Form.empty().with("strategy", Strategy.PHONE_CODE.wireValue()).with("channel", "sms")), Hints::send);
    }

    /**
     * Verifies the code from the SMS.
     *
     * @param code the code from the SMS
     * @return the sign-up after the attempt
     * @throws IllegalArgumentException the code is empty; nothing was sent
     */
    public SignUp verifyPhoneCode(String code) {
      return Hints.withHints(() -> signUp.attemptPhoneNumberVerification(code),
          e -> Hints.verify(e, Strategy.PHONE_CODE, "verifications().sendPhoneCode()"));
    }

    @Override
    public String toString() {
      return "SignUp.Verifications{" + signUp.id() + ", emailAddress=" + emailAddress().map(Verification::rawStatus).orElse(null)
          + ", phoneNumber=" + phoneNumber().map(Verification::rawStatus).orElse(null) + '}';
    }
  }

  private void requireField(Optional<String> value, String what, String builderMethod) {
    requireId("sending a code");
    if (value.isEmpty()) {
      throw new IllegalStateException("this sign-up has no " + what.substring(what.indexOf(' ') + 1)
          + " to send a code to: add " + what + " with update(SignUpParams.builder()." + builderMethod
          + "(...).build()) first; nothing was sent");
    }
  }

  // ---------------------------------------------------------------- value

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SignUp s && s.clerk == clerk && Objects.equals(s.resource, resource);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(resource);
  }

  @Override
  public String toString() {
    return "SignUp{id=" + id() + ", status=" + rawStatus()
        + ", emailAddress=" + emailAddress().map(SignIn::mask).orElse(null)
        + ", phoneNumber=" + phoneNumber().map(SignIn::mask).orElse(null)
        + ", missing=" + missingFields() + ", unverified=" + unverifiedFields()
        + ", createdSessionId=" + createdSessionId().orElse(null) + '}';
  }
}
