package io.github.clerk4j.testing.internal;

/** Where a sign-in attempt stands ({@code sign_in_attempt.status}). */
enum AttemptStatus implements WireValue {
  NEEDS_IDENTIFIER,
  NEEDS_FIRST_FACTOR,
  NEEDS_SECOND_FACTOR,
  NEEDS_CLIENT_TRUST,
  NEEDS_NEW_PASSWORD,
  COMPLETE;

  /** The second step: MFA or client trust, both answered with {@code *_second_factor} calls. */
  boolean secondStep() {
    return this == NEEDS_SECOND_FACTOR || this == NEEDS_CLIENT_TRUST;
  }
}
