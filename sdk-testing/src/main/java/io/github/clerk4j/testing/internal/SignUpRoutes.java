package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SignUpAttempt;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-up endpoints U1–U6 (wire spec addendum §12.1): create, get, update, prepare and attempt
 * verification, and the Clerk Protect check.
 */
final class SignUpRoutes implements Routes {
  /** The strategies a create or update may name: clerk-js's {@code password}, and a code sent at once. */
  private static final Set<FactorStrategy> FORM_STRATEGIES =
      EnumSet.of(FactorStrategy.PASSWORD, FactorStrategy.EMAIL_CODE, FactorStrategy.PHONE_CODE);
  private static final Set<FactorStrategy> CODE_STRATEGIES = EnumSet.of(FactorStrategy.EMAIL_CODE, FactorStrategy.PHONE_CODE);
  private static final String BASE = "/v1/client/sign_ups/{id}";
  /** Recorded from Clerk: a sign-up is abandoned a day after it was created. */
  private static final Duration ABANDON_AFTER = Duration.ofDays(1);

  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  SignUpRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("POST", "/v1/client/sign_ups", this::create);
    router.add("GET", BASE, this::get);
    router.add("PATCH", BASE, this::update);
    router.add("POST", BASE + "/prepare_verification", this::prepare);
    router.add("POST", BASE + "/attempt_verification", this::attempt);
    router.add("PATCH", BASE + "/protect_check", this::protectCheck);
  }

  private Response ok(Exchange ex, SignUpAttempt signUp) {
    return Response.json(views.wrap(views.signUp(signUp), ex.client));
  }

  /**
   * U1: a new sign-up with the given fields, replacing the client's current one; {@code
   * strategy=email_code} or {@code phone_code} also sends the code, as recorded from Clerk.
   */
  private Response create(Exchange ex) {
    FormBody form = ex.form();
    rules.signUps.checkMode();
    String raw = form.nonEmpty("strategy").orElse(null);
    boolean transfer = form.bool("transfer", false);
    boolean browser = ExternalAuthRules.isBrowserStrategy(raw);
    boolean idToken = ExternalAuthRules.isIdTokenStrategy(raw);
    boolean ticket = FactorStrategy.TICKET.wire().equals(raw);
    Optional<FactorStrategy> strategy = transfer || browser || idToken || ticket ? Optional.empty() : strategy(form);
    ex.rateLimit("sign_up_create", state.settings.rateLimits().creates());
    SignUpAttempt signUp = new SignUpAttempt(state.newId("sua"), state.now() + ABANDON_AFTER.toMillis());
    apply(signUp, form, strategy);
    ClientRecord client;
    if (transfer) {
      // From a sign-in whose provider's account has no user yet (wire spec §13.1).
      client = rules.external.transferToSignUp(ex.existingClient(), signUp);
    } else {
      client = ex.clientOrNew();
      if (browser) {
        ExternalVerification v = rules.external.start(client, Objects.requireNonNull(raw, "a browser strategy"),
            form, signUp.emailAddress, true);
        v.signUp = signUp;
        signUp.externalAccount = v;
      } else if (idToken) {
        rules.external.signUpWithIdToken(signUp,
            rules.external.verifyIdToken(Objects.requireNonNull(raw, "an ID token strategy"), form.required("token")));
      } else if (ticket) {
        // An invitation's address needs no code: the invitation went to it (wire spec §15.2).
        String invitation = form.required("ticket");
        if (rules.signInTokens.isToken(invitation)) {
          throw ApiException.param(400, "sign_in_token_not_in_sign_in_code", "ticket", "not in sign in",
              "Sign in tokens can only be used during sign in.");
        }
        signUp.emailAddress = rules.invitations.use(invitation);
        signUp.emailVerification = null;
        signUp.emailVerifiedBy = VerificationRecord.verified("verification_ticket", FactorStrategy.TICKET);
      }
    }
    client.signUp = signUp;
    client.signUps.put(signUp.id, signUp);
    client.updatedAt = state.now();
    afterFields(ex, signUp, strategy);
    return ok(ex, signUp);
  }

  /** U2; with {@code rotating_token_nonce}, the reload after a browser round trip (wire spec §14.2). */
  private Response get(Exchange ex) {
    SignUpAttempt signUp = current(ex);
    ex.request.queryParam("rotating_token_nonce").filter(n -> !n.isEmpty())
        .ifPresent(nonce -> rules.external.reloadWithNonce(ex.client(), signUp.externalAccount, nonce));
    return ok(ex, signUp);
  }

  /** U3: adds or changes fields; an empty value clears one. */
  private Response update(Exchange ex) {
    SignUpAttempt signUp = current(ex);
    requireOpen(signUp);
    FormBody form = ex.form();
    Optional<FactorStrategy> strategy = strategy(form);
    apply(signUp, form, strategy);
    ex.client().updatedAt = state.now();
    afterFields(ex, signUp, strategy);
    return ok(ex, signUp);
  }

  private static Optional<FactorStrategy> strategy(FormBody form) {
    return form.nonEmpty("strategy").map(s -> FormBody.strategy(s, FORM_STRATEGIES));
  }

  /** Checks the whole form, and what its strategy needs, before any field changes. */
  private void apply(SignUpAttempt signUp, FormBody form, Optional<FactorStrategy> strategy) {
    SignUpRules.Changes changes = rules.signUps.check(form);
    strategy.ifPresent(s -> rules.signUps.checkStrategy(signUp, changes, s));
    rules.signUps.apply(signUp, changes);
  }

  /** The code a form's strategy asks for, then completion when nothing is left. */
  private void afterFields(Exchange ex, SignUpAttempt signUp, Optional<FactorStrategy> strategy) {
    strategy.filter(CODE_STRATEGIES::contains).ifPresent(s -> rules.signUps.sendCode(signUp, s));
    rules.signUps.completeIfReady(ex.client(), signUp);
  }

  /** U4: sends an e-mail or SMS code to the sign-up's address or number. */
  private Response prepare(Exchange ex) {
    SignUpAttempt signUp = current(ex);
    requireOpen(signUp);
    FormBody form = ex.form();
    FactorStrategy strategy = form.strategy(CODE_STRATEGIES);
    if (strategy == FactorStrategy.PHONE_CODE) {
      // clerk-js sends the channel (sms by default, or whatsapp); the emulator has SMS only.
      form.optional("channel").filter(c -> !c.equals("sms")).ifPresent(c -> {
        throw ApiException.paramValueInvalid("channel");
      });
    }
    rules.signUps.sendCode(signUp, strategy);
    return ok(ex, signUp);
  }

  /** U5: checks the code; the sign-up completes when it was the last thing missing. */
  private Response attempt(Exchange ex) {
    SignUpAttempt signUp = current(ex);
    requireOpen(signUp);
    FormBody form = ex.form();
    FactorStrategy strategy = form.strategy(CODE_STRATEGIES);
    String code = form.required("code");
    ex.rateLimit("attempt", state.settings.rateLimits().attempts());
    rules.signUps.attempt(signUp, strategy, code);
    rules.signUps.completeIfReady(ex.client(), signUp);
    return ok(ex, signUp);
  }

  /**
   * U6: a Clerk Protect proof. The emulator runs no Protect check, so no sign-up ever waits for
   * one, and a proof is refused as out of place.
   */
  private Response protectCheck(Exchange ex) {
    SignUpAttempt signUp = current(ex);
    requireOpen(signUp);
    ex.form().required("proof_token");
    throw ApiException.clientStateInvalid("This sign-up has no pending protect check.");
  }

  /** The client's current sign-up; an older one is 403 except to read, an unknown one 404. */
  private static SignUpAttempt current(Exchange ex) {
    ClientRecord client = ex.existingClient();
    SignUpAttempt signUp = client == null ? null : client.signUps.get(ex.request.pathParam(0));
    if (client == null || signUp == null) {
      throw ApiException.notFound("Sign up");
    }
    if (client.signUp != signUp && !"GET".equals(ex.request.method())) {
      throw ApiException.of(403, "resource_forbidden", "forbidden",
          "Only the client's current sign-up can be changed.");
    }
    return signUp;
  }

  private void requireOpen(SignUpAttempt signUp) {
    SignUpState status = signUp.status(state.now());
    if (status != SignUpState.MISSING_REQUIREMENTS) {
      throw ApiException.clientStateInvalid("This sign-up is " + status.wire()
          + " and cannot change: create a new one.");
    }
  }
}
