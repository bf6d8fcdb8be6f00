package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.AttributeSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/environment}. Based on a recorded Clerk environment (which Clerk's own JS client
 * loads), trimmed to the factors the emulator implements, with the instance settings filled in:
 * MFA, lockout, and what a sign-up form shows and requires.
 */
final class Environment {
  private Environment() {}

  static Map<String, Object> build(Settings settings, String baseUrl, String instanceId) {
    Map<String, Object> env = map(replaceUrls(Json.read(template()), baseUrl));
    map(env.get("auth_config")).put("id", "aac_" + instanceId);
    map(env.get("auth_config")).put("reverification", true);
    map(env.get("display_config")).put("id", "display_config_" + instanceId);
    Map<String, Object> userSettings = map(env.get("user_settings"));
    map(map(userSettings.get("sign_in")).get("second_factor")).put("required", settings.mfaRequired());
    map(map(userSettings.get("sign_up")).get("mfa")).put("required", settings.mfaRequired());
    map(userSettings.get("actions")).put("delete_self", settings.deleteSelfEnabled());
    Map<String, Object> lockout = map(map(userSettings.get("attack_protection")).get("user_lockout"));
    lockout.put("enabled", settings.lockout().enabled());
    lockout.put("max_attempts", settings.lockout().maxAttempts());
    lockout.put("duration_in_minutes", settings.lockout().duration().toMinutes());
    signUp(userSettings, settings);
    browserAuth(userSettings, settings.browserAuth());
    return env;
  }

  /**
   * The enabled OAuth providers ({@code social}, added for a name the recording lacks), enterprise
   * SSO when a connection exists, and the e-mail link among the e-mail address's factors.
   */
  private static void browserAuth(Map<String, Object> userSettings, BrowserAuth auth) {
    Map<String, Object> social = map(userSettings.get("social"));
    auth.oauthProviders().keySet().forEach(name -> {
      String strategy = "oauth_" + name;
      Map<String, Object> entry = social.containsKey(strategy) ? map(social.get(strategy)) : Json.obj(
          "enabled", true, "required", false, "authenticatable", true, "block_email_subaddresses", false,
          "strategy", strategy, "not_selectable", false, "deprecated", false, "name", name);
      entry.put("enabled", true);
      entry.put("authenticatable", true);
      social.put(strategy, entry);
    });
    map(userSettings.get("enterprise_sso")).put("enabled", !auth.enterpriseConnections().isEmpty());
    Map<String, Object> email = map(map(userSettings.get("attributes")).get("email_address"));
    if (auth.emailLinks() && Boolean.TRUE.equals(email.get("enabled"))) {
      List<Object> firstFactors = new ArrayList<>((List<?>) email.get("first_factors"));
      firstFactors.add("email_link");
      email.put("first_factors", firstFactors);
      List<Object> verifications = new ArrayList<>((List<?>) email.get("verifications"));
      verifications.add("email_link");
      email.put("verifications", verifications);
    }
  }

  /**
   * What a sign-up form needs, from the instance's sign-up settings: each attribute enabled and
   * required as set (an attribute that is off offers no factor and no verification), who may sign
   * up, legal consent, and the password rules.
   */
  private static void signUp(Map<String, Object> userSettings, Settings settings) {
    Map<String, Object> attributes = map(userSettings.get("attributes"));
    settings.signUp().attributes().forEach((attribute, setting) -> {
      Map<String, Object> a = map(attributes.get(attribute.wireName()));
      boolean on = setting != AttributeSetting.OFF;
      a.put("enabled", on);
      a.put("required", setting == AttributeSetting.REQUIRED);
      if (!on) {
        a.put("used_for_first_factor", false);
        a.put("first_factors", List.of());
        a.put("used_for_second_factor", false);
        a.put("second_factors", List.of());
        a.put("verifications", List.of());
        a.put("verify_at_sign_up", false);
      }
    });
    Map<String, Object> signUp = map(userSettings.get("sign_up"));
    signUp.put("mode", settings.signUp().mode().wireName());
    signUp.put("legal_consent_enabled", settings.signUp().legalConsent());
    Map<String, Object> passwords = map(userSettings.get("password_settings"));
    passwords.put("min_length", settings.passwordMinLength());
    passwords.put("show_zxcvbn", settings.passwordMinStrength() > 0);
    passwords.put("min_zxcvbn_strength", settings.passwordMinStrength());
    Map<String, Object> usernames = map(userSettings.get("username_settings"));
    usernames.put("min_length", SignUpRules.USERNAME_MIN);
    usernames.put("max_length", SignUpRules.USERNAME_MAX);
  }

  private static String template() {
    try (InputStream in = Environment.class.getResourceAsStream("environment.json")) {
      if (in == null) {
        throw new IllegalStateException("environment.json is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recording's anonymised "URL" placeholders point at the emulator instead. */
  private static @Nullable Object replaceUrls(@Nullable Object node, String baseUrl) {
    if (node instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map(node).forEach((k, v) -> copy.put(k, replaceUrls(v, baseUrl)));
      return copy;
    }
    if (node instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) node).forEach(v -> copy.add(replaceUrls(v, baseUrl)));
      return copy;
    }
    if (node instanceof Double && (Double) node == Math.rint((Double) node)) {
      return ((Double) node).longValue(); // Moshi reads numbers as doubles; Clerk sends integers
    }
    return "URL".equals(node) ? baseUrl : node;
  }

  /** A member of the bundled recording that is an object: it has every one read here. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object node) {
    return (Map<String, Object>) Objects.requireNonNull(node,
        "environment.json lacks an object the emulator fills in");
  }
}
