package io.github.clerk4j.testing.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The records the emulator keeps, as a server stores them (the SDK has its own, client-side
 * {@code User}, {@code Session} and {@code SignIn}). Mutable on purpose and guarded by the state
 * lock ({@link EmulatorState#lock}): no field is read or written without holding it. toString()
 * is not overridden, so secrets held here never reach a log by accident.
 */
final class Model {
  private Model() {}

  /** A user account: identifiers, password, second factors, lockout counters. */
  static final class UserRecord {
    final String id;
    @Nullable String firstName;
    @Nullable String lastName;
    @Nullable String username;
    final List<EmailRecord> emails = new ArrayList<>();
    final List<PhoneRecord> phones = new ArrayList<>();
    @Nullable String primaryEmailId;
    @Nullable String primaryPhoneId;
    Passwords.@Nullable Stored password;
    @Nullable Long passwordUpdatedAt;
    boolean passwordCompromised;
    @Nullable TotpRecord totp;
    final List<byte[]> backupCodeDigests = new ArrayList<>();
    @Nullable String backupCodesId;
    @Nullable Long mfaEnabledAt;
    @Nullable Long mfaDisabledAt;
    int failedPasswordAttempts;
    long lockedUntil;
    @Nullable Long lastSignInAt;
    @Nullable Long lastActiveAt;
    /** Accounts at OAuth providers that sign this user in (linked by e-mail address or at sign-up). */
    final List<ExternalAccountRecord> externalAccounts = new ArrayList<>();
    /** The uploaded profile image, or null for Clerk's generated avatar. */
    @Nullable ImageRecord image;
    /** {@code unsafe_metadata}: JSON values (maps, lists, strings, numbers, booleans); from the sign-up, or set on /v1/me. */
    Map<String, Object> unsafeMetadata = new LinkedHashMap<>();
    /** {@code public_metadata} and {@code private_metadata}: set by the backend (the Backend API). */
    Map<String, Object> publicMetadata = new LinkedHashMap<>();
    Map<String, Object> privateMetadata = new LinkedHashMap<>();
    /** The application's own id for the user ({@code external_id}), set through the Backend API. */
    @Nullable String externalId;
    @Nullable Long legalAcceptedAt;
    final long createdAt;
    long updatedAt;

    UserRecord(String id, long now) {
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

    Optional<EmailRecord> email(@Nullable String id) {
      return emails.stream().filter(e -> e.id.equals(id)).findFirst();
    }

    Optional<PhoneRecord> phone(@Nullable String id) {
      return phones.stream().filter(p -> p.id.equals(id)).findFirst();
    }

    Optional<EmailRecord> primaryEmail() {
      return primaryEmailId == null ? Optional.empty() : email(primaryEmailId);
    }

    Optional<PhoneRecord> primaryPhone() {
      return primaryPhoneId == null ? Optional.empty() : phone(primaryPhoneId);
    }

    /** The identifier shown for this user: primary e-mail, else phone, else username. */
    String displayIdentifier() {
      return primaryEmail().map(e -> e.address)
          .or(() -> primaryPhone().map(p -> p.number))
          .orElse(username == null ? "" : username);
    }
  }

  static final class EmailRecord {
    final String id;
    final String address;
    /** True for seeded addresses, verified by "admin". */
    final boolean seeded;
    /** The code sent to verify it (at sign-up or on /v1/me), or null before one was sent. */
    @Nullable VerificationRecord verification;
    final long createdAt;
    long updatedAt;

    EmailRecord(String id, String address, boolean seeded, long now) {
      this.id = id;
      this.address = address;
      this.seeded = seeded;
      this.createdAt = now;
      this.updatedAt = now;
    }

    boolean verified() {
      return seeded || (verification != null && verification.status() == VerificationState.VERIFIED);
    }
  }

  /** An account at an OAuth provider, linked to a user ({@code external_account}). */
  static final class ExternalAccountRecord {
    final String id;
    /** The provider's name, such as {@code google}. */
    final String provider;
    final String providerUserId;
    final String emailAddress;
    final @Nullable String identificationId;
    final @Nullable String firstName;
    final @Nullable String lastName;
    final long createdAt;

    ExternalAccountRecord(String id, String provider, String providerUserId, String emailAddress,
        @Nullable String identificationId, @Nullable String firstName, @Nullable String lastName,
        long createdAt) {
      this.id = id;
      this.provider = provider;
      this.providerUserId = providerUserId;
      this.emailAddress = emailAddress;
      this.identificationId = identificationId;
      this.firstName = firstName;
      this.lastName = lastName;
      this.createdAt = createdAt;
    }
  }
  /** An uploaded profile image; the emulator keeps its facts, not its bytes. */
  record ImageRecord(String id, String name, String mediaType, int size, long createdAt) {}

  /** What a client's latest request said about the device: its address and {@code User-Agent}. */
  record Activity(@Nullable String ipAddress, @Nullable String userAgent) {}

  static final class PhoneRecord {
    final String id;
    final String number;
    /** True for seeded numbers, verified by "admin". */
    final boolean seeded;
    @Nullable Otp verification;
    boolean reservedForSecondFactor;
    boolean defaultSecondFactor;
    final long createdAt;
    long updatedAt;

    PhoneRecord(String id, String number, boolean seeded, long now) {
      this.id = id;
      this.number = number;
      this.seeded = seeded;
      this.createdAt = now;
      this.updatedAt = now;
    }

    boolean verified() {
      return seeded || (verification != null && verification.status() == VerificationState.VERIFIED);
    }
  }

  static final class TotpRecord {
    final String id;
    final byte[] secret;
    boolean verified;
    /** The last time step a code was accepted for; codes of that step or earlier are replays. */
    long lastUsedStep = Long.MIN_VALUE;
    final long createdAt;
    long updatedAt;

    TotpRecord(String id, byte[] secret, long now) {
      this.id = id;
      this.secret = secret;
      this.createdAt = now;
      this.updatedAt = now;
    }
  }

  /** One FAPI client (a device or browser): its token, sign-ins and sessions. */
  static final class ClientRecord {
    final String id;
    final long createdAt;
    long updatedAt;
    /** The latest client token issued ({@link SessionRules#rotateToken}). */
    String token;
    @Nullable SignInAttempt signIn;
    final Map<String, SignInAttempt> signIns = new LinkedHashMap<>();
    @Nullable SignUpAttempt signUp;
    final Map<String, SignUpAttempt> signUps = new LinkedHashMap<>();
    final List<SessionRecord> sessions = new ArrayList<>();
    @Nullable String lastActiveSessionId;
    /** The wire strategy of the last sign-in ({@code password}, {@code oauth_google}), or null. */
    @Nullable String lastAuthenticationStrategy;
    /** Users who had a session on this client: their password sign-ins need no client trust. */
    final Set<String> knownUserIds = new HashSet<>();
    /** The device as its latest request showed it: the latest activity of its sessions. */
    @Nullable Activity lastSeen;

    ClientRecord(String id, long now, String token) {
      this.id = id;
      this.createdAt = now;
      this.updatedAt = now;
      this.token = token;
    }
  }

  /** A sign-in attempt ({@code sign_in_attempt}) on one client. */
  static final class SignInAttempt {
    final String id;
    final long abandonAt;
    AttemptStatus status = AttemptStatus.NEEDS_IDENTIFIER;
    @Nullable String identifier;
    @Nullable UserRecord user;
    @Nullable String locale;
    @Nullable VerificationRecord firstFactor;
    @Nullable VerificationRecord secondFactor;
    /** True while the second step is client trust rather than MFA. */
    boolean clientTrustStep;
    TrustState clientTrustState = TrustState.PENDING;
    @Nullable String createdSessionId;

    SignInAttempt(String id, long abandonAt) {
      this.id = id;
      this.abandonAt = abandonAt;
    }

    /** The user: every sign-in past {@code needs_identifier} has one. */
    UserRecord identifiedUser() {
      return Objects.requireNonNull(user, "the sign-in has no user yet");
    }
  }

  /**
   * A sign-up attempt ({@code sign_up_attempt}) on one client: the fields given so far, their
   * codes, and once complete the user and session it created.
   */
  static final class SignUpAttempt {
    final String id;
    final long abandonAt;
    @Nullable String emailAddress;
    @Nullable String phoneNumber;
    @Nullable String username;
    @Nullable String firstName;
    @Nullable String lastName;
    Passwords.@Nullable Stored password;
    Map<String, Object> unsafeMetadata = Map.of();
    @Nullable Long legalAcceptedAt;
    @Nullable String locale;
    /** The e-mail code sent for {@link #emailAddress}, or null before one was sent. */
    @Nullable Otp emailVerification;
    /** The SMS code sent for {@link #phoneNumber}, or null before one was sent. */
    @Nullable Otp phoneVerification;
    /**
     * What verified {@link #emailAddress} without a code: the OAuth provider or enterprise
     * connection that reported it, or the invitation sent to it; null otherwise.
     */
    @Nullable VerificationRecord emailVerifiedBy;
    /** The provider's verification of a sign-up through a browser or an ID token, or null. */
    @Nullable ExternalVerification externalAccount;
    @Nullable String createdSessionId;
    @Nullable String createdUserId;

    SignUpAttempt(String id, long abandonAt) {
      this.id = id;
      this.abandonAt = abandonAt;
    }

    boolean complete() {
      return createdUserId != null;
    }

    SignUpState status(long now) {
      return complete() ? SignUpState.COMPLETE
          : now >= abandonAt ? SignUpState.ABANDONED : SignUpState.MISSING_REQUIREMENTS;
    }

    boolean emailVerified() {
      return emailVerifiedBy != null
          || emailVerification != null && emailVerification.status() == VerificationState.VERIFIED;
    }

    /** Whether a provider verified who signs up: then no password is needed (Clerk's OAuth sign-ups). */
    boolean externallyVerified() {
      return externalAccount != null && externalAccount.status() == VerificationState.VERIFIED;
    }

    boolean phoneVerified() {
      return phoneVerification != null && phoneVerification.status() == VerificationState.VERIFIED;
    }
  }

  /** A session of one user on one client. */
  static final class SessionRecord {
    final String id;
    final ClientRecord client;
    final UserRecord user;
    SessionState status = SessionState.ACTIVE;
    final long createdAt;
    long updatedAt;
    long lastActiveAt;
    final long expireAt;
    final long abandonAt;
    long firstFactorVerifiedAt;
    @Nullable Long secondFactorVerifiedAt;
    @Nullable Supplier<String> lastActiveToken;
    /** When that token was minted, and the status and factor ages it carries. */
    long lastActiveTokenMintedAt;
    @Nullable SessionState lastActiveTokenStatus;
    @Nullable List<Long> lastActiveTokenAges;
    @Nullable String lastActiveOrganizationId;
    @Nullable ReverificationRecord reverification;
    /** The id of its {@code latest_activity}. */
    final String activityId;

    SessionRecord(String id, ClientRecord client, UserRecord user, long now, long expireAt, long abandonAt,
        String activityId) {
      this.id = id;
      this.client = client;
      this.user = user;
      this.createdAt = now;
      this.updatedAt = now;
      this.lastActiveAt = now;
      this.expireAt = expireAt;
      this.abandonAt = abandonAt;
      this.firstFactorVerifiedAt = now;
      this.activityId = activityId;
    }

    /** Active or pending (the wire status depends on tasks). */
    boolean live() {
      return status == SessionState.ACTIVE;
    }
  }

  /** A session reverification in progress ({@code session_reverification}). */
  static final class ReverificationRecord {
    final ReverificationLevel level;
    ReverificationState status;
    @Nullable VerificationRecord firstFactor;
    @Nullable VerificationRecord secondFactor;

    ReverificationRecord(ReverificationLevel level, ReverificationState status) {
      this.level = level;
      this.status = status;
    }
  }
}
