package io.github.clerk4j;

import io.github.clerk4j.spi.Form;

/**
 * The body of a sign-in creation ({@code POST /v1/client/sign_ins}, {@link SignIn#create(SignInCreateParams)}). A new sign-in
 * replaces the client's current one. {@code toString()} never shows the password.
 */
public final class SignInCreateParams extends FormParams {

  private SignInCreateParams(Form form) {
    super(form);
  }

  /**
   * {@return the body with only an identifier (e-mail, phone or username)} The answer lists the
   * first factors.
   *
   * @param identifier the e-mail address, phone number or username the user typed
   * @throws IllegalArgumentException the identifier is empty
   */
  public static SignInCreateParams identifier(String identifier) {
    return new SignInCreateParams(Form.empty().with("identifier", require(identifier, "identifier")));
  }

  /**
   * {@return the body with identifier and password in one request, without {@code strategy}, as
   * clerk-js {@code SignInFuture.password} sends it}
   *
   * @param identifier the e-mail address, phone number or username the user typed
   * @param password the password the user typed
   * @throws IllegalArgumentException the identifier or the password is empty
   */
  public static SignInCreateParams password(String identifier, String password) {
    return new SignInCreateParams(
        Form.empty()
            .with("identifier", require(identifier, "identifier"))
            .with("password", require(password, "password")));
  }

  /**
   * {@return the body {@code transfer=true}: signs in to the account a transferable sign-up found
   * (wire spec §13.2; {@link SignUp#transferToSignIn()})} No identifier: the server takes it from
   * the sign-up.
   */
  public static SignInCreateParams transfer() {
    return new SignInCreateParams(Form.empty().with("transfer", true));
  }

  /**
   * {@return the body {@code strategy=ticket} with a sign-in token minted by the Backend API
   * ({@code POST /v1/sign_in_tokens})} It signs the user in at once (wire spec §15.1).
   *
   * @param ticket the token; never shown by {@code toString()}
   * @throws IllegalArgumentException the ticket is empty
   */
  public static SignInCreateParams ticket(String ticket) {
    return new SignInCreateParams(Form.empty()
        .with("strategy", Strategy.TICKET.wireValue())
        .with("ticket", require(ticket, "ticket")));
  }

  /**
   * {@return the body with an ID token the app got itself, with the provider's strategy (wire spec
   * §14.3)}
   *
   * @param provider who issued the token: Apple or Google
   * @param token the ID token; never shown by {@code toString()}
   * @throws IllegalArgumentException the token is empty
   */
  public static SignInCreateParams idToken(IdTokenProvider provider, String token) {
    java.util.Objects.requireNonNull(provider, "provider");
    return new SignInCreateParams(Form.empty()
        .with("strategy", provider.strategy())
        .with("token", require(token, "token")));
  }

  /**
   * A browser sign-in ({@link SignIn#sso(SsoParams)}): the strategy, the redirect URL as {@code
   * redirect_url} and {@code action_complete_redirect_url}, the identifier for enterprise SSO and
   * the OIDC options of an OAuth provider.
   */
  static SignInCreateParams sso(SsoParams params) {
    String redirect = params.requireRedirectUrl("sso(...)");
    Form form = Form.empty()
        .with("strategy", params.strategy())
        .with("identifier", params.identifier())
        .with("redirect_url", redirect)
        .with("action_complete_redirect_url", redirect);
    if (!params.isEnterprise()) {
      form = form.with("oidc_prompt", params.oidcPromptValue()).with("oidc_login_hint", params.oidcLoginHintValue());
    }
    return new SignInCreateParams(form);
  }

  /**
   * {@return the body {@code strategy=email_code}: creates the sign-in and sends an e-mail code in
   * one call}
   *
   * @param identifier the account's e-mail address, phone number or username
   * @throws IllegalArgumentException the identifier is empty
   */
  public static SignInCreateParams emailCode(String identifier) {
    return withStrategy(Strategy.EMAIL_CODE, identifier);
  }

  /**
   * {@return the body {@code strategy=phone_code}: creates the sign-in and sends an SMS code in one
   * call}
   *
   * @param identifier the account's e-mail address, phone number or username
   * @throws IllegalArgumentException the identifier is empty
   */
  public static SignInCreateParams phoneCode(String identifier) {
    return withStrategy(Strategy.PHONE_CODE, identifier);
  }

  /**
   * {@return the body {@code strategy=reset_password_email_code}: a password reset code by e-mail}
   *
   * @param identifier the account's e-mail address, phone number or username
   * @throws IllegalArgumentException the identifier is empty
   */
  public static SignInCreateParams resetPasswordEmailCode(String identifier) {
    return withStrategy(Strategy.RESET_PASSWORD_EMAIL_CODE, identifier);
  }

  /**
   * {@return the body {@code strategy=reset_password_phone_code}: a password reset code by SMS}
   *
   * @param identifier the account's e-mail address, phone number or username
   * @throws IllegalArgumentException the identifier is empty
   */
  public static SignInCreateParams resetPasswordPhoneCode(String identifier) {
    return withStrategy(Strategy.RESET_PASSWORD_PHONE_CODE, identifier);
  }

  private static SignInCreateParams withStrategy(Strategy strategy, String identifier) {
    return new SignInCreateParams(
        Form.empty()
            .with("strategy", strategy.wireValue())
            .with("identifier", require(identifier, "identifier")));
  }
}
