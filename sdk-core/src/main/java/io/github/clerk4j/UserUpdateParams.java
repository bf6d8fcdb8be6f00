package io.github.clerk4j;

import io.github.clerk4j.internal.JsonText;
import io.github.clerk4j.spi.Form;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link User#update(UserUpdateParams)} changes: the profile ({@code PATCH /v1/me}) and the
 * unsafe metadata ({@code PATCH /v1/me/metadata}). Immutable: each {@code with...} returns a copy;
 * only the fields given are sent. {@code toString()} names the fields, and shows only the ids.
 *
 * <pre>{@code
 * user.update(UserUpdateParams.empty().withFirstName("Ada").withLastName("Lovelace"));
 * user.update(UserUpdateParams.empty().withPrimaryEmailAddressId(verified.id()));
 * user.update(UserUpdateParams.empty().withUnsafeMetadata(Map.of("theme", "dark")));
 * }</pre>
 */
public final class UserUpdateParams extends FormParams {

  /** The form field of the metadata; sent to its own endpoint, never to {@code PATCH /v1/me}. */
  static final String UNSAFE_METADATA = "unsafe_metadata";

  private static final UserUpdateParams EMPTY = new UserUpdateParams(Form.empty());

  private UserUpdateParams(Form form) {
    super(form);
  }

  /** {@return params that change nothing yet} Add fields with the {@code with...} methods. */
  public static UserUpdateParams empty() {
    return EMPTY;
  }

  /**
   * {@return a copy that sets the first name; {@code ""} clears it}
   *
   * @param firstName the new first name, or {@code ""}
   */
  public UserUpdateParams withFirstName(String firstName) {
    return with("first_name", firstName, "firstName");
  }

  /**
   * {@return a copy that sets the last name; {@code ""} clears it}
   *
   * @param lastName the new last name, or {@code ""}
   */
  public UserUpdateParams withLastName(String lastName) {
    return with("last_name", lastName, "lastName");
  }

  /**
   * {@return a copy that sets the username; {@code ""} removes it where the instance allows users
   * without one} A sensitive change: the server may ask for reverification.
   *
   * @param username the new username, or {@code ""}
   */
  public UserUpdateParams withUsername(String username) {
    return with("username", username, "username");
  }

  /**
   * {@return a copy that makes this e-mail address the primary one} It must be verified. A
   * sensitive change: the server may ask for reverification.
   *
   * @param emailAddressId the address's id ({@link EmailAddress#id()})
   * @throws IllegalArgumentException the id is empty
   */
  public UserUpdateParams withPrimaryEmailAddressId(String emailAddressId) {
    return with("primary_email_address_id", require(emailAddressId, "emailAddressId"), "emailAddressId");
  }

  /**
   * {@return a copy that makes this phone number the primary one} It must be verified. A
   * sensitive change: the server may ask for reverification.
   *
   * @param phoneNumberId the number's id ({@link PhoneNumber#id()})
   * @throws IllegalArgumentException the id is empty
   */
  public UserUpdateParams withPrimaryPhoneNumberId(String phoneNumberId) {
    return with("primary_phone_number_id", require(phoneNumberId, "phoneNumberId"), "phoneNumberId");
  }

  /**
   * {@return a copy that changes the user's unsafe metadata} {@code patch} is deep-merged into
   * what the user has ({@code PATCH /v1/me/metadata}, clerk-js {@code updateMetadata}), so keys it
   * does not name are kept, and a key mapped to {@code null} is removed (use a map that allows
   * null values, such as {@link java.util.HashMap}). Values: strings, numbers, booleans, null, maps
   * with string keys and lists.
   *
   * @param patch the keys to set, or to remove (mapped to {@code null})
   * @throws IllegalArgumentException a value has no JSON form (nothing is sent)
   */
  public UserUpdateParams withUnsafeMetadata(Map<String, ?> patch) {
    Objects.requireNonNull(patch, "patch");
    return new UserUpdateParams(form().with(UNSAFE_METADATA, JsonText.write(patch)));
  }

  private UserUpdateParams with(String field, String value, String name) {
    return new UserUpdateParams(form().with(field, Objects.requireNonNull(value, name)));
  }

  /** The fields of {@code PATCH /v1/me}. */
  Form profile() {
    return form().without(UNSAFE_METADATA);
  }

  /** The JSON of the metadata patch, or null when none was given. */
  @Nullable String unsafeMetadata() {
    return form().get(UNSAFE_METADATA);
  }
}
