package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;
import static io.github.clerk4j.samples.Prompt.Choice.START_OVER;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.SignUpParams;
import io.github.clerk4j.SignUpStatus;

/**
 * Sign up with an e-mail address and a password, then verify the address with a code sent by
 * e-mail. An address that already has an account, or a password the instance refuses, is shown
 * next to its field. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/email-password">email/password</a>.
 */
public final class SignUpWithEmailCode {

  private SignUpWithEmailCode() {}

  /** Signs the person up and returns the new session, now the active one. */
  public static Session signUp(Clerk clerk, Prompt prompt) {
    SignUp signUp = clerk.signUp();
    while (signUp.status() != SignUpStatus.COMPLETE) {
      // Step 1: the sign-up form. A taken address (sign in instead) or a weak password: next to its field.
      String email = prompt.ask("Enter email address");
      String password = prompt.askSecret("Enter password");
      try {
        signUp = signUp.password(SignUpParams.builder().emailAddress(email).password(password).build());
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        continue;
      }

      // Step 2: the code that proves the address is theirs.
      signUp = signUp.verifications().sendEmailCode();
      while (signUp.status() == SignUpStatus.MISSING_REQUIREMENTS && signUp.id() != null) {
        Prompt.Code code = prompt.askCode("Enter the code we sent you", NEW_CODE, START_OVER);
        try {
          if (code.is(START_OVER)) {
            signUp = signUp.reset(); // back to the sign-up form
          } else if (code.is(NEW_CODE)) {
            signUp = signUp.verifications().sendEmailCode();
          } else {
            signUp = signUp.verifications().verifyEmailCode(code.value());
          }
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty() && !e.isVerificationExpired() && !e.isVerificationFailed()) {
            throw e;
          }
          prompt.tell("code: " + e.firstError().longMessage()); // wrong, expired or failed: n sends a new one
        }
      }
    }

    // Done: the user exists; make the new session the active one, then open the app.
    return signUp.finalize((session, decorateUrl) -> prompt.tell(session.currentTask()
        .map(task -> "Signed up; one more step first: " + task.rawKey())
        .orElse("Signed up: opening " + decorateUrl.apply("/"))));
  }
}
