package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.SignIn;
import io.github.clerk4j.testing.EmulatorUser;

/** Sign in with a one-time code sent by e-mail, no password. */
final class EmailCodeFlow implements Flow {

  static final String EMAIL = "hedy@example.com";

  @Override
  public String name() {
    return "email-code";
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/authentication/email-sms-otp";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.user(EmulatorUser.builder().email(EMAIL), false);
  }

  @Override
  public void run(FlowContext ctx) {
    ctx.finish(signInWithEmailCode(ctx, EMAIL));
  }

  /** "Enter email address", send the code, "Code": shared with the compromised-password flow. */
  static SignIn signInWithEmailCode(FlowContext ctx, String seededEmail) {
    String email = ctx.console().ask("Enter email address", value(seededEmail));
    SignIn.CodeFlow codeSignIn = ctx.show(ctx.clerk().signIn().emailCode().sendCode(email)).emailCode();
    return ctx.enterCode("Code", ctx.codeSentTo(email),
        code -> ctx.show(codeSignIn.verifyCode(code)), () -> ctx.show(codeSignIn.sendCode()));
  }
}
