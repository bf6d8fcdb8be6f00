package io.github.clerk4j;

import io.github.clerk4j.spi.Form;

/**
 * The body of {@link SignIn#resetPassword(ResetPasswordParams)} ({@code POST /v1/client/sign_ins/{id}/reset_password}), allowed when the status is
 * {@link SignInStatus#NEEDS_NEW_PASSWORD}. {@code toString()} never shows the password.
 */
public final class ResetPasswordParams extends FormParams {

  private ResetPasswordParams(Form form) {
    super(form);
  }

  /**
   * {@return the body with {@code password} only} The server's default applies to other sessions.
   *
   * @param password the new password
   * @throws IllegalArgumentException the password is empty
   */
  public static ResetPasswordParams of(String password) {
    return new ResetPasswordParams(Form.empty().with("password", require(password, "password")));
  }

  /**
   * {@return the body with {@code password} and {@code sign_out_of_other_sessions}}
   *
   * @param password the new password
   * @param signOutOfOtherSessions whether the user's other sessions end
   * @throws IllegalArgumentException the password is empty
   */
  public static ResetPasswordParams of(String password, boolean signOutOfOtherSessions) {
    return new ResetPasswordParams(
        Form.empty()
            .with("password", require(password, "password"))
            .with("sign_out_of_other_sessions", signOutOfOtherSessions));
  }
}
