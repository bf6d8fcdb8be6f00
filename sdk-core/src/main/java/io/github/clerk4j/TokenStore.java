package io.github.clerk4j;

import io.github.clerk4j.internal.FileTokenStore;
import io.github.clerk4j.internal.InMemoryTokenStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a {@link Clerk} keeps the client token: the credential that ties this app instance to its
 * Clerk client (device) and its sessions. Keep it as secret as a password.
 *
 * <p>Clerk decides <em>what</em> to store (rotated tokens, ignoring late older ones, clearing on
 * sign-out); a store only keeps the latest value. Implementations must be thread-safe.
 */
public interface TokenStore {

  /** The stored token, verbatim, if any. */
  Optional<String> get();

  /** Replaces the stored token. */
  void set(String token);

  /** Forgets the token. */
  void clear();

  /** A store that lives as long as the JVM; the default. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }

  /**
   * A store in a file, so that a desktop or CLI app stays signed in across runs. The file is
   * written readable by its owner only ({@code rw-------} where the file system supports POSIX
   * permissions) and replaced atomically, so a crash never leaves half a token.
   */
  static TokenStore file(Path path) {
    return new FileTokenStore(path);
  }
}
