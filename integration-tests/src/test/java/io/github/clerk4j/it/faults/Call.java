package io.github.clerk4j.it.faults;

import io.github.clerk4j.spi.Endpoint;

/**
 * One line of {@link Calls}: how to bring a {@link World} to just before a call, the call itself,
 * and how to prove afterwards that what the app held still works.
 *
 * @param <H> what the app holds before the call (a sign-in, a session, a user, ...)
 * @param name the line's name: the endpoint's, and for another way of making the same call (a
 *     ticket's sign-in beside the password's) the endpoint's with that way in brackets
 * @param retry run after every fault: by default the call again; for a call that cannot simply
 *     be repeated once the emulator acted on it, a step that finishes its work from the held object
 * @param failsClosed the call forgets the local state when it fails (signing out): after a failure
 *     the app is signed out instead of unchanged
 */
record Call<H>(Endpoint endpoint, String name, FaultProxy.Route route, Setup<H> setup, Step<H> action, Step<H> retry,
    boolean failsClosed) {

  /** Brings a world to the state before the call; returns what the app holds then. */
  @FunctionalInterface
  interface Setup<H> {
    H prepare(World w);
  }

  /** Something done with the held object. */
  @FunctionalInterface
  interface Step<H> {
    Object run(World w, H held);
  }

  static <H> Call<H> of(Endpoint endpoint, String route, Setup<H> setup, Step<H> action) {
    return new Call<>(endpoint, endpoint.name(), FaultProxy.Route.of(route), setup, action, action, false);
  }

  /** The same endpoint called another way, as a line of its own. */
  Call<H> variant(String way) {
    return new Call<>(endpoint, endpoint.name() + " (" + way + ")", route, setup, action, retry, failsClosed);
  }

  /** Whether this is the endpoint's own line rather than a {@link #variant}. */
  boolean main() {
    return name.equals(endpoint.name());
  }

  Call<H> retry(Step<H> retry) {
    return new Call<>(endpoint, name, route, setup, action, retry, failsClosed);
  }

  Call<H> failsClosed(Step<H> retry) {
    return new Call<>(endpoint, name, route, setup, action, retry, true);
  }

  /** Runs the setup, then the call under {@code fault} (see {@link Cell#run}). */
  Cell.Result runUnder(Fault fault, World w) {
    return Cell.run(this, fault, w);
  }
}
