package io.github.clerk4j.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Shares one "send a code" request between identical sends: while it is in flight, and for a
 * window after it succeeded. Sending a code again invalidates the one the user is about to type,
 * so a double click or a retrying UI must not do it by accident (clerk-js coalesces for 30 s). A
 * forced send ("I need a new code") always goes out and becomes the one later sends share.
 *
 * @param <K> what makes two sends identical (sign-in, call and form)
 * @param <V> the result of a send
 */
public final class SendCoalescer<K, V> {

  private static final class Entry<V> {
    final CompletableFuture<V> result = new CompletableFuture<>();
    volatile Instant completedAt;
  }

  private final Clock clock;
  private final Duration window;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public SendCoalescer(Clock clock, Duration window) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
  }

  /**
   * Runs {@code send}, or returns the result of an identical send in flight or done within the
   * window. A failed send is forgotten, so the next one goes out.
   *
   * @param force send even if an identical send was shared recently
   */
  public V send(K key, boolean force, Supplier<V> send) {
    Entry<V> mine = new Entry<>();
    Entry<V> winner;
    if (force) {
      entries.put(key, mine);
      winner = mine;
    } else {
      winner = entries.compute(key, (k, existing) -> usable(existing) ? existing : mine);
    }
    if (winner != mine) {
      return join(winner);
    }
    try {
      V value = send.get();
      mine.completedAt = clock.instant();
      mine.result.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      entries.remove(key, mine);
      mine.result.completeExceptionally(e);
      throw e;
    }
  }

  /** Whether the last send for {@code key} was shared from an earlier one: see {@link #send}. */
  private boolean usable(Entry<V> e) {
    if (e == null) {
      return false;
    }
    if (!e.result.isDone()) {
      return true;
    }
    if (e.result.isCompletedExceptionally() || e.completedAt == null) {
      return false;
    }
    return clock.instant().isBefore(e.completedAt.plus(window));
  }

  /** Forgets sends whose key matches, e.g. after a code was used up or expired. */
  public void invalidate(Predicate<K> which) {
    entries.keySet().removeIf(which);
  }

  private static <V> V join(Entry<V> e) {
    try {
      return e.result.join();
    } catch (CompletionException ce) {
      Throwable cause = ce.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw ce;
    }
  }
}
