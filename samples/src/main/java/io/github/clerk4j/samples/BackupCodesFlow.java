package io.github.clerk4j.samples;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.EmulatorUser;

/** A user with MFA generates a new set of backup codes (replacing the old set). */
final class BackupCodesFlow implements Flow {

  static final String EMAIL = "frances@example.com";
  static final String PASSWORD = "ptran-optimizer-1966";

  @Override
  public String name() {
    return "backup-codes";
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/account-updates/manage-mfa";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.user(EmulatorUser.builder().email(EMAIL).password(PASSWORD).totpSecret(MfaFlow.TOTP_SECRET), false);
  }

  @Override
  public void run(FlowContext ctx) {
    // A user with MFA signs in with a second factor first.
    io.github.clerk4j.SignIn signIn = ctx.passwordForm(FlowContext.value(EMAIL), FlowContext.value(PASSWORD));
    signIn = MfaFlow.secondFactor(ctx, signIn, MfaFlow.Method.TOTP);
    User user = ctx.finish(signIn).user().orElseThrow();

    BackupCodes codes = user.createBackupCode();
    ctx.console().say("Your new backup codes (each works once; the old set no longer works):");
    // Printing them is the point of this screen; a real app shows them once and never logs them.
    codes.codes().forEach(code -> ctx.console().say("  %s", code));
  }
}
