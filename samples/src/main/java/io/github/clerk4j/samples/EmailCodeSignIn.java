package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;
import static io.github.clerk4j.samples.Prompt.Choice.START_OVER;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;

/**
 * Sign in with a one-time code sent by e-mail, no password (by SMS: the same with {@code
 * phoneCode()}). Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/email-sms-otp">email and SMS OTP</a>.
 */
public final class EmailCodeSignIn {

  private EmailCodeSignIn() {}

  /** Signs the person in and returns the new session, now the active one. */
  public static Session signIn(Clerk clerk, Prompt prompt) {
    SignIn signIn = clerk.signIn();
    while (signIn.status() != SignInStatus.COMPLETE) {
      // Step 1: the e-mail address, which Clerk sends a code to. An unknown one: next to the field.
      String email = prompt.ask("Enter email address");
      try {
        signIn = signIn.emailCode().sendCode(email);
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        continue;
      }

      // Step 2: the code.
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
      if (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
        throw new IllegalStateException("this account has MFA: continue with signIn.mfa()");
      }
    }

    // Done: make the new session the active one, then open the app (or the session's pending task).
    return signIn.finalize((session, decorateUrl) -> prompt.tell(session.currentTask()
        .map(task -> "Signed in; one more step first: " + task.rawKey())
        .orElse("Signed in: opening " + decorateUrl.apply("/"))));
  }
}
