package io.github.clerk4j.testing.internal;

import java.util.Map;

/**
 * A factor verification as the server keeps it and renders it on a sign-in, reverification or
 * identifier (the SDK's {@code Verification} is the client's view of it).
 */
interface VerificationRecord {
  FactorStrategy strategy();

  VerificationState status();

  /** The strategy as sent: {@link #strategy()}'s, or one with a provider in it ({@code oauth_google}). */
  default String wireStrategy() {
    return strategy().wire();
  }

  Map<String, Object> json();

  /** A verification that completed in one step (password, TOTP, backup code). */
  static VerificationRecord verified(String object, FactorStrategy strategy) {
    return new VerificationRecord() {
      @Override
      public FactorStrategy strategy() {
        return strategy;
      }

      @Override
      public VerificationState status() {
        return VerificationState.VERIFIED;
      }

      @Override
      public Map<String, Object> json() {
        return Json.obj("object", object, "status", VerificationState.VERIFIED, "strategy", strategy,
            "attempts", 1, "expire_at", null);
      }
    };
  }
}
