package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The signed-in user's e-mail addresses ({@code /v1/me/email_addresses...}): add (a sensitive
 * change), verify by code, remove (sensitive). Clerk's rules are in {@link IdentificationRules}.
 */
final class EmailRoutes implements Routes {
  private static final String EMAIL = "/v1/me/email_addresses/{id}";

  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  EmailRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/v1/me/email_addresses", this::list);
    router.add("POST", "/v1/me/email_addresses", this::create);
    router.add("GET", EMAIL, ex -> ok(ex, emailOf(ex, ex.meSession().user)));
    router.add("DELETE", EMAIL, this::delete);
    router.add("POST", EMAIL + "/prepare_verification", this::prepare);
    router.add("POST", EMAIL + "/attempt_verification", this::attempt);
  }

  private Response ok(Exchange ex, EmailRecord email) {
    return Response.json(views.wrap(views.email(email), ex.client));
  }

  private static EmailRecord emailOf(Exchange ex, UserRecord user) {
    return IdentificationRules.email(user, ex.request.pathParam(0));
  }

  /** {@code Server.UserEmailAddresses}: a bare array. */
  private Response list(Exchange ex) {
    List<Object> emails = new ArrayList<>();
    ex.meSession().user.emails.forEach(e -> emails.add(views.email(e)));
    return Response.json(emails);
  }

  private Response create(Exchange ex) {
    SessionRecord session = ex.meSession();
    rules.sessions.requireRecentVerification(session);
    return ok(ex, rules.identifications.addEmail(session.user, ex.form().required("email_address")));
  }

  private Response prepare(Exchange ex) {
    UserRecord user = ex.meSession().user;
    EmailRecord email = emailOf(ex, user);
    ex.form().strategy(EnumSet.of(FactorStrategy.EMAIL_CODE));
    if (email.verified()) {
      throw ApiException.of(400, "verification_already_verified", "already verified",
          "This email address is already verified.");
    }
    email.verification = rules.codes.sendCode(FactorStrategy.EMAIL_CODE, email.id, email.address,
        Purpose.VERIFY_EMAIL);
    email.updatedAt = state.now();
    return ok(ex, email);
  }

  private Response attempt(Exchange ex) {
    UserRecord user = ex.meSession().user;
    EmailRecord email = emailOf(ex, user);
    String code = ex.form().required("code");
    if (!(email.verification instanceof Otp otp)) {
      throw ApiException.of(400, "verification_missing", "missing",
          "Send a code first with prepare_verification.");
    }
    otp.attempt(code, state.now());
    email.updatedAt = state.now();
    rules.identifications.emailVerified(user, email);
    return ok(ex, email);
  }

  private Response delete(Exchange ex) {
    SessionRecord session = ex.meSession();
    rules.sessions.requireRecentVerification(session);
    EmailRecord email = emailOf(ex, session.user);
    rules.identifications.removeEmail(session.user, email);
    return Response.json(views.wrap(Views.deleted("email_address", email.id), ex.client));
  }
}
