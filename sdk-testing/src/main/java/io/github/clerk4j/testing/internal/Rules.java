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
  final SignInSteps signIns;
  final ExternalAuthRules external;
  final TicketRules tickets;
  final EmailLinkRules emailLinks;

  Rules(EmulatorState state, TokenSigner tokens) {
    this.passwords = new PasswordRules(state);
    this.users = new UserRules(state, passwords);
    this.codes = new CodeRules(state);
    this.factors = new FactorRules(state);
    this.sessions = new SessionRules(state, tokens);
    ExternalAccounts accounts = new ExternalAccounts(state);
    this.signUps = new SignUpRules(state, users, passwords, codes, sessions, accounts);
    this.signIns = new SignInSteps(state, factors, sessions);
    this.external = new ExternalAuthRules(state, sessions, signIns, signUps, accounts);
    this.tickets = new TicketRules(state);
    this.emailLinks = new EmailLinkRules(state, signIns);
  }
}
