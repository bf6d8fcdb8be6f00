package io.github.clerk4j;

import io.github.clerk4j.spi.Form;

/**
 * The body of {@link SignIn#attemptSecondFactor(AttemptSecondFactorParams)} ({@code attempt_second_factor}). {@code
 * toString()} never shows the code.
 */
public final class AttemptSecondFactorParams extends FormParams {

  private AttemptSecondFactorParams(Form form) {
    super(form);
  }

  /**
   * {@return the body {@code strategy=email_code}, {@code code}}
   *
   * @param code the code from the e-mail
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptSecondFactorParams emailCode(String code) {
    return of(Strategy.EMAIL_CODE, code);
  }

  /**
   * {@return the body {@code strategy=phone_code}, {@code code}}
   *
   * @param code the code from the SMS
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptSecondFactorParams phoneCode(String code) {
    return of(Strategy.PHONE_CODE, code);
  }

  /**
   * {@return the body {@code strategy=totp}, {@code code}}
   *
   * @param code the code the authenticator app shows now
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptSecondFactorParams totp(String code) {
    return of(Strategy.TOTP, code);
  }

  /**
   * {@return the body {@code strategy=backup_code}, {@code code}}
   *
   * @param code one of the user's backup codes; each works once
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptSecondFactorParams backupCode(String code) {
    return of(Strategy.BACKUP_CODE, code);
  }

  static AttemptSecondFactorParams of(Strategy strategy, String code) {
    return new AttemptSecondFactorParams(
        Form.empty().with("strategy", strategy.wireValue()).with("code", require(code, "code")));
  }
}
