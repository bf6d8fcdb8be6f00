package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage.Channel;
import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.SignInAttempt;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Sign-in endpoints: create, get, prepare and attempt the first and second factor, reset password. */
final class SignInRoutes implements Routes {
  private static final Set<FactorStrategy> CODE_STRATEGIES = EnumSet.of(FactorStrategy.EMAIL_CODE,
      FactorStrategy.PHONE_CODE, FactorStrategy.RESET_PASSWORD_EMAIL_CODE, FactorStrategy.RESET_PASSWORD_PHONE_CODE);
  private static final Set<FactorStrategy> FIRST_FACTOR_STRATEGIES = EnumSet.of(FactorStrategy.PASSWORD,
      FactorStrategy.EMAIL_CODE, FactorStrategy.PHONE_CODE, FactorStrategy.RESET_PASSWORD_EMAIL_CODE,
      FactorStrategy.RESET_PASSWORD_PHONE_CODE);
  private static final Set<FactorStrategy> SECOND_FACTOR_STRATEGIES = EnumSet.of(FactorStrategy.PHONE_CODE,
      FactorStrategy.EMAIL_CODE, FactorStrategy.TOTP, FactorStrategy.BACKUP_CODE);
  private static final Set<FactorStrategy> SECOND_FACTOR_CODES =
      EnumSet.of(FactorStrategy.PHONE_CODE, FactorStrategy.EMAIL_CODE);
  private static final String BASE = "/v1/client/sign_ins/{id}";

  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  SignInRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("POST", "/v1/client/sign_ins", this::create);
    router.add("GET", BASE, this::get);
    router.add("POST", BASE + "/prepare_first_factor", this::prepareFirstFactor);
    router.add("POST", BASE + "/attempt_first_factor", this::attemptFirstFactor);
    router.add("POST", BASE + "/prepare_second_factor", this::prepareSecondFactor);
    router.add("POST", BASE + "/attempt_second_factor", this::attemptSecondFactor);
    router.add("POST", BASE + "/reset_password", this::resetPassword);
  }

  /** S2; with {@code rotating_token_nonce}, the reload after a browser round trip (wire spec §14.2). */
  private Response get(Exchange ex) {
    SignInAttempt signIn = current(ex);
    ex.request.queryParam("rotating_token_nonce").filter(n -> !n.isEmpty())
        .ifPresent(nonce -> rules.external.reloadWithNonce(ex.client(), signIn.firstFactor, nonce));
    return ok(ex, signIn);
  }

  private Response ok(Exchange ex, SignInAttempt signIn) {
    return Response.json(views.wrap(views.signIn(signIn), ex.client));
  }

  /**
   * {@code POST /v1/client/sign_ins}: identifier alone, with a password, or with a code strategy;
   * an identity provider's page ({@code oauth_<provider>}, {@code enterprise_sso}) or ID token;
   * a ticket; an e-mail link; or {@code transfer=true} from a sign-up (wire spec §13.2).
   */
  private Response create(Exchange ex) {
    FormBody form = ex.form();
    String raw = form.nonEmpty("strategy").orElse(null);
    boolean transfer = form.bool("transfer", false);
    boolean browser = ExternalAuthRules.isBrowserStrategy(raw);
    boolean idToken = ExternalAuthRules.isIdTokenStrategy(raw);
    boolean ticket = FactorStrategy.TICKET.wire().equals(raw);
    boolean link = FactorStrategy.EMAIL_LINK.wire().equals(raw);
    FactorStrategy strategy = raw == null || browser || idToken || ticket || link ? null
        : FormBody.strategy(raw, FIRST_FACTOR_STRATEGIES);
    Optional<String> identifier = form.optional("identifier").filter(s -> !s.isBlank());
    Optional<String> password = form.nonEmpty("password");
    boolean needsIdentifier = strategy != null || link || password.isPresent()
        || FactorStrategy.ENTERPRISE_SSO.wire().equals(raw);
    if (needsIdentifier && identifier.isEmpty()) {
      throw ApiException.paramMissing("identifier");
    }
    if (strategy == FactorStrategy.PASSWORD && password.isEmpty()) {
      throw ApiException.paramMissing("password");
    }
    ex.rateLimit("sign_in_create", state.settings.rateLimits().creates());
    ClientRecord client = ex.clientOrNew();
    SignInAttempt signIn = new SignInAttempt(state.newId("sia"), state.now() + Duration.ofDays(1).toMillis());
    signIn.locale = form.nonEmpty("locale").orElse(null);
    if (identifier.isPresent() && browser) {
      // Enterprise SSO may be a user's first sign-in: the provider says who it is, not the identifier.
      signIn.identifier = identifier.get();
      signIn.status = AttemptStatus.NEEDS_FIRST_FACTOR;
    } else if (identifier.isPresent()) {
      identify(client, signIn, identifier.get());
    }
    // A provider, a token or a ticket that is refused leaves no sign-in behind.
    boolean verifiedElsewhere = browser || idToken || ticket || transfer;
    if (browser) {
      startBrowser(client, signIn, Objects.requireNonNull(raw, "a browser strategy"), form);
    } else if (idToken) {
      rules.external.signInWithIdToken(client, signIn,
          rules.external.verifyIdToken(Objects.requireNonNull(raw, "an ID token strategy"), form.required("token")));
    } else if (ticket) {
      signInWithTicket(client, signIn, form.required("ticket"));
    } else if (transfer) {
      rules.external.transferToSignIn(client, signIn);
    } else if (password.isEmpty() && strategy != null && strategy != FactorStrategy.PASSWORD) {
      // Before the sign-in becomes the client's: an account without such a factor is refused
      // (strategy_for_user_invalid) and the client keeps the sign-in it had.
      startCode(signIn, strategy, idMatching(signIn.identifiedUser(), strategy, identifier.orElseThrow()));
    }
    client.signIn = signIn;
    client.signIns.put(signIn.id, signIn);
    client.updatedAt = state.now();
    if (verifiedElsewhere) {
      return ok(ex, signIn);
    }
    // Here an identifier was needed, and identify() found its user.
    if (link) {
      String id = idMatching(signIn.identifiedUser(), FactorStrategy.EMAIL_LINK, identifier.orElseThrow());
      sendLink(client, signIn, id, form, false);
    } else if (password.isPresent()) {
      verifyPassword(ex, signIn, password.get());
    }
    return ok(ex, signIn);
  }

  /** A provider's page for the sign-in's first factor (S1 or S3). */
  private void startBrowser(ClientRecord client, SignInAttempt signIn, String strategy, FormBody form) {
    ExternalVerification v = rules.external.start(client, strategy, form, signIn.identifier, false);
    v.signIn = signIn;
    signIn.firstFactor = v;
  }

  /** A sign-in token signs its user in at once (wire spec §15.1). */
  private void signInWithTicket(ClientRecord client, SignInAttempt signIn, String ticket) {
    if (!rules.signInTokens.isToken(ticket) && rules.invitations.isInvitation(ticket)) {
      throw ApiException.param(400, "invitation_account_not_exists", "ticket", "no account",
          "There is no account for this invitation yet: sign up with it.");
    }
    UserRecord user = rules.signInTokens.consume(ticket);
    refuseSignedIn(client, user);
    signIn.user = user;
    signIn.identifier = user.displayIdentifier();
    signIn.clientTrustState = client.knownUserIds.contains(user.id) ? TrustState.KNOWN : TrustState.NEW;
    signIn.firstFactor = VerificationRecord.verified("verification_ticket", FactorStrategy.TICKET);
    rules.signIns.complete(client, signIn, false);
  }

  /** An e-mail link for the first factor or the second step, to the offered address with this id. */
  private void sendLink(ClientRecord client, SignInAttempt signIn, @Nullable String emailAddressId, FormBody form,
      boolean secondStep) {
    List<FactorOffer> offered = secondStep ? secondStepFactors(signIn)
        : rules.factors.firstFactors(firstFactorUser(signIn), true);
    String id = FactorRules.pickFactor(offered, FactorStrategy.EMAIL_LINK, emailAddressId);
    String redirectUrl = form.nonEmpty("redirect_url").orElse(null);
    if (redirectUrl != null) {
      ExternalAuthRules.checkRedirectFormat(redirectUrl, "redirect_url");
    }
    EmailLinkRules.EmailLink sent = rules.emailLinks.send(client, signIn, id, redirectUrl, secondStep);
    if (secondStep) {
      signIn.secondFactor = sent;
    } else {
      signIn.firstFactor = sent;
    }
  }

  private void identify(ClientRecord client, SignInAttempt signIn, String identifier) {
    UserRecord user = state.findUser(identifier).orElseThrow(() -> ApiException.param(422,
        "form_identifier_not_found", "identifier", "not found", "Couldn't find your account."));
    refuseSignedIn(client, user);
    signIn.identifier = identifier;
    signIn.user = user;
    signIn.status = AttemptStatus.NEEDS_FIRST_FACTOR;
    signIn.clientTrustState = client.knownUserIds.contains(user.id) ? TrustState.KNOWN : TrustState.NEW;
  }

  private static void refuseSignedIn(ClientRecord client, UserRecord user) {
    for (SessionRecord s : client.sessions) {
      if (s.user == user && s.live()) {
        throw new ApiException(400, "identifier_already_signed_in", "already signed in",
            "You're already signed in.", Json.obj("session_id", s.id), java.util.Map.of());
      }
    }
  }

  /** The id of the e-mail or phone the user typed, so a code goes where they expect it. */
  private static @Nullable String idMatching(UserRecord user, FactorStrategy strategy, String identifier) {
    String typed = identifier.trim();
    if (strategy.channel() == Channel.EMAIL) {
      return user.emails.stream().filter(e -> e.address.equalsIgnoreCase(typed))
          .map(e -> e.id).findFirst().orElse(null);
    }
    return user.phones.stream().filter(p -> p.number.equals(UserRules.normalizePhone(typed)))
        .map(p -> p.id).findFirst().orElse(null);
  }

  private Response prepareFirstFactor(Exchange ex) {
    SignInAttempt signIn = current(ex);
    FormBody form = ex.form();
    String raw = form.required("strategy");
    if (ExternalAuthRules.isBrowserStrategy(raw)) {
      // clerk-js prepares enterprise SSO's page here; Android and iOS also OAuth's, after the create.
      requireStatus(signIn, AttemptStatus.NEEDS_IDENTIFIER, AttemptStatus.NEEDS_FIRST_FACTOR);
      startBrowser(ex.client(), signIn, raw, form);
      return ok(ex, signIn);
    }
    requireStatus(signIn, AttemptStatus.NEEDS_FIRST_FACTOR);
    if (FactorStrategy.EMAIL_LINK.wire().equals(raw)) {
      sendLink(ex.client(), signIn, form.nonEmpty("email_address_id").orElse(null), form, false);
      return ok(ex, signIn);
    }
    FactorStrategy strategy = form.strategy(CODE_STRATEGIES);
    startCode(signIn, strategy, form.nonEmpty(strategy.idParam()).orElse(null));
    return ok(ex, signIn);
  }

  /** Sends a first-factor code to the identifier with this id, or to the first that fits. */
  private void startCode(SignInAttempt signIn, FactorStrategy strategy, @Nullable String identifierId) {
    UserRecord user = firstFactorUser(signIn);
    String id = FactorRules.pickFactor(rules.factors.firstFactors(user, true), strategy, identifierId);
    Purpose purpose = strategy.resetsPassword() ? Purpose.RESET_PASSWORD : Purpose.SIGN_IN;
    signIn.firstFactor = rules.codes.sendCodeTo(user, strategy, id, purpose);
  }

  private Response attemptFirstFactor(Exchange ex) {
    SignInAttempt signIn = current(ex);
    requireStatus(signIn, AttemptStatus.NEEDS_FIRST_FACTOR);
    FormBody form = ex.form();
    FactorStrategy strategy = form.strategy(FIRST_FACTOR_STRATEGIES);
    if (strategy == FactorStrategy.PASSWORD) {
      String password = form.required("password");
      ex.rateLimit("attempt", state.settings.rateLimits().attempts());
      verifyPassword(ex, signIn, password);
      return ok(ex, signIn);
    }
    String code = form.required("code");
    // Clerk's forgot-password guide sends the new password with the reset code, in one call.
    Optional<String> newPassword = strategy.resetsPassword() ? form.nonEmpty("password") : Optional.empty();
    ex.rateLimit("attempt", state.settings.rateLimits().attempts());
    // Checked before the code, so that a refused password leaves the code unused for the next try.
    newPassword.ifPresent(p -> rules.passwords.checkNewPassword(firstFactorUser(signIn), p, "password"));
    rules.codes.attempt(signIn.firstFactor, strategy, code,
        "Send a code first with prepare_first_factor and the same strategy.");
    rules.signIns.afterFirstFactor(ex.client(), signIn);
    if (newPassword.isPresent()) {
      setNewPassword(ex, signIn, newPassword.get());
    }
    return ok(ex, signIn);
  }

  private void verifyPassword(Exchange ex, SignInAttempt signIn, String password) {
    rules.passwords.checkPassword(firstFactorUser(signIn), password, "password", ex.passwordAhead);
    signIn.firstFactor = VerificationRecord.verified("verification_password", FactorStrategy.PASSWORD);
    rules.signIns.afterFirstFactor(ex.client(), signIn);
  }

  private Response prepareSecondFactor(Exchange ex) {
    SignInAttempt signIn = current(ex);
    requireStatus(signIn, AttemptStatus.NEEDS_SECOND_FACTOR, AttemptStatus.NEEDS_CLIENT_TRUST);
    if (FactorStrategy.EMAIL_LINK.wire().equals(ex.form().optional("strategy").orElse(null))) {
      sendLink(ex.client(), signIn, ex.form().nonEmpty("email_address_id").orElse(null), ex.form(), true);
      return ok(ex, signIn);
    }
    FactorStrategy strategy = ex.form().strategy(SECOND_FACTOR_CODES);
    String id = FactorRules.pickFactor(secondStepFactors(signIn), strategy,
        ex.form().nonEmpty(strategy.idParam()).orElse(null));
    signIn.secondFactor = rules.codes.sendCodeTo(signIn.identifiedUser(), strategy, id, Purpose.SECOND_FACTOR);
    return ok(ex, signIn);
  }

  private List<FactorOffer> secondStepFactors(SignInAttempt signIn) {
    UserRecord user = signIn.identifiedUser(); // the first factor found it
    return signIn.clientTrustStep ? rules.factors.clientTrustFactors(user) : rules.factors.secondFactors(user);
  }

  private Response attemptSecondFactor(Exchange ex) {
    SignInAttempt signIn = current(ex);
    requireStatus(signIn, AttemptStatus.NEEDS_SECOND_FACTOR, AttemptStatus.NEEDS_CLIENT_TRUST);
    FormBody form = ex.form();
    FactorStrategy strategy = form.strategy(SECOND_FACTOR_STRATEGIES);
    String code = form.required("code");
    if (!FactorRules.offers(secondStepFactors(signIn), strategy)) {
      throw ApiException.strategyForUserInvalid("strategy");
    }
    ex.rateLimit("attempt", state.settings.rateLimits().attempts());
    signIn.secondFactor =
        rules.factors.verifySecondFactor(signIn.identifiedUser(), strategy, code, signIn.secondFactor);
    rules.signIns.complete(ex.client(), signIn, true);
    return ok(ex, signIn);
  }

  private Response resetPassword(Exchange ex) {
    SignInAttempt signIn = current(ex);
    requireStatus(signIn, AttemptStatus.NEEDS_NEW_PASSWORD);
    setNewPassword(ex, signIn, ex.form().required("password"));
    return ok(ex, signIn);
  }

  /** After a reset code: sets the password, then MFA if the user has it, else a session. */
  private void setNewPassword(Exchange ex, SignInAttempt signIn, String password) {
    boolean signOutOthers = ex.form().bool("sign_out_of_other_sessions", false);
    UserRecord user = signIn.identifiedUser(); // a reset code verified it
    rules.passwords.setPassword(user, password, "password");
    if (signOutOthers) {
      rules.sessions.endOtherSessions(user, null);
    }
    if (user.twoFactorEnabled()) {
      signIn.status = AttemptStatus.NEEDS_SECOND_FACTOR;
    } else {
      rules.signIns.complete(ex.client(), signIn, false);
    }
  }

  /** The client's current sign-in; an older one is 403, an unknown one 404. */
  private static SignInAttempt current(Exchange ex) {
    ClientRecord client = ex.existingClient();
    SignInAttempt signIn = client == null ? null : client.signIns.get(ex.request.pathParam(0));
    if (client == null || signIn == null) {
      throw ApiException.notFound("Sign in");
    }
    if (client.signIn != signIn && !"GET".equals(ex.request.method())) {
      throw ApiException.of(403, "resource_forbidden", "forbidden",
          "Only the client's current sign-in can be changed.");
    }
    return signIn;
  }

  /**
   * The user a first factor is for; a sign-in without one (enterprise SSO before the provider
   * answered) offers no factor but the provider's, so any other strategy is refused as Clerk does.
   */
  private static UserRecord firstFactorUser(SignInAttempt signIn) {
    UserRecord user = signIn.user;
    if (user == null) {
      throw ApiException.strategyForUserInvalid("strategy");
    }
    return user;
  }

  private static void requireStatus(SignInAttempt signIn, AttemptStatus... allowed) {
    for (AttemptStatus status : allowed) {
      if (status == signIn.status) {
        return;
      }
    }
    throw ApiException.clientStateInvalid("This action is not allowed while the sign-in is "
        + signIn.status.wire() + ".");
  }
}
