package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.OutboxMessage.Channel;
import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.TestMode;
import io.github.clerk4j.testing.TotpGenerator;
import io.github.clerk4j.testing.internal.Model.Client;
import io.github.clerk4j.testing.internal.Model.Email;
import io.github.clerk4j.testing.internal.Model.Phone;
import io.github.clerk4j.testing.internal.Model.Session;
import io.github.clerk4j.testing.internal.Model.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The emulator's state and the rules shared by several endpoints (codes, passwords, lockout,
 * second factors, sessions, tokens). Every method expects the caller to hold {@link #lock}.
 */
final class Core {
  static final long SESSION_TOKEN_TTL_MILLIS = Duration.ofSeconds(60).toMillis();
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BACKUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  final Object lock = new Object();
  final Settings settings;
  final Clock clock;
  final RandomGenerator random;
  final Jwts jwts;
  final MemoryOutbox outbox = new MemoryOutbox();
  final RateLimiter rateLimiter = new RateLimiter();
  final Map<String, User> users = new HashMap<>();
  /** Users by lower-cased e-mail, username and by phone number. */
  final Map<String, User> usersByIdentifier = new HashMap<>();
  final Map<String, Client> clients = new HashMap<>();
  final Map<String, Session> sessions = new HashMap<>();
  final long instanceCreatedAt;
  volatile String issuer = "http://127.0.0.1";

  Core(Settings settings, Clock clock, RandomGenerator random) {
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.jwts = new Jwts(newId("ins"));
    this.instanceCreatedAt = clock.millis();
  }

  long now() {
    return clock.millis();
  }

  String newId(String prefix) {
    return prefix + "_" + randomString(BASE62, 27);
  }

  String randomString(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  // ---- users ------------------------------------------------------------------------------

  String addUser(EmulatorUser seed) {
    long now = now();
    User user = new User(seed.id().orElseGet(() -> newId("user")), now);
    if (users.containsKey(user.id)) {
      throw new IllegalArgumentException("duplicate user id " + user.id);
    }
    user.firstName = seed.firstName().orElse(null);
    user.lastName = seed.lastName().orElse(null);
    user.username = seed.username().orElse(null);
    List<String> keys = new ArrayList<>();
    for (String address : seed.emailAddresses()) {
      user.emails.add(new Email(newId("idn"), address, now));
      keys.add(address.toLowerCase(Locale.ROOT));
    }
    for (String number : seed.phoneNumbers()) {
      user.phones.add(new Phone(newId("idn"), requireE164(number), true, now));
      keys.add(number);
    }
    for (String number : seed.mfaPhoneNumbers()) {
      Phone phone = new Phone(newId("idn"), requireE164(number), true, now);
      phone.reservedForSecondFactor = true;
      user.phones.add(phone);
      keys.add(number);
    }
    user.phones.stream().filter(p -> p.reservedForSecondFactor).findFirst()
        .ifPresent(p -> p.defaultSecondFactor = true);
    if (user.username != null) {
      keys.add(user.username.toLowerCase(Locale.ROOT));
    }
    for (String key : keys) {
      if (usersByIdentifier.containsKey(key)) {
        throw new IllegalArgumentException("identifier already taken: " + key);
      }
    }
    user.primaryEmailId = user.emails.isEmpty() ? null : user.emails.get(0).id;
    user.primaryPhoneId = user.phones.isEmpty() ? null : user.phones.get(0).id;
    seed.password().ifPresent(pw -> {
      user.password = hashPassword(pw);
      user.passwordUpdatedAt = now;
    });
    user.passwordCompromised = seed.passwordCompromised();
    seed.totpSecret().ifPresent(secret -> {
      user.totp = new Model.Totp(newId("totp"), Base32.decode(secret), now);
      user.totp.verified = true;
    });
    for (String code : seed.backupCodes()) {
      user.backupCodeDigests.add(Passwords.sha256(code));
    }
    if (!user.backupCodeDigests.isEmpty()) {
      user.backupCodesId = newId("bc");
    }
    if (user.twoFactorEnabled()) {
      user.mfaEnabledAt = now;
    }
    users.put(user.id, user);
    keys.forEach(k -> usersByIdentifier.put(k, user));
    return user.id;
  }

  private static String requireE164(String number) {
    if (!isE164(number)) {
      throw new IllegalArgumentException("phone numbers must be E.164, like +15555550100: " + number);
    }
    return number;
  }

  static boolean isE164(String number) {
    return number.matches("\\+[1-9]\\d{6,14}");
  }

  /** Finds a user by e-mail address, phone number (spaces and punctuation ignored) or username. */
  Optional<User> findUser(String identifier) {
    String trimmed = identifier.trim();
    User byText = usersByIdentifier.get(trimmed.toLowerCase(Locale.ROOT));
    if (byText != null) {
      return Optional.of(byText);
    }
    return Optional.ofNullable(usersByIdentifier.get(trimmed.replaceAll("[\\s().-]", "")));
  }

  Passwords.Hash hashPassword(String password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return Passwords.hash(password, salt, settings.passwordIterations());
  }

  // ---- codes ------------------------------------------------------------------------------

  /**
   * Sends a 6-digit code and returns the verification that checks it. Test-mode addresses and
   * numbers get {@link TestMode#CODE}, as on a Clerk development instance.
   */
  Otp sendCode(String strategy, String targetId, String recipient, Channel channel, Purpose purpose) {
    boolean testMode = channel == Channel.EMAIL
        ? TestMode.isTestEmail(recipient) : TestMode.isTestPhone(recipient);
    String code = testMode ? TestMode.CODE : String.format("%06d", random.nextInt(1_000_000));
    long now = now();
    outbox.add(new OutboxMessage(channel, recipient, code, purpose, Instant.ofEpochMilli(now)));
    return new Otp(strategy, targetId, code, now + settings.codeTtl().toMillis());
  }

  /** Sends an e-mail or SMS code to one of the user's identifiers, chosen by id. */
  Otp sendCodeTo(User user, String strategy, String identifierId, Purpose purpose) {
    if (strategy.endsWith("email_code")) {
      Email email = user.email(identifierId).orElseThrow(() -> ApiException.paramValueInvalid("email_address_id"));
      return sendCode(strategy, email.id, email.address, Channel.EMAIL, purpose);
    }
    Phone phone = user.phone(identifierId).orElseThrow(() -> ApiException.paramValueInvalid("phone_number_id"));
    return sendCode(strategy, phone.id, phone.number, Channel.SMS, purpose);
  }

  // ---- passwords and lockout --------------------------------------------------------------

  void checkNotLocked(User user) {
    long now = now();
    if (!settings.lockout().enabled()) {
      return;
    }
    if (user.lockedUntil > now) {
      throw ApiException.userLocked(secondsUntil(user.lockedUntil, now));
    }
    if (user.lockedUntil != 0) {
      user.lockedUntil = 0;
      user.failedPasswordAttempts = 0;
    }
  }

  static long secondsUntil(long at, long now) {
    return Math.max(0, (at - now + 999) / 1000);
  }

  /**
   * Checks a password with lockout and the compromised flag, in Clerk's order: a locked account
   * is refused first, a wrong password counts towards lockout, and only a right password reveals
   * that it is compromised.
   */
  void checkPassword(User user, String password, String param) {
    if (user.password == null) {
      throw ApiException.strategyForUserInvalid("strategy");
    }
    checkNotLocked(user);
    if (!Passwords.matches(user.password, password)) {
      user.failedPasswordAttempts++;
      if (settings.lockout().enabled()
          && user.failedPasswordAttempts >= settings.lockout().maxAttempts()) {
        user.lockedUntil = now() + settings.lockout().duration().toMillis();
        throw ApiException.userLocked(settings.lockout().duration().toSeconds());
      }
      throw ApiException.param(422, "form_password_incorrect", param, "is incorrect",
          "Password is incorrect. Try again, or use another method.");
    }
    user.failedPasswordAttempts = 0;
    if (user.passwordCompromised) {
      throw ApiException.param(422, "form_password_compromised", param, "is compromised",
          "Your password may be compromised. To protect your account, please continue with an"
              + " alternative sign-in method. You will be required to reset your password after"
              + " signing in.");
    }
  }

  /** Sets a new password after the policy checks (length, pwned list, same as current). */
  void setPassword(User user, String newPassword, String param) {
    if (newPassword.length() < 8) {
      throw ApiException.param(422, "form_password_length_too_short", param, "is too short",
          "Passwords must be 8 characters or more.");
    }
    if (settings.pwnedPasswords().contains(newPassword)) {
      throw ApiException.param(422, "form_password_pwned", param, "has been found in a data breach",
          "Password has been found in an online data breach. For account safety, please use a"
              + " different password.");
    }
    if (user.password != null && Passwords.matches(user.password, newPassword)) {
      throw ApiException.param(422, "form_new_password_matches_current", param, "matches current",
          "Your new password cannot be the same as your current password.");
    }
    user.password = hashPassword(newPassword);
    user.passwordUpdatedAt = now();
    user.passwordCompromised = false;
    user.failedPasswordAttempts = 0;
    user.lockedUntil = 0;
    user.updatedAt = now();
  }

  // ---- second factors ---------------------------------------------------------------------

  /**
   * Verifies a second factor: a code sent by SMS (or e-mail, for client trust) through
   * {@code pending}, a TOTP code (±1 step, no replay) or a single-use backup code.
   *
   * @return the verification to show on the sign-in or reverification
   */
  Verification verifySecondFactor(User user, String strategy, String code, Verification pending) {
    switch (strategy) {
      case "phone_code":
      case "email_code":
        if (!(pending instanceof Otp) || !strategy.equals(pending.strategy())) {
          throw ApiException.of(400, "verification_missing", "missing",
              "This strategy needs a code to be sent first (prepare_second_factor).");
        }
        ((Otp) pending).attempt(code, now());
        return pending;
      case "totp":
        if (!user.totpEnabled()) {
          throw ApiException.strategyForUserInvalid("strategy");
        }
        verifyTotp(user.totp, code);
        return Verification.verified("verification_totp", "totp", 1);
      case "backup_code":
        if (!useBackupCode(user, code)) {
          throw ApiException.codeIncorrect();
        }
        return Verification.verified("verification_backup_code", "backup_code", 1);
      default:
        throw ApiException.paramFormatInvalid("strategy");
    }
  }

  /** Accepts the code of the current step or one step either side, once per step. */
  void verifyTotp(Model.Totp totp, String code) {
    long current = TotpGenerator.step(Instant.ofEpochMilli(now()));
    for (long step = current - 1; step <= current + 1; step++) {
      String expected = TotpGenerator.codeAtStep(totp.secret, step);
      if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          code.trim().getBytes(StandardCharsets.US_ASCII))) {
        if (step <= totp.lastUsedStep) {
          break; // a replay: the code was already used
        }
        totp.lastUsedStep = step;
        return;
      }
    }
    throw ApiException.codeIncorrect();
  }

  private static boolean useBackupCode(User user, String code) {
    byte[] digest = Passwords.sha256(code.trim().toLowerCase(Locale.ROOT));
    for (Iterator<byte[]> it = user.backupCodeDigests.iterator(); it.hasNext(); ) {
      if (MessageDigest.isEqual(it.next(), digest)) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /** Replaces the user's backup codes with ten new ones and returns them (shown once). */
  List<String> newBackupCodes(User user) {
    List<String> codes = new ArrayList<>();
    user.backupCodeDigests.clear();
    for (int i = 0; i < 10; i++) {
      String code = randomString(BACKUP_ALPHABET, 8);
      codes.add(code);
      user.backupCodeDigests.add(Passwords.sha256(code));
    }
    user.backupCodesId = newId("bc");
    return codes;
  }

  /**
   * Records an MFA change. On first enablement Clerk hands out backup codes; they are returned
   * here (empty otherwise) for the caller to show in its response.
   */
  List<String> mfaChanged(User user, boolean wasEnabled) {
    boolean enabled = user.twoFactorEnabled();
    user.updatedAt = now();
    if (enabled && !wasEnabled) {
      user.mfaEnabledAt = now();
      if (user.backupCodeDigests.isEmpty()) {
        return newBackupCodes(user);
      }
    } else if (!enabled && wasEnabled) {
      user.mfaDisabledAt = now();
      user.backupCodeDigests.clear();
    }
    return List.of();
  }

  // ---- clients and sessions ---------------------------------------------------------------

  Client newClient() {
    Client client = new Client(newId("client"), now());
    clients.put(client.id, client);
    rotateToken(client);
    return client;
  }

  /** Issues a new client token; earlier ones stay valid, since they name the same client. */
  void rotateToken(Client client) {
    client.token = jwts.signClientToken(Json.obj(
        "id", client.id,
        "rotating_token", randomString(BASE62, 20),
        "jti", randomString(BASE62, 20),
        "iat", now() / 1000));
  }

  /** The client a token names; 401 {@code authentication_invalid} for anything not ours. */
  Client clientForToken(String token) {
    Object id = jwts.verifyClientToken(token).map(claims -> claims.get("id")).orElse(null);
    Client client = id instanceof String ? clients.get(id) : null;
    if (client == null) {
      throw ApiException.authenticationInvalid("The client token is invalid or has expired.");
    }
    return client;
  }

  Session createSession(Client client, User user, String firstFactorStrategy, boolean secondFactor) {
    long now = now();
    Session session = new Session(newId("sess"), client, user, now,
        now + Duration.ofDays(7).toMillis(), now + Duration.ofDays(30).toMillis());
    session.secondFactorVerifiedAt = secondFactor ? now : null;
    sessions.put(session.id, session);
    client.sessions.add(session);
    client.lastActiveSessionId = session.id;
    client.lastAuthenticationStrategy = firstFactorStrategy;
    client.knownUserIds.add(user.id);
    client.updatedAt = now;
    user.lastSignInAt = now;
    user.lastActiveAt = now;
    rotateToken(client);
    return session;
  }

  /** Session tasks, derived from the user's state so that they clear as soon as it is fixed. */
  List<String> tasks(Session session) {
    List<String> tasks = new ArrayList<>();
    if (session.user.passwordCompromised) {
      tasks.add("reset-password");
    }
    if (settings.mfaRequired() && !session.user.twoFactorEnabled()) {
      tasks.add("setup-mfa");
    }
    return tasks;
  }

  String wireStatus(Session session) {
    return session.live() && !tasks(session).isEmpty() ? "pending" : session.status;
  }

  /** The session's current JWT (signed when written), minted again when the last one has expired. */
  Supplier<String> sessionToken(Session session, boolean fresh) {
    long now = now();
    if (fresh || session.lastActiveToken == null || now >= session.lastActiveTokenExpiresAt) {
      long iat = now / 1000;
      Map<String, Object> claims = Json.obj(
          "iss", issuer,
          "sub", session.user.id,
          "sid", session.id,
          "iat", iat,
          "nbf", iat - 10,
          "exp", iat + SESSION_TOKEN_TTL_MILLIS / 1000,
          "jti", randomString(BASE62, 20),
          "sts", wireStatus(session),
          "fva", factorVerificationAge(session),
          "v", 2);
      session.lastActiveToken = jwts.sessionToken(claims);
      session.lastActiveTokenExpiresAt = now + SESSION_TOKEN_TTL_MILLIS;
    }
    return session.lastActiveToken;
  }

  /** Minutes since the first and the second factor were verified; -1 for never. */
  List<Long> factorVerificationAge(Session session) {
    long now = now();
    long first = (now - session.firstFactorVerifiedAt) / 60_000;
    long second = session.secondFactorVerifiedAt == null
        ? -1 : (now - session.secondFactorVerifiedAt) / 60_000;
    return List.of(first, second);
  }

  void endSession(Session session, String status) {
    session.status = status;
    session.updatedAt = now();
    Client client = session.client;
    client.updatedAt = now();
    if (session.id.equals(client.lastActiveSessionId)) {
      client.lastActiveSessionId = client.sessions.stream().filter(Session::live)
          .reduce((a, b) -> b).map(s -> s.id).orElse(null);
    }
  }

  /** Ends every other live session of the user, on every client. */
  void endOtherSessions(User user, String keepSessionId) {
    for (Session s : new ArrayList<>(sessions.values())) {
      if (s.user == user && s.live() && !s.id.equals(keepSessionId)) {
        endSession(s, "revoked");
      }
    }
  }

  /**
   * Refuses a sensitive call when the session's latest factor verification is older than the
   * configured age (403 {@code session_reverification_required}).
   */
  void requireRecentVerification(Session session) {
    long latest = session.secondFactorVerifiedAt == null
        ? session.firstFactorVerifiedAt
        : Math.max(session.firstFactorVerifiedAt, session.secondFactorVerifiedAt);
    if (now() - latest > settings.reverificationMaxAge().toMillis()) {
      throw ApiException.of(403, "session_reverification_required", "Additional verification required",
          "You need to provide additional verification to perform this operation");
    }
  }
}
