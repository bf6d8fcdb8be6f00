package io.github.clerk4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
  private final @Nullable String id;
  private final @Nullable String firstName;
  private final @Nullable String lastName;
  private final @Nullable String username;
  private final List<String> emailAddresses;
  private final List<String> phoneNumbers;
  private final List<String> mfaPhoneNumbers;
  private final @Nullable String password;
  private final @Nullable String totpSecret;
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

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the user id to use ({@code user_…}), or empty to let the emulator choose} */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** {@return the first name, if any} */
  public Optional<String> firstName() {
    return Optional.ofNullable(firstName);
  }

  /** {@return the last name, if any} */
  public Optional<String> lastName() {
    return Optional.ofNullable(lastName);
  }

  /** {@return the username, if any} */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** {@return the e-mail addresses, primary first} */
  public List<String> emailAddresses() {
    return emailAddresses;
  }

  /** {@return the phone numbers (E.164) not used for MFA, primary first} */
  public List<String> phoneNumbers() {
    return phoneNumbers;
  }

  /**
   * {@return the phone numbers (E.164) reserved for the SMS second factor; the first is the
   * default}
   */
  public List<String> mfaPhoneNumbers() {
    return mfaPhoneNumbers;
  }

  /** {@return the password, if the user has one} */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** {@return the verified authenticator-app secret (base32), if the user has TOTP} */
  public Optional<String> totpSecret() {
    return Optional.ofNullable(totpSecret);
  }

  /** {@return the unused backup codes} */
  public List<String> backupCodes() {
    return backupCodes;
  }

  /**
   * {@return whether the password is flagged compromised (password sign-in refused, reset
   * required)}
   */
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
    private @Nullable String id;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String username;
    private final List<String> emailAddresses = new ArrayList<>();
    private final List<String> phoneNumbers = new ArrayList<>();
    private final List<String> mfaPhoneNumbers = new ArrayList<>();
    private @Nullable String password;
    private @Nullable String totpSecret;
    private final List<String> backupCodes = new ArrayList<>();
    private boolean passwordCompromised;

    private Builder() {}

    /**
     * Fixes the user id ({@code user_…}) instead of a generated one.
     *
     * @param id the id, such as {@code user_alice}
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id);
      return this;
    }

    /**
     * Sets the first name.
     *
     * @param firstName the first name, or null for none
     * @return this builder
     */
    public Builder firstName(@Nullable String firstName) {
      this.firstName = firstName;
      return this;
    }

    /**
     * Sets the last name.
     *
     * @param lastName the last name, or null for none
     * @return this builder
     */
    public Builder lastName(@Nullable String lastName) {
      this.lastName = lastName;
      return this;
    }

    /**
     * Sets the username (an identifier for sign-in).
     *
     * @param username the username, or null for none
     * @return this builder
     */
    public Builder username(@Nullable String username) {
      this.username = username;
      return this;
    }

    /**
     * Adds a verified e-mail address; the first one added is primary.
     *
     * @param emailAddress the address
     * @return this builder
     */
    public Builder email(String emailAddress) {
      emailAddresses.add(Objects.requireNonNull(emailAddress));
      return this;
    }

    /**
     * Adds a verified phone number (E.164) usable for sign-in; the first one is primary.
     *
     * @param phoneNumber the number, such as {@code +15555550100}
     * @return this builder
     */
    public Builder phone(String phoneNumber) {
      phoneNumbers.add(Objects.requireNonNull(phoneNumber));
      return this;
    }

    /**
     * Adds a verified phone number (E.164) reserved for the SMS second factor.
     *
     * @param phoneNumber the number, such as {@code +15555550100}
     * @return this builder
     */
    public Builder mfaPhone(String phoneNumber) {
      mfaPhoneNumbers.add(Objects.requireNonNull(phoneNumber));
      return this;
    }

    /**
     * Sets the password.
     *
     * @param password the password, or null for none
     * @return this builder
     */
    public Builder password(@Nullable String password) {
      this.password = password;
      return this;
    }

    /**
     * Enables an authenticator app with this base32 secret.
     *
     * @param base32Secret the shared secret in base32, or null for no TOTP
     * @return this builder
     */
    public Builder totpSecret(@Nullable String base32Secret) {
      this.totpSecret = base32Secret;
      return this;
    }

    /**
     * Adds unused backup codes.
     *
     * @param codes the codes
     * @return this builder
     */
    public Builder backupCodes(String... codes) {
      backupCodes.addAll(List.of(codes));
      return this;
    }

    /**
     * Flags the password as compromised.
     *
     * @param compromised whether the password is compromised
     * @return this builder
     */
    public Builder passwordCompromised(boolean compromised) {
      this.passwordCompromised = compromised;
      return this;
    }

    /**
     * Builds the user.
     *
     * @return the user
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
