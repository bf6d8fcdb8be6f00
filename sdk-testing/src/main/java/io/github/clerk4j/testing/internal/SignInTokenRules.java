package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in tokens, Clerk's "tickets": minted by the Backend API ({@code POST /v1/sign_in_tokens}),
 * single-use and expiring, revocable while unused. Independent of how a ticket is redeemed:
 *
 * <ul>
 *   <li>{@link #mint(UserRecord, Duration)} makes a token for a user (the token text is returned
 *       once; the emulator keeps only its SHA-256 digest);
 *   <li>{@link #revoke(String)} revokes an unused one by id;
 *   <li>{@link #consume(String)} redeems a token: the user it signs in, the token then {@code
 *       accepted}; or Clerk's ticket error (400 {@code ticket_invalid_code}, {@code
 *       ticket_expired_code}, {@code sign_in_token_revoked_code}, {@code
 *       sign_in_token_already_used_code}, {@code sign_in_token_cannot_be_used_code} when its user
 *       was deleted). A sign-in's {@code strategy=ticket} calls it and then completes the sign-in
 *       for that user.
 * </ul>
 *
 * Caller holds the state lock.
 */
final class SignInTokenRules {
  /** A token's lifetime unless given: 30 days, Clerk's default. */
  static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

  /** Clerk's statuses of a sign-in token. */
  enum Status implements WireValue {
    PENDING,
    ACCEPTED,
    REVOKED
  }

  /** One sign-in token: never its text, only a digest of it. */
  static final class SignInToken {
    final String id;
    final String userId;
    final byte[] digest;
    final long expireAt;
    final long createdAt;
    long updatedAt;
    Status status = Status.PENDING;

    SignInToken(String id, String userId, byte[] digest, long expireAt, long now) {
      this.id = id;
      this.userId = userId;
      this.digest = digest;
      this.expireAt = expireAt;
      this.createdAt = now;
      this.updatedAt = now;
    }
  }

  /** A token just minted, with its text: shown once. */
  record Minted(SignInToken token, String text) {
    @Override
    public String toString() {
      return "Minted[" + token.id + ", text=<redacted>]";
    }
  }

  private final EmulatorState state;
  private final Map<String, SignInToken> byId = new HashMap<>();
  private final Map<String, SignInToken> byDigest = new HashMap<>();

  SignInTokenRules(EmulatorState state) {
    this.state = state;
  }

  /**
   * A new pending token for the user, valid for {@code lifetime}.
   *
   * @throws IllegalArgumentException if the lifetime is not positive
   */
  Minted mint(UserRecord user, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("a sign-in token's lifetime must be positive");
    }
    byte[] secret = new byte[32];
    state.random.nextBytes(secret);
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long now = state.now();
    SignInToken token = new SignInToken(state.newId("sit"), user.id, Passwords.sha256(text),
        now + lifetime.toMillis(), now);
    byId.put(token.id, token);
    byDigest.put(key(token.digest), token);
    return new Minted(token, text);
  }

  /** Whether {@code text} is a sign-in token's, whatever its state (a sign-up refuses one). */
  boolean isToken(String text) {
    return byDigest.containsKey(key(Passwords.sha256(text)));
  }

  Optional<SignInToken> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Revokes an unused token.
   *
   * @throws ApiException 404 {@code resource_not_found} for an unknown id; 400 {@code
   *     sign_in_token_already_used_code} or {@code sign_in_token_revoked_code} for one that is not
   *     pending any more
   */
  SignInToken revoke(String id) {
    SignInToken token = byId(id).orElseThrow(() -> ApiException.notFound("Sign in token"));
    requirePending(token);
    token.status = Status.REVOKED;
    token.updatedAt = state.now();
    return token;
  }

  /**
   * Redeems a token: on success it is {@code accepted} and cannot be used again.
   *
   * @return the user the token signs in
   * @throws ApiException 400 with Clerk's ticket codes (see the class comment)
   */
  UserRecord consume(String text) {
    SignInToken token = byDigest.get(key(Passwords.sha256(text)));
    if (token == null || !MessageDigest.isEqual(token.digest, Passwords.sha256(text))) {
      throw ApiException.param(400, "ticket_invalid_code", "ticket", "is invalid",
          "The ticket is invalid: use the token exactly as POST /v1/sign_in_tokens returned it.");
    }
    requirePending(token);
    if (state.now() >= token.expireAt) {
      throw ApiException.param(400, "ticket_expired_code", "ticket", "has expired",
          "This ticket has expired: create a new sign-in token.");
    }
    UserRecord user = state.user(token.userId).orElseThrow(() -> ApiException.param(400,
        "sign_in_token_cannot_be_used_code", "ticket", "cannot be used",
        "This sign in token cannot be used: its user was deleted."));
    token.status = Status.ACCEPTED;
    token.updatedAt = state.now();
    return user;
  }

  private static void requirePending(SignInToken token) {
    if (token.status == Status.REVOKED) {
      throw ApiException.param(400, "sign_in_token_revoked_code", "ticket", "has been revoked",
          "This sign in token has been revoked and cannot be used anymore.");
    }
    if (token.status == Status.ACCEPTED) {
      throw ApiException.param(400, "sign_in_token_already_used_code", "ticket", "has already been used",
          "This sign in token has already been used. Each sign in token can only be used once.");
    }
  }

  private static String key(byte[] digest) {
    return Base64.getEncoder().encodeToString(digest);
  }
}
