package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.EmulatorUser;

/**
 * Client Trust: a correct password on a device new to a user without MFA needs a code too, by
 * e-mail or, for a user without an e-mail address, by SMS.
 */
final class ClientTrustFlow implements Flow {

  private final boolean bySms;
  private final String identifier;
  private final String password;

  private ClientTrustFlow(boolean bySms, String identifier, String password) {
    this.bySms = bySms;
    this.identifier = identifier;
    this.password = password;
  }

  static ClientTrustFlow email() {
    return new ClientTrustFlow(false, "grace@example.com", "cobol-compiler-1959");
  }

  static ClientTrustFlow sms() {
    return new ClientTrustFlow(true, "+14155552671", "first-compiler-1952");
  }

  @Override
  public String name() {
    return bySms ? "client-trust-sms" : "client-trust-email";
  }

  @Override
  public String guide() {
    return "guides/secure/client-trust";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    EmulatorUser.Builder user = EmulatorUser.builder().password(password);
    setup.user(bySms ? user.phone(identifier) : user.email(identifier), false);
  }

  @Override
  public void run(FlowContext ctx) {
    SignIn signIn = ctx.passwordForm(
        bySms ? "Enter phone number" : "Enter email address", value(identifier), value(password));
    if (signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST) {
      signIn = confirmDevice(ctx, signIn, bySms, identifier);
    }
    ctx.finish(signIn);
  }

  /**
   * The Client Trust step: a code by e-mail (or SMS) to {@code recipient}, verified. Shared with the
   * password sign-in that starts the account samples, which meets it on a real instance's new device.
   */
  static SignIn confirmDevice(FlowContext ctx, SignIn signIn, boolean bySms, String recipient) {
    ctx.console().say("This device is new to you: we sent a code to confirm it is you.");
    SignIn.Mfa mfa = ctx.show(bySms ? signIn.mfa().sendPhoneCode() : signIn.mfa().sendEmailCode()).mfa();
    return ctx.enterCode(
        "Code",
        ctx.codeSentTo(recipient),
        code -> ctx.show(bySms ? mfa.verifyPhoneCode(code) : mfa.verifyEmailCode(code)),
        () -> ctx.show(bySms ? mfa.sendPhoneCode() : mfa.sendEmailCode()));
  }
}
