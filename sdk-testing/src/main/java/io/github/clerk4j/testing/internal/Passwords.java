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

  /**
   * A password derived against a stored hash ahead of time, outside the state lock, and handed to
   * {@link #matches(Hash, String, Precomputed)}. The derivation is a pure function of the candidate
   * and the hash's salt and iterations, so using it later is the same as deriving then, whatever
   * happened in between.
   */
  record Precomputed(Hash hash, String candidate, byte[] key) {
    @Override
    public String toString() {
      return "Precomputed[redacted]";
    }
  }

  static Precomputed precompute(Hash hash, String candidate) {
    return new Precomputed(hash, candidate, derive(candidate, hash.salt(), hash.iterations()));
  }

  static Hash hash(String password, byte[] salt, int iterations) {
    return new Hash(salt.clone(), iterations, derive(password, salt, iterations));
  }

  /** Constant-time comparison, so timing reveals nothing about how much of the password matched. */
  static boolean matches(Hash hash, String candidate) {
    return matches(hash, candidate, null);
  }

  /**
   * As {@link #matches(Hash, String)}, using {@code ahead} (may be null) when it was derived for
   * this very stored hash and candidate.
   */
  static boolean matches(Hash hash, String candidate, Precomputed ahead) {
    // Same stored hash object: a password changed meanwhile is a new Hash, and is derived afresh.
    byte[] derived = ahead != null && ahead.hash() == hash && ahead.candidate().equals(candidate)
        ? ahead.key() : derive(candidate, hash.salt(), hash.iterations());
    return MessageDigest.isEqual(hash.key(), derived);
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
