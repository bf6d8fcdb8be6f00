package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.Factor;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.testing.EmulatorUser;
import java.util.function.Supplier;

/** Password, then a second factor: an SMS code, an authenticator-app code or a backup code. */
final class MfaFlow implements Flow {

  enum Method {
    SMS("mfa-sms"),
    TOTP("mfa-totp"),
    BACKUP_CODE("mfa-backup-code");

    final String flowName;

    Method(String flowName) {
      this.flowName = flowName;
    }
  }

  static final String EMAIL = "katherine@example.com";
  static final String PASSWORD = "orbital-mechanics-1962";
  static final String MFA_PHONE = "+14155552672";
  static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  static final String BACKUP_CODE = "k7m2q9x4";

  private final Method method;

  MfaFlow(Method method) {
    this.method = method;
  }

  @Override
  public String name() {
    return method.flowName;
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/authentication/multi-factor-authentication";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    EmulatorUser.Builder user = EmulatorUser.builder().email(EMAIL).password(PASSWORD);
    switch (method) {
      case SMS:
        user.mfaPhone(MFA_PHONE);
        break;
      case TOTP:
        user.totpSecret(TOTP_SECRET);
        break;
      case BACKUP_CODE:
        user.totpSecret(TOTP_SECRET).backupCodes(BACKUP_CODE, "p3w8n6r1");
        break;
    }
    setup.user(user, false);
  }

  @Override
  public void run(FlowContext ctx) {
    SignIn signIn = ctx.passwordForm(value(EMAIL), value(PASSWORD));
    if (signIn.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
      signIn = secondFactor(ctx, signIn);
    }
    ctx.finish(signIn);
  }

  /** Shows the offered second factors, then verifies the one this sample is about. */
  static SignIn secondFactor(FlowContext ctx, SignIn signIn, Method method) {
    for (Factor f : signIn.mfa().factors()) {
      ctx.console().say("  offered: %s%s%s", f.rawStrategy(),
          f.safeIdentifier() == null ? "" : " to " + f.safeIdentifier(), f.isDefault() ? " (default)" : "");
    }
    SignIn.Mfa mfa = signIn.mfa();
    switch (method) {
      case SMS:
        mfa = ctx.show(mfa.sendPhoneCode()).mfa();
        SignIn.Mfa sent = mfa;
        return ctx.enterCode("Code", ctx.codeSentTo(MFA_PHONE),
            code -> ctx.show(sent.verifyPhoneCode(code)), () -> ctx.show(sent.sendPhoneCode()));
      case TOTP:
        return verifyWithoutResend(ctx, "Code from your authenticator app", ctx.totpCode(TOTP_SECRET), mfa::verifyTOTP);
      default:
        return verifyWithoutResend(ctx, "Backup code", value(BACKUP_CODE), mfa::verifyBackupCode);
    }
  }

  private SignIn secondFactor(FlowContext ctx, SignIn signIn) {
    return secondFactor(ctx, signIn, method);
  }

  /** TOTP and backup codes are not sent: "I need a new code" only explains that. */
  private static SignIn verifyWithoutResend(
      FlowContext ctx, String label, Supplier<String> auto, java.util.function.Function<String, SignIn> verify) {
    return ctx.enterCode(label, auto, code -> ctx.show(verify.apply(code)), () ->
        ctx.console().say("  This code is not sent: open your authenticator app or your saved backup codes."));
  }
}
