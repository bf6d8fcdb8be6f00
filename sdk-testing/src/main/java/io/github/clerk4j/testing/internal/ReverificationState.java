package io.github.clerk4j.testing.internal;

/** Where a session reverification stands ({@code session_reverification.status}). */
enum ReverificationState implements WireValue {
  NEEDS_FIRST_FACTOR,
  NEEDS_SECOND_FACTOR,
  COMPLETE;
}
