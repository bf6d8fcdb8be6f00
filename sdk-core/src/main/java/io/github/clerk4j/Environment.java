package io.github.clerk4j;

import io.github.clerk4j.internal.wire.EnvironmentResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The instance's settings as {@code GET /v1/environment} gives them, with what a sign-up form
 * needs: which attributes are enabled and which are required, the password and username rules, who
 * may sign up. Immutable; {@link Clerk#environment()} loads it once per {@link Clerk}.
 *
 * <p>Attribute names are Clerk's: {@code email_address}, {@code phone_number}, {@code username},
 * {@code first_name}, {@code last_name}, {@code password}, and others such as {@code web3_wallet}
 * or {@code passkey}. Legal consent is not an attribute: see {@link #legalConsentEnabled()}.
 */
public final class Environment {

  /** The attributes a sign-up collects, in the order a form asks for them (clerk-android's). */
  private static final List<String> SIGN_UP_FIELDS =
      List.of("email_address", "phone_number", "username", "password", "first_name", "last_name");

  private final EnvironmentResource resource;

  Environment(EnvironmentResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the application's display name, if sent} */
  public Optional<String> applicationName() {
    return Optional.ofNullable(resource.applicationName());
  }

  /**
   * {@return the first-factor strategies the instance enables ({@code password}, {@code
   * email_code}, ...)}
   */
  public List<String> firstFactors() {
    return resource.firstFactors();
  }

  /**
   * {@return the second-factor strategies the instance enables ({@code totp}, {@code phone_code},
   * ...)}
   */
  public List<String> secondFactors() {
    return resource.secondFactors();
  }

  /** {@return every attribute the instance lists, enabled or not, in its order} */
  public List<Attribute> attributes() {
    return resource.attributes().values().stream().map(Attribute::new).toList();
  }

  /**
   * {@return the attribute with this name, if the instance lists it}
   *
   * @param name Clerk's name of the attribute, such as {@code email_address} or {@code username}
   */
  public Optional<Attribute> attribute(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(resource.attributes().get(name)).map(Attribute::new);
  }

  /**
   * {@return whether the instance lists this attribute and enables it}
   *
   * @param attribute Clerk's name of the attribute, such as {@code phone_number}
   */
  public boolean isEnabled(String attribute) {
    return attribute(attribute).map(Attribute::enabled).orElse(false);
  }

  /**
   * {@return the sign-up fields a new user must give: the enabled, required attributes among e-mail
   * address, phone number, username, password, first and last name (in that order), and {@code
   * legal_accepted} when the instance asks for legal consent}
   */
  public List<String> requiredSignUpFields() {
    List<String> fields = new ArrayList<>(SIGN_UP_FIELDS.stream()
        .filter(n -> attribute(n).filter(a -> a.enabled() && a.required()).isPresent())
        .toList());
    if (legalConsentEnabled()) {
      fields.add("legal_accepted");
    }
    return List.copyOf(fields);
  }

  /**
   * {@return the sign-up fields a new user may give: the enabled attributes that are not required}
   */
  public List<String> optionalSignUpFields() {
    return SIGN_UP_FIELDS.stream()
        .filter(n -> attribute(n).filter(a -> a.enabled() && !a.required()).isPresent())
        .toList();
  }

  /** {@return the password rules ({@code user_settings.password_settings})} */
  public PasswordSettings passwordSettings() {
    return new PasswordSettings(resource.passwordSettings());
  }

  /** {@return the username length rules ({@code user_settings.username_settings})} */
  public UsernameSettings usernameSettings() {
    return new UsernameSettings(resource.usernameSettings());
  }

  /** {@return who may sign up; {@link SignUpMode#UNKNOWN} when not sent or new} */
  public SignUpMode signUpMode() {
    return SignUpMode.fromWire(resource.signUp().mode());
  }

  /** {@return the sign-up mode as sent, if sent} */
  public Optional<String> rawSignUpMode() {
    return Optional.ofNullable(resource.signUp().mode());
  }

  /**
   * {@return whether a sign-up needs {@code legal_accepted=true} ({@code
   * sign_up.legal_consent_enabled})}
   */
  public boolean legalConsentEnabled() {
    return resource.signUp().legalConsentEnabled();
  }

  /** {@return whether bot protection is on for sign-ups ({@code sign_up.captcha_enabled})} */
  public boolean captchaEnabled() {
    return resource.signUp().captchaEnabled();
  }

  /**
   * {@return whether every user must set up MFA: their new sessions get the {@code setup-mfa} task}
   */
  public boolean mfaRequired() {
    return resource.signUp().mfaRequired();
  }

  /**
   * Checks a sign-up form against these settings before it is sent: a field the instance does not
   * enable (Clerk refuses it with {@code form_param_unknown}), a required field sent empty, a
   * password outside the length rules.
   *
   * @throws IllegalArgumentException naming the rule; nothing has been sent
   */
  void checkSignUp(SignUpParams params) {
    for (String field : SIGN_UP_FIELDS) {
      String value = params.form().get(field);
      if (value == null) {
        continue;
      }
      Optional<Attribute> attribute = attribute(field);
      if (attribute.isPresent() && !attribute.get().enabled()) {
        throw refused(field + " is not enabled on this instance (user_settings.attributes." + field
            + ".enabled is false): leave it out of the sign-up");
      }
      if (value.isEmpty() && attribute.map(Attribute::required).orElse(false)) {
        throw refused(field + " is required on this instance (user_settings.attributes." + field
            + ".required): it cannot be empty");
      }
    }
    if (legalConsentEnabled() && "false".equals(params.form().get("legal_accepted"))) {
      throw refused("this instance asks for legal consent (user_settings.sign_up.legal_consent_enabled):"
          + " legal_accepted cannot be false");
    }
    String password = params.form().get("password");
    if (password != null && !password.isEmpty()) {
      passwordSettings().check(password);
    }
  }

  private static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException(why + "; nothing was sent");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Environment e && e.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "Environment{" + applicationName().orElse("?") + ", signUpFields=" + requiredSignUpFields()
        + " required, " + optionalSignUpFields() + " optional, signUpMode=" + rawSignUpMode().orElse(null) + '}';
  }

  /** One attribute of the instance ({@code user_settings.attributes.<name>}). */
  public static final class Attribute {
    private final EnvironmentResource.Attribute a;

    Attribute(EnvironmentResource.Attribute a) {
      this.a = a;
    }

    /** {@return its name, for example {@code email_address}} */
    public String name() {
      return a.name();
    }

    /** {@return whether the instance uses it at all} */
    public boolean enabled() {
      return a.enabled();
    }

    /** {@return whether a sign-up must give it (meaningful only when {@link #enabled()})} */
    public boolean required() {
      return a.required();
    }

    /** {@return whether it signs a user in} */
    public boolean usedForFirstFactor() {
      return a.usedForFirstFactor();
    }

    /**
     * {@return the first-factor strategies it offers ({@code email_code}, {@code phone_code}, ...)}
     */
    public List<String> firstFactors() {
      return a.firstFactors();
    }

    /** {@return whether it serves as a second factor} */
    public boolean usedForSecondFactor() {
      return a.usedForSecondFactor();
    }

    /** {@return the second-factor strategies it offers} */
    public List<String> secondFactors() {
      return a.secondFactors();
    }

    /**
     * {@return the strategies that verify it ({@code email_code}, {@code email_link}, {@code
     * phone_code})}
     */
    public List<String> verifications() {
      return a.verifications();
    }

    /** {@return whether a sign-up must verify it before it completes} */
    public boolean verifyAtSignUp() {
      return a.verifyAtSignUp();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Attribute x && x.a.equals(a);
    }

    @Override
    public int hashCode() {
      return a.hashCode();
    }

    @Override
    public String toString() {
      return "Attribute{" + name() + (enabled() ? required() ? ", required" : ", optional" : ", off") + '}';
    }
  }

  /** The instance's password rules. The server is authoritative; clerk4j checks the lengths. */
  public static final class PasswordSettings {
    private final EnvironmentResource.PasswordSettings p;

    PasswordSettings(EnvironmentResource.PasswordSettings p) {
      this.p = p;
    }

    /** {@return the minimum length in characters (0 when not sent)} */
    public int minLength() {
      return p.minLength();
    }

    /**
     * {@return the maximum length in characters, if there is one ({@code max_length: 0} means
     * none)}
     */
    public OptionalInt maxLength() {
      return p.maxLength() > 0 ? OptionalInt.of(p.maxLength()) : OptionalInt.empty();
    }

    /**
     * {@return whether a password needs a special character (from {@link
     * #allowedSpecialCharacters()})}
     */
    public boolean requireSpecialChar() {
      return p.requireSpecialChar();
    }

    /** {@return whether a password needs a digit} */
    public boolean requireNumbers() {
      return p.requireNumbers();
    }

    /** {@return whether a password needs an upper-case letter} */
    public boolean requireUppercase() {
      return p.requireUppercase();
    }

    /** {@return whether a password needs a lower-case letter} */
    public boolean requireLowercase() {
      return p.requireLowercase();
    }

    /** {@return the special characters the instance counts, if sent} */
    public Optional<String> allowedSpecialCharacters() {
      return Optional.ofNullable(p.allowedSpecialCharacters());
    }

    /** {@return whether the breached-password check (HIBP) is off} */
    public boolean disableHibp() {
      return p.disableHibp();
    }

    /**
     * {@return the strength a password needs on zxcvbn's scale (0 to 4), when the instance checks
     * it ({@code show_zxcvbn}); a weaker one fails with {@code form_password_not_strong_enough}}
     */
    public OptionalInt minStrength() {
      return p.showZxcvbn() ? OptionalInt.of(p.minZxcvbnStrength()) : OptionalInt.empty();
    }

    /** Refuses a password outside the length rules, as the server would, before it is sent. */
    void check(String password) {
      int length = password.codePointCount(0, password.length());
      if (length < minLength()) {
        throw refused("the password is shorter than this instance's minimum of " + minLength()
            + " characters (user_settings.password_settings.min_length)");
      }
      if (maxLength().isPresent() && length > maxLength().getAsInt()) {
        throw refused("the password is longer than this instance's maximum of " + maxLength().getAsInt()
            + " characters (user_settings.password_settings.max_length)");
      }
      // Clerk's limit for every instance (bcrypt reads 72 bytes): form_password_size_in_bytes_exceeded.
      if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
        throw refused("the password is longer than 72 bytes in UTF-8, Clerk's limit for every instance");
      }
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof PasswordSettings x && x.p.equals(p);
    }

    @Override
    public int hashCode() {
      return p.hashCode();
    }

    @Override
    public String toString() {
      return "PasswordSettings{minLength=" + minLength() + ", maxLength=" + p.maxLength() + '}';
    }
  }

  /** The instance's username rules. */
  public static final class UsernameSettings {
    private final EnvironmentResource.UsernameSettings u;

    UsernameSettings(EnvironmentResource.UsernameSettings u) {
      this.u = u;
    }

    /** {@return the minimum length (0 when not sent)} */
    public int minLength() {
      return u.minLength();
    }

    /** {@return the maximum length (0 when not sent)} */
    public int maxLength() {
      return u.maxLength();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof UsernameSettings x && x.u.equals(u);
    }

    @Override
    public int hashCode() {
      return u.hashCode();
    }

    @Override
    public String toString() {
      return "UsernameSettings{" + minLength() + ".." + maxLength() + '}';
    }
  }
}
