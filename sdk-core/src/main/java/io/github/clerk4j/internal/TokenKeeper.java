package io.github.clerk4j.internal;

import io.github.clerk4j.TokenStore;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Applies the client-token rules of the native protocol on top of a {@link TokenStore}: a response's
 * {@code Authorization} value replaces the stored token verbatim, an empty or bare {@code Bearer}
 * clears it, and a late response never puts back an older token. "Older" is decided by the JWT's
 * {@code iat} when both tokens are JWTs, else by the order in which the requests were sent.
 */
public final class TokenKeeper {

  private final TokenStore store;
  private long nextTicket;
  /** Ticket of the request whose token is stored (or that cleared it). */
  private long appliedTicket = -1;
  /** Responses to requests sent before a local clear (sign-out) must not restore a token. */
  private long clearedBefore = -1;
  private @Nullable String token;
  private boolean loaded;

  public TokenKeeper(TokenStore store) {
    this.store = store;
  }

  /** Marks a request as sent now; pass the ticket back to {@link #onResponse}. */
  public synchronized long ticket() {
    return nextTicket++;
  }

  /** The token to send, or {@code null}. */
  public synchronized @Nullable String current() {
    if (!loaded) {
      token = store.get().orElse(null);
      loaded = true;
    }
    return token;
  }

  /**
   * Applies the {@code Authorization} header of the response to the request with {@code ticket},
   * which was sent with {@code sentToken}. An answer that hands back the very token it was sent
   * with saw no rotation: it never replaces a token stored since, which can only be newer news.
   * (Without this rule, a request that the server took before a rotating one, but whose answer
   * came after it, put the old token back: in the same second the JWTs' {@code iat} cannot tell
   * them apart, and the order of sending says nothing about the order of processing.)
   *
   * @param sentToken the {@code Authorization} the request carried, or {@code null} for none
   * @return whether the stored token changed
   */
  public synchronized boolean onResponse(long ticket, @Nullable String sentToken, @Nullable String header) {
    if (header == null || ticket < clearedBefore) {
      return false;
    }
    current();
    String value = header.trim();
    if (clears(value)) {
      if (ticket < appliedTicket || token == null) {
        return false;
      }
      store.clear();
      token = null;
      appliedTicket = ticket;
      return true;
    }
    // Checked first: such an answer must not mark its (later) ticket as the applied one either,
    // or the rotating answer, sent earlier, would then look older.
    if (sentToken != null && value.equals(sentToken.trim())) {
      return false;
    }
    if (value.equals(token)) {
      appliedTicket = Math.max(appliedTicket, ticket);
      return false;
    }
    OptionalLong newIat = Jwts.numericClaim(value, "iat");
    OptionalLong oldIat = Jwts.numericClaim(token, "iat");
    boolean newer;
    if (token == null) {
      newer = ticket >= appliedTicket;
    } else if (newIat.isPresent() && oldIat.isPresent() && newIat.getAsLong() != oldIat.getAsLong()) {
      newer = newIat.getAsLong() > oldIat.getAsLong();
    } else {
      newer = ticket >= appliedTicket;
    }
    if (!newer) {
      return false;
    }
    store.set(header);
    token = header;
    appliedTicket = Math.max(appliedTicket, ticket);
    return true;
  }

  /**
   * Applies an HTTP 401 (the server no longer accepts the client) to the request with {@code
   * ticket}, which was sent with {@code sentToken}. If that is still the current token, it is
   * cleared as by {@link #clear()}; a token the 401 itself carried ({@code header}) is then kept,
   * as the server's fresh start. If the token changed since the request left (a newer response
   * rotated it, or the app signed out and in again), the 401 concerns a token already gone: only
   * {@code header} is applied, by the rules of {@link #onResponse}.
   *
   * @return whether the current token was cleared, so that the caller forgets the local client
   *     state too
   */
  public synchronized boolean onUnauthenticated(long ticket, @Nullable String sentToken, @Nullable String header) {
    current();
    if (ticket < clearedBefore || !Objects.equals(sentToken, token)) {
      onResponse(ticket, sentToken, header);
      return false;
    }
    clear();
    if (header != null && !clears(header.trim())) {
      store.set(header);
      token = header;
    }
    return true;
  }

  /** An empty or bare {@code Bearer} header value (trimmed): the server cleared the token. */
  private static boolean clears(String value) {
    return value.isEmpty() || value.equalsIgnoreCase("Bearer");
  }

  /**
   * Whether the request with {@code ticket} left before the last {@link #clear()} (sign-out, or a
   * 401): its answer describes a client this app has forgotten.
   */
  public synchronized boolean sentBeforeClear(long ticket) {
    return ticket < clearedBefore;
  }

  /** Forgets the token locally (sign-out); responses to requests already sent cannot restore it. */
  public synchronized void clear() {
    store.clear();
    token = null;
    loaded = true;
    clearedBefore = nextTicket;
    appliedTicket = nextTicket;
  }

  /** Releases the store ({@link TokenStore#close()}); the Clerk that owns this keeper is closing. */
  public synchronized void close() {
    store.close();
  }
}
