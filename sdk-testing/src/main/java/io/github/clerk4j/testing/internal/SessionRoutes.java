package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.internal.Model.Reverification;
import io.github.clerk4j.testing.internal.Model.Session;
import io.github.clerk4j.testing.internal.Model.User;
import java.util.List;

/** Session endpoints: get, touch, end, remove, tokens, and reverification ({@code verify*}). */
final class SessionRoutes {
  private static final String BASE = "/v1/client/sessions/{id}";
  private static final List<String> INTENTS = List.of("focus", "select_session", "select_org");

  private final Core core;
  private final Views views;

  SessionRoutes(Core core, Views views) {
    this.core = core;
    this.views = views;
  }

  void register(Router router) {
    router.add("GET", BASE, ex -> ok(ex, ex.session(ex.request.pathParam(0))));
    router.add("POST", BASE + "/touch", this::touch);
    router.add("POST", BASE + "/end", ex -> end(ex, "ended"));
    router.add("POST", BASE + "/remove", ex -> end(ex, "removed"));
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

  private Response ok(Exchange ex, Session session) {
    return Response.json(views.wrap(views.session(session), ex.client));
  }

  private Response touch(Exchange ex) {
    Session session = ex.liveSession(ex.request.pathParam(0));
    String organization = ex.form().optional("active_organization_id").orElse("");
    ex.form().optional("intent").filter(i -> !i.isEmpty()).ifPresent(i -> ex.form().oneOf("intent", INTENTS));
    if (!organization.isEmpty()) {
      // The emulator has no organizations: any id names one that does not exist.
      throw ApiException.notFound("Organization");
    }
    long now = core.now();
    session.lastActiveAt = now;
    session.updatedAt = now;
    session.lastActiveOrganizationId = null;
    session.user.lastActiveAt = now;
    ex.client.lastActiveSessionId = session.id;
    ex.client.updatedAt = now;
    core.sessionToken(session, true);
    return ok(ex, session);
  }

  private Response end(Exchange ex, String status) {
    Session session = ex.liveSession(ex.request.pathParam(0));
    core.endSession(session, status);
    return ok(ex, session);
  }

  private Response token(Exchange ex) {
    Session session = ex.liveSession(ex.request.pathParam(0));
    ex.form().optional("organization_id").filter(o -> !o.isEmpty()).ifPresent(o -> {
      throw ApiException.notFound("Organization");
    });
    return Response.json(Json.obj("object", "token", "jwt", core.sessionToken(session, true)));
  }

  // ---- reverification ---------------------------------------------------------------------

  private Response reverified(Exchange ex, Session session) {
    return Response.json(views.wrap(views.reverification(session), ex.client));
  }

  private Response startReverification(Exchange ex) {
    Session session = ex.liveSession(ex.request.pathParam(0));
    String level = ex.form().oneOf("level", List.of("first_factor", "second_factor", "multi_factor"));
    // Without a second factor every level falls back to the first factor, as Clerk does.
    boolean secondOnly = "second_factor".equals(level) && session.user.twoFactorEnabled();
    session.reverification = new Reverification(level, secondOnly ? "needs_second_factor" : "needs_first_factor");
    return reverified(ex, session);
  }

  private Session reverifying(Exchange ex, String status) {
    Session session = ex.liveSession(ex.request.pathParam(0));
    Reverification r = session.reverification;
    if (r == null) {
      throw ApiException.of(400, "session_reverification_missing", "missing",
          "Start a reverification first (POST .../verify).");
    }
    if (!status.equals(r.status)) {
      throw ApiException.of(400, "invalid_action_for_session_reverification", "invalid action",
          "This action is not allowed while the reverification is " + r.status + ".");
    }
    return session;
  }

  private Response prepareFirstFactor(Exchange ex) {
    Session session = reverifying(ex, "needs_first_factor");
    String strategy = ex.form().oneOf("strategy", List.of("email_code", "phone_code"));
    String id = Views.pickFactor(views.firstFactors(session.user, false), strategy,
        ex.form().optional(Views.idParam(strategy)).filter(s -> !s.isEmpty()).orElse(null));
    session.reverification.firstFactor = core.sendCodeTo(session.user, strategy, id, Purpose.REVERIFICATION);
    return reverified(ex, session);
  }

  private Response attemptFirstFactor(Exchange ex) {
    Session session = reverifying(ex, "needs_first_factor");
    Reverification r = session.reverification;
    User user = session.user;
    String strategy = ex.form().oneOf("strategy", List.of("password", "email_code", "phone_code"));
    if ("password".equals(strategy)) {
      String password = ex.form().required("password");
      core.checkPassword(user, password, "password");
      r.firstFactor = Verification.verified("verification_password", "password", 1);
    } else {
      String code = ex.form().required("code");
      if (!(r.firstFactor instanceof Otp) || !strategy.equals(r.firstFactor.strategy())) {
        throw ApiException.of(400, "verification_missing", "missing",
            "Send a code first with verify/prepare_first_factor and the same strategy.");
      }
      ((Otp) r.firstFactor).attempt(code, core.now());
    }
    session.firstFactorVerifiedAt = core.now();
    r.status = "multi_factor".equals(r.level) && user.twoFactorEnabled() ? "needs_second_factor" : "complete";
    return reverified(ex, session);
  }

  private Response prepareSecondFactor(Exchange ex) {
    Session session = reverifying(ex, "needs_second_factor");
    String strategy = ex.form().oneOf("strategy", List.of("phone_code"));
    String id = Views.pickFactor(views.secondFactors(session.user), strategy,
        ex.form().optional("phone_number_id").filter(s -> !s.isEmpty()).orElse(null));
    session.reverification.secondFactor = core.sendCodeTo(session.user, strategy, id, Purpose.REVERIFICATION);
    return reverified(ex, session);
  }

  private Response attemptSecondFactor(Exchange ex) {
    Session session = reverifying(ex, "needs_second_factor");
    Reverification r = session.reverification;
    String strategy = ex.form().oneOf("strategy", List.of("phone_code", "totp", "backup_code"));
    String code = ex.form().required("code");
    r.secondFactor = core.verifySecondFactor(session.user, strategy, code, r.secondFactor);
    session.secondFactorVerifiedAt = core.now();
    r.status = "complete";
    return reverified(ex, session);
  }
}
