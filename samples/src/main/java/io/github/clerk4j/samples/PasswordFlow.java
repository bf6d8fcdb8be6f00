package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.EmulatorUser;

/** Sign in with e-mail and password on a device the user already trusts. */
final class PasswordFlow implements Flow {

  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "analytical-engine-1843";

  @Override
  public String name() {
    return "password";
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/authentication/email-password";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.user(EmulatorUser.builder().email(EMAIL).password(PASSWORD), true);
  }

  @Override
  public void run(FlowContext ctx) {
    signIn(ctx, EMAIL, PASSWORD);
  }

  /** Signs a seeded user in with a password on a trusted device: the start of the account samples. */
  static Session signIn(FlowContext ctx, String email, String password) {
    SignIn signIn = ctx.passwordForm(value(email), value(password));
    if (signIn.status() != SignInStatus.COMPLETE) {
      // The guide stops here too: other statuses have guides (and samples) of their own.
      throw new IllegalStateException(
          "sign-in needs another step (" + signIn.rawStatus() + "): see the client-trust and mfa samples");
    }
    return ctx.finish(signIn);
  }
}
