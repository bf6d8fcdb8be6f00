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

  /** {@code strategy=email_code}, {@code code}. */
  public static AttemptSecondFactorParams emailCode(String code) {
    return of(Strategy.EMAIL_CODE, code);
  }

  /** {@code strategy=phone_code}, {@code code}. */
  public static AttemptSecondFactorParams phoneCode(String code) {
    return of(Strategy.PHONE_CODE, code);
  }

  /** {@code strategy=totp}, {@code code} from the authenticator app. */
  public static AttemptSecondFactorParams totp(String code) {
    return of(Strategy.TOTP, code);
  }

  /** {@code strategy=backup_code}, {@code code}: each backup code works once. */
  public static AttemptSecondFactorParams backupCode(String code) {
    return of(Strategy.BACKUP_CODE, code);
  }

  static AttemptSecondFactorParams of(Strategy strategy, String code) {
    return new AttemptSecondFactorParams(
        Form.empty().with("strategy", strategy.wireValue()).with("code", require(code, "code")));
  }
}
