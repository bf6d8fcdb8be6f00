package io.github.clerk4j.testing.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes. The iteration count is far below a production
 * setting on purpose: this is a test server, and seeding 100,000 users must stay fast.
 */
final class Passwords {
  private static final int ITERATIONS = 4096;
  private static final int KEY_BITS = 256;

  private Passwords() {}

  /** A stored password: salt and derived key, never the password itself. */
  record Hash(byte[] salt, byte[] key) {
    @Override
    public String toString() {
      return "Hash[redacted]";
    }
  }

  static Hash hash(String password, byte[] salt) {
    return new Hash(salt.clone(), derive(password, salt));
  }

  /** Constant-time comparison, so timing reveals nothing about how much of the password matched. */
  static boolean matches(Hash hash, String candidate) {
    return MessageDigest.isEqual(hash.key(), derive(candidate, hash.salt()));
  }

  private static byte[] derive(String password, byte[] salt) {
    KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }

  /** SHA-256 digest, for secrets that are random enough not to need a slow hash (backup codes). */
  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
