package io.github.clerk4j;

import io.github.clerk4j.spi.Form;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@link SignIn#prepareSecondFactor(PrepareSecondFactorParams)} ({@code prepare_second_factor}): send an MFA or
 * Client Trust code. TOTP and backup codes need no prepare.
 */
public final class PrepareSecondFactorParams extends FormParams {

  private PrepareSecondFactorParams(Form form) {
    super(form);
  }

  /**
   * {@return the body {@code strategy=email_code}, {@code email_address_id}}
   *
   * @param emailAddressId the e-mail address's id ({@code idn_...}), from {@link
   *     SignIn#supportedSecondFactors()}
   * @throws IllegalArgumentException the id is empty
   */
  public static PrepareSecondFactorParams emailCode(String emailAddressId) {
    return of(Strategy.EMAIL_CODE, emailAddressId);
  }

  /**
   * {@return the body {@code strategy=phone_code}, {@code phone_number_id}}
   *
   * @param phoneNumberId the phone number's id ({@code idn_...}), from {@link
   *     SignIn#supportedSecondFactors()}
   * @throws IllegalArgumentException the id is empty
   */
  public static PrepareSecondFactorParams phoneCode(String phoneNumberId) {
    return of(Strategy.PHONE_CODE, phoneNumberId);
  }

  /**
   * {@return the body {@code strategy=email_link}, {@code email_address_id}, {@code
   * redirect_url}: the Client Trust step by e-mail link, when {@code email_link} is the offered
   * second factor (wire spec §16.2)}
   *
   * @param emailAddressId the e-mail address's id ({@code idn_...}), from {@link
   *     SignIn#supportedSecondFactors()}
   * @param redirectUrl where the browser that opens the link goes; absolute
   * @throws IllegalArgumentException the id is empty or the URL is not absolute
   */
  public static PrepareSecondFactorParams emailLink(String emailAddressId, java.net.URI redirectUrl) {
    return new PrepareSecondFactorParams(PrepareFirstFactorParams.emailLinkForm(emailAddressId, redirectUrl));
  }

  static PrepareSecondFactorParams of(Strategy strategy, @Nullable String identificationId) {
    return new PrepareSecondFactorParams(switch (strategy) {
      case EMAIL_CODE -> Form.empty().with("strategy", "email_code")
          .with("email_address_id", require(identificationId, "emailAddressId"));
      case PHONE_CODE -> Form.empty().with("strategy", "phone_code")
          .with("phone_number_id", require(identificationId, "phoneNumberId"));
      default -> throw new IllegalArgumentException("not a second-factor strategy that sends a code: " + strategy);
    });
  }
}
