package io.github.clerk4j;

import io.github.clerk4j.internal.wire.ActiveSessionResource;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One of the signed-in user's sessions, on this device or another, with its latest activity, as
 * {@link User#activeSessions()} lists them (clerk-js {@code SessionWithActivities}): what an
 * "active devices" screen shows, and {@link #revoke()} to sign that device out.
 *
 * <p>Immutable; {@link #revoke()} returns the new value. {@code toString()} shows no IP address
 * and no place.
 */
public final class ActiveSession {

  private final Clerk clerk;
  private final String actingSessionId;
  private final ActiveSessionResource resource;

  ActiveSession(Clerk clerk, String actingSessionId, ActiveSessionResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.actingSessionId = Objects.requireNonNull(actingSessionId, "actingSessionId");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the session's id ({@code sess_...})} */
  public String id() {
    return resource.id();
  }

  /** {@return the status; {@link SessionStatus#UNKNOWN} for one this version does not know} */
  public SessionStatus status() {
    return SessionStatus.fromWire(resource.status());
  }

  /** {@return the status as sent} */
  public String rawStatus() {
    return resource.status();
  }

  /**
   * {@return whether this is the session the listing was made through: "this device" on an
   * active-devices screen}
   */
  public boolean current() {
    return resource.id().equals(actingSessionId);
  }

  /** {@return when the session was last used, if sent} */
  public Optional<Instant> lastActiveAt() {
    return Optional.ofNullable(resource.lastActiveAt());
  }

  /** {@return when the session expires, if sent} */
  public Optional<Instant> expireAt() {
    return Optional.ofNullable(resource.expireAt());
  }

  /** {@return when the session is abandoned for inactivity, if sent} */
  public Optional<Instant> abandonAt() {
    return Optional.ofNullable(resource.abandonAt());
  }

  /** {@return the browser, device and place of its latest use; empty when the server sent none} */
  public Optional<SessionActivity> latestActivity() {
    return Optional.ofNullable(resource.latestActivity()).map(SessionActivity::new);
  }

  /**
   * Ends the session on whichever device holds it ({@code POST /v1/me/sessions/{id}/revoke}). That
   * device's next call is refused with HTTP 401 {@code signed_out}. A sensitive action: it may
   * need {@link Clerk#withReverification}. Revoking {@link #current()} signs this client out of
   * it.
   *
   * @return this session with the status the server gave it ({@link SessionStatus#REVOKED})
   * @throws ClerkApiException {@link ClerkApiException#isReverificationRequired()}; {@code
   *     invalid_action_for_session} when it had already ended
   */
  public ActiveSession revoke() {
    FapiResponse r = User.call(clerk, actingSessionId, Endpoint.REVOKE_SESSION, id(), Form.empty());
    SessionResource s = Clerk.resource(r, SessionResource.class);
    if (r.client() == null && clerk.client().session(id()).isPresent()) {
      clerk.forgetSessionsLocally(id());
    } else if (r.client() != null && current()) {
      clerk.forgetSessionToken(id());
    }
    return new ActiveSession(clerk, actingSessionId, new ActiveSessionResource(s.id(), s.status(),
        s.expireAt(), s.abandonAt(), s.lastActiveAt(), resource.latestActivity()));
  }

  /**
   * Runs {@code action} on this session on the Clerk's executor ({@link Clerk#async}).
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this session
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<ActiveSession, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ActiveSession a && a.clerk == clerk && a.actingSessionId.equals(actingSessionId)
        && a.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "ActiveSession{id=" + id() + ", status=" + rawStatus() + ", current=" + current()
        + ", latestActivity=" + latestActivity().map(SessionActivity::toString).orElse("none") + '}';
  }
}
