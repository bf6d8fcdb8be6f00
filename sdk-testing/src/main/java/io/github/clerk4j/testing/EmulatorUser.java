package io.github.clerk4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user to seed into the emulator. The first e-mail address and phone number are the primary
 * ones; every seeded identifier is verified. Secrets (password, TOTP secret, backup codes) are left
 * out of {@link #toString()}.
 *
 * <pre>{@code
 * EmulatorUser alice = EmulatorUser.builder()
 *     .email("alice@example.com")
 *     .password("correct horse battery staple")
 *     .mfaPhone("+15555550100")           // SMS second factor
 *     .totpSecret("JBSWY3DPEHPK3PXP")     // authenticator app
 *     .build();
 * }</pre>
 *
 * <p>The same fields can be given in a JSON file ({@code ClerkEmulator.Builder.usersFromJson}),
 * each key the builder method's name in snake_case; a method that may be called several times
 * takes a string or an array: {@code {"users": [{"id", "first_name", "last_name", "username",
 * "email": [], "phone": [], "mfa_phone": [], "password", "totp_secret", "backup_codes": [],
 * "password_compromised"}]}}. Any other key is an error that lists these.
 */
public final class EmulatorUser {
  private final String id;
  private final String firstName;
  private final String lastName;
  private final String username;
  private final List<String> emailAddresses;
  private final List<String> phoneNumbers;
  private final List<String> mfaPhoneNumbers;
  private final String password;
  private final String totpSecret;
  private final List<String> backupCodes;
  private final boolean passwordCompromised;

  private EmulatorUser(Builder b) {
    this.id = b.id;
    this.firstName = b.firstName;
    this.lastName = b.lastName;
    this.username = b.username;
    this.emailAddresses = List.copyOf(b.emailAddresses);
    this.phoneNumbers = List.copyOf(b.phoneNumbers);
    this.mfaPhoneNumbers = List.copyOf(b.mfaPhoneNumbers);
    this.password = b.password;
    this.totpSecret = b.totpSecret;
    this.backupCodes = List.copyOf(b.backupCodes);
    this.passwordCompromised = b.passwordCompromised;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The user id to use ({@code user_…}), or empty to let the emulator choose. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** First name, if any. */
  public Optional<String> firstName() {
    return Optional.ofNullable(firstName);
  }

  /** Last name, if any. */
  public Optional<String> lastName() {
    return Optional.ofNullable(lastName);
  }

  /** Username, if any. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** E-mail addresses, primary first. */
  public List<String> emailAddresses() {
    return emailAddresses;
  }

  /** Phone numbers (E.164) not used for MFA, primary first. */
  public List<String> phoneNumbers() {
    return phoneNumbers;
  }

  /** Phone numbers (E.164) reserved for the SMS second factor; the first is the default. */
  public List<String> mfaPhoneNumbers() {
    return mfaPhoneNumbers;
  }

  /** The password, if the user has one. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** A verified authenticator-app secret (base32), if the user has TOTP. */
  public Optional<String> totpSecret() {
    return Optional.ofNullable(totpSecret);
  }

  /** Unused backup codes. */
  public List<String> backupCodes() {
    return backupCodes;
  }

  /** Whether the password is flagged compromised (password sign-in refused, reset required). */
  public boolean passwordCompromised() {
    return passwordCompromised;
  }

  @Override
  public String toString() {
    return "EmulatorUser[id=" + id + ", username=" + username + ", emailAddresses=" + emailAddresses
        + ", phoneNumbers=" + phoneNumbers + ", mfaPhoneNumbers=" + mfaPhoneNumbers
        + ", password=" + (password == null ? "none" : "<redacted>")
        + ", totp=" + (totpSecret == null ? "none" : "<redacted>")
        + ", backupCodes=" + backupCodes.size() + "]";
  }

  /** Builds an {@link EmulatorUser}. */
  public static final class Builder {
    private String id;
    private String firstName;
    private String lastName;
    private String username;
    private final List<String> emailAddresses = new ArrayList<>();
    private final List<String> phoneNumbers = new ArrayList<>();
    private final List<String> mfaPhoneNumbers = new ArrayList<>();
    private String password;
    private String totpSecret;
    private final List<String> backupCodes = new ArrayList<>();
    private boolean passwordCompromised;

    private Builder() {}

    /** Fixes the user id ({@code user_…}) instead of a generated one. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id);
      return this;
    }

    /** Sets the first name. */
    public Builder firstName(String firstName) {
      this.firstName = firstName;
      return this;
    }

    /** Sets the last name. */
    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    /** Sets the username (an identifier for sign-in). */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /** Adds a verified e-mail address; the first one added is primary. */
    public Builder email(String emailAddress) {
      emailAddresses.add(Objects.requireNonNull(emailAddress));
      return this;
    }

    /** Adds a verified phone number (E.164) usable for sign-in; the first one is primary. */
    public Builder phone(String phoneNumber) {
      phoneNumbers.add(Objects.requireNonNull(phoneNumber));
      return this;
    }

    /** Adds a verified phone number (E.164) reserved for the SMS second factor. */
    public Builder mfaPhone(String phoneNumber) {
      mfaPhoneNumbers.add(Objects.requireNonNull(phoneNumber));
      return this;
    }

    /** Sets the password. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** Enables an authenticator app with this base32 secret. */
    public Builder totpSecret(String base32Secret) {
      this.totpSecret = base32Secret;
      return this;
    }

    /** Adds unused backup codes. */
    public Builder backupCodes(String... codes) {
      backupCodes.addAll(List.of(codes));
      return this;
    }

    /** Flags the password as compromised. */
    public Builder passwordCompromised(boolean compromised) {
      this.passwordCompromised = compromised;
      return this;
    }

    /**
     * Builds the user.
     *
     * @throws IllegalArgumentException if the user has no identifier at all
     */
    public EmulatorUser build() {
      if (emailAddresses.isEmpty() && phoneNumbers.isEmpty() && mfaPhoneNumbers.isEmpty()
          && username == null) {
        throw new IllegalArgumentException("a user needs an e-mail address, phone number or username");
      }
      return new EmulatorUser(this);
    }
  }
}
