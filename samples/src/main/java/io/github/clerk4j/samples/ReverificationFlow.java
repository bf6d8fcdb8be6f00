package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.EmulatorUser;
import java.time.Duration;
import java.util.Optional;

/**
 * A sensitive action (new backup codes) after the last verification grew old: the server asks for
 * reverification, the app asks the user for their password, and the action runs again.
 */
final class ReverificationFlow implements Flow {

  static final String EMAIL = "shafi@example.com";
  static final String PASSWORD = "zero-knowledge-1985";

  @Override
  public String name() {
    return "reverification";
  }

  @Override
  public String guide() {
    return "guides/secure/reverification";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.user(EmulatorUser.builder().email(EMAIL).password(PASSWORD).totpSecret(MfaFlow.TOTP_SECRET), false);
  }

  @Override
  public void run(FlowContext ctx) {
    io.github.clerk4j.SignIn signIn = ctx.passwordForm(value(EMAIL), value(PASSWORD));
    signIn = MfaFlow.secondFactor(ctx, signIn, MfaFlow.Method.TOTP);
    User user = ctx.finish(signIn).user().orElseThrow();

    // Against the emulator, let time pass so that the sign-in's verification is too old.
    ctx.letTimePass(Duration.ofMinutes(15));

    BackupCodes codes =
        ctx.clerk().withReverification(user::createBackupCode, prompt -> {
          ctx.console().say("For your security, confirm it is you (%s).", prompt.strategy().wireValue());
          if (prompt.strategy() == Strategy.PASSWORD) {
            return Optional.of(ctx.console().askSecret("Enter password", value(PASSWORD)));
          }
          if (prompt.strategy() == Strategy.TOTP) {
            return Optional.of(ctx.console().askCode("Code from your authenticator app", ctx.totpCode(MfaFlow.TOTP_SECRET)));
          }
          return Optional.of(ctx.console().askCode("Code", ctx.codeSentTo(EMAIL)));
        });
    ctx.console().say("  Verified again; %d new backup codes created.", codes.codes().size());
  }
}
