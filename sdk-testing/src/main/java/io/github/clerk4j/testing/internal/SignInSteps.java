package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.SignInAttempt;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.Objects;

/**
 * Where a sign-in goes once its first factor is verified, whatever verified it: a password or a
 * code (the sign-in routes), a provider's page or an e-mail link opened in a browser (the browser
 * routes), a ticket.
 */
final class SignInSteps {
  private final EmulatorState state;
  private final FactorRules factors;
  private final SessionRules sessions;

  SignInSteps(EmulatorState state, FactorRules factors, SessionRules sessions) {
    this.state = state;
    this.factors = factors;
    this.sessions = sessions;
  }

  /**
   * After the first factor: a new password after a reset code; MFA when the user has it (it takes
   * precedence over client trust); client trust for a password on a client new to the user;
   * otherwise a session.
   */
  void afterFirstFactor(ClientRecord client, SignInAttempt signIn) {
    FactorStrategy strategy = Objects.requireNonNull(signIn.firstFactor, "no first factor").strategy();
    UserRecord user = signIn.identifiedUser();
    if (strategy.resetsPassword()) {
      signIn.status = AttemptStatus.NEEDS_NEW_PASSWORD;
    } else if (user.twoFactorEnabled()) {
      signIn.status = AttemptStatus.NEEDS_SECOND_FACTOR;
    } else if (strategy == FactorStrategy.PASSWORD && state.settings.clientTrust()
        && !client.knownUserIds.contains(user.id) && !factors.clientTrustFactors(user).isEmpty()) {
      signIn.status = AttemptStatus.NEEDS_CLIENT_TRUST;
      signIn.clientTrustStep = true;
    } else {
      complete(client, signIn, false);
    }
  }

  /** A session for the sign-in's user on its client. */
  void complete(ClientRecord client, SignInAttempt signIn, boolean secondFactor) {
    VerificationRecord firstFactor = Objects.requireNonNull(signIn.firstFactor, "no first factor");
    SessionRecord session = sessions.createSession(client, signIn.identifiedUser(), firstFactor.wireStrategy(),
        secondFactor);
    signIn.status = AttemptStatus.COMPLETE;
    signIn.createdSessionId = session.id;
  }
}
