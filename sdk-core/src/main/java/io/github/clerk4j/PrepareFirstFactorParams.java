package io.github.clerk4j;

import io.github.clerk4j.spi.Form;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@link SignIn#prepareFirstFactor(PrepareFirstFactorParams)} ({@code prepare_first_factor}): which code to send
 * where. The ids come from {@link SignIn#supportedFirstFactors()}.
 */
public final class PrepareFirstFactorParams extends FormParams {

  private PrepareFirstFactorParams(Form form) {
    super(form);
  }

  /**
   * {@return the body {@code strategy=email_code}, {@code email_address_id}}
   *
   * @param emailAddressId the e-mail address's id ({@code idn_...}), from {@link
   *     SignIn#supportedFirstFactors()}
   * @throws IllegalArgumentException the id is empty
   */
  public static PrepareFirstFactorParams emailCode(String emailAddressId) {
    return of(Strategy.EMAIL_CODE, emailAddressId);
  }

  /**
   * {@return the body {@code strategy=phone_code}, {@code phone_number_id}, {@code channel=sms} (as
   * clerk-js)}
   *
   * @param phoneNumberId the phone number's id ({@code idn_...}), from {@link
   *     SignIn#supportedFirstFactors()}
   * @throws IllegalArgumentException the id is empty
   */
  public static PrepareFirstFactorParams phoneCode(String phoneNumberId) {
    return of(Strategy.PHONE_CODE, phoneNumberId);
  }

  /**
   * {@return the body {@code strategy=reset_password_email_code}, {@code email_address_id}}
   *
   * @param emailAddressId the e-mail address's id ({@code idn_...}), from {@link
   *     SignIn#supportedFirstFactors()}
   * @throws IllegalArgumentException the id is empty
   */
  public static PrepareFirstFactorParams resetPasswordEmailCode(String emailAddressId) {
    return of(Strategy.RESET_PASSWORD_EMAIL_CODE, emailAddressId);
  }

  /**
   * {@return the body {@code strategy=reset_password_phone_code}, {@code phone_number_id}}
   *
   * @param phoneNumberId the phone number's id ({@code idn_...}), from {@link
   *     SignIn#supportedFirstFactors()}
   * @throws IllegalArgumentException the id is empty
   */
  public static PrepareFirstFactorParams resetPasswordPhoneCode(String phoneNumberId) {
    return of(Strategy.RESET_PASSWORD_PHONE_CODE, phoneNumberId);
  }

  /**
   * {@return the body {@code strategy=email_link}, {@code email_address_id}, {@code
   * redirect_url}: e-mails a link that verifies the sign-in when opened ({@link
   * SignIn#emailLink()})} The browser that opens it is sent to {@code redirectUrl} with {@code
   * __clerk_status}.
   *
   * @param emailAddressId the e-mail address's id ({@code idn_...}), from {@link
   *     SignIn#supportedFirstFactors()}
   * @param redirectUrl where the browser that opens the link goes; absolute
   * @throws IllegalArgumentException the id is empty or the URL is not absolute
   */
  public static PrepareFirstFactorParams emailLink(String emailAddressId, java.net.URI redirectUrl) {
    return new PrepareFirstFactorParams(emailLinkForm(emailAddressId, redirectUrl));
  }

  /** The form of an e-mail link send, first factor or second. */
  static Form emailLinkForm(@Nullable String emailAddressId, java.net.URI redirectUrl) {
    java.util.Objects.requireNonNull(redirectUrl, "redirectUrl");
    if (!redirectUrl.isAbsolute()) {
      throw new IllegalArgumentException("the e-mail link's redirect URL must be absolute, such as"
          + " https://example.com/verified; got " + redirectUrl);
    }
    return Form.empty().with("strategy", Strategy.EMAIL_LINK.wireValue())
        .with("email_address_id", require(emailAddressId, "emailAddressId"))
        .with("redirect_url", redirectUrl.toString());
  }

  /**
   * Enterprise SSO's provider page ({@link SignIn#sso(SsoParams)}, after the sign-in was created
   * with the e-mail address): {@code strategy=enterprise_sso} and the redirect URL, as clerk-js
   * {@code SignInFuture.sso} prepares it.
   */
  static PrepareFirstFactorParams sso(SsoParams params) {
    String redirect = params.requireRedirectUrl("sso(...)");
    return new PrepareFirstFactorParams(Form.empty()
        .with("strategy", params.strategy())
        .with("redirect_url", redirect)
        .with("action_complete_redirect_url", redirect)
        .with("oidc_prompt", params.oidcPromptValue()));
  }

  /** The params of a code strategy; the id is an e-mail address id or a phone number id. */
  static PrepareFirstFactorParams of(Strategy strategy, @Nullable String identificationId) {
    Form form = Form.empty().with("strategy", strategy.wireValue());
    return new PrepareFirstFactorParams(switch (strategy) {
      case EMAIL_CODE, RESET_PASSWORD_EMAIL_CODE ->
          form.with("email_address_id", require(identificationId, "emailAddressId"));
      case PHONE_CODE -> form.with("phone_number_id", require(identificationId, "phoneNumberId")).with("channel", "sms");
      case RESET_PASSWORD_PHONE_CODE -> form.with("phone_number_id", require(identificationId, "phoneNumberId"));
      default -> throw new IllegalArgumentException("not a first-factor code strategy: " + strategy);
    });
  }
}
