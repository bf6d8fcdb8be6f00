package io.github.clerk4j.testing.internal;

/** The status of one factor verification ({@code verification.status}). */
enum VerificationState implements WireValue {
  UNVERIFIED,
  VERIFIED,
  FAILED,
  EXPIRED;
}
