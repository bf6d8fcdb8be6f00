package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.internal.Model.Client;
import io.github.clerk4j.testing.internal.Model.Session;
import io.github.clerk4j.testing.internal.Model.SignIn;
import io.github.clerk4j.testing.internal.Model.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sign-in endpoints S1 to S7 of the wire spec. */
final class SignInRoutes {
  private static final List<String> CODE_STRATEGIES =
      List.of("email_code", "phone_code", "reset_password_email_code", "reset_password_phone_code");
  private static final List<String> SECOND_FACTOR_STRATEGIES =
      List.of("phone_code", "email_code", "totp", "backup_code");
  private static final String BASE = "/v1/client/sign_ins/{id}";

  private final Core core;
  private final Views views;

  SignInRoutes(Core core, Views views) {
    this.core = core;
    this.views = views;
  }

  void register(Router router) {
    router.add("POST", "/v1/client/sign_ins", this::create);
    router.add("GET", BASE, ex -> ok(ex, current(ex)));
    router.add("POST", BASE + "/prepare_first_factor", this::prepareFirstFactor);
    router.add("POST", BASE + "/attempt_first_factor", this::attemptFirstFactor);
    router.add("POST", BASE + "/prepare_second_factor", this::prepareSecondFactor);
    router.add("POST", BASE + "/attempt_second_factor", this::attemptSecondFactor);
    router.add("POST", BASE + "/reset_password", this::resetPassword);
  }

  private Response ok(Exchange ex, SignIn signIn) {
    return Response.json(views.wrap(views.signIn(signIn), ex.client));
  }

  // S1
  private Response create(Exchange ex) {
    Form form = ex.form();
    String strategy = form.optional("strategy").filter(s -> !s.isEmpty()).orElse(null);
    if (strategy != null && !"password".equals(strategy) && !CODE_STRATEGIES.contains(strategy)) {
      throw ApiException.paramFormatInvalid("strategy");
    }
    Optional<String> identifier = form.optional("identifier").filter(s -> !s.isBlank());
    Optional<String> password = form.optional("password").filter(s -> !s.isEmpty());
    if ((strategy != null || password.isPresent()) && identifier.isEmpty()) {
      throw ApiException.paramMissing("identifier");
    }
    if ("password".equals(strategy) && password.isEmpty()) {
      throw ApiException.paramMissing("password");
    }
    ex.rateLimit("sign_in_create", core.settings.rateLimits().creates());
    Client client = ex.clientOrNew();
    SignIn signIn = new SignIn(core.newId("sia"), core.now() + Duration.ofDays(1).toMillis());
    signIn.status = "needs_identifier";
    signIn.locale = form.optional("locale").filter(s -> !s.isEmpty()).orElse(null);
    if (identifier.isPresent()) {
      identify(client, signIn, identifier.get());
    }
    client.signIn = signIn;
    client.signIns.put(signIn.id, signIn);
    client.updatedAt = core.now();
    if (password.isPresent()) {
      verifyPassword(client, signIn, password.get());
    } else if (strategy != null && !"password".equals(strategy)) {
      startCode(signIn, strategy, idMatching(signIn.user, strategy, identifier.get()));
    }
    return ok(ex, signIn);
  }

  private void identify(Client client, SignIn signIn, String identifier) {
    User user = core.findUser(identifier).orElseThrow(() -> ApiException.param(422,
        "form_identifier_not_found", "identifier", "not found", "Couldn't find your account."));
    for (Session s : client.sessions) {
      if (s.user == user && s.live()) {
        throw new ApiException(400, "identifier_already_signed_in", "already signed in",
            "You're already signed in.", Json.obj("session_id", s.id), null);
      }
    }
    signIn.identifier = identifier;
    signIn.user = user;
    signIn.status = "needs_first_factor";
    signIn.clientTrustState = client.knownUserIds.contains(user.id) ? "known" : "new";
  }

  /** The id of the e-mail or phone the user typed, so a code goes where they expect it. */
  private static String idMatching(User user, String strategy, String identifier) {
    String typed = identifier.trim();
    if (strategy.endsWith("email_code")) {
      return user.emails.stream().filter(e -> e.address.equalsIgnoreCase(typed))
          .map(e -> e.id).findFirst().orElse(null);
    }
    return user.phones.stream().filter(p -> p.number.equals(typed.replaceAll("[\\s().-]", "")))
        .map(p -> p.id).findFirst().orElse(null);
  }

  // S3
  private Response prepareFirstFactor(Exchange ex) {
    SignIn signIn = current(ex);
    requireStatus(signIn, "needs_first_factor");
    String strategy = ex.form().required("strategy");
    if (!CODE_STRATEGIES.contains(strategy)) {
      throw ApiException.paramFormatInvalid("strategy");
    }
    startCode(signIn, strategy, ex.form().optional(Views.idParam(strategy)).filter(s -> !s.isEmpty()).orElse(null));
    return ok(ex, signIn);
  }

  /** Sends a first-factor code to the identifier with this id, or to the first that fits. */
  private void startCode(SignIn signIn, String strategy, String identifierId) {
    String id = Views.pickFactor(views.firstFactors(signIn.user, true), strategy, identifierId);
    Purpose purpose = strategy.startsWith("reset_password") ? Purpose.RESET_PASSWORD : Purpose.SIGN_IN;
    signIn.firstFactor = core.sendCodeTo(signIn.user, strategy, id, purpose);
  }

  // S4
  private Response attemptFirstFactor(Exchange ex) {
    SignIn signIn = current(ex);
    requireStatus(signIn, "needs_first_factor");
    Form form = ex.form();
    String strategy = form.required("strategy");
    if ("password".equals(strategy)) {
      String password = form.required("password");
      ex.rateLimit("attempt", core.settings.rateLimits().attempts());
      verifyPassword(ex.client, signIn, password);
      return ok(ex, signIn);
    }
    if (!CODE_STRATEGIES.contains(strategy)) {
      throw ApiException.paramFormatInvalid("strategy");
    }
    String code = form.required("code");
    ex.rateLimit("attempt", core.settings.rateLimits().attempts());
    if (!(signIn.firstFactor instanceof Otp) || !strategy.equals(signIn.firstFactor.strategy())) {
      throw ApiException.of(400, "verification_missing", "missing",
          "Send a code first with prepare_first_factor and the same strategy.");
    }
    ((Otp) signIn.firstFactor).attempt(code, core.now());
    afterFirstFactor(ex.client, signIn);
    return ok(ex, signIn);
  }

  private void verifyPassword(Client client, SignIn signIn, String password) {
    core.checkPassword(signIn.user, password, "password");
    signIn.firstFactor = Verification.verified("verification_password", "password", 1);
    afterFirstFactor(client, signIn);
  }

  /**
   * Where a sign-in goes after its first factor: a new password after a reset code; MFA when
   * the user has it (it takes precedence over client trust); client trust for a password on a
   * client new to the user; otherwise a session.
   */
  private void afterFirstFactor(Client client, SignIn signIn) {
    String strategy = signIn.firstFactor.strategy();
    User user = signIn.user;
    if (strategy.startsWith("reset_password")) {
      signIn.status = "needs_new_password";
    } else if (user.twoFactorEnabled()) {
      signIn.status = "needs_second_factor";
    } else if ("password".equals(strategy) && core.settings.clientTrust()
        && !client.knownUserIds.contains(user.id) && !views.clientTrustFactors(user).isEmpty()) {
      signIn.status = "needs_client_trust";
      signIn.clientTrustStep = true;
    } else {
      complete(client, signIn, false);
    }
  }

  private void complete(Client client, SignIn signIn, boolean secondFactor) {
    String strategy = signIn.firstFactor.strategy();
    Session session = core.createSession(client, signIn.user, strategy, secondFactor);
    signIn.status = "complete";
    signIn.createdSessionId = session.id;
  }

  // S5
  private Response prepareSecondFactor(Exchange ex) {
    SignIn signIn = current(ex);
    requireStatus(signIn, "needs_second_factor", "needs_client_trust");
    String strategy = ex.form().required("strategy");
    if (!"phone_code".equals(strategy) && !"email_code".equals(strategy)) {
      throw ApiException.paramFormatInvalid("strategy");
    }
    String id = Views.pickFactor(secondStepFactors(signIn), strategy,
        ex.form().optional(Views.idParam(strategy)).filter(s -> !s.isEmpty()).orElse(null));
    signIn.secondFactor = core.sendCodeTo(signIn.user, strategy, id, Purpose.SECOND_FACTOR);
    return ok(ex, signIn);
  }

  private List<Map<String, Object>> secondStepFactors(SignIn signIn) {
    return signIn.clientTrustStep ? views.clientTrustFactors(signIn.user) : views.secondFactors(signIn.user);
  }

  // S6
  private Response attemptSecondFactor(Exchange ex) {
    SignIn signIn = current(ex);
    requireStatus(signIn, "needs_second_factor", "needs_client_trust");
    Form form = ex.form();
    String strategy = form.required("strategy");
    if (!SECOND_FACTOR_STRATEGIES.contains(strategy)) {
      throw ApiException.paramFormatInvalid("strategy");
    }
    String code = form.required("code");
    if (secondStepFactors(signIn).stream().noneMatch(f -> strategy.equals(f.get("strategy")))) {
      throw ApiException.strategyForUserInvalid("strategy");
    }
    ex.rateLimit("attempt", core.settings.rateLimits().attempts());
    signIn.secondFactor = core.verifySecondFactor(signIn.user, strategy, code, signIn.secondFactor);
    complete(ex.client, signIn, true);
    return ok(ex, signIn);
  }

  // S7
  private Response resetPassword(Exchange ex) {
    SignIn signIn = current(ex);
    requireStatus(signIn, "needs_new_password");
    String password = ex.form().required("password");
    boolean signOutOthers = ex.form().bool("sign_out_of_other_sessions", false);
    core.setPassword(signIn.user, password, "password");
    if (signOutOthers) {
      core.endOtherSessions(signIn.user, null);
    }
    if (signIn.user.twoFactorEnabled()) {
      signIn.status = "needs_second_factor";
    } else {
      complete(ex.client, signIn, false);
    }
    return ok(ex, signIn);
  }

  /** The client's current sign-in; an older one is 403, an unknown one 404. */
  private static SignIn current(Exchange ex) {
    Client client = ex.existingClient();
    SignIn signIn = client == null ? null : client.signIns.get(ex.request.pathParam(0));
    if (signIn == null) {
      throw ApiException.notFound("Sign in");
    }
    if (client.signIn != signIn && !"GET".equals(ex.request.method())) {
      throw ApiException.of(403, "resource_forbidden", "forbidden",
          "Only the client's current sign-in can be changed.");
    }
    return signIn;
  }

  private static void requireStatus(SignIn signIn, String... allowed) {
    for (String status : allowed) {
      if (status.equals(signIn.status)) {
        return;
      }
    }
    throw ApiException.clientStateInvalid("This action is not allowed while the sign-in is "
        + signIn.status + ".");
  }
}
