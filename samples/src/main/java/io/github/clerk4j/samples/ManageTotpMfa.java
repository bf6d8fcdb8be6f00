package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.START_OVER;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ReverificationHandler;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.Totp;
import io.github.clerk4j.User;
import java.util.Optional;

/**
 * A signed-in user adds an authenticator app from a QR code, verifies it with a code from the app
 * (turning MFA on shows the backup codes), and may remove it again. The calls the guide wraps in
 * {@code useReverification} run in {@code clerk.withReverification}. Also how a session's {@code
 * setup-mfa} task is done. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/account-updates/manage-mfa#authenticator-application-totp">manage
 * TOTP MFA</a>.
 */
public final class ManageTotpMfa {

  private ManageTotpMfa() {}

  /** Runs the steps for the user of the active (or pending) session. */
  public static void manage(Clerk clerk, Prompt prompt) {
    User user = clerk.user().orElseThrow(() -> new IllegalStateException("You must be signed in"));
    // Asked only when the sign-in is older than 10 minutes: the password, or a code.
    ReverificationHandler confirmItIsYou = request -> Optional.of(request.strategy() == Strategy.PASSWORD
        ? prompt.askSecret("For your security, enter your password")
        : prompt.askCode("For your security, enter the code from your app or the one we sent you").value());

    Totp totp = null;
    while (totp == null || !totp.verified()) {
      if (totp == null) {
        // "Add TOTP" ("Reset" comes back here): a new secret for the app, as a QR code or a URI.
        totp = clerk.withReverification(user::createTOTP, confirmItIsYou);
        prompt.tell("Scan this QR code with your authenticator app, or enter the URI below it:");
        prompt.showQrCode(totp.uri());
        prompt.tell(totp.uri());
      }
      // "Verify TOTP": a code from the app shows it holds the secret.
      Prompt.Code code = prompt.askCode("Enter the code from your authenticator app", START_OVER);
      try {
        totp = code.is(START_OVER) ? null : user.verifyTOTP(code.value());
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        prompt.tell("code: " + e.firstError().longMessage());
      }
    }

    // "Verification was a success". The user's first second factor turns MFA on, and that answer
    // carries the backup codes (so no createBackupCode() is needed): show them once.
    if (!totp.backupCodes().isEmpty()) {
      prompt.tell("Save these backup codes somewhere safe; each one signs you in once without your app:");
      totp.backupCodes().forEach(prompt::tell);
    }

    // The MFA settings page: "TOTP via authentication app enabled - Remove".
    if (prompt.ask("Remove the authenticator app again? (y/n)").equalsIgnoreCase("y")) {
      User updated = clerk.withReverification(user::disableTOTP, confirmItIsYou);
      prompt.tell("Authenticator app removed; TOTP enabled: " + updated.totpEnabled());
    }
  }
}
