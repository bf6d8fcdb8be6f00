package io.github.clerk4j.samples;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.User;
import java.util.Optional;

/**
 * A user with MFA generates a new set of backup codes, replacing the old set, and sees them once.
 * A sensitive action: when the sign-in is older than 10 minutes the server asks to verify again,
 * and {@code clerk.withReverification} asks the person for their password or a code, then creates
 * the codes. Clerk's guides: <a href="https://clerk.com/docs/guides/development/custom-flows/account-updates/manage-mfa">manage
 * MFA</a> and <a href="https://clerk.com/docs/guides/secure/reverification">reverification</a>.
 */
public final class GenerateBackupCodes {

  private GenerateBackupCodes() {}

  /** Creates and shows the new codes for the user of the active session. */
  public static BackupCodes generate(Clerk clerk, Prompt prompt) {
    User user = clerk.user().orElseThrow(() -> new IllegalStateException("You must be signed in"));
    if (!user.twoFactorEnabled()) {
      throw new IllegalStateException("backup codes come with MFA: turn on a second factor first");
    }

    BackupCodes codes = clerk.withReverification(user::createBackupCode, request -> {
      // The reverification form; after a wrong answer, asked again with the server's reason.
      request.error().ifPresent(e -> prompt.tell(e.firstError().longMessage()));
      prompt.tell("For your security, confirm it is you.");
      String answer = switch (request.strategy()) {
        case PASSWORD -> prompt.askSecret("Enter your password");
        case TOTP -> prompt.askCode("Enter the code from your authenticator app").value();
        case BACKUP_CODE -> prompt.askCode("Enter one of your backup codes").value();
        default -> prompt.askCode("Enter the code we sent to " + request.safeIdentifier().orElse("you"))
            .value();
      };
      return answer.isBlank() ? Optional.empty() : Optional.of(answer); // nothing entered: cancelled
    });

    prompt.tell("Your new backup codes; each works once, and the old ones no longer do. Keep them safe:");
    codes.codes().forEach(prompt::tell);
    return codes;
  }
}
