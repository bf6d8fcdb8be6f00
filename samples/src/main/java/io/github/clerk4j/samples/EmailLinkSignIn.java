package io.github.clerk4j.samples;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.VerificationStatus;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sign in with a link sent by e-mail: the person opens it in any browser, and the app, which
 * waits for it by checking the sign-in every second, goes on by itself. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/email-links">email
 * links</a>.
 */
public final class EmailLinkSignIn {

  /** Where the browser that opened the link lands: a page of the app's own ("you can close this tab"). */
  static final URI VERIFIED_PAGE = URI.create("https://example.com/email-link-verified");

  private EmailLinkSignIn() {}

  /** Signs the person in by e-mail link and returns the new session, now the active one. */
  public static Session signIn(Clerk clerk, Prompt prompt) {
    SignIn signIn = clerk.signIn();
    String email = null;
    while (signIn.status() != SignInStatus.COMPLETE) {
      try {
        if (email == null) {
          email = prompt.ask("Enter email address");
          signIn = signIn.emailLink().sendLink(email, VERIFIED_PAGE);
        } else {
          signIn = signIn.emailLink().sendLink(VERIFIED_PAGE); // the last one expired: a new link
        }
      } catch (ClerkApiException e) {
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
        email = null;
        continue;
      }
      // Wait for the person to open the link; a Cancel button would call waiting.cancel(true).
      CompletableFuture<SignIn> waiting = signIn.emailLink().waitForVerification(Duration.ofMinutes(10));
      prompt.tell("Open the link we sent to " + email + " (this app waits up to 10 minutes)");
      signIn = waiting.join();
      if (signIn.firstFactorVerification().map(v -> v.status() == VerificationStatus.EXPIRED).orElse(false)) {
        prompt.tell("The link expired: sending a new one");
      } else if (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
        throw new IllegalStateException("this account has MFA: continue with signIn.mfa()");
      }
    }
    return signIn.finalize((session, decorateUrl) -> prompt.tell("Signed in by e-mail link"));
  }
}
