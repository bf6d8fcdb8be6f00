package io.github.clerk4j.testing;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An account at one of the emulator's fake identity providers (an OAuth provider or an
 * enterprise connection): what its sign-in page lists, and what the provider tells Clerk about
 * the person. A provider account whose e-mail address a user of the emulator has signs that user
 * in (Clerk links accounts by verified e-mail address); any other one is new, and its sign-in
 * becomes a sign-up.
 *
 * @param emailAddress the verified e-mail address the provider reports
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 */
public record IdpAccount(String emailAddress, @Nullable String firstName, @Nullable String lastName) {

  /**
   * Normalises the address to lower case, without surrounding blanks.
   *
   * @param emailAddress the verified e-mail address the provider reports
   * @param firstName the given name, or null
   * @param lastName the family name, or null
   * @throws IllegalArgumentException when {@code emailAddress} is not an e-mail address
   */
  public IdpAccount {
    Objects.requireNonNull(emailAddress, "emailAddress");
    emailAddress = emailAddress.trim().toLowerCase(Locale.ROOT);
    int at = emailAddress.indexOf('@');
    if (at <= 0 || at == emailAddress.length() - 1 || emailAddress.indexOf('@', at + 1) >= 0) {
      throw new IllegalArgumentException("an identity provider account needs an e-mail address, got " + emailAddress);
    }
  }

  /**
   * {@return an account with this address and names}
   *
   * @param emailAddress the verified e-mail address the provider reports
   * @param firstName the given name, or null
   * @param lastName the family name, or null
   * @throws IllegalArgumentException when {@code emailAddress} is not an e-mail address
   */
  public static IdpAccount of(String emailAddress, @Nullable String firstName, @Nullable String lastName) {
    return new IdpAccount(emailAddress, firstName, lastName);
  }

  /**
   * {@return an account with this address and no names}
   *
   * @param emailAddress the verified e-mail address the provider reports
   * @throws IllegalArgumentException when {@code emailAddress} is not an e-mail address
   */
  public static IdpAccount of(String emailAddress) {
    return new IdpAccount(emailAddress, null, null);
  }

  /** {@return the address's domain, lower case} */
  public String domain() {
    return emailAddress.substring(emailAddress.indexOf('@') + 1);
  }
}
