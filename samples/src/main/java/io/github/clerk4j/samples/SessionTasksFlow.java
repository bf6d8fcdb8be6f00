package io.github.clerk4j.samples;

import io.github.clerk4j.Session;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.testing.EmulatorUser;

/**
 * The instance requires MFA: a user without it signs in to a pending session whose {@code
 * setup-mfa} task is done by enrolling an authenticator app; then the session is active.
 */
final class SessionTasksFlow implements Flow {

  static final String EMAIL = "barbara.liskov@example.com";
  static final String PASSWORD = "substitution-principle-87";

  @Override
  public String name() {
    return "session-tasks";
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/authentication/session-tasks";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.requireMfa();
    setup.user(EmulatorUser.builder().email(EMAIL).password(PASSWORD), true);
  }

  @Override
  public void run(FlowContext ctx) {
    Session session = PasswordFlow.signIn(ctx, EMAIL, PASSWORD);
    while (session.currentTask().isPresent()) {
      SessionTask task = session.currentTask().get();
      if (task.key() != SessionTask.Key.SETUP_MFA) {
        throw new IllegalStateException("this sample handles setup-mfa, not " + task.rawKey());
      }
      ctx.console().say("Your organization requires two-step verification: set up an authenticator app.");
      ManageMfaTotpFlow.enrol(ctx, session.user().orElseThrow());
      session = ctx.clerk().session().orElseThrow();
    }
    ctx.console().say("  Session %s is %s", session.id(), session.rawStatus());
    ctx.signedIn(session);
  }
}
