package app;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;

/** Signs in with a password and prints where clerk4j was loaded from and the session it got. */
public final class SignInOnce {
  public static void main(String[] args) {
    String publishableKey = args[0];
    String email = args[1];
    String password = args[2];
    try (Clerk clerk = Clerk.builder().publishableKey(publishableKey).build()) {
      SignIn signIn = clerk.signIn().password(email, password);
      if (signIn.status() != SignInStatus.COMPLETE) {
        throw new IllegalStateException("expected a complete sign-in, got " + signIn.status());
      }
      Session session = signIn.finalize((s, decorateUrl) -> { });
      System.out.println("clerk4j module: " + Clerk.class.getModule().getName());
      System.out.println("transport module: " + transportModule());
      System.out.println("signed in: " + session.id() + ", token of " + session.getToken().length()
          + " characters");
    }
  }

  private static String transportModule() {
    return ModuleLayer.boot().findModule("io.github.clerk4j.okhttp").map(Module::getName)
        .orElse("none");
  }
}
