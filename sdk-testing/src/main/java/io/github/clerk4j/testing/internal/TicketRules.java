package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tickets (wire spec §15): sign-in tokens, which the Backend API mints for a user ({@code POST
 * /v1/sign_in_tokens}) and {@code strategy=ticket} consumes at sign-in, and invitations, which it
 * mints for an e-mail address ({@code POST /v1/invitations}) and a sign-up consumes. Each works
 * once and until it expires. Mint through {@link #createSignInToken} and {@link
 * #createInvitation} (the emulator's Java API and Backend API); the Frontend API only consumes.
 * Caller holds the state lock.
 */
final class TicketRules {
  /** The Backend API's default lifetime of a sign-in token ({@code expires_in_seconds}: 30 days). */
  public static final Duration SIGN_IN_TOKEN_TTL = Duration.ofDays(30);
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** The state of a ticket, as the Backend API reports it ({@code pending}, {@code accepted}, {@code revoked}). */
  public enum Status implements WireValue {
    PENDING,
    ACCEPTED,
    REVOKED
  }

  /**
   * One minted ticket.
   *
   * @param id {@code sit_...} for a sign-in token, {@code inv_...} for an invitation
   * @param token the secret the client sends as {@code ticket}
   * @param userId the user a sign-in token signs in, or null
   * @param emailAddress the address an invitation is for, or null
   */
  public record Ticket(String id, String token, String userId, String emailAddress, long createdAt, long expireAt,
      Status status, long updatedAt) {
    boolean signInToken() {
      return userId != null;
    }

    Ticket with(Status newStatus, long now) {
      return new Ticket(id, token, userId, emailAddress, createdAt, expireAt, newStatus, now);
    }

    @Override
    public String toString() {
      return "Ticket[" + id + ", " + status + "]"; // never the token
    }
  }

  private final EmulatorState state;
  private final Map<String, Ticket> byToken = new HashMap<>();
  private final Map<String, String> tokenById = new HashMap<>();

  TicketRules(EmulatorState state) {
    this.state = state;
  }

  /**
   * A sign-in token for the user, valid for {@code expiresIn}.
   *
   * @throws IllegalArgumentException no such user, or a lifetime that is not positive
   */
  public Ticket createSignInToken(String userId, Duration expiresIn) {
    if (!state.hasUser(userId)) {
      throw new IllegalArgumentException("no user " + userId + " to mint a sign-in token for");
    }
    return mint("sit", userId, null, expiresIn);
  }

  /**
   * An invitation to sign up with {@code emailAddress}, valid for {@code expiresIn}.
   *
   * @throws IllegalArgumentException a user has the address already, or a lifetime that is not positive
   */
  public Ticket createInvitation(String emailAddress, Duration expiresIn) {
    String address = emailAddress.trim();
    if (state.findUser(address).isPresent()) {
      throw new IllegalArgumentException("a user has " + address + " already: invite another address");
    }
    return mint("inv", null, address, expiresIn);
  }

  /**
   * Revokes a pending ticket (the Backend API's {@code POST /v1/sign_in_tokens/{id}/revoke}).
   *
   * @return the revoked ticket, or empty when there is none with this id
   * @throws ApiException 400 {@code sign_in_token_cannot_be_revoked_code} once it was used
   */
  public Optional<Ticket> revoke(String id) {
    String token = tokenById.get(id);
    Ticket t = token == null ? null : byToken.get(token);
    if (t == null) {
      return Optional.empty();
    }
    if (t.status() == Status.ACCEPTED) {
      throw ApiException.of(400, "sign_in_token_cannot_be_revoked_code", "cannot be revoked",
          "This sign in token cannot be revoked: it has been used already.");
    }
    Ticket revoked = t.with(Status.REVOKED, state.now());
    byToken.put(token, revoked);
    return Optional.of(revoked);
  }

  private Ticket mint(String prefix, String userId, String email, Duration expiresIn) {
    if (expiresIn.isNegative() || expiresIn.isZero()) {
      throw new IllegalArgumentException("a ticket's lifetime must be positive, got " + expiresIn);
    }
    long now = state.now();
    Ticket t = new Ticket(state.newId(prefix), state.randomString(ALPHABET, 48), userId, email, now,
        now + expiresIn.toMillis(), Status.PENDING, now);
    byToken.put(t.token(), t);
    tokenById.put(t.id(), t.token());
    return t;
  }

  /**
   * {@code strategy=ticket} at sign-in: the user of a pending sign-in token, which is used up.
   *
   * @throws ApiException 400 {@code ticket_invalid_code}, {@code ticket_expired_code}, {@code
   *     sign_in_token_already_used_code}, {@code sign_in_token_revoked_code}, or {@code
   *     invitation_account_not_exists} for an invitation (sign up with it instead)
   */
  UserRecord useSignInToken(String token) {
    Ticket t = usable(token);
    if (!t.signInToken()) {
      throw ApiException.param(400, "invitation_account_not_exists", "ticket", "no account",
          "There is no account for this invitation yet: sign up with it.");
    }
    UserRecord user = state.findUserById(t.userId())
        .orElseThrow(() -> invalid("The user of this sign in token was deleted."));
    byToken.put(token, t.with(Status.ACCEPTED, state.now()));
    return user;
  }

  /**
   * {@code strategy=ticket} at sign-up: the address of a pending invitation, which is used up.
   *
   * @throws ApiException 400 {@code ticket_invalid_code}, {@code ticket_expired_code}, {@code
   *     invitation_already_accepted}, {@code revoked_invitation}, {@code
   *     sign_in_token_not_in_sign_in_code} for a sign-in token, {@code invitation_account_exists}
   *     when a user took the address meanwhile
   */
  String useInvitation(String token) {
    Ticket t = usable(token);
    if (t.signInToken()) {
      throw ApiException.param(400, "sign_in_token_not_in_sign_in_code", "ticket", "not in sign in",
          "Sign in tokens can only be used during sign in.");
    }
    if (state.findUser(t.emailAddress()).isPresent()) {
      throw ApiException.param(400, "invitation_account_exists", "ticket", "account exists",
          "An account with the invited e-mail address exists already: sign in.");
    }
    byToken.put(token, t.with(Status.ACCEPTED, state.now()));
    return t.emailAddress();
  }

  private Ticket usable(String token) {
    Ticket t = byToken.get(token);
    if (t == null) {
      throw invalid("This ticket is invalid. Make sure you're using a valid ticket generated by Clerk.");
    }
    if (t.status() == Status.REVOKED) {
      throw t.signInToken()
          ? ApiException.param(400, "sign_in_token_revoked_code", "ticket", "revoked", "This sign in token has been revoked.")
          : ApiException.param(400, "revoked_invitation", "ticket", "revoked", "This invitation was revoked.");
    }
    if (t.status() == Status.ACCEPTED) {
      throw t.signInToken()
          ? ApiException.param(400, "sign_in_token_already_used_code", "ticket", "sign in token has already been used",
              "This sign in token has already been used. Each token can only be used once.")
          : ApiException.param(400, "invitation_already_accepted", "ticket", "already accepted",
              "This invitation has already been accepted.");
    }
    if (state.now() >= t.expireAt()) {
      throw ApiException.param(400, "ticket_expired_code", "ticket", "ticket has expired",
          "This ticket has expired and cannot be used anymore.");
    }
    return t;
  }

  private static ApiException invalid(String why) {
    return ApiException.param(400, "ticket_invalid_code", "ticket", "ticket is invalid", why);
  }
}
