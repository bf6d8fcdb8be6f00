package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.internal.Model.Activity;
import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.ImageRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.TotpRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's state as one JSON document, for {@code --data-dir}, {@code --import} and {@code
 * --export-on-exit}: the instance's keys, users (with their password digests and hashes, TOTP
 * secrets and backup code digests), clients (with their latest token), sessions, the outbox (with
 * its codes) and how far the clock was moved. Sign-ins and sign-ups in progress are not kept: after
 * a restart a client starts them again. {@code format} and {@code version} come first; a file of
 * another format or a newer version is refused, never overwritten.
 */
final class StateFile {
  static final String FORMAT = "clerk4j-emulator-state";
  /** The version this emulator writes and reads; a file with a higher one is refused. */
  static final int VERSION = 1;

  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private StateFile() {}

  // writing

  /**
   * The whole state as a tree of its own (nothing in it is shared with the records, so it can be
   * written out after the lock is released); the caller holds the state lock.
   */
  static Map<String, Object> snapshot(EmulatorState state) {
    List<Object> users = new ArrayList<>();
    state.users().forEach(u -> users.add(user(u)));
    List<Object> clients = new ArrayList<>();
    state.clients().forEach(c -> clients.add(client(c)));
    List<Object> sessions = new ArrayList<>();
    Map<String, UserRecord> deletedUsers = new LinkedHashMap<>();
    state.sessions().forEach(s -> {
      sessions.add(session(s));
      if (state.user(s.user.id).orElse(null) != s.user) {
        deletedUsers.put(s.user.id, s.user);
      }
    });
    List<Object> outbox = new ArrayList<>();
    for (OutboxMessage m : state.outbox.messages()) {
      outbox.add(Json.obj("channel", m.channel().name(), "recipient", m.recipient(), "code", m.code(),
          "purpose", m.purpose().name(), "sent_at", m.sentAt().toEpochMilli()));
    }
    return Json.obj(
        "format", FORMAT,
        "version", VERSION,
        "written_at", state.now(),
        "clock_advanced_by_millis", state.clock.offset().toMillis(),
        "keys", state.keys.toJson(),
        "users", users,
        "deleted_user_ids", new ArrayList<>(deletedUsers.keySet()),
        "clients", clients,
        "sessions", sessions,
        "outbox", outbox);
  }

  private static Map<String, Object> user(UserRecord u) {
    List<Object> emails = new ArrayList<>();
    for (EmailRecord e : u.emails) {
      emails.add(Json.obj("id", e.id, "address", e.address, "seeded", e.seeded, "verified", e.verified(),
          "created_at", e.createdAt, "updated_at", e.updatedAt));
    }
    List<Object> phones = new ArrayList<>();
    for (PhoneRecord p : u.phones) {
      phones.add(Json.obj("id", p.id, "number", p.number, "seeded", p.seeded, "verified", p.verified(),
          "reserved_for_second_factor", p.reservedForSecondFactor, "default_second_factor", p.defaultSecondFactor,
          "created_at", p.createdAt, "updated_at", p.updatedAt));
    }
    List<Object> backupCodes = new ArrayList<>();
    u.backupCodeDigests.forEach(d -> backupCodes.add(B64.encodeToString(d)));
    Passwords.Stored pw = u.password;
    return Json.obj(
        "id", u.id, "first_name", u.firstName, "last_name", u.lastName, "username", u.username,
        "external_id", u.externalId, "emails", emails, "phones", phones,
        "primary_email_id", u.primaryEmailId, "primary_phone_id", u.primaryPhoneId,
        "password", pw == null ? null : Json.obj("salt", B64.encodeToString(pw.salt()), "iterations", pw.iterations(),
            "digest", B64.encodeToString(pw.digest()), "pbkdf2", pw.key() == null ? null : B64.encodeToString(pw.key())),
        "password_updated_at", u.passwordUpdatedAt, "password_compromised", u.passwordCompromised,
        "totp", u.totp == null ? null : Json.obj("id", u.totp.id, "secret", B64.encodeToString(u.totp.secret),
            "verified", u.totp.verified, "last_used_step", u.totp.lastUsedStep, "created_at", u.totp.createdAt,
            "updated_at", u.totp.updatedAt),
        "backup_code_digests", backupCodes, "backup_codes_id", u.backupCodesId,
        "mfa_enabled_at", u.mfaEnabledAt, "mfa_disabled_at", u.mfaDisabledAt,
        "failed_password_attempts", u.failedPasswordAttempts, "locked_until", u.lockedUntil,
        "last_sign_in_at", u.lastSignInAt, "last_active_at", u.lastActiveAt,
        "image", u.image == null ? null : Json.obj("id", u.image.id(), "name", u.image.name(),
            "media_type", u.image.mediaType(), "size", u.image.size(), "created_at", u.image.createdAt()),
        "unsafe_metadata", copy(u.unsafeMetadata), "public_metadata", copy(u.publicMetadata),
        "private_metadata", copy(u.privateMetadata), "legal_accepted_at", u.legalAcceptedAt,
        "created_at", u.createdAt, "updated_at", u.updatedAt);
  }

  /** A deep copy of JSON values (metadata maps are changed in place by the routes). */
  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value; // strings, numbers, booleans, null: immutable
  }

  private static Map<String, Object> client(ClientRecord c) {
    List<Object> sessionIds = new ArrayList<>();
    c.sessions.forEach(s -> sessionIds.add(s.id));
    return Json.obj("id", c.id, "token", c.token, "session_ids", sessionIds,
        "last_active_session_id", c.lastActiveSessionId,
        "last_authentication_strategy", c.lastAuthenticationStrategy,
        "known_user_ids", new ArrayList<>(c.knownUserIds),
        "last_seen", c.lastSeen == null ? null : Json.obj("ip_address", c.lastSeen.ipAddress(),
            "user_agent", c.lastSeen.userAgent()),
        "created_at", c.createdAt, "updated_at", c.updatedAt);
  }

  private static Map<String, Object> session(SessionRecord s) {
    return Json.obj("id", s.id, "client_id", s.client.id, "user_id", s.user.id, "status", s.status,
        "created_at", s.createdAt, "updated_at", s.updatedAt, "last_active_at", s.lastActiveAt,
        "expire_at", s.expireAt, "abandon_at", s.abandonAt, "first_factor_verified_at", s.firstFactorVerifiedAt,
        "second_factor_verified_at", s.secondFactorVerifiedAt,
        "last_active_organization_id", s.lastActiveOrganizationId, "activity_id", s.activityId);
  }

  // reading

  /**
   * The parsed document of a state file, its format and version checked.
   *
   * @throws IllegalArgumentException naming what is wrong (not JSON, another format, a newer version)
   */
  static Map<?, ?> parse(String json) {
    Object tree;
    try {
      tree = Json.read(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("it is not valid JSON (" + e.getMessage() + ")");
    }
    if (!(tree instanceof Map<?, ?> root) || !FORMAT.equals(root.get("format"))) {
      throw new IllegalArgumentException("it is not a clerk4j emulator state file (no \"format\": \"" + FORMAT + "\")");
    }
    if (!(root.get("version") instanceof Number version) || version.doubleValue() != Math.rint(version.doubleValue())) {
      throw new IllegalArgumentException("its \"version\" is missing or not a whole number");
    }
    if (version.intValue() > VERSION) {
      throw new IllegalArgumentException("it was written by a newer emulator (format version " + version.intValue()
          + "; this one reads up to " + VERSION + "): use that clerk4j-testing version or a newer one");
    }
    return root;
  }

  /** The instance keys of a parsed document. */
  static InstanceKeys keys(Map<?, ?> root) {
    return InstanceKeys.fromJson(new Node("keys", root.get("keys")).map());
  }

  /**
   * Puts a parsed document's users, clients, sessions, outbox and clock into an empty state; the
   * caller holds the state lock.
   *
   * @throws IllegalArgumentException naming the first field that is missing or of the wrong type
   */
  static void restore(Map<?, ?> root, EmulatorState state, UserRules users) {
    Node doc = new Node("", root);
    state.clock.advance(Duration.ofMillis(doc.get("clock_advanced_by_millis").lng()));
    Map<String, UserRecord> byId = new HashMap<>();
    for (Node n : doc.get("users").list()) {
      UserRecord u = user(n);
      users.register(u);
      byId.put(u.id, u);
    }
    for (Node id : doc.get("deleted_user_ids").list()) {
      byId.put(id.str(), new UserRecord(id.str(), 0)); // sessions of a deleted user still answer signed_out
    }
    Map<String, ClientRecord> clients = new HashMap<>();
    Map<String, List<String>> sessionIds = new HashMap<>();
    for (Node n : doc.get("clients").list()) {
      ClientRecord c = new ClientRecord(n.get("id").str(), n.get("created_at").lng(), n.get("token").str());
      c.updatedAt = n.get("updated_at").lng();
      c.lastActiveSessionId = n.get("last_active_session_id").optStr();
      // As sent: password, email_code, ..., or a provider's (oauth_google).
      c.lastAuthenticationStrategy = n.get("last_authentication_strategy").optStr();
      n.get("known_user_ids").list().forEach(id -> c.knownUserIds.add(id.str()));
      Node seen = n.get("last_seen");
      if (!seen.isNull()) {
        c.lastSeen = new Activity(seen.get("ip_address").optStr(), seen.get("user_agent").optStr());
      }
      List<String> ids = new ArrayList<>();
      n.get("session_ids").list().forEach(id -> ids.add(id.str()));
      sessionIds.put(c.id, ids);
      clients.put(c.id, c);
      state.putClient(c);
    }
    Map<String, SessionRecord> sessions = new HashMap<>();
    for (Node n : doc.get("sessions").list()) {
      ClientRecord client = clients.get(n.get("client_id").str());
      UserRecord user = byId.get(n.get("user_id").str());
      if (client == null || user == null) {
        throw n.invalid("a session of a client and a user the file has");
      }
      SessionRecord s = new SessionRecord(n.get("id").str(), client, user, n.get("created_at").lng(),
          n.get("expire_at").lng(), n.get("abandon_at").lng(), n.get("activity_id").str());
      s.status = WireValue.parse(SessionState.class, n.get("status").str())
          .orElseThrow(() -> n.get("status").invalid("a session status"));
      s.updatedAt = n.get("updated_at").lng();
      s.lastActiveAt = n.get("last_active_at").lng();
      s.firstFactorVerifiedAt = n.get("first_factor_verified_at").lng();
      s.secondFactorVerifiedAt = n.get("second_factor_verified_at").optLng();
      s.lastActiveOrganizationId = n.get("last_active_organization_id").optStr();
      sessions.put(s.id, s);
      state.putSession(s);
    }
    sessionIds.forEach((clientId, ids) -> {
      for (String id : ids) {
        SessionRecord s = sessions.get(id);
        if (s != null) {
          Objects.requireNonNull(clients.get(clientId), "its client was read").sessions.add(s);
        }
      }
    });
    for (Node n : doc.get("outbox").list()) {
      state.outbox.add(new OutboxMessage(
          enumValue(n.get("channel"), OutboxMessage.Channel.class), n.get("recipient").str(), n.get("code").str(),
          enumValue(n.get("purpose"), OutboxMessage.Purpose.class), Instant.ofEpochMilli(n.get("sent_at").lng())));
    }
  }

  private static UserRecord user(Node n) {
    UserRecord u = new UserRecord(n.get("id").str(), n.get("created_at").lng());
    u.updatedAt = n.get("updated_at").lng();
    u.firstName = n.get("first_name").optStr();
    u.lastName = n.get("last_name").optStr();
    u.username = n.get("username").optStr();
    u.externalId = n.get("external_id").optStr();
    for (Node e : n.get("emails").list()) {
      boolean seeded = e.get("seeded").bool();
      EmailRecord email = new EmailRecord(e.get("id").str(), e.get("address").str(), seeded, e.get("created_at").lng());
      email.updatedAt = e.get("updated_at").lng();
      if (!seeded && e.get("verified").bool()) {
        // The code that verified it is not kept; what it says stays.
        email.verification = VerificationRecord.verified("verification_otp", FactorStrategy.EMAIL_CODE);
      }
      u.emails.add(email);
    }
    for (Node p : n.get("phones").list()) {
      boolean seeded = p.get("seeded").bool();
      PhoneRecord phone = new PhoneRecord(p.get("id").str(), p.get("number").str(), seeded, p.get("created_at").lng());
      phone.updatedAt = p.get("updated_at").lng();
      phone.reservedForSecondFactor = p.get("reserved_for_second_factor").bool();
      phone.defaultSecondFactor = p.get("default_second_factor").bool();
      if (!seeded && p.get("verified").bool()) {
        phone.verification = Otp.verified(FactorStrategy.PHONE_CODE, phone.id);
      }
      u.phones.add(phone);
    }
    u.primaryEmailId = n.get("primary_email_id").optStr();
    u.primaryPhoneId = n.get("primary_phone_id").optStr();
    Node pw = n.get("password");
    if (!pw.isNull()) {
      Node key = pw.get("pbkdf2");
      u.password = new Passwords.Stored(pw.get("salt").bytes(), (int) pw.get("iterations").lng(),
          pw.get("digest").bytes(), key.isNull() ? null : key.bytes());
    }
    u.passwordUpdatedAt = n.get("password_updated_at").optLng();
    u.passwordCompromised = n.get("password_compromised").bool();
    Node totp = n.get("totp");
    if (!totp.isNull()) {
      u.totp = new TotpRecord(totp.get("id").str(), totp.get("secret").bytes(), totp.get("created_at").lng());
      u.totp.verified = totp.get("verified").bool();
      u.totp.lastUsedStep = totp.get("last_used_step").lng();
      u.totp.updatedAt = totp.get("updated_at").lng();
    }
    n.get("backup_code_digests").list().forEach(d -> u.backupCodeDigests.add(d.bytes()));
    u.backupCodesId = n.get("backup_codes_id").optStr();
    u.mfaEnabledAt = n.get("mfa_enabled_at").optLng();
    u.mfaDisabledAt = n.get("mfa_disabled_at").optLng();
    u.failedPasswordAttempts = (int) n.get("failed_password_attempts").lng();
    u.lockedUntil = n.get("locked_until").lng();
    u.lastSignInAt = n.get("last_sign_in_at").optLng();
    u.lastActiveAt = n.get("last_active_at").optLng();
    Node image = n.get("image");
    if (!image.isNull()) {
      u.image = new ImageRecord(image.get("id").str(), image.get("name").str(), image.get("media_type").str(),
          (int) image.get("size").lng(), image.get("created_at").lng());
    }
    u.unsafeMetadata = n.get("unsafe_metadata").object();
    u.publicMetadata = n.get("public_metadata").object();
    u.privateMetadata = n.get("private_metadata").object();
    u.legalAcceptedAt = n.get("legal_accepted_at").optLng();
    return u;
  }

  private static <E extends Enum<E>> E enumValue(Node n, Class<E> type) {
    try {
      return Enum.valueOf(type, n.str().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw n.invalid("one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A value of the document and where it is, for errors that name the field. */
  private record Node(String path, @Nullable Object value) {
    Node get(String name) {
      if (!(value instanceof Map<?, ?> map)) {
        throw invalid("an object");
      }
      return new Node(path.isEmpty() ? name : path + "." + name, map.get(name));
    }

    boolean isNull() {
      return value == null;
    }

    String str() {
      if (!(value instanceof String s)) {
        throw invalid("a string");
      }
      return s;
    }

    @Nullable String optStr() {
      return value == null ? null : str();
    }

    long lng() {
      if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw invalid("a whole number");
      }
      return n.longValue();
    }

    @Nullable Long optLng() {
      return value == null ? null : lng();
    }

    boolean bool() {
      if (!(value instanceof Boolean b)) {
        throw invalid("true or false");
      }
      return b;
    }

    byte[] bytes() {
      try {
        return B64D.decode(str());
      } catch (IllegalArgumentException e) {
        throw invalid("base64");
      }
    }

    List<Node> list() {
      if (!(value instanceof List<?> list)) {
        throw invalid("an array");
      }
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        nodes.add(new Node(path + "[" + i + "]", list.get(i)));
      }
      return nodes;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      if (!(value instanceof Map<?, ?>)) {
        throw invalid("an object");
      }
      return new LinkedHashMap<>((Map<String, Object>) value);
    }

    Map<?, ?> map() {
      if (!(value instanceof Map<?, ?> map)) {
        throw invalid("an object");
      }
      return map;
    }

    IllegalArgumentException invalid(String expected) {
      return new IllegalArgumentException(path + " must be " + expected + (value == null ? " (it is missing)" : ""));
    }
  }
}
