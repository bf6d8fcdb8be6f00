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

  /**
   * Signs a user in with e-mail and password: the start of the account samples. The embedded
   * emulator seeds them on a trusted device; on a real instance's new device Client Trust asks for
   * an e-mail code first.
   */
  static Session signIn(FlowContext ctx, String email, String password) {
    SignIn signIn = ctx.passwordForm(value(email), value(password));
    if (signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST) {
      signIn = ClientTrustFlow.confirmDevice(ctx, signIn, false, signIn.identifier().orElse(email));
    }
    if (signIn.status() != SignInStatus.COMPLETE) {
      // The guide stops here too: MFA has its own guide (and samples).
      throw new IllegalStateException(
          "sign-in needs another step (" + signIn.rawStatus() + "): see the mfa samples");
    }
    return ctx.finish(signIn);
  }
}
