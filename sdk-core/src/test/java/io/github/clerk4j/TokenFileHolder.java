package io.github.clerk4j;

import java.nio.file.Path;

/**
 * Run in a second JVM by {@link TokenFileLockTest}: takes the token file, says "ready", and holds
 * it until its standard input closes.
 */
public final class TokenFileHolder {
  private TokenFileHolder() {}

  public static void main(String[] args) throws Exception {
    TokenStore store = TokenStore.file(Path.of(args[0]));
    store.set("Bearer held-by-another-process");
    System.out.println("ready");
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the file until the test closes our input (or dies)
    }
    store.close();
  }
}
