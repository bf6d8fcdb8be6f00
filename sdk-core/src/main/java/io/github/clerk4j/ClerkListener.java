package io.github.clerk4j;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Told when a {@link Clerk}'s state changes. Called on the thread that applied the change (a
 * caller's thread or the async executor), after the change is visible through {@link
 * Clerk#client()} and {@link Clerk#session()}; keep it quick. An exception thrown by a listener is
 * logged and does not reach the SDK call.
 */
public interface ClerkListener {

  /**
   * A new client snapshot: sessions, current sign-in or last active session changed.
   *
   * @param client the new snapshot, as {@link Clerk#client()} returns it now
   */
  default void onClientChanged(Client client) {}

  /**
   * The active session changed: another session, a new status or tasks, or none (signed out).
   *
   * @param session the active session now, as {@link Clerk#session()} returns it; empty when
   *     signed out
   */
  default void onSessionChanged(Optional<Session> session) {}

  /**
   * {@return a listener of client changes only}
   *
   * @param action given each new client snapshot
   */
  static ClerkListener onClient(Consumer<Client> action) {
    Objects.requireNonNull(action, "action");
    return new ClerkListener() {
      @Override
      public void onClientChanged(Client client) {
        action.accept(client);
      }
    };
  }

  /**
   * {@return a listener of active-session changes only}
   *
   * @param action given the active session after each change; empty when signed out
   */
  static ClerkListener onSession(Consumer<Optional<Session>> action) {
    Objects.requireNonNull(action, "action");
    return new ClerkListener() {
      @Override
      public void onSessionChanged(Optional<Session> session) {
        action.accept(session);
      }
    };
  }

  /** Returned by {@link Clerk#addListener(ClerkListener)}; close it to stop listening. */
  interface Registration extends AutoCloseable {
    /** Removes the listener; idempotent. */
    @Override
    void close();
  }
}
