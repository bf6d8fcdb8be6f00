package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the emulator stores: users and their identifier index, clients, sessions and the outbox,
 * plus the clock and the random source every record is stamped with. No rule lives here (see the
 * {@code *Rules} classes); every method expects the caller to hold {@link #lock}.
 */
final class EmulatorState {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** Guards every record of this state; requests are routed while holding it. */
  final Object lock = new Object();
  /** The instance settings; the web UI replaces them (client trust, MFA required, rate limits). */
  volatile Settings settings;
  final AdjustableClock clock;
  final RandomGenerator random;
  final MemoryOutbox outbox = new MemoryOutbox();
  final RateLimiter rateLimiter = new RateLimiter();
  final AdminAccess admin = new AdminAccess();
  /** The secrets tokens and password digests are made with. */
  final InstanceKeys keys;
  /** Told after every request that may have changed something (a data directory writes the state again). */
  volatile Runnable onChange = () -> { };
  private final Map<String, UserRecord> users = new HashMap<>();
  /** Users by lower-cased e-mail address and username, and by E.164 phone number. */
  private final Map<String, UserRecord> usersByIdentifier = new HashMap<>();
  private final Map<String, ClientRecord> clients = new HashMap<>();
  private final Map<String, SessionRecord> sessions = new HashMap<>();
  final long instanceCreatedAt;
  /** The base URL, the {@code iss} of session tokens; set once the server listens. */
  volatile String issuer = "http://127.0.0.1";

  EmulatorState(Settings settings, Clock clock, RandomGenerator random, InstanceKeys keys) {
    this.settings = settings;
    this.keys = keys;
    this.clock = new AdjustableClock(clock);
    this.random = random;
    this.instanceCreatedAt = clock.millis();
  }

  /** Something may have changed; the caller holds the lock. */
  void changed() {
    onChange.run();
  }

  long now() {
    return clock.millis();
  }

  /** A Clerk-style id: {@code prefix_} and 27 base-62 characters. */
  String newId(String prefix) {
    return prefix + "_" + randomString(BASE62, 27);
  }

  String randomBase62(int length) {
    return randomString(BASE62, length);
  }

  /**
   * Random characters of {@code alphabet} (at most 256 of them), from bytes drawn in one call: a
   * {@code SecureRandom} call per character was a visible share of a profile (ids, trace ids and
   * token nonces are drawn on every request). Bytes that would favour some characters are drawn
   * again.
   */
  String randomString(String alphabet, int length) {
    int n = alphabet.length();
    int limit = 256 - 256 % n;
    StringBuilder sb = new StringBuilder(length);
    byte[] bytes = new byte[length + length / 2 + 4];
    while (sb.length() < length) {
      random.nextBytes(bytes);
      for (int i = 0; i < bytes.length && sb.length() < length; i++) {
        int b = bytes[i] & 0xff;
        if (b < limit) {
          sb.append(alphabet.charAt(b % n));
        }
      }
    }
    return sb.toString();
  }

  // users

  /** Every user, in no particular order. */
  Collection<UserRecord> users() {
    return users.values();
  }

  Optional<UserRecord> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  boolean hasUser(String id) {
    return users.containsKey(id);
  }

  void putUser(UserRecord user) {
    users.put(user.id, user);
  }

  /** Forgets a deleted user and every identifier index entry that names it. */
  void removeUser(UserRecord user) {
    users.remove(user.id);
    usersByIdentifier.values().removeIf(u -> u == user);
  }

  /** The key an identifier is indexed under: e-mail addresses and usernames ignore case. */
  static String identifierKey(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  /** The user holding this identifier (an index key, see {@link #identifierKey}), if any. */
  Optional<UserRecord> userByIdentifier(String key) {
    return Optional.ofNullable(usersByIdentifier.get(key));
  }

  void index(String key, UserRecord user) {
    usersByIdentifier.put(key, user);
  }

  /** Removes the key if it still names this user. */
  void unindex(String key, UserRecord user) {
    usersByIdentifier.remove(key, user);
  }

  /** Finds a user by e-mail address, phone number (spaces and punctuation ignored) or username. */
  Optional<UserRecord> findUser(String identifier) {
    String trimmed = identifier.trim();
    UserRecord byText = usersByIdentifier.get(trimmed.toLowerCase(Locale.ROOT));
    if (byText != null) {
      return Optional.of(byText);
    }
    return Optional.ofNullable(usersByIdentifier.get(trimmed.replaceAll("[\\s().-]", "")));
  }

  // clients and sessions

  void putClient(ClientRecord client) {
    clients.put(client.id, client);
  }

  Optional<ClientRecord> client(String id) {
    return Optional.ofNullable(clients.get(id));
  }

  Collection<ClientRecord> clients() {
    return clients.values();
  }

  void putSession(SessionRecord session) {
    sessions.put(session.id, session);
  }

  Optional<SessionRecord> session(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  Iterable<SessionRecord> sessions() {
    return sessions.values();
  }
}
