package io.github.clerk4j.samples;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.desktop.BrowserSignIn;

/**
 * Enterprise SSO: the person gives their work e-mail address, Clerk finds the company's
 * connection by its domain, and the company's identity provider signs them in through the
 * browser; the first sign-in of an employee becomes their sign-up. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/enterprise-connections">enterprise
 * connections</a>.
 */
public final class EnterpriseSsoSignIn {

  private EnterpriseSsoSignIn() {}

  /** Signs the person in through their company and returns the new session, now the active one. */
  public static Session signIn(Clerk clerk, Prompt prompt, int port) {
    BrowserSignIn browser = BrowserSignIn.builder().port(port).launcher(prompt::openInBrowser).build();
    SignIn signIn = null;
    while (signIn == null) {
      String email = prompt.ask("Enter your work email address");
      try {
        signIn = browser.signIn(clerk, SsoParams.enterpriseSso(email));
      } catch (ClerkApiException e) {
        if (!e.isEnterpriseConnectionMissing()) {
          throw e;
        }
        prompt.tell("email_address: " + e.firstError().longMessage()); // no SSO for that domain
      }
    }
    if (signIn.isTransferable()) {
      // The company vouches for a person who has no account here yet: sign them up.
      return signIn.transferToSignUp().finalize((session, decorateUrl) -> prompt.tell("Signed up through your company"));
    }
    return signIn.finalize((session, decorateUrl) -> prompt.tell("Signed in through your company"));
  }
}
