package io.github.clerk4j.testing.internal;

import java.security.MessageDigest;
import java.util.Map;

/**
 * A one-time code sent by e-mail or SMS, with Clerk's rules: it expires, and the third wrong
 * attempt fails the verification for good. One class for sign-in factors, reverification and
 * phone verification alike. Guarded by the emulator lock.
 */
final class Otp implements VerificationRecord {
  static final int MAX_ATTEMPTS = 3;

  private final FactorStrategy strategy;
  private final String targetId;
  private final byte[] codeDigest;
  private final long expireAt;
  private int attempts;
  private VerificationState status = VerificationState.UNVERIFIED;

  Otp(FactorStrategy strategy, String targetId, String code, long expireAt) {
    this.strategy = strategy;
    this.targetId = targetId;
    this.codeDigest = Passwords.sha256(code);
    this.expireAt = expireAt;
  }

  /**
   * A verification that succeeded before the emulator restarted: its code is not kept, only that
   * it was verified ({@link StateFile}).
   */
  static Otp verified(FactorStrategy strategy, String targetId) {
    Otp otp = new Otp(strategy, targetId, "", 0);
    otp.attempts = 1;
    otp.status = VerificationState.VERIFIED;
    return otp;
  }

  @Override
  public FactorStrategy strategy() {
    return strategy;
  }

  /** The e-mail address or phone number id the code was sent to. */
  String targetId() {
    return targetId;
  }

  @Override
  public VerificationState status() {
    return status;
  }

  /**
   * Checks a code; on success the verification is {@code verified}.
   *
   * @throws ApiException {@code verification_expired}, {@code verification_failed},
   *     {@code form_code_incorrect} or {@code verification_already_verified}
   */
  void attempt(String code, long now) {
    if (status == VerificationState.VERIFIED) {
      throw ApiException.of(400, "verification_already_verified", "already verified",
          "This verification has already been verified.");
    }
    if (status == VerificationState.FAILED) {
      throw failed();
    }
    if (status == VerificationState.EXPIRED || now >= expireAt) {
      status = VerificationState.EXPIRED;
      throw ApiException.of(400, "verification_expired", "expired",
          "This verification has expired. You must create a new one.");
    }
    attempts++;
    if (MessageDigest.isEqual(codeDigest, Passwords.sha256(code))) {
      status = VerificationState.VERIFIED;
      return;
    }
    if (attempts >= MAX_ATTEMPTS) {
      status = VerificationState.FAILED;
      throw failed();
    }
    throw ApiException.codeIncorrect();
  }

  private static ApiException failed() {
    return ApiException.of(400, "verification_failed", "failed",
        "Too many failed attempts. You have to try again with the same or another method.");
  }

  @Override
  public Map<String, Object> json() {
    return Json.obj("object", "verification_otp", "status", status, "strategy", strategy,
        "attempts", attempts, "expire_at", expireAt);
  }
}
