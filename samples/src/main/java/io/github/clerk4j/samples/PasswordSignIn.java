package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;
import static io.github.clerk4j.samples.Prompt.Choice.START_OVER;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;

/**
 * Sign in with an e-mail address (or a phone number) and a password. On a device new to a user
 * without MFA, Device Trust ({@code needs_client_trust} on the wire) asks for a code as well: by
 * e-mail, or by SMS to a user without an e-mail address. Clerk's guides: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/email-password">email/password</a>
 * and <a href="https://clerk.com/docs/guides/development/custom-flows/authentication/device-trust">Device Trust</a>.
 */
public final class PasswordSignIn {

  private PasswordSignIn() {}

  /** Signs the person in and returns the new session, now the active one. */
  public static Session signIn(Clerk clerk, Prompt prompt) {
    SignIn signIn = clerk.signIn();
    while (signIn.status() != SignInStatus.COMPLETE) {
      // Step 1: the sign-in form. A wrong password or an unknown account: next to its field.
      String identifier = prompt.ask("Enter email address or phone number");
      String password = prompt.askSecret("Enter password");
      try {
        signIn = signIn.password(identifier, password);
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        continue;
      }
      if (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
        throw new IllegalStateException("this account has MFA: continue with signIn.mfa()");
      }

      if (signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST) {
        // Step 2, on a device new to the user: a code confirms it is them, by e-mail (by SMS
        // when the account has no e-mail address).
        boolean bySms = signIn.mfa().factors().stream().noneMatch(f -> f.strategy() == Strategy.EMAIL_CODE);
        signIn = bySms ? signIn.mfa().sendPhoneCode() : signIn.mfa().sendEmailCode();
        prompt.tell("This device is new: we sent you a code to confirm it is you.");
        while (signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST) {
          Prompt.Code code = prompt.askCode("Enter the code we sent you", NEW_CODE, START_OVER);
          try {
            if (code.is(START_OVER)) {
              signIn = signIn.reset(); // back to the sign-in form
            } else if (code.is(NEW_CODE)) {
              signIn = bySms ? signIn.mfa().sendPhoneCode() : signIn.mfa().sendEmailCode();
            } else {
              signIn = bySms
                  ? signIn.mfa().verifyPhoneCode(code.value())
                  : signIn.mfa().verifyEmailCode(code.value());
            }
          } catch (ClerkApiException e) {
            if (e.fieldErrors().isEmpty() && !e.isVerificationExpired()) {
              throw e;
            }
            prompt.tell("code: " + e.firstError().longMessage()); // wrong, or expired: n sends a new one
          }
        }
      }
    }

    // Done: make the new session the active one, then open the app (or the session's pending task).
    return signIn.finalize((session, decorateUrl) -> prompt.tell(session.currentTask()
        .map(task -> "Signed in; one more step first: " + task.rawKey())
        .orElse("Signed in: opening " + decorateUrl.apply("/"))));
  }
}
