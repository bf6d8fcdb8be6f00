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
import java.util.Optional;
import java.util.Set;

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
    router.add("GET", BASE, ex -> ok(ex, current(ex)));
    router.add("POST", BASE + "/prepare_first_factor", this::prepareFirstFactor);
    router.add("POST", BASE + "/attempt_first_factor", this::attemptFirstFactor);
    router.add("POST", BASE + "/prepare_second_factor", this::prepareSecondFactor);
    router.add("POST", BASE + "/attempt_second_factor", this::attemptSecondFactor);
    router.add("POST", BASE + "/reset_password", this::resetPassword);
  }

  private Response ok(Exchange ex, SignInAttempt signIn) {
    return Response.json(views.wrap(views.signIn(signIn), ex.client));
  }

  /**
   * {@code POST /v1/client/sign_ins}: identifier alone, with a password, or with a code strategy;
   * or {@code transfer=true} from a sign-up (wire spec §13.2).
   */
  private Response create(Exchange ex) {
    FormBody form = ex.form();
    if (form.bool("transfer", false)) {
      // Only a sign-up whose OAuth or SSO account exists is transferable, and the emulator has no
      // OAuth or SSO: an e-mail address or phone number that exists is refused at sign-up instead.
      throw ApiException.accountTransferInvalid("this client's sign-up is not transferable");
    }
    FactorStrategy strategy = form.nonEmpty("strategy")
        .map(s -> FormBody.strategy(s, FIRST_FACTOR_STRATEGIES)).orElse(null);
    Optional<String> identifier = form.optional("identifier").filter(s -> !s.isBlank());
    Optional<String> password = form.nonEmpty("password");
    if ((strategy != null || password.isPresent()) && identifier.isEmpty()) {
      throw ApiException.paramMissing("identifier");
    }
    if (strategy == FactorStrategy.PASSWORD && password.isEmpty()) {
      throw ApiException.paramMissing("password");
    }
    ex.rateLimit("sign_in_create", state.settings.rateLimits().creates());
    ClientRecord client = ex.clientOrNew();
    SignInAttempt signIn = new SignInAttempt(state.newId("sia"), state.now() + Duration.ofDays(1).toMillis());
    signIn.locale = form.nonEmpty("locale").orElse(null);
    if (identifier.isPresent()) {
      identify(client, signIn, identifier.get());
    }
    if (password.isEmpty() && strategy != null && strategy != FactorStrategy.PASSWORD) {
      // Before the sign-in becomes the client's: an account without such a factor is refused
      // (strategy_for_user_invalid) and the client keeps the sign-in it had.
      startCode(signIn, strategy, idMatching(signIn.user, strategy, identifier.get()));
    }
    client.signIn = signIn;
    client.signIns.put(signIn.id, signIn);
    client.updatedAt = state.now();
    if (password.isPresent()) {
      verifyPassword(ex, signIn, password.get());
    }
    return ok(ex, signIn);
  }

  private void identify(ClientRecord client, SignInAttempt signIn, String identifier) {
    UserRecord user = state.findUser(identifier).orElseThrow(() -> ApiException.param(422,
        "form_identifier_not_found", "identifier", "not found", "Couldn't find your account."));
    for (SessionRecord s : client.sessions) {
      if (s.user == user && s.live()) {
        throw new ApiException(400, "identifier_already_signed_in", "already signed in",
            "You're already signed in.", Json.obj("session_id", s.id), java.util.Map.of());
      }
    }
    signIn.identifier = identifier;
    signIn.user = user;
    signIn.status = AttemptStatus.NEEDS_FIRST_FACTOR;
    signIn.clientTrustState = client.knownUserIds.contains(user.id) ? TrustState.KNOWN : TrustState.NEW;
  }

  /** The id of the e-mail or phone the user typed, so a code goes where they expect it. */
  private static String idMatching(UserRecord user, FactorStrategy strategy, String identifier) {
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
    requireStatus(signIn, AttemptStatus.NEEDS_FIRST_FACTOR);
    FactorStrategy strategy = ex.form().strategy(CODE_STRATEGIES);
    startCode(signIn, strategy, ex.form().nonEmpty(strategy.idParam()).orElse(null));
    return ok(ex, signIn);
  }

  /** Sends a first-factor code to the identifier with this id, or to the first that fits. */
  private void startCode(SignInAttempt signIn, FactorStrategy strategy, String identifierId) {
    String id = FactorRules.pickFactor(rules.factors.firstFactors(signIn.user, true), strategy, identifierId);
    Purpose purpose = strategy.resetsPassword() ? Purpose.RESET_PASSWORD : Purpose.SIGN_IN;
    signIn.firstFactor = rules.codes.sendCodeTo(signIn.user, strategy, id, purpose);
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
    newPassword.ifPresent(p -> rules.passwords.checkNewPassword(signIn.user, p, "password"));
    rules.codes.attempt(signIn.firstFactor, strategy, code,
        "Send a code first with prepare_first_factor and the same strategy.");
    afterFirstFactor(ex.client, signIn);
    if (newPassword.isPresent()) {
      setNewPassword(ex, signIn, newPassword.get());
    }
    return ok(ex, signIn);
  }

  private void verifyPassword(Exchange ex, SignInAttempt signIn, String password) {
    rules.passwords.checkPassword(signIn.user, password, "password", ex.passwordAhead);
    signIn.firstFactor = VerificationRecord.verified("verification_password", FactorStrategy.PASSWORD);
    afterFirstFactor(ex.client, signIn);
  }

  /**
   * Where a sign-in goes after its first factor: a new password after a reset code; MFA when
   * the user has it (it takes precedence over client trust); client trust for a password on a
   * client new to the user; otherwise a session.
   */
  private void afterFirstFactor(ClientRecord client, SignInAttempt signIn) {
    FactorStrategy strategy = signIn.firstFactor.strategy();
    UserRecord user = signIn.user;
    if (strategy.resetsPassword()) {
      signIn.status = AttemptStatus.NEEDS_NEW_PASSWORD;
    } else if (user.twoFactorEnabled()) {
      signIn.status = AttemptStatus.NEEDS_SECOND_FACTOR;
    } else if (strategy == FactorStrategy.PASSWORD && state.settings.clientTrust()
        && !client.knownUserIds.contains(user.id) && !rules.factors.clientTrustFactors(user).isEmpty()) {
      signIn.status = AttemptStatus.NEEDS_CLIENT_TRUST;
      signIn.clientTrustStep = true;
    } else {
      complete(client, signIn, false);
    }
  }

  private void complete(ClientRecord client, SignInAttempt signIn, boolean secondFactor) {
    SessionRecord session = rules.sessions.createSession(client, signIn.user,
        signIn.firstFactor.strategy(), secondFactor);
    signIn.status = AttemptStatus.COMPLETE;
    signIn.createdSessionId = session.id;
  }

  private Response prepareSecondFactor(Exchange ex) {
    SignInAttempt signIn = current(ex);
    requireStatus(signIn, AttemptStatus.NEEDS_SECOND_FACTOR, AttemptStatus.NEEDS_CLIENT_TRUST);
    FactorStrategy strategy = ex.form().strategy(SECOND_FACTOR_CODES);
    String id = FactorRules.pickFactor(secondStepFactors(signIn), strategy,
        ex.form().nonEmpty(strategy.idParam()).orElse(null));
    signIn.secondFactor = rules.codes.sendCodeTo(signIn.user, strategy, id, Purpose.SECOND_FACTOR);
    return ok(ex, signIn);
  }

  private List<FactorOffer> secondStepFactors(SignInAttempt signIn) {
    return signIn.clientTrustStep
        ? rules.factors.clientTrustFactors(signIn.user) : rules.factors.secondFactors(signIn.user);
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
    signIn.secondFactor = rules.factors.verifySecondFactor(signIn.user, strategy, code, signIn.secondFactor);
    complete(ex.client, signIn, true);
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
    rules.passwords.setPassword(signIn.user, password, "password");
    if (signOutOthers) {
      rules.sessions.endOtherSessions(signIn.user, null);
    }
    if (signIn.user.twoFactorEnabled()) {
      signIn.status = AttemptStatus.NEEDS_SECOND_FACTOR;
    } else {
      complete(ex.client, signIn, false);
    }
  }

  /** The client's current sign-in; an older one is 403, an unknown one 404. */
  private static SignInAttempt current(Exchange ex) {
    ClientRecord client = ex.existingClient();
    SignInAttempt signIn = client == null ? null : client.signIns.get(ex.request.pathParam(0));
    if (signIn == null) {
      throw ApiException.notFound("Sign in");
    }
    if (client.signIn != signIn && !"GET".equals(ex.request.method())) {
      throw ApiException.of(403, "resource_forbidden", "forbidden",
          "Only the client's current sign-in can be changed.");
    }
    return signIn;
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
