package io.github.clerk4j;

import io.github.clerk4j.internal.JsonText;
import io.github.clerk4j.spi.Form;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a sign-up, for {@link SignUp#password(SignUpParams)}, {@link
 * SignUp#create(SignUpParams)} and {@link SignUp#update(SignUpParams)}: identifiers, password,
 * names, legal consent, unsafe metadata. Immutable; every field is optional on the wire (what the
 * instance needs comes back in {@link SignUp#missingFields()}). {@code toString()} shows the
 * field names only, never the password or personal data.
 *
 * <pre>{@code
 * SignUpParams params = SignUpParams.builder()
 *     .emailAddress("ada@example.com")
 *     .password(password)
 *     .firstName("Ada")
 *     .legalAccepted(true)
 *     .unsafeMetadata(Map.of("plan", "pro"))
 *     .build();
 * }</pre>
 */
public final class SignUpParams extends FormParams {

  private SignUpParams(Form form) {
    super(form);
  }

  /** {@return a builder with no field set yet} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SignUpParams}. A value set twice keeps the last one. */
  public static final class Builder {
    private Form form = Form.empty();

    private Builder() {}

    /**
     * Sets {@code email_address}.
     *
     * @param emailAddress the address to sign up with, such as {@code ada@example.com}
     * @return this builder
     */
    public Builder emailAddress(String emailAddress) {
      return set("email_address", emailAddress);
    }

    /**
     * Sets {@code phone_number}.
     *
     * @param phoneNumber the number to sign up with, in E.164 form ({@code +15555550100})
     * @return this builder
     */
    public Builder phoneNumber(String phoneNumber) {
      return set("phone_number", phoneNumber);
    }

    /**
     * Sets {@code username}.
     *
     * @param username the username to sign up with
     * @return this builder
     */
    public Builder username(String username) {
      return set("username", username);
    }

    /**
     * Sets {@code password}; never shown by {@code toString()}.
     *
     * @param password the password the user chose
     * @return this builder
     */
    public Builder password(String password) {
      return set("password", password);
    }

    /**
     * Sets {@code first_name}.
     *
     * @param firstName the user's first name
     * @return this builder
     */
    public Builder firstName(String firstName) {
      return set("first_name", firstName);
    }

    /**
     * Sets {@code last_name}.
     *
     * @param lastName the user's last name
     * @return this builder
     */
    public Builder lastName(String lastName) {
      return set("last_name", lastName);
    }

    /**
     * Sets {@code legal_accepted}: whether the user accepted the terms (instances with legal
     * consent need {@code true}).
     *
     * @param accepted whether the user accepted the legal terms
     * @return this builder
     */
    public Builder legalAccepted(boolean accepted) {
      form = form.with("legal_accepted", accepted);
      return this;
    }

    /**
     * {@code unsafe_metadata}: data of the app's own, sent as a JSON string and copied to the user
     * (readable and writable by the user: never trust it on a server). Values are Map, List,
     * String, Number, Boolean or null.
     *
     * @param metadata the metadata, with string keys
     * @return this builder
     * @throws IllegalArgumentException a value has no JSON form; the message gives its path
     */
    public Builder unsafeMetadata(Map<String, ?> metadata) {
      Objects.requireNonNull(metadata, "metadata");
      form = form.with("unsafe_metadata", JsonText.write(metadata));
      return this;
    }

    /**
     * Sets {@code locale}, for the messages Clerk sends the user.
     *
     * @param locale a BCP-47 tag such as {@code en-GB}
     * @return this builder
     */
    public Builder locale(String locale) {
      return set("locale", locale);
    }

    /**
     * {@code strategy}: with {@link Strategy#EMAIL_CODE} or {@link Strategy#PHONE_CODE} the
     * server also sends the verification code in the same call (as the Flutter SDK creates its
     * sign-ups). {@link SignUp#password(SignUpParams)} sets {@code password} itself.
     *
     * @param strategy the strategy to send
     * @return this builder
     * @throws IllegalArgumentException {@code strategy} is {@link Strategy#UNKNOWN}
     */
    public Builder strategy(Strategy strategy) {
      Objects.requireNonNull(strategy, "strategy");
      if (strategy.wireValue() == null) {
        throw new IllegalArgumentException("UNKNOWN has no wire value");
      }
      form = form.with("strategy", strategy.wireValue());
      return this;
    }

    /** {@return the fields set so far} */
    public SignUpParams build() {
      return new SignUpParams(form);
    }

    private Builder set(String field, String value) {
      form = form.with(field, Objects.requireNonNull(value, field));
      return this;
    }
  }
}
