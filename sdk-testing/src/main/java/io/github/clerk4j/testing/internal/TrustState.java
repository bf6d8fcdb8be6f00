package io.github.clerk4j.testing.internal;

/** {@code client_trust_state} of a sign-in: pending until identified, then new or known. */
enum TrustState implements WireValue {
  PENDING,
  NEW,
  KNOWN;
}
