package io.github.clerk4j.testing.internal;

/** A session task ({@code tasks[].key}). */
enum TaskKey implements WireValue {
  RESET_PASSWORD,
  SETUP_MFA;

  /** Task keys are spelt with hyphens. */
  @Override
  public String wire() {
    return WireValue.super.wire().replace('_', '-');
  }
}
