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

  /** {@return the stored token, verbatim, if any} */
  Optional<String> get();

  /**
   * Replaces the stored token.
   *
   * @param token the {@code Authorization} value to keep, verbatim
   */
  void set(String token);

  /** Forgets the token. */
  void clear();

  /**
   * Releases what the store holds (a file lock, say); called by {@link Clerk#close()}. The
   * default does nothing.
   */
  default void close() {}

  /** {@return a store that lives as long as the JVM; the default} */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }

  /**
   * A store in a file, so that a desktop or CLI app stays signed in across runs. The file is
   * written readable by its owner only ({@code rw-------} where the file system supports POSIX
   * permissions) and replaced atomically, so a crash never leaves half a token.
   *
   * <p>One file holds one client's token, so it belongs to one {@link Clerk} at a time: at its
   * first use the store locks {@code <path>.lock} (a {@link java.nio.channels.FileChannel} lock,
   * which other processes see) until {@link #close()}, that is until its Clerk is closed. Another
   * process or Clerk that uses the same file meanwhile fails at its first call with a {@link
   * ClerkException} saying so, instead of silently signing in as the other one's user. Give each
   * concurrently running client its own file.
   *
   * @param path the file; its directory is created at the first use if missing
   * @return a store in that file
   * @throws IllegalArgumentException {@code path} is a file system root, which names no file
   */
  static TokenStore file(Path path) {
    return new FileTokenStore(path);
  }
}
