package io.github.clerk4j.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one call for all callers that ask for the same key while it is in flight: a double click
 * on "send code" sends one code, and many threads asking for a session token make one request.
 * Once the call is done, the next caller runs it again (clerk-js sends a new code on every click
 * of "send a new code", and so does clerk4j).
 *
 * @param <K> what makes two calls identical
 * @param <V> their result
 */
public final class SingleFlight<K, V> {

  private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

  /** Runs {@code call}, or waits for the identical one in flight and shares its outcome. */
  public V run(K key, Supplier<V> call) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return join(running);
    }
    try {
      V value = call.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private static <V> V join(CompletableFuture<V> f) {
    try {
      return f.join();
    } catch (CompletionException ce) {
      if (ce.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (ce.getCause() instanceof Error e) {
        throw e;
      }
      throw ce;
    }
  }
}
