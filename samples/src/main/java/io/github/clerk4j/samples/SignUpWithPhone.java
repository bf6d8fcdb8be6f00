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
 * Sign up with a phone number and a code sent by SMS, no password, on an instance whose users sign
 * in by phone. A number that is not in E.164 form or already has an account is shown next to the
 * field. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/email-sms-otp">email and SMS OTP</a>.
 */
public final class SignUpWithPhone {

  private SignUpWithPhone() {}

  /** Signs the person up and returns the new session, now the active one. */
  public static Session signUp(Clerk clerk, Prompt prompt) {
    SignUp signUp = clerk.signUp();
    while (signUp.status() != SignUpStatus.COMPLETE) {
      // Step 1: the phone number, in E.164 form such as +14155550100.
      String phone = prompt.ask("Enter phone number");
      try {
        signUp = signUp.create(SignUpParams.builder().phoneNumber(phone).build());
        signUp = signUp.verifications().sendPhoneCode();
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        continue;
      }

      // Step 2: the code from the SMS.
      while (signUp.status() == SignUpStatus.MISSING_REQUIREMENTS && signUp.id() != null) {
        Prompt.Code code = prompt.askCode("Enter the code we sent by SMS", NEW_CODE, START_OVER);
        try {
          if (code.is(START_OVER)) {
            signUp = signUp.reset(); // back to step 1
          } else if (code.is(NEW_CODE)) {
            signUp = signUp.verifications().sendPhoneCode();
          } else {
            signUp = signUp.verifications().verifyPhoneCode(code.value());
          }
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty() && !e.isVerificationExpired() && !e.isVerificationFailed()) {
            throw e;
          }
          prompt.tell("code: " + e.firstError().longMessage()); // wrong, expired or failed: n sends a new one
        }
      }
    }

    // Done: make the new session the active one, then open the app.
    return signUp.finalize((session, decorateUrl) -> prompt.tell("Signed up: opening " + decorateUrl.apply("/")));
  }
}
