package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.SessionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The user's sessions on every device ({@code /v1/me/sessions/...}): the active ones with their
 * latest activity, and revoking one, after which its client's calls for it get 401 {@code
 * signed_out}.
 */
final class ActiveSessionRoutes implements Routes {
  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  ActiveSessionRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/v1/me/sessions/active", this::active);
    router.add("POST", "/v1/me/sessions/{id}/revoke", this::revoke);
  }

  /** {@code Client.ActiveSessions}: a bare array, the most recently active first. */
  private Response active(Exchange ex) {
    SessionRecord me = ex.meSession();
    List<SessionRecord> live = new ArrayList<>();
    for (SessionRecord s : state.sessions()) {
      if (s.user == me.user && s.live()) {
        rules.sessions.expireIfDue(s);
        if (s.live()) {
          live.add(s);
        }
      }
    }
    live.sort(Comparator.comparingLong((SessionRecord s) -> s.lastActiveAt).reversed().thenComparing(s -> s.id));
    List<Object> json = new ArrayList<>();
    live.forEach(s -> json.add(views.activeSession(s)));
    return Response.json(json);
  }

  /**
   * Ends one of the user's sessions, on whichever client holds it. Another user's session is 404,
   * as one the emulator never issued; an ended one is 400 {@code invalid_action_for_session}.
   */
  private Response revoke(Exchange ex) {
    SessionRecord me = ex.meSession();
    rules.sessions.requireRecentVerification(me);
    String id = ex.request.pathParam(0);
    SessionRecord target = state.session(id).filter(s -> s.user == me.user)
        .orElseThrow(() -> ApiException.notFound("Session"));
    rules.sessions.expireIfDue(target);
    if (!target.live()) {
      throw ApiException.of(400, "invalid_action_for_session", "Invalid action for user session",
          "Unable to revoke session " + id);
    }
    rules.sessions.endSession(target, SessionState.REVOKED);
    return Response.json(views.wrap(views.session(target), ex.client));
  }
}
