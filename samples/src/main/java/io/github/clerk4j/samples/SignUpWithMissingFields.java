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
 * Sign up on an instance that asks for more than an e-mail address: start with the address, then
 * ask for whatever the sign-up still misses ({@code missingFields()}: password, names, consent to
 * the terms, ...), then verify the address. The instance's settings ({@code clerk.environment()})
 * say up front what it will ask, and once loaded they check a form before it is sent, so a password
 * shorter than the instance's minimum is refused without a request. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/email-password">email/password</a>.
 */
public final class SignUpWithMissingFields {

  private SignUpWithMissingFields() {}

  /** Signs the person up and returns the new session, now the active one. */
  public static Session signUp(Clerk clerk, Prompt prompt) {
    prompt.tell("This app asks for: " + String.join(", ", clerk.environment().requiredSignUpFields()));
    SignUp signUp = clerk.signUp();
    while (signUp.status() != SignUpStatus.COMPLETE) {
      // Step 1: the e-mail address only.
      if (signUp.id() == null) {
        String email = prompt.ask("Enter email address");
        try {
          signUp = signUp.create(SignUpParams.builder().emailAddress(email).build());
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty()) {
            throw e;
          }
          e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
          continue;
        }
      }

      // Step 2: one form with every field the sign-up still misses.
      if (!signUp.missingFields().isEmpty()) {
        SignUpParams.Builder fields = SignUpParams.builder();
        for (String field : signUp.missingFields()) {
          switch (field) {
            case "password" -> fields.password(prompt.askSecret("Choose a password"));
            case "first_name" -> fields.firstName(prompt.ask("Enter first name"));
            case "last_name" -> fields.lastName(prompt.ask("Enter last name"));
            case "username" -> fields.username(prompt.ask("Choose a username"));
            case "phone_number" -> fields.phoneNumber(prompt.ask("Enter phone number"));
            case "legal_accepted" -> fields.legalAccepted(prompt.ask("Do you accept the terms? (y/n)").equals("y"));
            default -> throw new IllegalStateException("this recipe does not ask for " + field);
          }
        }
        try {
          signUp = signUp.update(fields.build());
        } catch (IllegalArgumentException e) {
          prompt.tell(e.getMessage()); // refused before sending, by the instance's rules
        } catch (ClerkApiException e) {
          if (e.fieldErrors().isEmpty()) {
            throw e;
          }
          e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        }
        continue;
      }

      // Step 3: the code that proves the address is theirs.
      signUp = signUp.verifications().sendEmailCode();
      while (signUp.unverifiedFields().contains("email_address") && signUp.id() != null) {
        Prompt.Code code = prompt.askCode("Enter the code we sent you", NEW_CODE, START_OVER);
        try {
          if (code.is(START_OVER)) {
            signUp = signUp.reset(); // back to step 1
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

    // Done: make the new session the active one, then open the app.
    return signUp.finalize((session, decorateUrl) -> prompt.tell("Signed up: opening " + decorateUrl.apply("/")));
  }
}
