package io.github.clerk4j;

import io.github.clerk4j.spi.Form;

/**
 * The body of {@link User#updatePassword(UpdatePasswordParams)} ({@code POST
 * /v1/me/change_password}). Immutable: each {@code with...} returns a copy. {@code toString()}
 * never shows a password.
 *
 * <pre>{@code
 * user.updatePassword(UpdatePasswordParams.of(newPassword)
 *     .withCurrentPassword(currentPassword)
 *     .withSignOutOfOtherSessions(true));
 * }</pre>
 */
public final class UpdatePasswordParams extends FormParams {

  private UpdatePasswordParams(Form form) {
    super(form);
  }

  /**
   * {@return the body with {@code new_password} only: enough for a user without a password, and
   * for the {@code reset-password} session task (clerk-js sends no current password there)}
   *
   * @param newPassword the password to set
   * @throws IllegalArgumentException the password is empty
   */
  public static UpdatePasswordParams of(String newPassword) {
    return new UpdatePasswordParams(Form.empty().with("new_password", require(newPassword, "newPassword")));
  }

  /**
   * {@return a copy that also sends {@code current_password}, which a user with a password
   * normally needs}
   *
   * @param currentPassword the password the user has now
   * @throws IllegalArgumentException the password is empty
   */
  public UpdatePasswordParams withCurrentPassword(String currentPassword) {
    return new UpdatePasswordParams(form().with("current_password", require(currentPassword, "currentPassword")));
  }

  /**
   * {@return a copy that sends {@code sign_out_of_other_sessions}; without it the server's default
   * applies}
   *
   * @param signOutOfOtherSessions whether the user's other sessions end
   */
  public UpdatePasswordParams withSignOutOfOtherSessions(boolean signOutOfOtherSessions) {
    return new UpdatePasswordParams(form().with("sign_out_of_other_sessions", signOutOfOtherSessions));
  }
}
