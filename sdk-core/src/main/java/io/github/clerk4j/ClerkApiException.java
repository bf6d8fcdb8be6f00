package io.github.clerk4j;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Frontend API answered with errors. Branch on the codes (the predicates below, or {@link
 * #hasCode(String)}), never on message text. {@link #fieldErrors()} maps form fields ({@code
 * identifier}, {@code password}, {@code code}, ...) to their error, for showing next to the field.
 */
public class ClerkApiException extends ClerkException {

  private static final long serialVersionUID = 1L;

  /** The answer's HTTP status; 0 for an error of a redirect callback. */
  private final int httpStatus;
  /** The errors of the answer, in order (unmodifiable). */
  private final List<ClerkError> errors;
  /** {@code clerk_trace_id}, or null. */
  private final @Nullable String traceId;
  /** The answer's {@code Retry-After}, or null. */
  private final @Nullable Duration retryAfter;
  /** The hint the message ends with, or null for the default hint of the first error's code. */
  private final @Nullable String hint;

  /**
   * The server's refusal, with the default hint of its first error's code.
   *
   * @param httpStatus the answer's HTTP status
   * @param errors the errors of the answer, in order; {@code null} or empty when it listed none
   * @param traceId the answer's {@code clerk_trace_id}, or {@code null}
   */
  public ClerkApiException(int httpStatus, @Nullable List<ClerkError> errors, @Nullable String traceId) {
    this(httpStatus, errors, traceId, null, null);
  }

  /**
   * The server's refusal.
   *
   * @param httpStatus the answer's HTTP status
   * @param errors the errors of the answer, in order; {@code null} or empty when it listed none
   * @param traceId the answer's {@code clerk_trace_id}, or {@code null}
   * @param retryAfter the answer's {@code Retry-After}, or {@code null}
   * @param hint what the caller should do, appended to the message (for example "call
   *     mfa().sendEmailCode() again"); {@code null} for the default hint of the first error's code
   */
  public ClerkApiException(
      int httpStatus, @Nullable List<ClerkError> errors, @Nullable String traceId,
      @Nullable Duration retryAfter, @Nullable String hint) {
    super(message(httpStatus, errors, traceId, retryAfter, hint));
    this.httpStatus = httpStatus;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.traceId = traceId;
    this.retryAfter = retryAfter;
    this.hint = hint;
  }

  /**
   * {@return the exception for an error response: a {@link ClerkRateLimitException} for HTTP 429}
   *
   * @param httpStatus the answer's HTTP status
   * @param errors the errors of the answer, in order
   * @param traceId the answer's {@code clerk_trace_id}, or {@code null}
   * @param retryAfter the answer's {@code Retry-After}, or {@code null}
   */
  public static ClerkApiException of(
      int httpStatus, List<ClerkError> errors, @Nullable String traceId, @Nullable Duration retryAfter) {
    if (httpStatus == 429) {
      return new ClerkRateLimitException(errors, traceId, retryAfter, null);
    }
    return new ClerkApiException(httpStatus, errors, traceId, retryAfter, null);
  }

  /**
   * An error that came back in the query of a redirect callback ({@code __clerk_error_code}, or
   * the provider's {@code error} and {@code error_description}) rather than in an HTTP answer:
   * {@link #httpStatus()} is 0.
   */
  static ClerkApiException fromRedirectCallback(ClerkError error, @Nullable String hint) {
    return new ClerkApiException(0, List.of(error), null, null, hint);
  }

  /**
   * {@return a copy whose message ends with {@code hint} instead of the default hint} It has the
   * same stack trace.
   *
   * @param hint what the caller should do next, in this SDK's terms
   */
  public ClerkApiException withHint(String hint) {
    ClerkApiException copy = new ClerkApiException(httpStatus, errors, traceId, retryAfter, hint);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * {@return how long the server asked to wait before trying again ({@code Retry-After}, sent with
   * HTTP 429 and sometimes 503), when it said}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * {@return the HTTP status of the answer; 0 for an error that came in a browser's redirect
   * callback (OAuth, enterprise SSO) rather than in an answer}
   */
  public int httpStatus() {
    return httpStatus;
  }

  /** {@return every error of the response, in order} */
  public List<ClerkError> errors() {
    return errors;
  }

  /** {@return the first error, or {@code null} if the body listed none} */
  public @Nullable ClerkError firstError() {
    return errors.isEmpty() ? null : errors.get(0);
  }

  /**
   * {@return the answer's {@code clerk_trace_id}, or {@code null} when it had none} Quote it when
   * asking Clerk's support about a request.
   */
  public @Nullable String traceId() {
    return traceId;
  }

  /**
   * {@return the errors that name a form field ({@code meta.param_name}), by field; the first error
   * of each field wins}
   */
  public Map<String, ClerkError> fieldErrors() {
    Map<String, ClerkError> byField = new LinkedHashMap<>();
    for (ClerkError e : errors) {
      if (e.paramName() != null) {
        byField.putIfAbsent(e.paramName(), e);
      }
    }
    return Collections.unmodifiableMap(byField);
  }

  /**
   * {@return whether any error has this code}
   *
   * @param code an error code, such as {@code form_password_incorrect}
   */
  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> code.equals(e.code()));
  }

  /** {@return whether an error is {@code form_password_incorrect}: wrong password} */
  public boolean isPasswordIncorrect() {
    return hasCode("form_password_incorrect");
  }

  /**
   * {@return whether an error is {@code form_password_compromised}: the password may be
   * compromised; sign in another way (for example an e-mail code), then set a new password for the
   * session's {@code reset-password} task}
   */
  public boolean isPasswordCompromised() {
    return hasCode("form_password_compromised");
  }

  /**
   * {@return whether an error is {@code form_password_pwned}: the password appears in a data
   * breach; choose another}
   */
  public boolean isPasswordPwned() {
    return hasCode("form_password_pwned");
  }

  /**
   * {@return whether an error is {@code form_identifier_not_found}: no account for that identifier}
   */
  public boolean isIdentifierNotFound() {
    return hasCode("form_identifier_not_found");
  }

  /**
   * {@return whether an error is {@code form_identifier_exists}: a sign-up gave an e-mail address,
   * phone number or username another account has ({@link ClerkError#paramName()} says which): sign
   * in instead, or use another one}
   */
  public boolean isIdentifierExists() {
    return hasCode("form_identifier_exists");
  }

  /**
   * {@return whether an error is {@code form_password_length_too_short}: shorter than the
   * instance's minimum}
   */
  public boolean isPasswordTooShort() {
    return hasCode("form_password_length_too_short");
  }

  /**
   * {@return whether an error is {@code form_password_not_strong_enough}: too easy to guess for the
   * instance's strength rule; the error's {@code meta.zxcvbn} may hold suggestions}
   */
  public boolean isPasswordNotStrongEnough() {
    return hasCode("form_password_not_strong_enough");
  }

  /**
   * {@return whether an error is {@code form_username_invalid_length}: outside the instance's
   * username lengths}
   */
  public boolean isUsernameInvalidLength() {
    return hasCode("form_username_invalid_length");
  }

  /**
   * {@return whether an error is {@code form_username_invalid_character}: a character usernames may
   * not have}
   */
  public boolean isUsernameInvalidCharacter() {
    return hasCode("form_username_invalid_character");
  }

  /**
   * {@return whether an error is {@code form_param_format_invalid} on this form field} For
   * example an e-mail address that is not one, or a phone number not in E.164 form ({@code
   * +15555550100}).
   *
   * @param param the form field, by Clerk's name ({@code email_address}, {@code phone_number}, ...)
   */
  public boolean isFormatInvalid(String param) {
    return errors.stream().anyMatch(e -> "form_param_format_invalid".equals(e.code()) && param.equals(e.paramName()));
  }

  /**
   * {@return whether an error is {@code sign_up_mode_restricted} or {@code
   * sign_up_restricted_waitlist}: the instance takes new users by invitation or from its waitlist
   * only}
   */
  public boolean isSignUpRestricted() {
    return hasCode("sign_up_mode_restricted") || hasCode("sign_up_restricted_waitlist");
  }

  /**
   * {@return whether an error is {@code account_transfer_invalid}: a transfer between sign-in and
   * sign-up found nothing to transfer (the other side was not transferable)}
   */
  public boolean isAccountTransferInvalid() {
    return hasCode("account_transfer_invalid");
  }

  /**
   * {@return whether an error is {@code oauth_access_denied} (Clerk's code) or {@code
   * access_denied} (the provider's own OAuth error, when it comes through): the user declined on
   * the provider's page}
   */
  public boolean isOAuthAccessDenied() {
    return hasCode("oauth_access_denied") || hasCode("access_denied");
  }

  /**
   * {@return whether an error is {@code external_account_not_found}: the provider's account belongs
   * to no user} After a browser sign-in clerk4j returns a {@link SignIn#isTransferable()
   * transferable} sign-in instead; {@code google_one_tap} sign-ins report it so: sign up with the
   * same token.
   */
  public boolean isExternalAccountNotFound() {
    return hasCode("external_account_not_found");
  }

  /**
   * {@return whether an error is {@code invalid_redirect_url}, {@code prohibited_redirect_url} or
   * {@code redirect_url_domain_mismatch}: the instance does not accept the redirect URL (not a URL,
   * a refused scheme, or not on its allowlist of redirect URLs)}
   */
  public boolean isRedirectUrlInvalid() {
    return hasCode("invalid_redirect_url") || hasCode("prohibited_redirect_url")
        || hasCode("redirect_url_domain_mismatch");
  }

  /**
   * {@return whether an error is {@code oauth_provider_not_enabled}: the instance does not enable
   * this OAuth provider}
   */
  public boolean isOAuthProviderNotEnabled() {
    return hasCode("oauth_provider_not_enabled");
  }

  /**
   * {@return whether an error is {@code enterprise_sso_sign_in_connection_missing} or {@code
   * enterprise_sso_sign_up_connection_missing}: no enterprise connection for the e-mail
   * address's domain}
   */
  public boolean isEnterpriseConnectionMissing() {
    return hasCode("enterprise_sso_sign_in_connection_missing") || hasCode("enterprise_sso_sign_up_connection_missing");
  }

  /**
   * {@return whether an error is {@code ticket_expired_code}: the ticket (sign-in token,
   * invitation) expired; ask for a new one}
   */
  public boolean isTicketExpired() {
    return hasCode("ticket_expired_code");
  }

  /**
   * {@return whether an error is {@code sign_in_token_already_used_code} or {@code
   * invitation_already_accepted}: the ticket was used already; each works once}
   */
  public boolean isTicketAlreadyUsed() {
    return hasCode("sign_in_token_already_used_code") || hasCode("invitation_already_accepted");
  }

  /**
   * {@return whether an error is {@code ticket_invalid_code}, {@code sign_in_token_revoked_code},
   * {@code sign_in_token_cannot_be_used_code} or {@code revoked_invitation}: not a ticket of this
   * instance, or one that was revoked}
   */
  public boolean isTicketInvalid() {
    return hasCode("ticket_invalid_code") || hasCode("sign_in_token_revoked_code")
        || hasCode("sign_in_token_cannot_be_used_code") || hasCode("revoked_invitation");
  }

  /**
   * {@return whether an error is {@code form_code_incorrect}: wrong code; the user may try again}
   */
  public boolean isCodeIncorrect() {
    return hasCode("form_code_incorrect");
  }

  /**
   * {@return whether an error is {@code verification_expired}: the code expired; send a new one}
   */
  public boolean isVerificationExpired() {
    return hasCode("verification_expired");
  }

  /**
   * {@return whether an error is {@code verification_failed}: too many wrong attempts; send a new
   * code}
   */
  public boolean isVerificationFailed() {
    return hasCode("verification_failed");
  }

  /**
   * {@return whether an error is {@code user_locked}: too many failed attempts locked the account;
   * see {@link #lockoutExpiresIn()}}
   */
  public boolean isUserLocked() {
    return hasCode("user_locked");
  }

  /**
   * {@return whether an error is {@code session_exists}: the instance allows one session and this
   * client has one}
   */
  public boolean isSessionExists() {
    return hasCode("session_exists");
  }

  /** {@return whether an error is {@code too_many_requests}, or the answer is any HTTP 429} */
  public boolean isTooManyRequests() {
    return httpStatus == 429 || hasCode("too_many_requests");
  }

  /**
   * {@return whether an error is {@code session_reverification_required}: the action needs a fresh
   * verification of the user; see {@code Session.startVerification}}
   */
  public boolean isReverificationRequired() {
    return hasCode("session_reverification_required");
  }

  /**
   * {@return whether the answer is HTTP 401 for any reason but {@code requires_captcha} ({@code
   * authentication_invalid}, {@code signed_out}, ...): the server no longer accepts this client}
   * Resetting on that condition as clerk-js does, clerk4j has cleared the client token and the
   * local client state (listeners were told the session is gone) before throwing, unless the token
   * had already been replaced while the request was on its way (then the 401 was about the old
   * one). Sign in again.
   */
  public boolean isUnauthenticated() {
    return httpStatus == 401 && !hasCode("requires_captcha");
  }

  /** {@return how long the lock of {@link #isUserLocked()} lasts, if it is not indefinite} */
  public Optional<Duration> lockoutExpiresIn() {
    for (ClerkError e : errors) {
      Object v = e.meta().get("lockout_expires_in_seconds");
      if (v instanceof Number n) {
        return Optional.of(Duration.ofSeconds(n.longValue()));
      }
      if (v != null) {
        try {
          return Optional.of(Duration.ofSeconds(Long.parseLong(v.toString())));
        } catch (NumberFormatException ignored) {
          // a non-numeric value means no known expiry
        }
      }
    }
    return Optional.empty();
  }

  private static String message(
      int status, @Nullable List<ClerkError> errors, @Nullable String traceId,
      @Nullable Duration retryAfter, @Nullable String hint) {
    StringBuilder sb = new StringBuilder();
    List<ClerkError> all = errors == null ? List.of() : errors;
    ClerkError first = all.isEmpty() ? null : all.get(0);
    if (first == null) {
      sb.append("HTTP ").append(status).append(" without error details");
    } else {
      sb.append(first.code()).append(": ");
      sb.append(first.longMessage() != null ? first.longMessage() : first.message());
      if (first.paramName() != null) {
        sb.append(" [field ").append(first.paramName()).append(']');
      }
      if (all.size() > 1) {
        sb.append(" (+").append(all.size() - 1).append(" more)");
      }
    }
    String advice = hint != null ? hint : defaultHint(status, first, retryAfter);
    if (advice != null) {
      sb.append(" — ").append(advice);
    }
    sb.append(status == 0 ? " (in the redirect callback" : " (HTTP " + status);
    if (traceId != null) {
      sb.append(", trace ").append(traceId);
    }
    return sb.append(')').toString();
  }

  private static @Nullable String defaultHint(
      int status, @Nullable ClerkError first, @Nullable Duration retryAfter) {
    String code = first == null ? "" : String.valueOf(first.code());
    return switch (code) {
      case "verification_expired" -> "the code expired: send a new code and try again";
      case "verification_failed" -> "too many wrong attempts: send a new code";
      case "form_code_incorrect" -> "check the code and try again";
      case "form_password_incorrect" -> "check the password, or sign in with a code";
      case "form_password_compromised" -> "sign in with another method (e.g. an e-mail code), then set a new password";
      case "form_password_pwned" -> "choose a password that has not appeared in a data breach";
      case "form_identifier_not_found" -> "check the identifier or sign up first";
      case "form_identifier_exists" -> "an account already has it: sign in instead, or use another one";
      case "form_password_length_too_short", "form_password_length_too_long", "form_password_not_strong_enough",
          "form_password_size_in_bytes_exceeded" -> "the password does not meet the instance's rules: choose another";
      case "form_username_invalid_length", "form_username_invalid_character",
          "form_username_needs_non_number_char" -> "the username does not meet the instance's rules: choose another";
      case "sign_up_mode_restricted", "sign_up_restricted_waitlist" -> "this instance does not take new users freely";
      case "account_transfer_invalid" -> "there is nothing to transfer";
      case "oauth_access_denied", "access_denied" -> "the user declined on the provider's page: offer to try again";
      case "invalid_redirect_url", "prohibited_redirect_url", "redirect_url_domain_mismatch" ->
          "allowlist the exact redirect URL on the instance (Dashboard, Native applications) or use one that is";
      case "oauth_provider_not_enabled" -> "enable the provider in the instance's settings, or offer another";
      case "ticket_expired_code" -> "the ticket expired: ask the backend for a new one";
      case "ticket_invalid_code", "sign_in_token_revoked_code", "sign_in_token_cannot_be_used_code" ->
          "the ticket is not usable: ask the backend for a new one";
      case "sign_in_token_already_used_code" -> "each sign-in token works once: ask the backend for a new one";
      case "session_reverification_required" -> "verify the user again (Session.startVerification) and retry";
      case "user_locked" -> "the account is locked: wait before trying again";
      case "authentication_invalid", "signed_out" -> "the client token is missing or invalid: sign in again";
      case "requires_captcha" -> null;
      default -> {
        if (status == 401) {
          yield "the client is no longer signed in: sign in again";
        }
        if (status == 429) {
          yield "rate limited: " + waitAdvice(retryAfter);
        }
        yield status == 503 && retryAfter != null ? "the service is unavailable: " + waitAdvice(retryAfter) : null;
      }
    };
  }

  /** "try again in 10 s", or "wait and try again" when the server did not say how long. */
  static String waitAdvice(@Nullable Duration retryAfter) {
    if (retryAfter == null) {
      return "wait and try again";
    }
    long s = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return "try again in " + s + " s";
  }
}
