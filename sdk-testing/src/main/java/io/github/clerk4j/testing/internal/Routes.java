package io.github.clerk4j.testing.internal;

import java.util.List;

/** The routes of one resource family (client, sign-ins, sessions, /me...), added to a {@link Router}. */
interface Routes {
  void register(Router router);

  /** Every resource family the emulator serves: a new family is added here, and only here. */
  static List<Routes> all(EmulatorState state, Rules rules, Views views) {
    return List.of(
        new ClientRoutes(state, rules, views),
        new SignInRoutes(state, rules, views),
        new SignUpRoutes(state, rules, views),
        new SessionRoutes(state, rules, views),
        new MeRoutes(state, rules, views),
        new ProfileRoutes(state, rules, views),
        new EmailRoutes(state, rules, views),
        new ActiveSessionRoutes(state, rules, views),
        new BrowserRoutes(state, rules),
        new AdminRoutes(state),
        new AdminUiRoutes(state, rules),
        new BackendApiRoutes(state, rules, views));
  }
}
