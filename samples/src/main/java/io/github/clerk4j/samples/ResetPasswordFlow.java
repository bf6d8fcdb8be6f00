package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.EmulatorUser;

/**
 * Forgot password: a reset code by e-mail or SMS, a new password, and (for a user with MFA) the
 * second factor the reset leads into.
 */
final class ResetPasswordFlow implements Flow {

  static final String NEW_PASSWORD = "a-brand-new-passphrase-2026";

  private final String name;
  private final boolean bySms;
  private final boolean withMfa;
  private final String identifier;

  private ResetPasswordFlow(String name, boolean bySms, boolean withMfa, String identifier) {
    this.name = name;
    this.bySms = bySms;
    this.withMfa = withMfa;
    this.identifier = identifier;
  }

  static ResetPasswordFlow email() {
    return new ResetPasswordFlow("reset-password-email", false, false, "barbara@example.com");
  }

  static ResetPasswordFlow phone() {
    return new ResetPasswordFlow("reset-password-phone", true, false, "+14155552673");
  }

  /** The reset continues into SMS MFA, as the guide shows for users with a second factor. */
  static ResetPasswordFlow withMfa() {
    return new ResetPasswordFlow("reset-password-mfa", false, true, MfaFlow.EMAIL);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/account-updates/forgot-password";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    EmulatorUser.Builder user = EmulatorUser.builder().password("forgotten-long-ago-1");
    user = bySms ? user.phone(identifier) : user.email(identifier);
    if (withMfa) {
      user.mfaPhone(MfaFlow.MFA_PHONE);
    }
    setup.user(user, false);
  }

  @Override
  public void run(FlowContext ctx) {
    String label = bySms ? "Enter phone number" : "Enter email address";
    String id = ctx.console().ask(label, value(identifier));
    SignIn.ResetPasswordFlow reset = resetOf(ctx.show(resetOf(ctx.clerk().signIn()).sendCode(id)));
    SignIn signIn =
        ctx.enterCode("Code", ctx.codeSentTo(id),
            code -> ctx.show(reset.verifyCode(code)), () -> ctx.show(reset.sendCode()));

    while (signIn.status() == SignInStatus.NEEDS_NEW_PASSWORD) {
      String password = ctx.console().askSecret("Enter new password", value(NEW_PASSWORD));
      try {
        // Signing out of other sessions is the default, as in Clerk's guide.
        signIn = ctx.show(resetOf(signIn).submitPassword(password));
      } catch (ClerkApiException e) {
        if (!ctx.showFieldErrors(e)) {
          throw e;
        }
      }
    }
    if (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
      signIn = MfaFlow.secondFactor(ctx, signIn, MfaFlow.Method.SMS);
    }
    ctx.finish(signIn);
  }

  private SignIn.ResetPasswordFlow resetOf(SignIn signIn) {
    return bySms ? signIn.resetPasswordPhoneCode() : signIn.resetPasswordEmailCode();
  }
}
