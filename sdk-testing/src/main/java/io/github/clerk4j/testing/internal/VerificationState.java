package io.github.clerk4j.testing.internal;

/** The status of one factor verification ({@code verification.status}). */
enum VerificationState implements WireValue {
  UNVERIFIED,
  VERIFIED,
  FAILED,
  EXPIRED,
  /** OAuth, SSO, ID token: the provider's account is not the user's (wire spec §13). */
  TRANSFERABLE;
}
