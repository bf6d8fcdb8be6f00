package io.github.clerk4j.testing.internal;

/**
 * The emulator's rules, one class per concern, over one {@link EmulatorState}. Routes parse the
 * request, call these, and render the records with {@link Views}; callers hold the state lock.
 */
final class Rules {
  final UserRules users;
  final PasswordRules passwords;
  final CodeRules codes;
  final FactorRules factors;
  final SessionRules sessions;
  final SignUpRules signUps;
  final IdentificationRules identifications;
  final AdminUserRules admin;
  final SignInTokenRules signInTokens;
  final SignInSteps signIns;
  final ExternalAuthRules external;
  final InvitationRules invitations;
  final EmailLinkRules emailLinks;

  Rules(EmulatorState state, TokenSigner tokens) {
    this.passwords = new PasswordRules(state);
    this.identifications = new IdentificationRules(state);
    this.sessions = new SessionRules(state, tokens);
    this.users = new UserRules(state, passwords, identifications, sessions);
    this.codes = new CodeRules(state);
    this.factors = new FactorRules(state);
    ExternalAccounts accounts = new ExternalAccounts(state);
    this.signUps = new SignUpRules(state, users, passwords, codes, sessions, accounts);
    this.admin = new AdminUserRules(state, users, passwords);
    this.signInTokens = new SignInTokenRules(state);
    this.signIns = new SignInSteps(state, factors, sessions);
    this.external = new ExternalAuthRules(state, sessions, signIns, signUps, accounts);
    this.invitations = new InvitationRules(state);
    this.emailLinks = new EmailLinkRules(state, signIns);
  }
}
