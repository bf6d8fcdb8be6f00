package io.github.clerk4j;

import io.github.clerk4j.internal.wire.ClientResource;
import io.github.clerk4j.internal.wire.SessionResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the client (this device, as Clerk sees it): its sessions, its current
 * sign-in and sign-up, and its last active session. {@link Clerk#client()} returns the newest one; Clerk
 * replaces it from the {@code client} that every Frontend API response carries.
 */
public final class Client {

  private final Clerk clerk;
  private final @Nullable ClientResource resource;
  private final List<Session> sessions;

  Client(Clerk clerk, @Nullable ClientResource resource) {
    this.clerk = clerk;
    this.resource = resource;
    List<SessionResource> resources = resource == null ? List.of() : resource.sessions();
    List<Session> list = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) { // by index: no iterator per snapshot
      list.add(new Session(clerk, resources.get(i)));
    }
    this.sessions = Collections.unmodifiableList(list);
  }

  /**
   * {@return the client id ({@code client_...}); empty before the first contact with the server}
   */
  public Optional<String> id() {
    return Optional.ofNullable(resource == null ? null : resource.id());
  }

  /** {@return every session of the client, whatever its status} */
  public List<Session> sessions() {
    return sessions;
  }

  /**
   * {@return the session with this id, if the client has it}
   *
   * @param sessionId the session's id ({@code sess_...})
   */
  public Optional<Session> session(String sessionId) {
    for (int i = 0; i < sessions.size(); i++) {
      if (sessions.get(i).id().equals(sessionId)) {
        return Optional.of(sessions.get(i));
      }
    }
    return Optional.empty();
  }

  /** {@return the client's current sign-in, if any} */
  public Optional<SignIn> signIn() {
    return resource == null || resource.signIn() == null
        ? Optional.empty()
        : Optional.of(new SignIn(clerk, resource.signIn()));
  }

  /**
   * {@return the client's current sign-up, if any} Clerk drops it from the client once it
   * completes: read the created session from the {@link SignUp} the last call returned.
   */
  public Optional<SignUp> signUp() {
    return resource == null || resource.signUp() == null
        ? Optional.empty()
        : Optional.of(new SignUp(clerk, resource.signUp()));
  }

  /** {@return the id of the session last made active} */
  public Optional<String> lastActiveSessionId() {
    return Optional.ofNullable(resource == null ? null : resource.lastActiveSessionId());
  }

  /** The wire resource, or null for a client not yet known to the server. */
  @Nullable ClientResource resource() {
    return resource;
  }

  @Override
  public String toString() {
    return "Client{id=" + id().orElse("none") + ", sessions=" + sessions
        + ", signIn=" + signIn().map(SignIn::id).orElse(null)
        + ", signUp=" + signUp().map(SignUp::id).orElse(null)
        + ", lastActiveSessionId=" + lastActiveSessionId().orElse(null) + '}';
  }
}
