package io.github.clerk4j.samples.harness;

import io.github.clerk4j.samples.CompromisedPasswordSignIn;
import io.github.clerk4j.samples.EmailLinkSignIn;
import io.github.clerk4j.samples.EmailCodeSignIn;
import io.github.clerk4j.samples.EnterpriseSsoSignIn;
import io.github.clerk4j.samples.GenerateBackupCodes;
import io.github.clerk4j.samples.ManageEmailAddresses;
import io.github.clerk4j.samples.ManageSessions;
import io.github.clerk4j.samples.ManageSmsMfa;
import io.github.clerk4j.samples.ManageTotpMfa;
import io.github.clerk4j.samples.MfaSignIn;
import io.github.clerk4j.samples.OAuthSignIn;
import io.github.clerk4j.samples.PasswordSignIn;
import io.github.clerk4j.samples.ResetPassword;
import io.github.clerk4j.samples.SignUpWithEmailCode;
import io.github.clerk4j.samples.SignUpWithMissingFields;
import io.github.clerk4j.samples.SignUpWithPhone;
import io.github.clerk4j.samples.TicketSignIn;
import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.samples.UpdateProfile;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.UserAttribute;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every flow, in the order of the README's table: which recipes it runs, with which users and answers. */
final class Flows {

  // The recipes' prompts, as they ask them.
  static final String IDENTIFIER = "Enter email address or phone number";
  static final String EMAIL = "Enter email address";
  static final String PASSWORD = "Enter password";
  static final String NEW_PASSWORD = "Enter your new password";
  static final String SENT_CODE = "Enter the code we sent you";
  static final String SMS_CODE = "Enter the code we sent by SMS";
  static final String APP_CODE = "Enter the code from your authenticator app";
  static final String BACKUP_CODE = "Enter one of your backup codes";
  static final String USE_BACKUP_CODE = "Use a backup code instead? (y/n)";
  static final String RESET_CODE = "Enter the password reset code";
  static final String PHONE = "Enter phone number";
  static final String PHONE_CODE = "Enter code";
  static final String REMOVE_APP = "Remove the authenticator app again? (y/n)";
  static final String CHOOSE_PASSWORD = "Choose a password";
  static final String FIRST_NAME = "Enter first name";
  static final String LAST_NAME = "Enter last name";
  static final String TERMS = "Do you accept the terms? (y/n)";
  static final String NEW_EMAIL = "Enter new email address";
  static final String USERNAME = "Username";
  static final String THEME = "Theme (light or dark)";
  static final String IMAGE_FILE = "Profile image file (empty to keep the current one)";
  static final String SIGN_OUT_DEVICE = "Sign out which device? (number, empty for none)";
  static final String WORK_EMAIL = "Enter your work email address";
  static final String TICKET = "Paste the sign-in token from your backend";

  private static final String MFA_GUIDE = "guides/development/custom-flows/authentication/multi-factor-authentication";
  private static final String DEVICE_TRUST_GUIDE = "guides/development/custom-flows/authentication/device-trust";
  private static final String RESET_GUIDE = "guides/development/custom-flows/authentication/forgot-password";
  private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  private static final String NEW_PASSWORD_VALUE = "a-brand-new-passphrase-2026";
  private static final String PWNED_PASSWORD = "password123456";
  private static final String SIGN_UP_GUIDE = "guides/development/custom-flows/authentication/email-password";
  private static final IdpAccount ADA_AT_GOOGLE = IdpAccount.of("ada@example.com", "Ada", "Lovelace");
  private static final IdpAccount NEWCOMER_AT_GOOGLE = IdpAccount.of("nina@example.com", "Nina", "New");

  private Flows() {}

  /** By name, in the order of the README's table. */
  static final Map<String, Flow> ALL = byName(
      Flow.named("password")
          .summary("e-mail + password on a device the user knows, finalize")
          .guide("guides/development/custom-flows/authentication/email-password")
          .details("""
              The password completes the sign-in at once (the emulator treats this device as known);
              finalize makes the new session the active one. A wrong password or an unknown address
              is shown next to its field and the form is asked again.""")
          .seed(s -> s.trustedDevice().user(user("ada@example.com", "analytical-engine-1843")))
          .answers((a, env) -> a.value(IDENTIFIER, "ada@example.com")
              .seededPassword(PASSWORD, "analytical-engine-1843"))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .build(),
      Flow.named("client-trust-email")
          .summary("password → NEEDS_CLIENT_TRUST → e-mail code")
          .guide(DEVICE_TRUST_GUIDE)
          .details("""
              The password recipe on a device new to a user without MFA: the password answers
              needs_client_trust, mfa().sendEmailCode() sends a code and mfa().verifyEmailCode(code)
              completes the sign-in. A wrong code is shown and asked again; n sends a new code
              (mfa().sendEmailCode()); s starts over (reset()).""")
          .seed(s -> s.user(user("grace@example.com", "cobol-compiler-1959")))
          .answers((a, env) -> a.value(IDENTIFIER, "grace@example.com")
              .seededPassword(PASSWORD, "cobol-compiler-1959")
              .codeSentTo(SENT_CODE, "grace@example.com", env))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .build(),
      Flow.named("client-trust-sms")
          .summary("the same by SMS, for a user without e-mail")
          .guide(DEVICE_TRUST_GUIDE)
          .details("""
              The password recipe for a user with a phone number and no e-mail address, on a new
              device: the Client Trust code goes by SMS (mfa().sendPhoneCode(), verifyPhoneCode(code));
              n sends a new one, s starts over.""")
          .seed(s -> s.user(EmulatorUser.builder().phone("+14155552671").password("first-compiler-1952")))
          .answers((a, env) -> a.value(IDENTIFIER, "+14155552671")
              .seededPassword(PASSWORD, "first-compiler-1952")
              .codeSentTo(SENT_CODE, "+14155552671", env))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .build(),
      Flow.named("mfa-sms")
          .summary("password → NEEDS_SECOND_FACTOR → SMS code")
          .guide(MFA_GUIDE)
          .details("""
              A user with MFA by SMS: the password answers needs_second_factor,
              mfa().sendPhoneCode() sends the code and mfa().verifyPhoneCode(code) completes the
              sign-in. A wrong code is shown and asked again; n sends a new code; s starts over.""")
          .seed(s -> s.user(user("katherine@example.com", "orbital-mechanics-1962")
              .mfaPhone("+14155552672")))
          .answers((a, env) -> a.value(EMAIL, "katherine@example.com")
              .seededPassword(PASSWORD, "orbital-mechanics-1962")
              .codeSentTo(SMS_CODE, "+14155552672", env))
          .recipe(MfaSignIn.class, "signIn", MfaSignIn::signIn)
          .build(),
      Flow.named("mfa-totp")
          .summary("second factor from an authenticator app")
          .guide(MFA_GUIDE)
          .details("""
              The MFA recipe for a user with an authenticator app: nothing is sent, the code comes
              from the app (mfa().verifyTOTP(code)); s starts over.""")
          .seed(s -> s.user(user("katherine@example.com", "orbital-mechanics-1962")
              .totpSecret(TOTP_SECRET)))
          .answers((a, env) -> a.value(EMAIL, "katherine@example.com")
              .seededPassword(PASSWORD, "orbital-mechanics-1962")
              .code(APP_CODE, "the current code of the seeded TOTP secret", env.totpCode(TOTP_SECRET)))
          .recipe(MfaSignIn.class, "signIn", MfaSignIn::signIn)
          .build(),
      Flow.named("mfa-backup-code")
          .summary("second factor by a backup code")
          .guide(MFA_GUIDE)
          .details("""
              The MFA recipe for a user with an authenticator app and backup codes, who answers
              \"use a backup code\": mfa().verifyBackupCode(code); each code works once.""")
          .seed(s -> s.user(user("katherine@example.com", "orbital-mechanics-1962")
              .totpSecret(TOTP_SECRET).backupCodes("k7m2q9x4", "p3w8n6r1")))
          .answers((a, env) -> a.value(EMAIL, "katherine@example.com")
              .seededPassword(PASSWORD, "orbital-mechanics-1962")
              .value(USE_BACKUP_CODE, "y")
              .code(BACKUP_CODE, "a seeded backup code", () -> "k7m2q9x4"))
          .recipe(MfaSignIn.class, "signIn", MfaSignIn::signIn)
          .build(),
      Flow.named("reset-password-email")
          .summary("forgot password, code by e-mail; a breached new password is refused (form_password_pwned)")
          .guide(RESET_GUIDE)
          .details("""
              resetPasswordEmailCode().sendCode(address), verifyCode(code) → needs_new_password,
              submitPassword(password) → complete. The first new password chosen is on the
              emulator's list of breached passwords: refused with form_password_pwned next to the
              field, and asked again. n sends a new code; s starts over.""")
          .seed(s -> s.pwnedPasswords(PWNED_PASSWORD)
              .user(user("barbara@example.com", "forgotten-long-ago-1")))
          .answers((a, env) -> a.value(IDENTIFIER, "barbara@example.com")
              .codeSentTo(RESET_CODE, "barbara@example.com", env)
              .secret(NEW_PASSWORD, "a password found in a data breach (refused)", PWNED_PASSWORD)
              .secret(NEW_PASSWORD, "a sound new password", NEW_PASSWORD_VALUE))
          .recipe(ResetPassword.class, "resetPassword", ResetPassword::resetPassword)
          .build(),
      Flow.named("reset-password-phone")
          .summary("forgot password, code by SMS")
          .guide(RESET_GUIDE)
          .details("""
              The reset recipe for a phone number: resetPasswordPhoneCode().sendCode(number),
              verifyCode(code), submitPassword(password).""")
          .seed(s -> s.user(EmulatorUser.builder().phone("+14155552673").password("forgotten-long-ago-1")))
          .answers((a, env) -> a.value(IDENTIFIER, "+14155552673")
              .codeSentTo(RESET_CODE, "+14155552673", env)
              .secret(NEW_PASSWORD, "a sound new password", NEW_PASSWORD_VALUE))
          .recipe(ResetPassword.class, "resetPassword", ResetPassword::resetPassword)
          .build(),
      Flow.named("reset-password-mfa")
          .summary("the reset leaves NEEDS_SECOND_FACTOR; the MFA recipe finishes it by SMS")
          .guide(RESET_GUIDE)
          .details("""
              The reset recipe for a user with MFA by SMS: the new password answers
              needs_second_factor, and the MFA recipe, which starts from the client's current
              sign-in, sends and verifies the SMS code.""")
          .seed(s -> s.user(user("katherine@example.com", "forgotten-long-ago-1")
              .mfaPhone("+14155552672")))
          .answers((a, env) -> a.value(IDENTIFIER, "katherine@example.com")
              .codeSentTo(RESET_CODE, "katherine@example.com", env)
              .secret(NEW_PASSWORD, "a sound new password", NEW_PASSWORD_VALUE)
              .codeSentTo(SMS_CODE, "+14155552672", env))
          .recipe(ResetPassword.class, "resetPassword", ResetPassword::resetPassword)
          .recipe(MfaSignIn.class, "signIn", MfaSignIn::signIn)
          .build(),
      Flow.named("email-code")
          .summary("sign in with an e-mail code, no password")
          .guide("guides/development/custom-flows/authentication/email-sms-otp")
          .details("""
              emailCode().sendCode(address) creates the sign-in and sends the code in one request;
              emailCode().verifyCode(code) completes it. n sends a new code (sendCode()); s starts
              over.""")
          .seed(s -> s.user(EmulatorUser.builder().email("hedy@example.com")))
          .answers((a, env) -> a.value(EMAIL, "hedy@example.com")
              .codeSentTo(SENT_CODE, "hedy@example.com", env))
          .recipe(EmailCodeSignIn.class, "signIn", EmailCodeSignIn::signIn)
          .build(),
      Flow.named("compromised-password")
          .summary("refused password → e-mail code → reset-password task → active session")
          .guide("guides/secure/password-protection-and-rules")
          .details("""
              The right password, known to be compromised: refused with form_password_compromised.
              The recipe signs in with an e-mail code instead; the session is pending with the
              reset-password task until user.updatePassword(...) sets a new password.""")
          .seed(s -> s.user(user("alan@example.com", "enigma-was-cracked")
              .passwordCompromised(true)))
          .answers((a, env) -> a.value(EMAIL, "alan@example.com")
              .seededPassword(PASSWORD, "enigma-was-cracked")
              .codeSentTo(SENT_CODE, "alan@example.com", env)
              .secret(NEW_PASSWORD, "a sound new password", "bombe-machine-1940-new"))
          .recipe(CompromisedPasswordSignIn.class, "signIn", CompromisedPasswordSignIn::signIn)
          .build(),
      Flow.named("manage-mfa-sms")
          .summary("add and verify a phone number, use it for MFA (backup codes shown), make it default, remove")
          .guide("guides/development/custom-flows/account-updates/manage-mfa#sms-verification-code")
          .details("""
              After the password sign-in: user.createPhoneNumber(number) (in withReverification),
              prepareVerification() sends a code, attemptVerification(code) verifies it (n: a new
              code); setReservedForSecondFactor(true) (in withReverification) turns MFA on and
              shows the backup codes; makeDefaultSecondFactor(); destroy().""")
          .seed(s -> s.trustedDevice().user(user("margaret@example.com", "apollo-guidance-1969")))
          .answers((a, env) -> a.value(IDENTIFIER, "margaret@example.com")
              .seededPassword(PASSWORD, "apollo-guidance-1969")
              .value(PHONE, "+14155552674")
              .codeSentTo(PHONE_CODE, "+14155552674", env))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .recipe(ManageSmsMfa.class, "manage", ManageSmsMfa::manage)
          .build(),
      Flow.named("manage-mfa-totp")
          .summary("add an authenticator app from a QR code in the terminal, verify (backup codes shown), remove")
          .guide("guides/development/custom-flows/account-updates/manage-mfa#authenticator-application-totp")
          .details("""
              After the password sign-in: user.createTOTP() (in withReverification) shows its URI as
              a QR code; user.verifyTOTP(code) with a code from the app turns MFA on and shows the
              backup codes (s: a new secret); user.disableTOTP() (in withReverification).""")
          .seed(s -> s.trustedDevice().user(user("radia@example.com", "spanning-tree-1985")))
          .answers((a, env) -> a.value(IDENTIFIER, "radia@example.com")
              .seededPassword(PASSWORD, "spanning-tree-1985")
              .code(APP_CODE, "the current code of the secret in the QR code", env.totpCodeOfScannedQrCode())
              .value(REMOVE_APP, "y"))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .recipe(ManageTotpMfa.class, "manage", ManageTotpMfa::manage)
          .build(),
      Flow.named("backup-codes")
          .summary("generate a new set of backup codes and show them")
          .guide("guides/development/custom-flows/account-updates/manage-mfa")
          .details("""
              After the MFA sign-in (by authenticator app): clerk.withReverification(
              user::createBackupCode, ...) replaces the backup codes; the sign-in is fresh, so no
              reverification is asked.""")
          .seed(s -> s.user(user("frances@example.com", "ptran-optimizer-1966")
              .totpSecret(TOTP_SECRET)))
          .answers((a, env) -> a.value(EMAIL, "frances@example.com")
              .seededPassword(PASSWORD, "ptran-optimizer-1966")
              .code(APP_CODE, "the current code of the seeded TOTP secret", env.totpCode(TOTP_SECRET)))
          .recipe(MfaSignIn.class, "signIn", MfaSignIn::signIn)
          .recipe(GenerateBackupCodes.class, "generate", GenerateBackupCodes::generate)
          .build(),
      Flow.named("account-emails")
          .summary("add an e-mail address, verify it by code, make it primary, remove the old one")
          .guide("guides/development/custom-flows/account-updates/add-email")
          .details("""
              After the password sign-in: user.createEmailAddress(address) (in withReverification)
              refuses a malformed address before sending and one another account has
              (form_identifier_exists, next to the field); prepareVerification() sends a code,
              attemptVerification(code) verifies it (n: a new code); user.update(UserUpdateParams
              .empty().withPrimaryEmailAddressId(id)) makes it primary and the old address's
              destroy() removes it (both in withReverification).""")
          .seed(s -> s.trustedDevice().user(user("grace@example.com", "cobol-compiler-1959"))
              .user(user("ada@example.com", "analytical-engine-1843")))
          .answers((a, env) -> a.value(IDENTIFIER, "grace@example.com")
              .seededPassword(PASSWORD, "cobol-compiler-1959")
              .value(NEW_EMAIL, "grace.hopper@example")
              .value(NEW_EMAIL, "ada@example.com")
              .value(NEW_EMAIL, "grace.hopper@example.com")
              .codeSentTo(PHONE_CODE, "grace.hopper@example.com", env))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .recipe(ManageEmailAddresses.class, "manage", ManageEmailAddresses::manage)
          .build(),
      Flow.named("account-profile")
          .summary("change the name and username (a refused one asked again), a preference, the profile image")
          .guide("reference/objects/user#update")
          .details("""
              After the password sign-in: user.update(...) with the first and last name; with the
              username (in withReverification; one too short is refused next to the field and asked
              again); withUnsafeMetadata(Map.of("theme", ...)) merges a preference into the unsafe
              metadata (PATCH /v1/me/metadata); user.setProfileImage(path) uploads a PNG.""")
          .seed(s -> s.trustedDevice().user(user("grace@example.com", "cobol-compiler-1959")))
          .answers((a, env) -> a.value(IDENTIFIER, "grace@example.com")
              .seededPassword(PASSWORD, "cobol-compiler-1959")
              .value(FIRST_NAME, "Grace")
              .value(LAST_NAME, "Hopper")
              .value(USERNAME, "gh")
              .value(USERNAME, "grace_hopper")
              .value(THEME, "dark")
              .value(IMAGE_FILE, Environment.pngFile()))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .recipe(UpdateProfile.class, "update", UpdateProfile::update)
          .build(),
      Flow.named("account-sessions")
          .summary("sign in on a second device, list the sessions with their activity, revoke it: it is signed out")
          .guide("reference/objects/user#get-sessions")
          .details("""
              After the password sign-in here, the same user signs in on a phone (a second client).
              user.activeSessions() lists both with their browser, device, address and last
              activity; the phone's ActiveSession.revoke() (in withReverification) ends it. The
              phone's next call is refused with 401 signed_out, and it shows no session any more.""")
          .seed(s -> s.trustedDevice().user(user("grace@example.com", "cobol-compiler-1959")))
          .answers((a, env) -> a.value(IDENTIFIER, "grace@example.com")
              .seededPassword(PASSWORD, "cobol-compiler-1959")
              .value(SIGN_OUT_DEVICE, "1"))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .then("the same person signs in on a phone",
              (clerk, prompt, env) -> env.signInOnAnotherDevice("grace@example.com", "cobol-compiler-1959", prompt))
          .recipe(ManageSessions.class, "manage", ManageSessions::manage)
          .then("the phone's next call", (clerk, prompt, env) -> env.showTheOtherDeviceIsSignedOut(prompt))
          .build(),
      Flow.named("session-tasks")
          .summary("an instance that requires MFA: a pending session's setup-mfa task, done with an authenticator app")
          .guide("guides/development/custom-flows/authentication/session-tasks")
          .details("""
              The instance requires MFA and the user has none: the password sign-in ends with a
              pending session whose current task is setup-mfa. Clerk's guide sends that task to the
              manage-MFA guide, so the TOTP recipe does it (answering no to removing the app
              again); then the session is active.""")
          .seed(s -> s.requireMfa().trustedDevice()
              .user(user("barbara.liskov@example.com", "substitution-principle-87")))
          .answers((a, env) -> a.value(IDENTIFIER, "barbara.liskov@example.com")
              .seededPassword(PASSWORD, "substitution-principle-87")
              .code(APP_CODE, "the current code of the secret in the QR code", env.totpCodeOfScannedQrCode())
              .value(REMOVE_APP, "n"))
          .recipe(PasswordSignIn.class, "signIn", PasswordSignIn::signIn)
          .recipe(ManageTotpMfa.class, "manage", ManageTotpMfa::manage)
          .build(),
      Flow.named("reverification")
          .summary("the same on a sign-in older than 10 minutes: reverification asks for a code first")
          .guide("guides/secure/reverification")
          .details("""
              After the MFA sign-in, the emulator's clock moves 15 minutes: createBackupCode() is
              refused with session_reverification_required, and clerk.withReverification verifies
              the session again (its handler asks for the authenticator app's code), then creates
              the codes.""")
          .seed(s -> s.user(user("shafi@example.com", "zero-knowledge-1985")
              .totpSecret(TOTP_SECRET)))
          .answers((a, env) -> a.value(EMAIL, "shafi@example.com")
              .seededPassword(PASSWORD, "zero-knowledge-1985")
              .code(APP_CODE, "the current code of the seeded TOTP secret (to sign in)", env.totpCode(TOTP_SECRET))
              .code(APP_CODE, "the same (to verify again)", env.totpCode(TOTP_SECRET)))
          .recipe(MfaSignIn.class, "signIn", MfaSignIn::signIn)
          .then("the emulator's clock moves 15 minutes on",
              (clerk, prompt, env) -> env.letTimePass(Duration.ofMinutes(15), prompt))
          .recipe(GenerateBackupCodes.class, "generate", GenerateBackupCodes::generate)
          .build(),
      Flow.named("sign-up-email-code")
          .summary("sign up with e-mail + password, verify the address by e-mail code; a taken address is refused")
          .guide(SIGN_UP_GUIDE)
          .details("""
              signUp.password(e-mail, password) creates the sign-up, verifications().sendEmailCode()
              sends the code, verifyEmailCode(code) completes it and finalize signs the new user in.
              The first address is already an account's: refused with form_identifier_exists next
              to the field, and the form is asked again. n sends a new code; s starts over.""")
          .seed(s -> s.user(user("grace@example.com", "cobol-compiler-1959")))
          .answers((a, env) -> a.value(EMAIL, "grace@example.com")
              .secret(PASSWORD, "the new user's password", "ada-lovelace-notes-1843")
              .value(EMAIL, "mary@example.com")
              .secret(PASSWORD, "the new user's password", "ada-lovelace-notes-1843")
              .codeSentTo(SENT_CODE, "mary@example.com", env))
          .recipe(SignUpWithEmailCode.class, "signUp", SignUpWithEmailCode::signUp)
          .build(),
      Flow.named("sign-up-phone")
          .summary("sign up with a phone number and an SMS code, no password")
          .guide("guides/development/custom-flows/authentication/email-sms-otp")
          .details("""
              On an instance whose users sign up with a phone number only: signUp.create(phone),
              verifications().sendPhoneCode(), verifyPhoneCode(code), finalize. The first number is
              not in E.164 form: refused with form_param_format_invalid next to the field. n sends a
              new code; s starts over.""")
          .seed(s -> s.attribute(UserAttribute.PHONE_NUMBER, AttributeSetting.REQUIRED)
              .attribute(UserAttribute.EMAIL_ADDRESS, AttributeSetting.OFF)
              .attribute(UserAttribute.PASSWORD, AttributeSetting.OFF))
          .answers((a, env) -> a.value(PHONE, "415 555 2675")
              .value(PHONE, "+14155552675")
              .codeSentTo(SMS_CODE, "+14155552675", env))
          .recipe(SignUpWithPhone.class, "signUp", SignUpWithPhone::signUp)
          .build(),
      Flow.named("sign-up-missing-fields")
          .summary("start with the e-mail only on an instance that requires more, then fill in what is missing")
          .guide(SIGN_UP_GUIDE)
          .details("""
              The instance requires a password of 12 characters or more, first and last name and
              consent to the terms. clerk.environment() says so up front; signUp.create(e-mail)
              answers missing_requirements with missingFields(), which one form asks for and
              update(...) sends. The first password is too short: refused before it is sent, by the
              loaded environment's rules. Then the e-mail code, as in sign-up-email-code.""")
          .seed(s -> s.attribute(UserAttribute.FIRST_NAME, AttributeSetting.REQUIRED)
              .attribute(UserAttribute.LAST_NAME, AttributeSetting.REQUIRED)
              .legalConsent().passwordMinLength(12))
          .answers((a, env) -> a.value(EMAIL, "evelyn@example.com")
              .secret(CHOOSE_PASSWORD, "a password shorter than 12 characters (refused)", "too-short")
              .value(FIRST_NAME, "Evelyn").value(LAST_NAME, "Boyd").value(TERMS, "y")
              .secret(CHOOSE_PASSWORD, "a sound password", "orbit-computations-1962")
              .value(FIRST_NAME, "Evelyn").value(LAST_NAME, "Boyd").value(TERMS, "y")
              .codeSentTo(SENT_CODE, "evelyn@example.com", env))
          .recipe(SignUpWithMissingFields.class, "signUp", SignUpWithMissingFields::signUp)
          .build(),
      Flow.named("oauth-google")
          .summary("Continue with Google: the system browser, back to a loopback redirect URL, signed in")
          .guide("guides/development/custom-flows/authentication/oauth-connections")
          .details("""
              BrowserSignIn listens on http://127.0.0.1:<port>/sso-callback (allowlisted on the
              instance), signIn.sso(oauth google) starts the sign-in, the browser opens the
              provider's page and comes back with rotating_token_nonce, and
              handleRedirectCallback reloads the sign-in: complete. Interactive against the
              emulator, your own browser opens its fake Google page; --auto plays the person with
              an HTTP client. A Google account that is new here would become a sign-up
              (transferToSignUp), a user with MFA would give the authenticator app's code.""")
          .seed(s -> s.loopbackRedirect().oauthProvider("google", ADA_AT_GOOGLE, NEWCOMER_AT_GOOGLE)
              .user(user("ada@example.com", "analytical-engine-1843")))
          .answers((a, env) -> a.value(AutoPrompt.BROWSER_CHOICE, "ada@example.com"))
          .recipe(OAuthSignIn.class, "signIn", (clerk, prompt, env) -> OAuthSignIn.signIn(clerk, prompt, env.loopbackPort()))
          .build(),
      Flow.named("enterprise-sso")
          .summary("enterprise SSO by the work address's domain; an employee's first sign-in becomes a sign-up")
          .guide("guides/development/custom-flows/authentication/enterprise-connections")
          .details("""
              signIn.sso(enterpriseSso(address)) through the same loopback receiver. The first
              address has no connection: enterprise_sso_sign_in_connection_missing, told and asked
              again. Bob's company signs him in, he has no account yet: the sign-in is
              transferable and transferToSignUp() completes his sign-up.""")
          .seed(s -> s.loopbackRedirect()
              .enterpriseConnection("Acme Corp", "acme.com", IdpAccount.of("bob@acme.com", "Bob", "Builder")))
          .answers((a, env) -> a.value(WORK_EMAIL, "bob@gmail.example")
              .value(WORK_EMAIL, "bob@acme.com")
              .value(AutoPrompt.BROWSER_CHOICE, "bob@acme.com"))
          .recipe(EnterpriseSsoSignIn.class, "signIn",
              (clerk, prompt, env) -> EnterpriseSsoSignIn.signIn(clerk, prompt, env.loopbackPort()))
          .build(),
      Flow.named("ticket")
          .summary("sign in with a sign-in token the backend minted (Backend API POST /v1/sign_in_tokens)")
          .guide("guides/development/custom-flows/authentication/embedded-email-links")
          .details("""
              signIn.ticket(token) with strategy=ticket: complete at once. Against the emulator its
              Java API mints the token, as a backend would with the Backend API; the first token
              given has expired (ticket_expired_code), told and asked again.""")
          .seed(s -> s.user(user("hopper@example.com", "first-compiler-1952")))
          .answers((a, env) -> a.secret(TICKET, "a sign-in token that expired (refused)",
                  env.expiredSignInTokenFor("hopper@example.com"))
              .secret(TICKET, "a sign-in token the emulator minted for hopper@example.com",
                  env.signInTokenFor("hopper@example.com")))
          .recipe(TicketSignIn.class, "signIn", TicketSignIn::signIn)
          .build(),
      Flow.named("email-link")
          .summary("sign in by a link sent by e-mail; the app waits, checking every second")
          .guide("guides/development/custom-flows/authentication/email-links")
          .details("""
              signIn.emailLink().sendLink(address, redirectUrl) e-mails the link;
              waitForVerification(10 minutes) checks the sign-in every second (cancellable) until
              the link is opened: complete. --auto opens the link from the emulator's outbox as
              soon as it is sent.""")
          .seed(s -> s.emailLinks().user(EmulatorUser.builder().email("lamarr@example.com")))
          .answers((a, env) -> a.value(EMAIL, "lamarr@example.com"))
          .then("the person opens the e-mail link as soon as it arrives",
              (clerk, prompt, env) -> env.openNextEmailLink("lamarr@example.com"))
          .recipe(EmailLinkSignIn.class, "signIn", EmailLinkSignIn::signIn)
          .build());



  private static EmulatorUser.Builder user(String email, String password) {
    return EmulatorUser.builder().email(email).password(password);
  }

  private static Map<String, Flow> byName(Flow... flows) {
    Map<String, Flow> byName = new LinkedHashMap<>();
    for (Flow f : flows) {
      if (byName.put(f.name(), f) != null) {
        throw new IllegalStateException("two flows named " + f.name());
      }
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** The path of a recipe's source file, from the repository's root. */
  static String sourceFile(Class<?> recipe) {
    return "samples/src/main/java/" + recipe.getName().replace('.', '/') + ".java";
  }

  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }
}
