package io.github.clerk4j;

import java.util.function.UnaryOperator;

/**
 * What {@link SignIn#finalize(Navigate)} calls once the new session is active: move the app on
 * (open the main window, print "signed in", ...). A {@link SessionStatus#PENDING pending} session
 * arrives here too; check {@link Session#currentTask()} to route the user to the task.
 */
@FunctionalInterface
public interface Navigate {

  /**
   * Moves the app on, now that {@code session} is active.
   *
   * @param session the session just made active
   * @param decorateUrl clerk-js wraps browser URLs for Safari's cookie rules; a native client has
   *     no cookies, so clerk4j passes the identity function. Apply it to any URL
   *     you open so that code ported from clerk-js keeps its shape.
   */
  void navigate(Session session, UnaryOperator<String> decorateUrl);

  /**
   * {@return a navigation that does nothing, for callers that only need the returned {@link
   * Session}}
   */
  static Navigate none() {
    return (session, decorateUrl) -> {};
  }
}
