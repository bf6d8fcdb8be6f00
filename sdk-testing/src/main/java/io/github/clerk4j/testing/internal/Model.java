package io.github.clerk4j.testing.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The emulator's in-memory state. Mutable on purpose and guarded by the one emulator lock: no
 * field is read or written without holding it. toString() is not overridden, so secrets held here
 * never reach a log by accident.
 */
final class Model {
  private Model() {}

  static final class User {
    final String id;
    String firstName;
    String lastName;
    String username;
    final List<Email> emails = new ArrayList<>();
    final List<Phone> phones = new ArrayList<>();
    String primaryEmailId;
    String primaryPhoneId;
    Passwords.Hash password;
    Long passwordUpdatedAt;
    boolean passwordCompromised;
    Totp totp;
    final List<byte[]> backupCodeDigests = new ArrayList<>();
    String backupCodesId;
    Long mfaEnabledAt;
    Long mfaDisabledAt;
    int failedPasswordAttempts;
    long lockedUntil;
    Long lastSignInAt;
    Long lastActiveAt;
    final long createdAt;
    long updatedAt;

    User(String id, long now) {
      this.id = id;
      this.createdAt = now;
      this.updatedAt = now;
    }

    boolean totpEnabled() {
      return totp != null && totp.verified;
    }

    boolean twoFactorEnabled() {
      return totpEnabled() || phones.stream().anyMatch(p -> p.reservedForSecondFactor && p.verified());
    }

    Optional<Email> email(String id) {
      return emails.stream().filter(e -> e.id.equals(id)).findFirst();
    }

    Optional<Phone> phone(String id) {
      return phones.stream().filter(p -> p.id.equals(id)).findFirst();
    }

    Optional<Email> primaryEmail() {
      return primaryEmailId == null ? Optional.empty() : email(primaryEmailId);
    }

    Optional<Phone> primaryPhone() {
      return primaryPhoneId == null ? Optional.empty() : phone(primaryPhoneId);
    }

    /** The identifier shown for this user: primary e-mail, else phone, else username. */
    String displayIdentifier() {
      return primaryEmail().map(e -> e.address)
          .or(() -> primaryPhone().map(p -> p.number))
          .orElse(username == null ? "" : username);
    }
  }

  static final class Email {
    final String id;
    final String address;
    final long createdAt;

    Email(String id, String address, long createdAt) {
      this.id = id;
      this.address = address;
      this.createdAt = createdAt;
    }
  }

  static final class Phone {
    final String id;
    final String number;
    /** True for seeded numbers, verified by "admin". */
    final boolean seeded;
    Otp verification;
    boolean reservedForSecondFactor;
    boolean defaultSecondFactor;
    final long createdAt;
    long updatedAt;

    Phone(String id, String number, boolean seeded, long now) {
      this.id = id;
      this.number = number;
      this.seeded = seeded;
      this.createdAt = now;
      this.updatedAt = now;
    }

    boolean verified() {
      return seeded || (verification != null && "verified".equals(verification.status()));
    }
  }

  static final class Totp {
    final String id;
    final byte[] secret;
    boolean verified;
    /** The last time step a code was accepted for; codes of that step or earlier are replays. */
    long lastUsedStep = Long.MIN_VALUE;
    final long createdAt;
    long updatedAt;

    Totp(String id, byte[] secret, long now) {
      this.id = id;
      this.secret = secret;
      this.createdAt = now;
      this.updatedAt = now;
    }
  }

  static final class Client {
    final String id;
    final long createdAt;
    long updatedAt;
    String token;
    SignIn signIn;
    final Map<String, SignIn> signIns = new LinkedHashMap<>();
    final List<Session> sessions = new ArrayList<>();
    String lastActiveSessionId;
    String lastAuthenticationStrategy;
    /** Users who had a session on this client: their password sign-ins need no client trust. */
    final Set<String> knownUserIds = new HashSet<>();

    Client(String id, long now) {
      this.id = id;
      this.createdAt = now;
      this.updatedAt = now;
    }
  }

  static final class SignIn {
    final String id;
    final long abandonAt;
    String status;
    String identifier;
    User user;
    String locale;
    Verification firstFactor;
    Verification secondFactor;
    /** True while the second step is client trust rather than MFA. */
    boolean clientTrustStep;
    /** {@code pending} until identified, then {@code new} or {@code known} for this client. */
    String clientTrustState = "pending";
    String createdSessionId;

    SignIn(String id, long abandonAt) {
      this.id = id;
      this.abandonAt = abandonAt;
    }
  }

  static final class Session {
    final String id;
    final Client client;
    final User user;
    String status = "active";
    final long createdAt;
    long updatedAt;
    long lastActiveAt;
    final long expireAt;
    final long abandonAt;
    long firstFactorVerifiedAt;
    Long secondFactorVerifiedAt;
    Supplier<String> lastActiveToken;
    long lastActiveTokenExpiresAt;
    String lastActiveOrganizationId;
    Reverification reverification;

    Session(String id, Client client, User user, long now, long expireAt, long abandonAt) {
      this.id = id;
      this.client = client;
      this.user = user;
      this.createdAt = now;
      this.updatedAt = now;
      this.lastActiveAt = now;
      this.expireAt = expireAt;
      this.abandonAt = abandonAt;
      this.firstFactorVerifiedAt = now;
    }

    /** Active or pending (the wire status depends on tasks). */
    boolean live() {
      return "active".equals(status);
    }
  }

  static final class Reverification {
    final String level;
    String status;
    Verification firstFactor;
    Verification secondFactor;

    Reverification(String level, String status) {
      this.level = level;
      this.status = status;
    }
  }
}
