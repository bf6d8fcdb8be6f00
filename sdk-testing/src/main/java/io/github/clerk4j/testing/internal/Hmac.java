package io.github.clerk4j.testing.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a fresh random key of this emulator (so nothing carries over between runs),
 * with one {@link Mac} per thread: looking one up per call was a visible share of a profile.
 * Thread-safe.
 */
final class Hmac {
  private static final String ALGORITHM = "HmacSHA256";

  private final ThreadLocal<Mac> macs;

  Hmac() {
    byte[] secret = new byte[32];
    // Not the (possibly seeded) random source: keys must differ from run to run.
    new SecureRandom().nextBytes(secret);
    SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    });
  }

  /** The MAC of the parts, in order. */
  byte[] of(byte[]... parts) {
    Mac mac = macs.get();
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }
}
