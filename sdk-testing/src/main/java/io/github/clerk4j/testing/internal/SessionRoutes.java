package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.ReverificationRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Session endpoints: get, touch, end, remove, tokens, and reverification ({@code verify*}). */
final class SessionRoutes implements Routes {
  private static final String BASE = "/v1/client/sessions/{id}";
  private static final List<String> INTENTS = List.of("focus", "select_session", "select_org");
  private static final Set<FactorStrategy> CODES = EnumSet.of(FactorStrategy.EMAIL_CODE, FactorStrategy.PHONE_CODE);
  private static final Set<FactorStrategy> FIRST_FACTORS =
      EnumSet.of(FactorStrategy.PASSWORD, FactorStrategy.EMAIL_CODE, FactorStrategy.PHONE_CODE);
  private static final Set<FactorStrategy> SECOND_FACTORS =
      EnumSet.of(FactorStrategy.PHONE_CODE, FactorStrategy.TOTP, FactorStrategy.BACKUP_CODE);

  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  SessionRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("GET", BASE, ex -> ok(ex, ex.session(ex.request.pathParam(0))));
    router.add("POST", BASE + "/touch", this::touch);
    router.add("POST", BASE + "/end", ex -> end(ex, SessionState.ENDED));
    router.add("POST", BASE + "/remove", ex -> end(ex, SessionState.REMOVED));
    router.add("POST", BASE + "/tokens", this::token);
    router.add("POST", BASE + "/tokens/{template}", ex -> {
      ex.liveSession(ex.request.pathParam(0));
      throw ApiException.notFound("JWT template");
    });
    router.add("POST", BASE + "/verify", this::startReverification);
    router.add("POST", BASE + "/verify/prepare_first_factor", this::prepareFirstFactor);
    router.add("POST", BASE + "/verify/attempt_first_factor", this::attemptFirstFactor);
    router.add("POST", BASE + "/verify/prepare_second_factor", this::prepareSecondFactor);
    router.add("POST", BASE + "/verify/attempt_second_factor", this::attemptSecondFactor);
  }

  private Response ok(Exchange ex, SessionRecord session) {
    return Response.json(views.wrap(views.session(session), ex.client));
  }

  private Response touch(Exchange ex) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    String organization = ex.form().optional("active_organization_id").orElse("");
    ex.form().nonEmpty("intent").ifPresent(i -> ex.form().oneOf("intent", INTENTS));
    if (!organization.isEmpty()) {
      // The emulator has no organizations: any id names one that does not exist.
      throw ApiException.notFound("Organization");
    }
    long now = state.now();
    session.lastActiveAt = now;
    session.updatedAt = now;
    session.lastActiveOrganizationId = null;
    session.user.lastActiveAt = now;
    ClientRecord client = ex.client(); // liveSession resolved it
    client.lastActiveSessionId = session.id;
    client.updatedAt = now;
    rules.sessions.sessionToken(session, SessionRules.Freshness.RECENT);
    return ok(ex, session);
  }

  private Response end(Exchange ex, SessionState status) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    rules.sessions.endSession(session, status);
    return ok(ex, session);
  }

  private Response token(Exchange ex) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    ex.form().nonEmpty("organization_id").ifPresent(o -> {
      throw ApiException.notFound("Organization");
    });
    return Response.json(Json.obj("object", "token", "jwt", rules.sessions.sessionToken(session, SessionRules.Freshness.NEW)));
  }

  // reverification

  private Response reverified(Exchange ex, SessionRecord session) {
    return Response.json(views.wrap(views.reverification(session), ex.client));
  }

  private Response startReverification(Exchange ex) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    ReverificationLevel level = WireValue.parse(ReverificationLevel.class, ex.form().required("level"))
        .orElseThrow(() -> ApiException.paramFormatInvalid("level"));
    // Without a second factor every level falls back to the first factor, as Clerk does.
    boolean secondOnly = level == ReverificationLevel.SECOND_FACTOR && session.user.twoFactorEnabled();
    session.reverification = new ReverificationRecord(level,
        secondOnly ? ReverificationState.NEEDS_SECOND_FACTOR : ReverificationState.NEEDS_FIRST_FACTOR);
    return reverified(ex, session);
  }

  /** The session's reverification, at {@code status}. */
  private static ReverificationRecord reverifying(SessionRecord session, ReverificationState status) {
    ReverificationRecord r = session.reverification;
    if (r == null) {
      throw ApiException.of(400, "session_reverification_missing", "missing",
          "Start a reverification first (POST .../verify).");
    }
    if (status != r.status) {
      throw ApiException.of(400, "invalid_action_for_session_reverification", "invalid action",
          "This action is not allowed while the reverification is " + r.status.wire() + ".");
    }
    return r;
  }

  private Response prepareFirstFactor(Exchange ex) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    ReverificationRecord r = reverifying(session, ReverificationState.NEEDS_FIRST_FACTOR);
    FactorStrategy strategy = ex.form().strategy(CODES);
    String id = FactorRules.pickFactor(rules.factors.firstFactors(session.user, false), strategy,
        ex.form().nonEmpty(strategy.idParam()).orElse(null));
    r.firstFactor =
        rules.codes.sendCodeTo(session.user, strategy, id, Purpose.REVERIFICATION);
    return reverified(ex, session);
  }

  private Response attemptFirstFactor(Exchange ex) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    ReverificationRecord r = reverifying(session, ReverificationState.NEEDS_FIRST_FACTOR);
    UserRecord user = session.user;
    FactorStrategy strategy = ex.form().strategy(FIRST_FACTORS);
    if (strategy == FactorStrategy.PASSWORD) {
      String password = ex.form().required("password");
      rules.passwords.checkPassword(user, password, "password", ex.passwordAhead);
      r.firstFactor = VerificationRecord.verified("verification_password", FactorStrategy.PASSWORD);
    } else {
      String code = ex.form().required("code");
      rules.codes.attempt(r.firstFactor, strategy, code,
          "Send a code first with verify/prepare_first_factor and the same strategy.");
    }
    session.firstFactorVerifiedAt = state.now();
    r.status = r.level == ReverificationLevel.MULTI_FACTOR && user.twoFactorEnabled()
        ? ReverificationState.NEEDS_SECOND_FACTOR : ReverificationState.COMPLETE;
    return reverified(ex, session);
  }

  private Response prepareSecondFactor(Exchange ex) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    ReverificationRecord r = reverifying(session, ReverificationState.NEEDS_SECOND_FACTOR);
    FactorStrategy strategy = ex.form().strategy(EnumSet.of(FactorStrategy.PHONE_CODE));
    String id = FactorRules.pickFactor(rules.factors.secondFactors(session.user), strategy,
        ex.form().nonEmpty(strategy.idParam()).orElse(null));
    r.secondFactor =
        rules.codes.sendCodeTo(session.user, strategy, id, Purpose.REVERIFICATION);
    return reverified(ex, session);
  }

  private Response attemptSecondFactor(Exchange ex) {
    SessionRecord session = ex.liveSession(ex.request.pathParam(0));
    ReverificationRecord r = reverifying(session, ReverificationState.NEEDS_SECOND_FACTOR);
    FactorStrategy strategy = ex.form().strategy(SECOND_FACTORS);
    String code = ex.form().required("code");
    r.secondFactor = rules.factors.verifySecondFactor(session.user, strategy, code, r.secondFactor);
    session.secondFactorVerifiedAt = state.now();
    r.status = ReverificationState.COMPLETE;
    return reverified(ex, session);
  }
}
