package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ImageRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user's profile ({@code PATCH /v1/me}: names, username, primary identifiers), its
 * unsafe metadata ({@code PATCH /v1/me/metadata}), profile image and deleting the account ({@code
 * DELETE /v1/me}). A new username or primary identifier and the deletion are sensitive changes.
 */
final class ProfileRoutes implements Routes {
  /** Clerk's limit for each kind of metadata. */
  private static final int MAX_METADATA_BYTES = 8 * 1024;

  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  ProfileRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("PATCH", "/v1/me", this::update);
    router.add("PATCH", "/v1/me/metadata", this::updateMetadata);
    router.add("POST", "/v1/me/profile_image", this::setImage);
    router.add("DELETE", "/v1/me/profile_image", this::deleteImage);
    router.add("DELETE", "/v1/me", this::deleteUser);
  }

  private Response ok(Exchange ex, Object response) {
    return Response.json(views.wrap(response, ex.client));
  }

  private Response update(Exchange ex) {
    SessionRecord session = ex.meSession();
    UserRecord user = session.user;
    FormBody form = ex.form();
    if (form.optional("unsafe_metadata").isPresent()) {
      throw ApiException.param(422, "form_param_unknown", "unsafe_metadata", "is unknown",
          "unsafe_metadata is not a valid parameter for this request. Use PATCH /v1/me/metadata.");
    }
    Optional<String> username = form.optional("username");
    Optional<String> primaryEmail = form.nonEmpty("primary_email_address_id");
    Optional<String> primaryPhone = form.nonEmpty("primary_phone_number_id");
    if (username.isPresent() || primaryEmail.isPresent() || primaryPhone.isPresent()) {
      rules.sessions.requireRecentVerification(session);
    }
    // Every check before any change, so that a refusal changes nothing.
    username.ifPresent(u -> rules.users.requireUsernameAllowed(user, u));
    primaryEmail.ifPresent(id -> rules.identifications.primaryEmail(user, id));
    primaryPhone.ifPresent(id -> rules.identifications.primaryPhone(user, id));
    form.optional("first_name").ifPresent(v -> user.firstName = v.isEmpty() ? null : v);
    form.optional("last_name").ifPresent(v -> user.lastName = v.isEmpty() ? null : v);
    username.ifPresent(v -> rules.users.setUsername(user, v));
    primaryEmail.ifPresent(id -> user.primaryEmailId = id);
    primaryPhone.ifPresent(id -> user.primaryPhoneId = id);
    user.updatedAt = state.now();
    return ok(ex, views.user(user));
  }

  /** Deep-merges a JSON object into {@code unsafe_metadata}; a {@code null} value removes its key. */
  private Response updateMetadata(Exchange ex) {
    UserRecord user = ex.meSession().user;
    String text = ex.form().required("unsafe_metadata");
    Object patch;
    try {
      patch = Json.read(text);
    } catch (RuntimeException e) {
      patch = null;
    }
    if (!(patch instanceof Map<?, ?> object)) {
      throw ApiException.param(422, "form_param_value_invalid", "unsafe_metadata", "is invalid",
          "unsafe_metadata must be a JSON object.");
    }
    Map<String, Object> merged = merge(user.unsafeMetadata, object);
    if (Json.write(merged).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
      throw ApiException.param(422, "form_param_exceeds_allowed_size", "unsafe_metadata", "is too large",
          "unsafe_metadata exceeds the maximum allowed size of 8KB.");
    }
    user.unsafeMetadata = merged;
    user.updatedAt = state.now();
    return ok(ex, views.user(user));
  }

  /** RFC 7396 merge: objects merge key by key, null removes, anything else replaces. */
  static Map<String, Object> merge(Map<String, Object> target, Map<?, ?> patch) {
    Map<String, Object> out = new LinkedHashMap<>(target);
    for (Map.Entry<?, ?> e : patch.entrySet()) {
      String key = (String) e.getKey();
      Object value = wholeNumbers(e.getValue());
      if (value == null) {
        out.remove(key);
      } else if (value instanceof Map<?, ?> nested && out.get(key) instanceof Map<?, ?> existing) {
        @SuppressWarnings("unchecked")
        Map<String, Object> base = (Map<String, Object>) existing;
        out.put(key, merge(base, nested));
      } else {
        out.put(key, value);
      }
    }
    return out;
  }

  /** Moshi reads every number as a double; whole ones are written back as Clerk sends them. */
  private static Object wholeNumbers(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, wholeNumbers(v)));
      return out;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(ProfileRoutes::wholeNumbers).toList();
    }
    return value;
  }

  private Response setImage(Exchange ex) {
    UserRecord user = ex.meSession().user;
    ImageUpload upload = ImageUpload.of(ex.request);
    long now = state.now();
    String mediaType = Objects.requireNonNull(upload.mediaType(), "ImageUpload.of sniffs the type");
    user.image = new ImageRecord(state.newId("img"), upload.name(), mediaType, upload.content().length, now);
    user.updatedAt = now;
    return ok(ex, Views.image(user));
  }

  private Response deleteImage(Exchange ex) {
    UserRecord user = ex.meSession().user;
    if (user.image == null) {
      throw ApiException.of(404, "image_not_found", "Image not found", "Image not found");
    }
    String id = user.image.id();
    user.image = null;
    user.updatedAt = state.now();
    return ok(ex, Views.deleted("image", id));
  }

  /**
   * Deletes the user: every session of theirs on every client ends (those clients' next calls for
   * them get 401 {@code signed_out}), their identifiers are free again. The client stays.
   */
  private Response deleteUser(Exchange ex) {
    SessionRecord session = ex.meSession();
    if (!state.settings.deleteSelfEnabled()) {
      throw ApiException.of(403, "user_delete_self_not_enabled", "delete self not enabled",
          "Self deletion is not enabled for this user");
    }
    rules.sessions.requireRecentVerification(session);
    UserRecord user = session.user;
    rules.users.delete(user);
    return ok(ex, Views.deleted("user", user.id));
  }
}
