package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Clients, sessions and their tokens: client tokens, session creation and ending, tasks, the
 * session JWT, and how recent a factor verification must be for a sensitive call.
 */
final class SessionRules {
  static final long SESSION_TOKEN_TTL_MILLIS = Duration.ofSeconds(60).toMillis();
  /** Clerk's default inactivity timeout ({@code abandon_at}); never before {@code expire_at}. */
  private static final Duration ABANDON_AFTER = Duration.ofDays(30);

  private final EmulatorState state;
  final TokenSigner tokens;

  SessionRules(EmulatorState state, TokenSigner tokens) {
    this.state = state;
    this.tokens = tokens;
  }

  // clients

  ClientRecord newClient() {
    String id = state.newId("client");
    ClientRecord client = new ClientRecord(id, state.now(), newToken(id));
    state.putClient(client);
    return client;
  }

  /** Issues a new client token; earlier ones stay valid, since they name the same client. */
  void rotateToken(ClientRecord client) {
    client.token = newToken(client.id);
  }

  private String newToken(String clientId) {
    return tokens.signClientToken(Json.obj(
        "id", clientId,
        "rotating_token", state.randomBase62(20),
        "jti", state.randomBase62(20),
        "iat", state.now() / 1000));
  }

  /** The client a token names; 401 {@code authentication_invalid} for anything not ours. */
  ClientRecord clientForToken(String token) {
    Object id = tokens.verifyClientToken(token).map(claims -> claims.get("id")).orElse(null);
    ClientRecord client = id instanceof String s ? state.client(s).orElse(null) : null;
    if (client == null) {
      throw ApiException.authenticationInvalid("The client token is invalid or has expired.");
    }
    return client;
  }

  // sessions

  /**
   * @param firstFactor the strategy that signed the user in, as sent ({@code password}, {@code
   *     oauth_google}), or null for a sign-up
   */
  SessionRecord createSession(ClientRecord client, UserRecord user, @Nullable String firstFactor,
      boolean secondFactor) {
    long now = state.now();
    long expireAt = now + state.settings.sessionLifetime().toMillis();
    SessionRecord session = new SessionRecord(state.newId("sess"), client, user, now,
        expireAt, Math.max(expireAt, now + ABANDON_AFTER.toMillis()), state.newId("sess_activity"));
    session.secondFactorVerifiedAt = secondFactor ? now : null;
    state.putSession(session);
    client.sessions.add(session);
    client.lastActiveSessionId = session.id;
    client.lastAuthenticationStrategy = firstFactor;
    client.knownUserIds.add(user.id);
    client.updatedAt = now;
    user.lastSignInAt = now;
    user.lastActiveAt = now;
    rotateToken(client);
    return session;
  }

  /** Session tasks, derived from the user's state so that they clear as soon as it is fixed. */
  List<TaskKey> tasks(SessionRecord session) {
    List<TaskKey> tasks = new ArrayList<>();
    if (session.user.passwordCompromised) {
      tasks.add(TaskKey.RESET_PASSWORD);
    }
    if (state.settings.mfaRequired() && !session.user.twoFactorEnabled()) {
      tasks.add(TaskKey.SETUP_MFA);
    }
    return tasks;
  }

  SessionState wireStatus(SessionRecord session) {
    return session.live() && !tasks(session).isEmpty() ? SessionState.PENDING : session.status;
  }

  /** How new a session token must be. */
  enum Freshness {
    /** A new token ({@code POST .../tokens}: the client asks for one). */
    NEW,
    /**
     * The current one if it was minted in the last {@link #TOUCH_REUSE_MILLIS} and says the same
     * (status, factor ages), else a new one ({@code touch}). An RS256 signature costs about a
     * millisecond, the largest item of a sign-in flow; a client that touches right after signing
     * in gets the token it was just given, as fresh as it matters.
     */
    RECENT,
    /** The current one until it expires (any answer that shows the session). */
    VALID
  }

  /** How recent a token {@link Freshness#RECENT} reuses. */
  static final long TOUCH_REUSE_MILLIS = Duration.ofSeconds(10).toMillis();

  /** The session's JWT (signed when written), minted again as {@code freshness} asks. */
  Supplier<String> sessionToken(SessionRecord session, Freshness freshness) {
    long now = state.now();
    SessionState status = wireStatus(session);
    List<Long> ages = factorVerificationAge(session);
    Supplier<String> last = session.lastActiveToken;
    boolean reusable = switch (freshness) {
      case NEW -> false;
      case RECENT -> now < session.lastActiveTokenMintedAt + TOUCH_REUSE_MILLIS
          && status == session.lastActiveTokenStatus && ages.equals(session.lastActiveTokenAges);
      case VALID -> now < session.lastActiveTokenMintedAt + SESSION_TOKEN_TTL_MILLIS;
    };
    if (last != null && reusable) {
      return last;
    }
    long iat = now / 1000;
    Map<String, Object> claims = Json.obj(
        "iss", state.issuer,
        "sub", session.user.id,
        "sid", session.id,
        "iat", iat,
        "nbf", iat - 10,
        "exp", iat + SESSION_TOKEN_TTL_MILLIS / 1000,
        "jti", state.randomBase62(20),
        "sts", status,
        "fva", ages,
        "v", 2);
    Supplier<String> minted = tokens.sessionToken(claims);
    session.lastActiveToken = minted;
    session.lastActiveTokenMintedAt = now;
    session.lastActiveTokenStatus = status;
    session.lastActiveTokenAges = ages;
    return minted;
  }

  /** Minutes since the first and the second factor were verified; -1 for never. */
  List<Long> factorVerificationAge(SessionRecord session) {
    long now = state.now();
    long first = (now - session.firstFactorVerifiedAt) / 60_000;
    long second = session.secondFactorVerifiedAt == null
        ? -1 : (now - session.secondFactorVerifiedAt) / 60_000;
    return List.of(first, second);
  }

  void endSession(SessionRecord session, SessionState status) {
    long now = state.now();
    session.status = status;
    session.updatedAt = now;
    ClientRecord client = session.client;
    client.updatedAt = now;
    if (session.id.equals(client.lastActiveSessionId)) {
      client.lastActiveSessionId = client.sessions.stream().filter(SessionRecord::live)
          .reduce((a, b) -> b).map(s -> s.id).orElse(null);
    }
  }

  /** Expires the client's sessions whose lifetime is over; called when a request names the client. */
  void expireDue(ClientRecord client) {
    for (SessionRecord s : new ArrayList<>(client.sessions)) {
      expireIfDue(s);
    }
  }

  /** Expires the session if its lifetime is over (a session of another client, listed or revoked). */
  void expireIfDue(SessionRecord s) {
    if (s.live() && state.now() >= s.expireAt) {
      endSession(s, SessionState.EXPIRED);
    }
  }

  /** Ends every live session of the client with this status. */
  void endAll(ClientRecord client, SessionState status) {
    for (SessionRecord s : new ArrayList<>(client.sessions)) {
      if (s.live()) {
        endSession(s, status);
      }
    }
  }

  /** Ends every other live session of the user, on every client. */
  void endOtherSessions(UserRecord user, @Nullable String keepSessionId) {
    endSessionsOf(user, keepSessionId, SessionState.REVOKED);
  }

  /**
   * Ends every live session of the user on every client but {@code keepSessionId} (null for
   * none) with {@code status}; those past their lifetime end as expired.
   */
  void endSessionsOf(UserRecord user, @Nullable String keepSessionId, SessionState status) {
    List<SessionRecord> all = new ArrayList<>();
    state.sessions().forEach(all::add);
    long now = state.now();
    for (SessionRecord s : all) {
      if (s.user == user && s.live() && !s.id.equals(keepSessionId)) {
        endSession(s, now >= s.expireAt ? SessionState.EXPIRED : status);
      }
    }
  }

  /**
   * Refuses a sensitive call when the session's latest factor verification is older than the
   * configured age (403 {@code session_reverification_required}).
   */
  void requireRecentVerification(SessionRecord session) {
    long latest = session.secondFactorVerifiedAt == null
        ? session.firstFactorVerifiedAt
        : Math.max(session.firstFactorVerifiedAt, session.secondFactorVerifiedAt);
    if (state.now() - latest > state.settings.reverificationMaxAge().toMillis()) {
      throw ApiException.of(403, "session_reverification_required", "Additional verification required",
          "You need to provide additional verification to perform this operation");
    }
  }
}
