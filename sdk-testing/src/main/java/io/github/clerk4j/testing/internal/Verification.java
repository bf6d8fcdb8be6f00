package io.github.clerk4j.testing.internal;

import java.util.Map;

/** A factor verification as rendered on a sign-in, reverification or identifier. */
interface Verification {
  String strategy();

  String status();

  Map<String, Object> json();

  /** A verification that completed in one step (password, TOTP, backup code). */
  static Verification verified(String object, String strategy, int attempts) {
    return new Verification() {
      @Override
      public String strategy() {
        return strategy;
      }

      @Override
      public String status() {
        return "verified";
      }

      @Override
      public Map<String, Object> json() {
        return Json.obj("object", object, "status", "verified", "strategy", strategy,
            "attempts", attempts, "expire_at", null);
      }
    };
  }
}
