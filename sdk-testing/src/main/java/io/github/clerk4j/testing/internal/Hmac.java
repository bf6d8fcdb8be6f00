package io.github.clerk4j.testing.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a key of this emulator ({@link InstanceKeys}: fresh per run, so nothing carries
 * over, unless a data directory keeps it), with one {@link Mac} per thread: looking one up per call
 * was a visible share of a profile. Thread-safe.
 */
final class Hmac {
  private static final String ALGORITHM = "HmacSHA256";

  private final ThreadLocal<Mac> macs;

  Hmac(byte[] secret) {
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
