package io.github.clerk4j.testing.internal;

/** The emulator's own endpoints under {@code /__emulator/}, which Clerk does not have. */
final class AdminRoutes implements Routes {
  private final EmulatorState state;

  AdminRoutes(EmulatorState state) {
    this.state = state;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/__emulator/outbox", ex -> Response.json(state.outbox.toJson()));
  }
}
