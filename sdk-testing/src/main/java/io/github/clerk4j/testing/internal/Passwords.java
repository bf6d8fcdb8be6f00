package io.github.clerk4j.testing.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.KeySpec;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * How the emulator stores and checks passwords. Never the password itself: each stored password
 * has a salt and a keyed digest of it (HMAC-SHA256 under a secret of this emulator), and, when set
 * through the API, a PBKDF2-HMAC-SHA256 hash at the configured iterations.
 *
 * <p>Why both: a Clerk instance makes every check slow on purpose, against brute force; an
 * emulator has no such attacker, and a full derivation per sign-in (2 ms at 4,096 iterations)
 * capped a 2-core machine at a few hundred sign-ins per second and seeding 100,000 users at 100 s.
 * Firebase's Auth emulator keeps passwords in the clear. Here the emulator knows each password
 * when it is set, so it records the keyed digest then, and a right password is recognised by it in
 * a microsecond. A wrong password still costs a full derivation (against the PBKDF2 hash, or, for
 * a seeded password that has none, derived and discarded), so guessing and lockout behave and
 * cost as against a hashed store. Seeding derives nothing (the hash is made lazily, only when a
 * password is set through the API), so 100,000 users seed in seconds. A changed password is a new
 * {@link Stored}, which nothing cached refers to. Thread-safe.
 */
final class Passwords {
  private static final int KEY_BITS = 256;

  private final int iterations;
  private final RandomGenerator random;
  private final Hmac digests;

  /**
   * @param iterations PBKDF2 iterations for passwords set through the API and for wrong guesses
   * @param random the source of salts
   * @param digestKey the key of the digests ({@link InstanceKeys#passwordKey})
   */
  Passwords(int iterations, RandomGenerator random, byte[] digestKey) {
    this.iterations = iterations;
    this.random = random;
    this.digests = new Hmac(digestKey);
  }


  /**
   * A stored password: salt, the keyed digest of the password, and its PBKDF2 hash when it was set
   * through the API (null for a seeded one). Immutable.
   */
  record Stored(byte[] salt, int iterations, byte[] digest, byte @Nullable [] key) {
    @Override
    public String toString() {
      return "Stored[redacted]";
    }
  }

  /**
   * The outcome of a check made ahead of time, outside the state lock. A check is a pure function
   * of the stored password and the candidate, so using it later is the same as checking then.
   */
  record Precomputed(Stored stored, String candidate, boolean matches) {
    @Override
    public String toString() {
      return "Precomputed[redacted]";
    }
  }

  /** A seeded password: no derivation (see the class comment). */
  Stored seeded(String password) {
    byte[] salt = salt();
    return new Stored(salt, iterations, digest(salt, password), null);
  }

  /** A password set through the API (reset, change): hashed with PBKDF2, as a real store does. */
  Stored hash(String password) {
    byte[] salt = salt();
    return new Stored(salt, iterations, digest(salt, password), derive(password, salt, iterations));
  }

  /** Constant-time; a wrong candidate costs a full PBKDF2 derivation. */
  boolean matches(Stored stored, String candidate) {
    if (MessageDigest.isEqual(stored.digest(), digest(stored.salt(), candidate))) {
      return true;
    }
    byte[] derived = derive(candidate, stored.salt(), stored.iterations());
    return stored.key() != null && MessageDigest.isEqual(stored.key(), derived);
  }

  /**
   * As {@link #matches(Stored, String)}, using {@code ahead} (may be null) when it was made for
   * this very stored password and candidate; a password changed meanwhile is another object.
   */
  boolean matches(Stored stored, String candidate, @Nullable Precomputed ahead) {
    return ahead != null && ahead.stored() == stored && ahead.candidate().equals(candidate)
        ? ahead.matches() : matches(stored, candidate);
  }

  Precomputed precompute(Stored stored, String candidate) {
    return new Precomputed(stored, candidate, matches(stored, candidate));
  }

  private byte[] salt() {
    byte[] salt = new byte[16];
    synchronized (random) { // the configured random need not be thread-safe
      random.nextBytes(salt);
    }
    return salt;
  }

  private byte[] digest(byte[] salt, String password) {
    return digests.of(salt, password.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }

  /** SHA-256 digest, for secrets that are random enough not to need a slow hash (codes, backup codes). */
  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
