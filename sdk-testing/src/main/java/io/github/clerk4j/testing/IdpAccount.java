package io.github.clerk4j.testing;

import java.util.Locale;
import java.util.Objects;

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
public record IdpAccount(String emailAddress, String firstName, String lastName) {

  public IdpAccount {
    Objects.requireNonNull(emailAddress, "emailAddress");
    emailAddress = emailAddress.trim().toLowerCase(Locale.ROOT);
    int at = emailAddress.indexOf('@');
    if (at <= 0 || at == emailAddress.length() - 1 || emailAddress.indexOf('@', at + 1) >= 0) {
      throw new IllegalArgumentException("an identity provider account needs an e-mail address, got " + emailAddress);
    }
  }

  /** An account with this address and names. */
  public static IdpAccount of(String emailAddress, String firstName, String lastName) {
    return new IdpAccount(emailAddress, firstName, lastName);
  }

  /** An account with this address and no names. */
  public static IdpAccount of(String emailAddress) {
    return new IdpAccount(emailAddress, null, null);
  }

  /** The address's domain, lower case. */
  public String domain() {
    return emailAddress.substring(emailAddress.indexOf('@') + 1);
  }
}
