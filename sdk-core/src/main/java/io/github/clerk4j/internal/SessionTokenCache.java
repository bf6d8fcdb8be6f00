package io.github.clerk4j.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Session JWTs by session id: cached until {@code margin} before their {@code exp}, fetched once
 * for any number of concurrent callers (single flight). An app typically asks for the token on
 * every call to its backend, from many threads; without this each would cost a request.
 */
public final class SessionTokenCache {

  private record Cached(String jwt, Instant refreshAt, long generation) {}

  private final Clock clock;
  private final Duration margin;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final SingleFlight<String, String> fetches = new SingleFlight<>();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();

  public SessionTokenCache(Clock clock, Duration margin) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.margin = Objects.requireNonNull(margin, "margin");
  }

  /** The cached token of {@code sessionId}, or the one {@code fetch} gets (once for all callers). */
  public String get(String sessionId, Supplier<String> fetch) {
    // Registered before the fetch, so that clear() during a first fetch invalidates it too.
    long generation = generations.computeIfAbsent(sessionId, k -> 0L);
    Cached c = cache.get(sessionId);
    if (c != null && c.generation == generation && clock.instant().isBefore(c.refreshAt)) {
      return c.jwt;
    }
    return fetches.run(sessionId, () -> {
      String jwt = fetch.get();
      OptionalLong exp = Jwts.numericClaim(jwt, "exp");
      // A token invalidated while it was being fetched (setActive, sign-out) is returned to the
      // callers who asked before, but not cached for later ones.
      if (exp.isPresent() && generations.getOrDefault(sessionId, 0L) == generation) {
        cache.put(sessionId, new Cached(jwt, Instant.ofEpochSecond(exp.getAsLong()).minus(margin), generation));
      }
      return jwt;
    });
  }

  /** Drops the token of one session; the next {@link #get} fetches a new one. */
  public void invalidate(String sessionId) {
    generations.merge(sessionId, 1L, Long::sum);
    cache.remove(sessionId);
  }

  /** Drops every token, also of fetches in flight. */
  public void clear() {
    for (String id : generations.keySet()) {
      invalidate(id);
    }
  }
}
