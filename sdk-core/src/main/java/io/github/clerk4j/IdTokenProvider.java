package io.github.clerk4j;

/**
 * A provider whose ID token the app got by itself (Sign in with Apple, Google's Credential
 * Manager or One Tap), for {@link SignIn#idToken(IdTokenProvider, String)} and {@link
 * SignUp#idToken(IdTokenProvider, String)}: no browser round trip. The strategies are the ones
 * Clerk's own SDKs send (wire spec §14.3).
 */
public enum IdTokenProvider {
  /** Sign in with Apple: {@code strategy=oauth_token_apple} and the identity token. */
  APPLE("oauth_token_apple"),
  /**
   * Google: {@code strategy=google_one_tap} and the Google ID token, as clerk-android and Expo send
   * it (not {@code oauth_token_google}, which no Clerk SDK uses).
   */
  GOOGLE("google_one_tap");

  private final String strategy;

  IdTokenProvider(String strategy) {
    this.strategy = strategy;
  }

  /** {@return the strategy sent} */
  public String strategy() {
    return strategy;
  }
}
