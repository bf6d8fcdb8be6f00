package io.github.clerk4j;

import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of a signed-in session. Actions return the new value; the old one stays
 * valid. {@code toString()} never shows tokens.
 */
public final class Session {

  private final Clerk clerk;
  private final SessionResource resource;

  Session(Clerk clerk, SessionResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
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
   * {@return what the user must do before a {@link SessionStatus#PENDING pending} session becomes
   * active}
   */
  public List<SessionTask> tasks() {
    List<String> keys = resource.taskKeys();
    if (keys.isEmpty()) {
      return List.of(); // nearly always: asked on every activation
    }
    List<SessionTask> tasks = new ArrayList<>(keys.size());
    for (String key : keys) {
      tasks.add(new SessionTask(key));
    }
    return Collections.unmodifiableList(tasks);
  }

  /** {@return the first task, which is the one to do now (as clerk-js {@code currentTask})} */
  public Optional<SessionTask> currentTask() {
    List<String> keys = resource.taskKeys();
    return keys.isEmpty() ? Optional.empty() : Optional.of(new SessionTask(keys.get(0)));
  }

  /**
   * {@return the session JWT the server attached to this snapshot ({@code last_active_token}),
   * which may be expired} Prefer {@link #getToken()}, which caches and refreshes.
   */
  public Optional<String> lastActiveToken() {
    return Optional.ofNullable(resource.lastActiveToken());
  }

  /** {@return when the session expires, if sent} */
  public Optional<Instant> expireAt() {
    return Optional.ofNullable(resource.expireAt());
  }

  /** {@return when the session was last active, if sent} */
  public Optional<Instant> lastActiveAt() {
    return Optional.ofNullable(resource.lastActiveAt());
  }

  /**
   * {@return a session JWT to send to your own backend ({@code Authorization: Bearer ...})} Cached
   * until 10 seconds before it expires; concurrent callers share one request; a new one is fetched
   * after {@link Clerk#setActive(Session)}.
   *
   * @throws ClerkApiException the server refused (for example the session ended)
   */
  public String getToken() {
    return clerk.sessionToken(id());
  }

  /**
   * Tells the server the session is in use ({@code touch}, intent {@code focus}).
   *
   * @return the session's new value
   */
  public Session touch() {
    Form form =
        Form.empty()
            .with("active_organization_id", Objects.requireNonNullElse(resource.lastActiveOrganizationId(), ""))
            .with("intent", "focus");
    FapiResponse r = clerk.execute(Endpoint.TOUCH_SESSION, null, id(), form);
    return clerk.applySessionResponse(r, this);
  }

  /**
   * Ends this session (signs it out). If the call fails, Clerk still forgets its local state
   * (client token and client snapshot), failing closed, and rethrows the failure.
   *
   * @return the ended session, as the server sent it back
   */
  public Session end() {
    try {
      FapiResponse r = clerk.execute(Endpoint.END_SESSION, null, id(), Form.empty());
      clerk.forgetSessionToken(id());
      return clerk.applySessionResponse(r, this);
    } catch (RuntimeException e) {
      clerk.clearLocalState();
      throw e;
    }
  }

  /**
   * {@return the signed-in user as this snapshot has it, able to manage phone numbers, TOTP, backup
   * codes and the password for this session (also while it is {@link SessionStatus#PENDING
   * pending}, so that the {@code reset-password} and {@code setup-mfa} tasks can be done)} Sends no
   * request; see {@link User#reload()}.
   */
  public Optional<User> user() {
    return Optional.ofNullable(resource.user()).map(u -> new User(clerk, id(), u));
  }

  /**
   * Starts a step-up verification ({@code POST /v1/client/sessions/{id}/verify}) after a call
   * failed with {@link ClerkApiException#isReverificationRequired()}. The server may apply a lower
   * level than asked (a user without a second factor verifies a first factor); see {@link
   * SessionVerification#status()}. {@link Clerk#withReverification} runs the whole flow.
   *
   * @param level how much to verify; {@link VerificationLevel#SECOND_FACTOR} is clerk-js's default
   * @return the verification, with the factors it offers
   * @throws IllegalArgumentException {@code level} is {@link VerificationLevel#UNKNOWN}
   */
  public SessionVerification startVerification(VerificationLevel level) {
    return SessionVerification.start(clerk, id(), level);
  }

  /**
   * Runs {@code action} on this session on the Clerk's executor ({@link Clerk#async}).
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this session
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<Session, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  /** The wire resource, for resources built on a session (the user, reverification). */
  SessionResource resource() {
    return resource;
  }

  /** The Clerk this session belongs to. */
  Clerk clerk() {
    return clerk;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Session other && other.clerk == clerk && other.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "Session{id=" + id() + ", status=" + rawStatus() + ", tasks="
        + tasks().stream().map(SessionTask::rawKey).toList()
        + ", lastActiveToken=" + (resource.lastActiveToken() == null ? "none" : "[redacted]") + '}';
  }
}
