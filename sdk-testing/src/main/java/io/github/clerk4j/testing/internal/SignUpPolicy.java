package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.AttributeSetting;
import io.github.clerk4j.testing.SignUpMode;
import io.github.clerk4j.testing.UserAttribute;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a sign-up must and may give on this instance, and who may sign up.
 *
 * @param attributes the setting of every {@link UserAttribute}
 * @param legalConsent a sign-up needs {@code legal_accepted=true}
 * @param mode who may sign up
 */
public record SignUpPolicy(Map<UserAttribute, AttributeSetting> attributes, boolean legalConsent, SignUpMode mode) {

  /**
   * Clerk's defaults for a new application: e-mail address and password required; phone number,
   * username, first and last name optional.
   */
  public static Map<UserAttribute, AttributeSetting> defaultAttributes() {
    Map<UserAttribute, AttributeSetting> a = new EnumMap<>(UserAttribute.class);
    a.put(UserAttribute.EMAIL_ADDRESS, AttributeSetting.REQUIRED);
    a.put(UserAttribute.PHONE_NUMBER, AttributeSetting.OPTIONAL);
    a.put(UserAttribute.USERNAME, AttributeSetting.OPTIONAL);
    a.put(UserAttribute.FIRST_NAME, AttributeSetting.OPTIONAL);
    a.put(UserAttribute.LAST_NAME, AttributeSetting.OPTIONAL);
    a.put(UserAttribute.PASSWORD, AttributeSetting.REQUIRED);
    return a;
  }

  /**
   * Copies the map.
   *
   * @throws IllegalArgumentException an attribute has no setting, or no identifier is required
   *     (a sign-up must end with a way to sign in)
   */
  public SignUpPolicy {
    Map<UserAttribute, AttributeSetting> copy = new EnumMap<>(UserAttribute.class);
    copy.putAll(attributes);
    for (UserAttribute a : UserAttribute.values()) {
      if (!copy.containsKey(a)) {
        throw new IllegalArgumentException("no setting for " + a.wireName());
      }
    }
    if (Arrays.stream(UserAttribute.values())
        .noneMatch(a -> a.isIdentifier() && copy.get(a) == AttributeSetting.REQUIRED)) {
      throw new IllegalArgumentException("a sign-up needs an identifier: make email_address, phone_number"
          + " or username required");
    }
    attributes = Collections.unmodifiableMap(copy);
  }

  AttributeSetting setting(UserAttribute a) {
    return Objects.requireNonNull(attributes.get(a), "the constructor checked every attribute has one");
  }

  boolean enabled(UserAttribute a) {
    return setting(a) != AttributeSetting.OFF;
  }
}
