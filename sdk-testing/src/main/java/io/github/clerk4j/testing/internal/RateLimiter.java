package io.github.clerk4j.testing.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** Sliding-window counters keyed by client IP and bucket. Guarded by the emulator lock. */
final class RateLimiter {
  private final Map<String, ArrayDeque<Long>> hits = new HashMap<>();

  /**
   * Counts one call, or refuses it when {@code limit} calls already fell in the window.
   *
   * @throws ApiException 429 {@code too_many_requests}, whose {@code Retry-After} is the wait
   *     until the oldest counted call leaves the window
   */
  void hit(String key, int limit, Duration window, long now) {
    long windowMillis = window.toMillis();
    ArrayDeque<Long> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
      times.pollFirst();
    }
    if (times.size() >= limit) {
      long waitMillis = times.peekFirst() + windowMillis - now;
      throw ApiException.tooManyRequests(Math.max(1, (waitMillis + 999) / 1000));
    }
    times.addLast(now);
  }
}
