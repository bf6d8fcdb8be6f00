package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.Prompt.Choice.NEW_CODE;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.EmailAddress;
import io.github.clerk4j.ReverificationHandler;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.UserUpdateParams;
import io.github.clerk4j.VerificationStatus;
import java.util.Optional;

/**
 * A signed-in user adds an e-mail address, verifies it with the code sent to it, makes it the
 * primary address, then removes the old one. Adding, making primary and removing are sensitive:
 * they run in {@code clerk.withReverification}, as Clerk's components wrap them in {@code
 * useReverification}. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/account-updates/add-email">add an
 * e-mail address</a>.
 */
public final class ManageEmailAddresses {

  private ManageEmailAddresses() {}

  /** Runs the steps for the user of the active session. */
  public static void manage(Clerk clerk, Prompt prompt) {
    User user = clerk.user().orElseThrow(() -> new IllegalStateException("You must be signed in"));
    // Asked only when the sign-in is older than 10 minutes: the password, or a code.
    ReverificationHandler confirmItIsYou = request -> Optional.of(request.strategy() == Strategy.PASSWORD
        ? prompt.askSecret("For your security, enter your password")
        : prompt.askCode("For your security, enter the code from your app or the one we sent you").value());
    Optional<EmailAddress> old = user.primaryEmailAddress();

    // "Add email address". A malformed address, or one another account has: next to the field.
    EmailAddress email = null;
    while (email == null) {
      String address = prompt.ask("Enter new email address");
      try {
        email = clerk.withReverification(() -> user.createEmailAddress(address), confirmItIsYou);
      } catch (IllegalArgumentException e) {
        prompt.tell("email_address: " + e.getMessage()); // malformed: nothing was sent
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
      }
    }

    // "Verify": a code goes to the new address; n sends another.
    email = email.prepareVerification();
    prompt.tell("We sent a code to " + email.emailAddress() + ".");
    while (email.verification().status() != VerificationStatus.VERIFIED) {
      Prompt.Code code = prompt.askCode("Enter code", NEW_CODE);
      try {
        email = code.is(NEW_CODE) ? email.prepareVerification() : email.attemptVerification(code.value());
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty() && !e.isVerificationExpired()) {
          throw e;
        }
        prompt.tell("code: " + e.firstError().longMessage()); // wrong, or expired: n sends a new one
      }
    }

    // "Set as primary": only a verified address can be.
    String newId = email.id();
    User updated = clerk.withReverification(
        () -> user.update(UserUpdateParams.empty().withPrimaryEmailAddressId(newId)), confirmItIsYou);
    prompt.tell(email.emailAddress() + " (Primary)");

    // "Remove" the old address; it no longer signs in.
    old.ifPresent(address -> {
      clerk.withReverification(() -> {
        address.destroy();
        return null;
      }, confirmItIsYou);
      prompt.tell("Removed " + address.emailAddress() + ".");
    });
    clerk.user().orElse(updated).emailAddresses()
        .forEach(e -> prompt.tell(e.emailAddress() + " (" + e.verification().rawStatus() + ")"));
  }
}
