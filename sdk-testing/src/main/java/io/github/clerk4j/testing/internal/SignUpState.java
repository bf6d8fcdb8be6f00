package io.github.clerk4j.testing.internal;

/** Where a sign-up attempt stands ({@code sign_up_attempt.status}). */
enum SignUpState implements WireValue {
  MISSING_REQUIREMENTS,
  COMPLETE,
  ABANDONED;
}
