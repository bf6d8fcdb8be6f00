package io.github.clerk4j.samples;

import io.github.clerk4j.Totp;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.EmulatorUser;

/** A signed-in user enrols an authenticator app from a QR code, verifies it, then disables it. */
final class ManageMfaTotpFlow implements Flow {

  static final String EMAIL = "radia@example.com";
  static final String PASSWORD = "spanning-tree-1985";

  @Override
  public String name() {
    return "manage-mfa-totp";
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/account-updates/manage-totp-based-mfa";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.user(EmulatorUser.builder().email(EMAIL).password(PASSWORD), true);
  }

  @Override
  public void run(FlowContext ctx) {
    User user = PasswordFlow.signIn(ctx, EMAIL, PASSWORD).user().orElseThrow();
    enrol(ctx, user);
    user = user.disableTOTP();
    ctx.console().say("  Authenticator app removed; totp enabled: %s", user.totpEnabled());
  }

  /** Shows the QR code and URI, then verifies a code from the app. Shared with session-tasks. */
  static Totp enrol(FlowContext ctx, User user) {
    Totp totp = user.createTOTP();
    ctx.console().say("Scan this QR code with your authenticator app:%n%s", QrCode.render(totp.uri()));
    ctx.console().say("or enter this URI: %s", totp.uri());
    Totp verified =
        ctx.enterCode("Code from your authenticator app", ctx.totpCode(totp.secret()), user::verifyTOTP,
            () -> ctx.console().say("  Codes come from the app: wait for the next one."));
    ctx.console().say("  Authenticator app verified: %s", verified.verified());
    if (!verified.backupCodes().isEmpty()) {
      ctx.console().say("  Save your %d backup codes somewhere safe.", verified.backupCodes().size());
    }
    return verified;
  }
}
