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

  /** Only an identifier (e-mail, phone or username): the answer lists the first factors. */
  public static SignInCreateParams identifier(String identifier) {
    return new SignInCreateParams(Form.empty().with("identifier", require(identifier, "identifier")));
  }

  /**
   * Identifier and password in one request, without {@code strategy}, as clerk-js {@code
   * SignInFuture.password} sends it.
   */
  public static SignInCreateParams password(String identifier, String password) {
    return new SignInCreateParams(
        Form.empty()
            .with("identifier", require(identifier, "identifier"))
            .with("password", require(password, "password")));
  }

  /**
   * {@code transfer=true}: signs in to the account a transferable sign-up found (wire spec §13.2;
   * {@link SignUp#transferToSignIn()}). No identifier: the server takes it from the sign-up.
   */
  public static SignInCreateParams transfer() {
    return new SignInCreateParams(Form.empty().with("transfer", true));
  }

  /**
   * {@code strategy=ticket}: a sign-in token minted by the Backend API ({@code POST
   * /v1/sign_in_tokens}); it signs the user in at once (wire spec §15.1). Never shown by {@code
   * toString()}.
   */
  public static SignInCreateParams ticket(String ticket) {
    return new SignInCreateParams(Form.empty()
        .with("strategy", Strategy.TICKET.wireValue())
        .with("ticket", require(ticket, "ticket")));
  }

  /** An ID token the app got itself, with the provider's strategy (wire spec §14.3). Never shown by {@code toString()}. */
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

  /** {@code strategy=email_code}: creates the sign-in and sends an e-mail code in one call. */
  public static SignInCreateParams emailCode(String identifier) {
    return withStrategy(Strategy.EMAIL_CODE, identifier);
  }

  /** {@code strategy=phone_code}: creates the sign-in and sends an SMS code in one call. */
  public static SignInCreateParams phoneCode(String identifier) {
    return withStrategy(Strategy.PHONE_CODE, identifier);
  }

  /** {@code strategy=reset_password_email_code}. */
  public static SignInCreateParams resetPasswordEmailCode(String identifier) {
    return withStrategy(Strategy.RESET_PASSWORD_EMAIL_CODE, identifier);
  }

  /** {@code strategy=reset_password_phone_code}. */
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
