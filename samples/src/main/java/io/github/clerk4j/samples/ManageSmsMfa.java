package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.PhoneNumber;
import io.github.clerk4j.ReverificationHandler;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.VerificationStatus;
import java.util.Optional;

/**
 * A signed-in user adds a phone number, verifies it with a code sent by SMS, uses it for MFA
 * (turning MFA on shows the backup codes), makes it the default second factor, then removes it.
 * The calls the guide wraps in {@code useReverification} run in {@code clerk.withReverification}.
 * Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/account-updates/manage-mfa#sms-verification-code">manage
 * SMS MFA</a>.
 */
public final class ManageSmsMfa {

  private ManageSmsMfa() {}

  /** Runs the steps for the user of the active session. */
  public static void manage(Clerk clerk, Prompt prompt) {
    User user = clerk.user().orElseThrow(() -> new IllegalStateException("You must be signed in"));
    // Asked only when the sign-in is older than 10 minutes: the password, or a code.
    ReverificationHandler confirmItIsYou = request -> Optional.of(request.strategy() == Strategy.PASSWORD
        ? prompt.askSecret("For your security, enter your password")
        : prompt.askCode("For your security, enter the code from your app or the one we sent you").value());

    // "Add phone": the new number gets a code by SMS. A malformed or taken one is shown next to the field.
    PhoneNumber phone = null;
    while (phone == null) {
      String number = prompt.ask("Enter phone number");
      try {
        phone = clerk.withReverification(() -> user.createPhoneNumber(number), confirmItIsYou);
      } catch (IllegalArgumentException e) {
        prompt.tell("phone_number: " + e.getMessage()); // not E.164: nothing was sent
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
      }
    }
    phone = phone.prepareVerification();
    prompt.tell("We sent a code to " + phone.phoneNumber() + ".");
    while (phone.verification().status() != VerificationStatus.VERIFIED) {
      Prompt.Code code = prompt.askCode("Enter code", NEW_CODE);
      try {
        phone = code.is(NEW_CODE) ? phone.prepareVerification() : phone.attemptVerification(code.value());
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty() && !e.isVerificationExpired()) {
          throw e;
        }
        prompt.tell("code: " + e.firstError().longMessage()); // wrong, or expired: n sends a new one
      }
    }

    // "Use for MFA". The user's first second factor turns MFA on, and that answer carries the
    // backup codes: show them once.
    PhoneNumber verified = phone;
    phone = clerk.withReverification(() -> verified.setReservedForSecondFactor(true), confirmItIsYou);
    if (!phone.backupCodes().isEmpty()) {
      prompt.tell("Save these backup codes somewhere safe; each one signs you in once without your phone:");
      phone.backupCodes().forEach(prompt::tell);
    }
    prompt.tell("Two-factor authentication is " + (user.reload().twoFactorEnabled() ? "on." : "off."));

    // "Make default": the number offered first at sign-in.
    phone = phone.makeDefaultSecondFactor();
    prompt.tell(phone.phoneNumber() + " (Default)");

    // "Remove from account" (the guide wraps this call in useReverification only for numbers not used for MFA).
    phone.destroy();
    prompt.tell("Removed. Two-factor authentication is " + (user.reload().twoFactorEnabled() ? "on." : "off."));
  }
}
