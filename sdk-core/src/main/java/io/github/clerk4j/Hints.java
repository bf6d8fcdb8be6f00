package io.github.clerk4j;

import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The hints appended to {@link ClerkApiException} messages: they name the call to make next, in
 * this SDK's terms, which the server's English message cannot.
 */
final class Hints {

  private Hints() {}

  /** Runs {@code action}; an API error is rethrown with the hint that names the call to make next. */
  static <T> T withHints(Supplier<T> action, Function<ClerkApiException, @Nullable String> hints) {
    try {
      return action.get();
    } catch (ClerkApiException e) {
      String hint = hints.apply(e);
      throw hint == null ? e : e.withHint(hint);
    }
  }

  /** After a password sign-in (or creating a sign-in from an identifier). */
  static @Nullable String password(ClerkApiException e) {
    if (e.isPasswordCompromised()) {
      return "sign in with emailCode().sendCode(identifier) instead; the session will then ask for a new password";
    }
    if (e.isPasswordPwned()) {
      return "sign in with emailCode() or reset the password with resetPasswordEmailCode()";
    }
    if (e.isPasswordIncorrect()) {
      return "check the password, or use emailCode() / resetPasswordEmailCode()";
    }
    if (e.isSessionExists() || e.hasCode("identifier_already_signed_in")) {
      return "this client already has a signed-in session: use Clerk.session(), or Clerk.signOut() first";
    }
    if (e.isUserLocked()) {
      return e.lockoutExpiresIn().map(d -> "the account is locked for " + d.toSeconds() + " s")
          .orElse("the account is locked");
    }
    return null;
  }

  /** After a code send. */
  static @Nullable String send(ClerkApiException e) {
    return e.hasCode("verification_code_too_many_requests") || e.isTooManyRequests()
        ? "codes were sent too often: wait" + forHowLong(e) + " before asking for a new code"
        : null;
  }

  /** " 10 s" after the server's {@code Retry-After}, or "" when it did not say. */
  private static String forHowLong(ClerkApiException e) {
    return e.retryAfter().map(d -> " " + Math.max(1, d.toSeconds()) + " s").orElse("");
  }

  /** After {@code submitPassword}. */
  static @Nullable String newPassword(ClerkApiException e) {
    if (e.isPasswordPwned()) {
      return "this password appeared in a data breach: call submitPassword() with another one";
    }
    if (e.errors().stream().anyMatch(x -> x.code() != null && x.code().startsWith("form_password"))
        || e.hasCode("form_new_password_matches_current")) {
      return "the password does not meet the policy (see fieldErrors().get(\"password\")): call submitPassword() with another one";
    }
    return null;
  }

  /** After creating or updating a sign-up: {@code password(...)}, {@code create(...)}, {@code update(...)}. */
  static @Nullable String signUp(ClerkApiException e) {
    ClerkError first = e.firstError();
    String field = first == null || first.paramName() == null ? "it" : first.paramName();
    if (e.isIdentifierExists()) {
      return "an account with this " + field + " exists: sign in with clerk.signIn() instead"
          + " (for example signIn().password(identifier, password)), or sign up with another " + field;
    }
    if (e.isPasswordPwned()) {
      return "this password appeared in a data breach: send another one";
    }
    if (e.errors().stream().anyMatch(x -> x.code() != null && x.code().startsWith("form_password"))) {
      return "the password does not meet the instance's rules (fieldErrors().get(\"password\"),"
          + " clerk.environment().passwordSettings()): send another one";
    }
    if (e.errors().stream().anyMatch(x -> x.code() != null && x.code().startsWith("form_username"))) {
      return "the username does not meet the instance's rules (clerk.environment().usernameSettings()):"
          + " send another one";
    }
    if (e.isFormatInvalid("phone_number")) {
      return "phone numbers must be in E.164 form, such as +15555550100";
    }
    if (e.isFormatInvalid("email_address")) {
      return "that is not an e-mail address: correct it and send it again";
    }
    if (e.hasCode("form_param_unknown")) {
      return "the instance does not enable " + field + " (clerk.environment().isEnabled(\"" + field
          + "\") is false): leave it out";
    }
    if (e.hasCode("sign_up_mode_restricted")) {
      return "this instance takes new users by invitation only";
    }
    if (e.hasCode("sign_up_restricted_waitlist")) {
      return "this instance takes new users from its waitlist only";
    }
    if (e.hasCode("client_state_invalid")) {
      return "this sign-up can no longer change (it is complete or abandoned): start over with reset()";
    }
    return e.isTooManyRequests() ? "too many sign-up attempts from here: wait" + forHowLong(e) + " and send it again"
        : null;
  }

  /** After {@code transferToSignUp()} or {@code transferToSignIn()}. */
  static @Nullable String transfer(ClerkApiException e) {
    return e.isAccountTransferInvalid()
        ? "there is nothing to transfer: transfer only when isTransferable() is true"
        : null;
  }

  /** After starting a browser sign-in or sign-up ({@code sso(...)}). */
  static @Nullable String sso(ClerkApiException e) {
    if (e.isRedirectUrlInvalid()) {
      return "the instance refuses this redirect URL: allowlist the exact URL (scheme, host, port and path) under"
          + " Native applications in the Dashboard, or with the Backend API's POST /v1/redirect_urls";
    }
    if (e.isOAuthProviderNotEnabled()) {
      return "enable the provider under SSO connections in the Dashboard, or offer another one";
    }
    if (e.isEnterpriseConnectionMissing()) {
      return "no enterprise connection serves this e-mail address's domain: sign in another way";
    }
    return null;
  }

  /** After {@code ticket(...)}. */
  static @Nullable String ticket(ClerkApiException e) {
    if (e.isTicketExpired()) {
      return "the ticket expired: have the backend mint a new one (POST /v1/sign_in_tokens, or a new invitation)";
    }
    if (e.isTicketAlreadyUsed()) {
      return "the ticket was used already (each works once): have the backend mint a new one";
    }
    if (e.isTicketInvalid()) {
      return "the ticket is not one of this instance's, or it was revoked: have the backend mint a new one";
    }
    return null;
  }

  /** After {@code idToken(...)} on a sign-in. */
  static @Nullable String idToken(ClerkApiException e) {
    return e.isExternalAccountNotFound()
        ? "no user has this account yet: sign up with clerk.signUp().idToken(provider, token)"
        : password(e);
  }

  /** After a code or TOTP/backup-code attempt; {@code resendCall} is null where no code is sent. */
  static @Nullable String verify(ClerkApiException e, Strategy strategy, @Nullable String resendCall) {
    if (e.isVerificationExpired()) {
      return resendCall == null ? "the verification expired: start the sign-in again"
          : "code expired: call " + resendCall + " again";
    }
    if (e.isVerificationFailed()) {
      return resendCall == null ? "too many wrong attempts: start the sign-in again"
          : "too many wrong attempts: call " + resendCall + " for a new code";
    }
    if (e.isCodeIncorrect()) {
      return switch (strategy) {
        case TOTP -> "wrong code: enter the current code of the authenticator app";
        case BACKUP_CODE -> "wrong or already used backup code: each works once";
        default -> "wrong code: check it and try again";
      };
    }
    if (e.hasCode("verification_missing") || e.hasCode("verification_not_sent")) {
      return resendCall == null ? null : "no code was sent yet: call " + resendCall + " first";
    }
    return null;
  }

  /** The accessor of a first-factor code flow, for messages. */
  static String flowName(Strategy strategy) {
    return switch (strategy) {
      case EMAIL_CODE -> "emailCode()";
      case PHONE_CODE -> "phoneCode()";
      case RESET_PASSWORD_EMAIL_CODE -> "resetPasswordEmailCode()";
      case RESET_PASSWORD_PHONE_CODE -> "resetPasswordPhoneCode()";
      default -> strategy.name();
    };
  }
}
