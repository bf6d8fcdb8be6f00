package io.github.clerk4j.internal.wire;

import io.github.clerk4j.internal.wire.EnvironmentResource.Attribute;
import io.github.clerk4j.internal.wire.EnvironmentResource.PasswordSettings;
import io.github.clerk4j.internal.wire.EnvironmentResource.SignUpSettings;
import io.github.clerk4j.internal.wire.EnvironmentResource.UsernameSettings;
import io.github.clerk4j.spi.JsonSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/environment}: the application's name and what {@code user_settings} says a
 * sign-in and a sign-up form need. The settings objects are read as free-form maps and then picked
 * apart: the environment is large, changes often, and a member of an unexpected type there is no
 * reason to fail (it reads as unset).
 */
public final class EnvironmentDecoder {

  private EnvironmentDecoder() {}

  /**
   * The environment. The first factors are the strategies of the enabled attributes used for the
   * first factor, in the instance's order; {@code password} has no {@code first_factors} entry of
   * its own on the wire (its list is empty), so an enabled password attribute used for the first
   * factor adds the {@code password} strategy.
   */
  public static @Nullable EnvironmentResource environment(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String applicationName = null;
    Map<String, Object> userSettings = Map.of();
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.ENVIRONMENT)) {
        case "display_config" -> applicationName = applicationName(in);
        case "user_settings" -> {
          if (in.peek() == JsonSource.Token.BEGIN_OBJECT) {
            userSettings = Objects.requireNonNull(in.object(), "an object is never read as null");
          } else {
            in.skipValue();
          }
        }
        default -> in.skipValue();
      }
    }
    in.endObject();
    Map<String, Attribute> attributes = attributes(map(userSettings.get("attributes")));
    Set<String> first = new LinkedHashSet<>();
    Set<String> second = new LinkedHashSet<>();
    for (Attribute a : attributes.values()) {
      if (!a.enabled()) {
        continue;
      }
      if (a.usedForFirstFactor()) {
        first.addAll(a.firstFactors());
        if (a.name().equals("password")) {
          first.add("password");
        }
      }
      if (a.usedForSecondFactor()) {
        second.addAll(a.secondFactors());
      }
    }
    Map<String, Object> password = map(userSettings.get("password_settings"));
    Map<String, Object> username = map(userSettings.get("username_settings"));
    Map<String, Object> signUp = map(userSettings.get("sign_up"));
    return new EnvironmentResource(applicationName, List.copyOf(first), List.copyOf(second), attributes,
        new PasswordSettings(integer(password, "min_length"), integer(password, "max_length"),
            bool(password, "require_special_char"), bool(password, "require_numbers"),
            bool(password, "require_uppercase"), bool(password, "require_lowercase"),
            password.get("allowed_special_characters") instanceof String s ? s : null,
            bool(password, "disable_hibp"), bool(password, "show_zxcvbn"),
            integer(password, "min_zxcvbn_strength")),
        new UsernameSettings(integer(username, "min_length"), integer(username, "max_length")),
        new SignUpSettings(signUp.get("mode") instanceof String m ? m : null,
            bool(signUp, "legal_consent_enabled"), bool(signUp, "captcha_enabled"),
            bool(signUp, "progressive"), bool(signUp, "custom_action_required"),
            bool(map(signUp.get("mfa")), "required")));
  }

  private static @Nullable String applicationName(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String name = null;
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName(MemberNames.DISPLAY_CONFIG).equals("application_name")) {
        name = in.string();
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    return name;
  }

  /** {@code attributes} as a map of name to attribute (the spec declares only one of them). */
  private static Map<String, Attribute> attributes(Map<String, Object> wire) {
    Map<String, Attribute> out = new LinkedHashMap<>();
    wire.forEach((name, value) -> {
      Map<String, Object> a = map(value);
      out.put(name, new Attribute(name, bool(a, "enabled"), bool(a, "required"),
          bool(a, "used_for_first_factor"), strings(a.get("first_factors")),
          bool(a, "used_for_second_factor"), strings(a.get("second_factors")),
          strings(a.get("verifications")), bool(a, "verify_at_sign_up")));
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static boolean bool(Map<String, Object> m, String key) {
    return Boolean.TRUE.equals(m.get(key));
  }

  /** A whole number that fits an int, else 0. */
  private static int integer(Map<String, Object> m, String key) {
    return m.get(key) instanceof Long n && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? n.intValue() : 0;
  }

  private static List<String> strings(@Nullable Object list) {
    if (!(list instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }
}
