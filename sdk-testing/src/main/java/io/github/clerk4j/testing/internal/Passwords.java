package io.github.clerk4j.testing.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes. The iteration count ({@link
 * Settings#passwordIterations()}) is far below a production setting on purpose: this is a test
 * server, where seeding many users must stay fast.
 */
final class Passwords {
  private static final int KEY_BITS = 256;

  private Passwords() {}

  /** A stored password: salt, iteration count and derived key, never the password itself. */
  record Hash(byte[] salt, int iterations, byte[] key) {
    @Override
    public String toString() {
      return "Hash[redacted]";
    }
  }

  static Hash hash(String password, byte[] salt, int iterations) {
    return new Hash(salt.clone(), iterations, derive(password, salt, iterations));
  }

  /** Constant-time comparison, so timing reveals nothing about how much of the password matched. */
  static boolean matches(Hash hash, String candidate) {
    return MessageDigest.isEqual(hash.key(), derive(candidate, hash.salt(), hash.iterations()));
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
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
