package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;
import static io.github.clerk4j.samples.Prompt.Choice.START_OVER;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.UpdatePasswordParams;

/**
 * A password known to be compromised is refused ({@code form_password_compromised}); the person
 * signs in with a code sent by e-mail instead, and the session stays pending until its {@code
 * reset-password} task sets a new password. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/secure/password-protection-and-rules">password protection</a>.
 */
public final class CompromisedPasswordSignIn {

  private CompromisedPasswordSignIn() {}

  /** Signs the person in, has them choose a new password, and returns the active session. */
  public static Session signIn(Clerk clerk, Prompt prompt) {
    SignIn signIn = clerk.signIn();
    while (signIn.status() != SignInStatus.COMPLETE) {
      // Step 1: the sign-in form.
      String email = prompt.ask("Enter email address");
      String password = prompt.askSecret("Enter password");
      try {
        signIn = signIn.password(email, password);
        if (signIn.status() != SignInStatus.COMPLETE) {
          throw new IllegalStateException("the sign-in needs " + signIn.rawStatus() + ": not handled here");
        }
        continue; // a sound password: signed in
      } catch (ClerkApiException e) {
        if (!e.isPasswordCompromised()) { // a typo: next to its field, and the form again
          if (e.fieldErrors().isEmpty()) {
            throw e;
          }
          e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
          continue;
        }
        prompt.tell("password: " + e.firstError().longMessage());
      }

      // Step 2: the password was right but is compromised: sign in with a code sent by e-mail.
      signIn = signIn.emailCode().sendCode(email);
      prompt.tell("We sent a code to " + email + " to sign you in; you will choose a new password next.");
      while (signIn.status() == SignInStatus.NEEDS_FIRST_FACTOR) {
        Prompt.Code code = prompt.askCode("Enter the code we sent you", NEW_CODE, START_OVER);
        try {
          if (code.is(START_OVER)) {
            signIn = signIn.reset(); // back to step 1
          } else if (code.is(NEW_CODE)) {
            signIn = signIn.emailCode().sendCode();
          } else {
            signIn = signIn.emailCode().verifyCode(code.value());
          }
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty() && !e.isVerificationExpired()) {
            throw e;
          }
          prompt.tell("code: " + e.firstError().longMessage()); // wrong, or expired: n sends a new one
        }
      }
    }
    Session session = signIn.finalize(Navigate.none());

    // Step 3: the session is pending with the reset-password task until a new password is set.
    while (session.currentTask().map(SessionTask::key).orElse(null) == SessionTask.Key.RESET_PASSWORD) {
      String password = prompt.askSecret("Enter your new password");
      try {
        session.user().orElseThrow().updatePassword(UpdatePasswordParams.of(password));
        session = clerk.session().orElseThrow();
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
      }
    }
    prompt.tell("New password set; signed in (session " + session.rawStatus() + ").");
    return session;
  }
}
