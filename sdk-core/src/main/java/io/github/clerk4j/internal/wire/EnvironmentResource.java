package io.github.clerk4j.internal.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What clerk4j reads of the instance's settings ({@code GET /v1/environment}).
 *
 * @param applicationName the application's display name
 * @param firstFactors the first-factor strategies the instance enables
 * @param secondFactors the second-factor strategies the instance enables
 * @param attributes {@code user_settings.attributes} by name, in the instance's order
 * @param passwordSettings {@code user_settings.password_settings}
 * @param usernameSettings {@code user_settings.username_settings}
 * @param signUp {@code user_settings.sign_up}
 */
public record EnvironmentResource(
    @Nullable String applicationName,
    List<String> firstFactors,
    List<String> secondFactors,
    Map<String, Attribute> attributes,
    PasswordSettings passwordSettings,
    UsernameSettings usernameSettings,
    SignUpSettings signUp) {

  public EnvironmentResource {
    firstFactors = firstFactors == null ? List.of() : List.copyOf(firstFactors);
    secondFactors = secondFactors == null ? List.of() : List.copyOf(secondFactors);
    // Map.copyOf would lose the instance's order, which a form follows.
    attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    passwordSettings = passwordSettings == null ? PasswordSettings.NONE : passwordSettings;
    usernameSettings = usernameSettings == null ? UsernameSettings.NONE : usernameSettings;
    signUp = signUp == null ? SignUpSettings.NONE : signUp;
  }

  /** {@code user_settings.attributes.<name>} ({@code UserSettings.Attribute} in the spec). */
  public record Attribute(String name, boolean enabled, boolean required, boolean usedForFirstFactor,
      List<String> firstFactors, boolean usedForSecondFactor, List<String> secondFactors,
      List<String> verifications, boolean verifyAtSignUp) {

    public Attribute {
      firstFactors = firstFactors == null ? List.of() : List.copyOf(firstFactors);
      secondFactors = secondFactors == null ? List.of() : List.copyOf(secondFactors);
      verifications = verifications == null ? List.of() : List.copyOf(verifications);
    }
  }

  /**
   * {@code user_settings.password_settings}; lengths are 0 when not sent ({@code max_length: 0}
   * means no maximum, as the recorded instance sends it).
   */
  public record PasswordSettings(int minLength, int maxLength, boolean requireSpecialChar,
      boolean requireNumbers, boolean requireUppercase, boolean requireLowercase,
      @Nullable String allowedSpecialCharacters, boolean disableHibp, boolean showZxcvbn,
      int minZxcvbnStrength) {

    static final PasswordSettings NONE = new PasswordSettings(0, 0, false, false, false, false, null, false, false, 0);
  }

  /** {@code user_settings.username_settings}; 0 when not sent. */
  public record UsernameSettings(int minLength, int maxLength) {
    static final UsernameSettings NONE = new UsernameSettings(0, 0);
  }

  /** {@code user_settings.sign_up}, with {@code mfa.required}. */
  public record SignUpSettings(@Nullable String mode, boolean legalConsentEnabled, boolean captchaEnabled,
      boolean progressive, boolean customActionRequired, boolean mfaRequired) {
    static final SignUpSettings NONE = new SignUpSettings(null, false, false, false, false, false);
  }
}
