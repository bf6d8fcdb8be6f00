package io.github.clerk4j.samples;

import static io.github.clerk4j.samples.FlowContext.value;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.PhoneNumber;
import io.github.clerk4j.User;
import io.github.clerk4j.testing.EmulatorUser;

/** A signed-in user adds a phone number, verifies it, uses it for MFA, then removes it. */
final class ManageMfaSmsFlow implements Flow {

  static final String EMAIL = "margaret@example.com";
  static final String PASSWORD = "apollo-guidance-1969";
  static final String NEW_PHONE = "+14155552674";

  @Override
  public String name() {
    return "manage-mfa-sms";
  }

  @Override
  public String guide() {
    return "guides/development/custom-flows/account-updates/manage-sms-based-mfa";
  }

  @Override
  public void seed(EmulatorSetup setup) {
    setup.user(EmulatorUser.builder().email(EMAIL).password(PASSWORD), true);
  }

  @Override
  public void run(FlowContext ctx) {
    User user = PasswordFlow.signIn(ctx, EMAIL, PASSWORD).user().orElseThrow();

    PhoneNumber phone = null;
    while (phone == null) {
      String number = ctx.console().ask("Add a phone number (E.164, e.g. +14155552674)", value(NEW_PHONE));
      try {
        phone = user.createPhoneNumber(number);
      } catch (IllegalArgumentException e) {
        ctx.console().fieldError("phone_number", e.getMessage());
      } catch (ClerkApiException e) {
        if (!ctx.showFieldErrors(e)) {
          throw e;
        }
      }
    }
    PhoneNumber sent = phone.prepareVerification();
    ctx.console().say("  We sent a code to %s", sent.phoneNumber());
    phone = ctx.enterCode("Code", ctx.codeSentTo(sent.phoneNumber()), sent::attemptVerification,
        sent::prepareVerification);
    ctx.console().say("  %s is %s", phone.phoneNumber(), phone.verification().rawStatus());

    phone = phone.setReservedForSecondFactor(true);
    if (!phone.backupCodes().isEmpty()) {
      ctx.console().say("  MFA is on. Save these %d backup codes somewhere safe (not shown here).",
          phone.backupCodes().size());
    }
    phone = phone.makeDefaultSecondFactor();
    user = user.reload();
    ctx.console().say("  two-factor enabled: %s; %s is the default second factor: %s",
        user.twoFactorEnabled(), phone.phoneNumber(), phone.defaultSecondFactor());

    phone.destroy();
    user = user.reload();
    ctx.console().say("  removed %s; two-factor enabled: %s", phone.phoneNumber(), user.twoFactorEnabled());
  }
}
