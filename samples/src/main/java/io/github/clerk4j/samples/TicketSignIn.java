package io.github.clerk4j.samples;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;

/**
 * Sign in with a sign-in token (a ticket) that the app's backend minted with Clerk's Backend API
 * ({@code POST /v1/sign_in_tokens}): for a server or a test harness that signs a known user in,
 * or a "magic" link of the app's own. The token works once. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/embedded-email-links">embedded
 * email links</a>.
 */
public final class TicketSignIn {

  private TicketSignIn() {}

  /** Signs the person in with the token and returns the new session, now the active one. */
  public static Session signIn(Clerk clerk, Prompt prompt) {
    SignIn signIn = null;
    while (signIn == null) {
      String ticket = prompt.askSecret("Paste the sign-in token from your backend");
      try {
        signIn = clerk.signIn().ticket(ticket);
      } catch (ClerkApiException e) {
        if (!e.isTicketAlreadyUsed() && !e.isTicketExpired() && !e.isTicketInvalid()) {
          throw e;
        }
        prompt.tell("ticket: " + e.firstError().longMessage()); // used, expired or not Clerk's: ask for a new one
      }
    }
    return signIn.finalize((session, decorateUrl) -> prompt.tell("Signed in with the sign-in token"));
  }
}
