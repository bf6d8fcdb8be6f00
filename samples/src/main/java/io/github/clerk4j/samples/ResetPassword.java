package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;
import static io.github.clerk4j.samples.Prompt.Choice.START_OVER;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;

/**
 * Forgot password: a reset code by e-mail (or by SMS to a phone number), then a new password. A
 * password found in a data breach ({@code form_password_pwned}) is refused next to the field. For
 * a user with MFA the reset ends at {@code needs_second_factor}, which {@link MfaSignIn} finishes.
 * Clerk's guide: <a href="https://clerk.com/docs/guides/development/custom-flows/authentication/forgot-password">forgot
 * password</a>.
 */
public final class ResetPassword {

  private ResetPassword() {}

  /**
   * Resets the password. Returns the sign-in: complete, with its session now the active one, or
   * needing the second factor of a user with MFA.
   */
  public static SignIn resetPassword(Clerk clerk, Prompt prompt) {
    SignIn signIn = clerk.signIn();
    while (signIn.status() != SignInStatus.COMPLETE
        && signIn.status() != SignInStatus.NEEDS_SECOND_FACTOR) {
      // Step 1: where the reset code goes: an e-mail address, or a phone number such as +14155550100.
      String identifier = prompt.ask("Enter email address or phone number");
      boolean bySms = identifier.startsWith("+");
      try {
        signIn = bySms
            ? signIn.resetPasswordPhoneCode().sendCode(identifier)
            : signIn.resetPasswordEmailCode().sendCode(identifier);
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        continue;
      }

      // Step 2: the code.
      while (signIn.status() == SignInStatus.NEEDS_FIRST_FACTOR) {
        var reset = bySms ? signIn.resetPasswordPhoneCode() : signIn.resetPasswordEmailCode();
        Prompt.Code code = prompt.askCode("Enter the password reset code", NEW_CODE, START_OVER);
        try {
          if (code.is(START_OVER)) {
            signIn = signIn.reset(); // back to step 1
          } else if (code.is(NEW_CODE)) {
            signIn = reset.sendCode();
          } else {
            signIn = reset.verifyCode(code.value());
          }
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty() && !e.isVerificationExpired()) {
            throw e;
          }
          prompt.tell("code: " + e.firstError().longMessage()); // wrong, or expired: n sends a new one
        }
      }

      // Step 3: the new password. One found in a data breach (isPasswordPwned()), or too short, is
      // refused next to the field. Other sessions of the user are signed out, as in Clerk's guide.
      while (signIn.status() == SignInStatus.NEEDS_NEW_PASSWORD) {
        var reset = bySms ? signIn.resetPasswordPhoneCode() : signIn.resetPasswordEmailCode();
        String password = prompt.askSecret("Enter your new password");
        try {
          signIn = reset.submitPassword(password);
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty()) {
            throw e;
          }
          e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        }
      }
    }

    if (signIn.status() == SignInStatus.COMPLETE) {
      signIn.finalize((session, decorateUrl) -> prompt.tell("Password changed: opening " + decorateUrl.apply("/")));
    } else {
      prompt.tell("Password changed. This account has MFA: the second factor comes next.");
    }
    return signIn;
  }
}
