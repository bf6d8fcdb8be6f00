package io.github.clerk4j.testing;

import io.github.clerk4j.testing.internal.Base32;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticator-app codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), as Clerk and the
 * emulator check them. Use it in tests to answer a TOTP challenge:
 *
 * <pre>{@code
 * String code = TotpGenerator.code(totp.secret(), Instant.now());
 * }</pre>
 */
public final class TotpGenerator {
  /** Length of one time step, in seconds. */
  public static final int PERIOD_SECONDS = 30;
  /** Number of digits in a code. */
  public static final int DIGITS = 6;

  private TotpGenerator() {}

  /**
   * {@return the code for a base32 secret (as shown in an {@code otpauth://} URI) at an instant}
   *
   * @param base32Secret the secret in base32 (case, spaces, dashes and padding are ignored)
   * @param at the instant
   * @throws IllegalArgumentException if the secret is not base32
   */
  public static String code(String base32Secret, Instant at) {
    return codeAtStep(Base32.decode(base32Secret), step(at));
  }

  /**
   * {@return the time step an instant falls in (seconds since the epoch divided by 30)}
   *
   * @param at the instant
   */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
  }

  /**
   * {@return the code for a raw secret at a time step (RFC 4226 HOTP over the step counter)}
   *
   * @param secret the raw secret
   * @param step the time step, as {@link #step(Instant)} gives it
   */
  public static String codeAtStep(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }
}
