package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.EmulatorUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads seeded users from JSON: {@code {"users": [...]}} or a bare array. Each key is the name of
 * the {@link EmulatorUser.Builder} method in snake_case ({@code mfaPhone} is {@code mfa_phone}); a
 * method that may be called several times takes a string or an array of strings.
 */
public final class UserSeeds {
  private static final Set<String> KEYS = new TreeSet<>(List.of("id", "first_name", "last_name",
      "username", "email", "phone", "mfa_phone", "password", "totp_secret", "backup_codes",
      "password_compromised"));
  /** Keys of earlier versions, refused with the new name so that an old file is fixed at once. */
  private static final Map<String, String> RENAMED = Map.of(
      "email_addresses", "email", "phone_numbers", "phone", "mfa_phone_numbers", "mfa_phone");

  private UserSeeds() {}

  /**
   * Parses the users.
   *
   * @throws IllegalArgumentException naming the user index and field at fault
   */
  public static List<EmulatorUser> parse(String json) {
    Object root;
    try {
      root = Json.read(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("users file is not valid JSON: " + e.getMessage(), e);
    }
    if (root instanceof Map<?, ?> map) {
      if (!map.keySet().equals(Set.of("users"))) {
        throw new IllegalArgumentException("expected {\"users\": [...]} or a JSON array of users, got the keys "
            + map.keySet());
      }
      root = map.get("users");
    }
    if (!(root instanceof List<?> list)) {
      throw new IllegalArgumentException("expected {\"users\": [...]} or a JSON array of users");
    }
    List<EmulatorUser> users = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException("users[" + i + "] is not an object");
      }
      users.add(user(fields, "users[" + i + "]"));
    }
    return users;
  }

  private static EmulatorUser user(Map<?, ?> f, String where) {
    for (Object key : f.keySet()) {
      if (RENAMED.containsKey(key)) {
        throw new IllegalArgumentException(where + "." + key + " is now called " + RENAMED.get(key)
            + " (the builder's name: a string or an array of strings)");
      }
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(where + "." + key + " is not a user field; the fields are "
            + String.join(", ", KEYS));
      }
    }
    EmulatorUser.Builder b = EmulatorUser.builder();
    String id = string(f, "id", where);
    if (id != null) {
      b.id(id);
    }
    b.firstName(string(f, "first_name", where))
        .lastName(string(f, "last_name", where))
        .username(string(f, "username", where))
        .password(string(f, "password", where))
        .totpSecret(string(f, "totp_secret", where));
    strings(f, "email", where).forEach(b::email);
    strings(f, "phone", where).forEach(b::phone);
    strings(f, "mfa_phone", where).forEach(b::mfaPhone);
    b.backupCodes(strings(f, "backup_codes", where).toArray(new String[0]));
    Object compromised = f.get("password_compromised");
    if (compromised != null && !(compromised instanceof Boolean)) {
      throw new IllegalArgumentException(where + ".password_compromised must be true or false");
    }
    b.passwordCompromised(Boolean.TRUE.equals(compromised));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static @Nullable String string(Map<?, ?> f, String key, String where) {
    Object v = f.get(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException(where + "." + key + " must be a string");
    }
    return (String) v;
  }

  /** A string or an array of strings. */
  private static List<String> strings(Map<?, ?> f, String key, String where) {
    Object v = f.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new IllegalArgumentException(where + "." + key + " must be a string or an array of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }
}
