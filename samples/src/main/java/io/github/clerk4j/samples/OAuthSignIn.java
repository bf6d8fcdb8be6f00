package io.github.clerk4j.samples;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SsoParams;
import io.github.clerk4j.desktop.BrowserSignIn;

/**
 * "Continue with Google" in a desktop or command-line app: the system browser opens Google's page,
 * comes back to a loopback address the app listens on ({@code http://127.0.0.1:<port>/sso-callback},
 * which must be on the instance's allowlist of redirect URLs), and the sign-in completes; a Google
 * account that is new here becomes a sign-up. Clerk's guide: <a
 * href="https://clerk.com/docs/guides/development/custom-flows/authentication/oauth-connections">OAuth connections</a>.
 */
public final class OAuthSignIn {

  private OAuthSignIn() {}

  /** Signs the person in with Google and returns the new session, now the active one. */
  public static Session signIn(Clerk clerk, Prompt prompt, int port) {
    // The whole browser round trip in one call: listen, start the sign-in, open the page, wait.
    BrowserSignIn browser = BrowserSignIn.builder().port(port).launcher(prompt::openInBrowser).build();
    prompt.tell("Continue with Google: your browser opens Google's sign-in page (it comes back to "
        + browser.redirectUrl() + ")");
    SignIn signIn = browser.signIn(clerk, SsoParams.oauth("google"));

    if (signIn.isTransferable()) {
      // No user has this Google account yet: the same sign-in becomes a sign-up, nothing to type.
      return signIn.transferToSignUp().finalize((session, decorateUrl) -> prompt.tell("Signed up with Google"));
    }
    while (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
      // The user has MFA: Google's page was the first factor, the authenticator app is the second.
      signIn = signIn.mfa().verifyTOTP(prompt.askCode("Enter the code from your authenticator app").value());
    }
    return signIn.finalize((session, decorateUrl) -> prompt.tell("Signed in with Google: opening "
        + decorateUrl.apply("/")));
  }
}
