package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.IdpAccount;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.ExternalAccountRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.Optional;

/**
 * Which user an identity provider's account belongs to, and the link between them: an account
 * already linked to a user signs that user in; otherwise the user whose e-mail address the
 * provider reports (as Clerk links accounts by verified address; seeded and signed-up addresses are
 * verified) gets it linked. Caller holds the state lock.
 */
final class ExternalAccounts {
  private final EmulatorState state;

  ExternalAccounts(EmulatorState state) {
    this.state = state;
  }

  /** The user of this provider's account, if any. */
  Optional<UserRecord> userOf(IdpAccount account) {
    return state.findUser(account.emailAddress()).filter(u -> email(u, account.emailAddress()).isPresent());
  }

  /**
   * Links an OAuth provider's account to the user (once); enterprise connections keep no
   * external account here.
   */
  void link(UserRecord user, ExternalVerification v) {
    String provider = v.oauthName();
    if (provider == null || v.account == null) {
      return;
    }
    String email = v.account.emailAddress();
    boolean linked = user.externalAccounts.stream()
        .anyMatch(a -> a.provider.equals(provider) && a.emailAddress.equalsIgnoreCase(email));
    if (linked) {
      return;
    }
    String identification = user.emails.stream().filter(e -> e.address.equalsIgnoreCase(email))
        .map(e -> e.id).findFirst().orElse(null);
    user.externalAccounts.add(new ExternalAccountRecord(state.newId("eac"), provider,
        state.randomString("0123456789", 21), email, identification, v.account.firstName(), v.account.lastName(),
        state.now()));
    user.updatedAt = state.now();
  }

  /** The user's e-mail record of this address, if it has one. */
  static Optional<EmailRecord> email(UserRecord user, String address) {
    return user.emails.stream().filter(e -> e.address.equalsIgnoreCase(address)).findFirst();
  }
}
