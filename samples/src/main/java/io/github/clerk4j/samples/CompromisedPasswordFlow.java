package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.UpdatePasswordParams;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.EmulatorUser;

/**
 * A password known to be compromised is refused; the user signs in with an e-mail code instead,
 * and the session stays pending until the {@code reset-password} task sets a new password.
 */
final class CompromisedPasswordFlow implements Flow {

  static final String EMAIL = "alan@example.com";
  static final String OLD_PASSWORD = "enigma-was-cracked";
  static final String NEW_PASSWORD = "bombe-machine-1940-new";

  @Override
  public String name() {
    return "compromised-password";
  }

  @Override
  public String guide() {
    return "guides/secure/password-protection-and-rules";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.user(EmulatorUser.builder().email(EMAIL).password(OLD_PASSWORD).passwordCompromised(true), false);
  }

  @Override
  public void run(FlowContext ctx) {
    try {
      ctx.passwordForm(value(EMAIL), value(OLD_PASSWORD));
      throw new IllegalStateException("the compromised password was accepted");
    } catch (ClerkApiException e) {
      if (!e.isPasswordCompromised()) {
        throw e;
      }
      ctx.console().fieldError("password", e.firstError().longMessage());
      ctx.console().say("Sign in with a code instead; you will choose a new password next.");
    }
    SignIn signIn = EmailCodeFlow.signInWithEmailCode(ctx, EMAIL);
    Session session = ctx.finish(signIn);

    while (session.currentTask().map(SessionTask::key).orElse(null) == SessionTask.Key.RESET_PASSWORD) {
      String password = ctx.console().askSecret("Enter new password", value(NEW_PASSWORD));
      try {
        User user = session.user().orElseThrow();
        user.updatePassword(UpdatePasswordParams.of(password));
        session = ctx.clerk().session().orElseThrow();
      } catch (ClerkApiException e) {
        if (!ctx.showFieldErrors(e)) {
          throw e;
        }
      }
    }
    ctx.console().say("  Session %s is %s", session.id(), session.rawStatus());
    ctx.signedIn(session);
  }
}
