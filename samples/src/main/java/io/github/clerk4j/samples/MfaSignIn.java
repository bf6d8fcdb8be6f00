package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;
import static io.github.clerk4j.samples.Prompt.Choice.START_OVER;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Factor;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import java.util.List;

/**
 * Sign in with e-mail, password and a second factor: a code sent by SMS, a code from an
 * authenticator app, or a backup code. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/multi-factor-authentication">sign-in
 * with MFA</a>.
 */
public final class MfaSignIn {

  private MfaSignIn() {}

  /**
   * Signs the person in and returns the new session, now the active one. Starts from the client's
   * current sign-in, so it also finishes one that already needs its second factor (after a
   * password reset, say).
   */
  public static Session signIn(Clerk clerk, Prompt prompt) {
    SignIn signIn = clerk.signIn();
    while (signIn.status() != SignInStatus.COMPLETE) {
      if (signIn.status() != SignInStatus.NEEDS_SECOND_FACTOR) {
        // Step 1: the sign-in form. A wrong password or an unknown account: next to its field.
        String email = prompt.ask("Enter email address");
        String password = prompt.askSecret("Enter password");
        try {
          signIn = signIn.password(email, password);
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty()) {
            throw e;
          }
          e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
          continue;
        }
        if (signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST) {
          throw new IllegalStateException("no MFA: this new device needs a Device Trust code");
        }
        continue;
      }

      // Step 2: the second factor. An SMS code is sent now; an authenticator app shows its own
      // codes; a backup code is one of those saved when MFA was turned on.
      List<Strategy> offered = signIn.mfa().factors().stream().map(Factor::strategy).toList();
      boolean backupCode = offered.contains(Strategy.BACKUP_CODE)
          && prompt.ask("Use a backup code instead? (y/n)").equalsIgnoreCase("y");
      Strategy method = backupCode ? Strategy.BACKUP_CODE
          : offered.contains(Strategy.PHONE_CODE) ? Strategy.PHONE_CODE : Strategy.TOTP;
      if (method == Strategy.PHONE_CODE) {
        signIn = signIn.mfa().sendPhoneCode();
      }
      while (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
        Prompt.Code code = switch (method) {
          case PHONE_CODE -> prompt.askCode("Enter the code we sent by SMS", NEW_CODE, START_OVER);
          case TOTP -> prompt.askCode("Enter the code from your authenticator app", START_OVER);
          default -> prompt.askCode("Enter one of your backup codes", START_OVER);
        };
        try {
          if (code.is(START_OVER)) {
            signIn = signIn.reset(); // back to the sign-in form
          } else if (code.is(NEW_CODE)) {
            signIn = signIn.mfa().sendPhoneCode();
          } else {
            signIn = switch (method) {
              case PHONE_CODE -> signIn.mfa().verifyPhoneCode(code.value());
              case TOTP -> signIn.mfa().verifyTOTP(code.value());
              default -> signIn.mfa().verifyBackupCode(code.value());
            };
          }
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty() && !e.isVerificationExpired()) {
            throw e;
          }
          prompt.tell("code: " + e.firstError().longMessage()); // wrong, or expired: n sends a new one
        }
      }
    }

    // Done: make the new session the active one, then open the app (or the session's pending task).
    return signIn.finalize((session, decorateUrl) -> prompt.tell(session.currentTask()
        .map(task -> "Signed in; one more step first: " + task.rawKey())
        .orElse("Signed in: opening " + decorateUrl.apply("/"))));
  }
}
