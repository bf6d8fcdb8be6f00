package io.github.clerk4j;

import io.github.clerk4j.spi.Form;

/**
 * The body of {@link SignIn#attemptFirstFactor(AttemptFirstFactorParams)} ({@code attempt_first_factor}). {@code toString()}
 * never shows the password or code.
 */
public final class AttemptFirstFactorParams extends FormParams {

  private AttemptFirstFactorParams(Form form) {
    super(form);
  }

  /**
   * {@return the body {@code strategy=password}, {@code password}} No prepare is needed.
   *
   * @param password the password the user typed
   * @throws IllegalArgumentException the password is empty
   */
  public static AttemptFirstFactorParams password(String password) {
    return new AttemptFirstFactorParams(
        Form.empty().with("strategy", "password").with("password", require(password, "password")));
  }

  /**
   * {@return the body {@code strategy=email_code}, {@code code}}
   *
   * @param code the code from the e-mail
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptFirstFactorParams emailCode(String code) {
    return code(Strategy.EMAIL_CODE, code);
  }

  /**
   * {@return the body {@code strategy=phone_code}, {@code code}}
   *
   * @param code the code from the SMS
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptFirstFactorParams phoneCode(String code) {
    return code(Strategy.PHONE_CODE, code);
  }

  /**
   * {@return the body {@code strategy=reset_password_email_code}, {@code code}} On success the
   * sign-in is {@code NEEDS_NEW_PASSWORD}.
   *
   * @param code the code from the e-mail
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptFirstFactorParams resetPasswordEmailCode(String code) {
    return code(Strategy.RESET_PASSWORD_EMAIL_CODE, code);
  }

  /**
   * {@return the body {@code strategy=reset_password_phone_code}, {@code code}} On success the
   * sign-in is {@code NEEDS_NEW_PASSWORD}.
   *
   * @param code the code from the SMS
   * @throws IllegalArgumentException the code is empty
   */
  public static AttemptFirstFactorParams resetPasswordPhoneCode(String code) {
    return code(Strategy.RESET_PASSWORD_PHONE_CODE, code);
  }

  static AttemptFirstFactorParams code(Strategy strategy, String code) {
    return new AttemptFirstFactorParams(
        Form.empty().with("strategy", strategy.wireValue()).with("code", require(code, "code")));
  }
}
