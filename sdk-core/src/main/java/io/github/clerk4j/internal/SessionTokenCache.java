package io.github.clerk4j.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
  private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();

  public SessionTokenCache(Clock clock, Duration margin) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.margin = Objects.requireNonNull(margin, "margin");
  }

  /** The cached token of {@code sessionId}, or the one {@code fetch} gets (once for all callers). */
  public String get(String sessionId, Supplier<String> fetch) {
    long generation = generations.getOrDefault(sessionId, 0L);
    Cached c = cache.get(sessionId);
    if (c != null && c.generation == generation && clock.instant().isBefore(c.refreshAt)) {
      return c.jwt;
    }
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> running = inFlight.putIfAbsent(sessionId, mine);
    if (running != null) {
      return join(running);
    }
    try {
      String jwt = fetch.get();
      OptionalLong exp = Jwts.numericClaim(jwt, "exp");
      // A token invalidated while it was being fetched (setActive, sign-out) is returned to the
      // callers who asked before, but not cached for later ones.
      if (exp.isPresent() && generations.getOrDefault(sessionId, 0L) == generation) {
        cache.put(sessionId, new Cached(jwt, Instant.ofEpochSecond(exp.getAsLong()).minus(margin), generation));
      }
      mine.complete(jwt);
      return jwt;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(sessionId, mine);
    }
  }

  /** Drops the token of one session; the next {@link #get} fetches a new one. */
  public void invalidate(String sessionId) {
    generations.merge(sessionId, 1L, Long::sum);
    cache.remove(sessionId);
  }

  /** Drops every token. */
  public void clear() {
    for (String id : cache.keySet()) {
      invalidate(id);
    }
    for (String id : inFlight.keySet()) {
      invalidate(id);
    }
  }

  private static String join(CompletableFuture<String> f) {
    try {
      return f.join();
    } catch (CompletionException ce) {
      if (ce.getCause() instanceof RuntimeException) {
        throw (RuntimeException) ce.getCause();
      }
      if (ce.getCause() instanceof Error) {
        throw (Error) ce.getCause();
      }
      throw ce;
    }
  }
}
