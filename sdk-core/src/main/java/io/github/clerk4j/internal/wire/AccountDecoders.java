package io.github.clerk4j.internal.wire;

import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The resources of account management ({@code /v1/me} beyond MFA), decoded as {@link
 * WireDecoders} decodes the rest: unknown members skipped, explicit nulls read as absent, ids
 * required.
 */
public final class AccountDecoders {

  private AccountDecoders() {}

  /** One element of {@code GET /v1/me/sessions/active} ({@code Client.ActiveSession}). */
  public static @Nullable ActiveSessionResource activeSession(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String status = null;
    Instant expireAt = null;
    Instant abandonAt = null;
    Instant lastActiveAt = null;
    SessionActivityResource activity = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.ACTIVE_SESSION)) {
        case "id" -> id = in.string();
        case "status" -> status = in.knownString();
        case "expire_at" -> expireAt = in.instant();
        case "abandon_at" -> abandonAt = in.instant();
        case "last_active_at" -> lastActiveAt = in.instant();
        case "latest_activity" -> activity = sessionActivity(in);
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new ActiveSessionResource(in.required(id, "session", "id"), in.required(status, "session", "status"),
        expireAt, abandonAt, lastActiveAt, activity);
  }

  /** {@code latest_activity} ({@code Client.SessionActivity}). */
  static @Nullable SessionActivityResource sessionActivity(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String browserName = null;
    String browserVersion = null;
    String deviceType = null;
    String ipAddress = null;
    String city = null;
    String country = null;
    boolean mobile = false;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.SESSION_ACTIVITY)) {
        case "id" -> id = in.string();
        case "browser_name" -> browserName = in.string();
        case "browser_version" -> browserVersion = in.string();
        case "device_type" -> deviceType = in.string();
        case "ip_address" -> ipAddress = in.string();
        case "city" -> city = in.string();
        case "country" -> country = in.string();
        case "is_mobile" -> mobile = in.isTrue();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new SessionActivityResource(id, blankToNull(browserName), blankToNull(browserVersion),
        blankToNull(deviceType), blankToNull(ipAddress), blankToNull(city), blankToNull(country), mobile);
  }

  /** An uploaded image ({@code Image}). */
  public static @Nullable ImageResource image(WireReader in) throws IOException {
    if (in.nullValue()) {
      return null;
    }
    String id = null;
    String name = null;
    String publicUrl = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName(MemberNames.IMAGE)) {
        case "id" -> id = in.string();
        case "name" -> name = in.string();
        case "public_url" -> publicUrl = in.string();
        default -> in.skipValue();
      }
    }
    in.endObject();
    return new ImageResource(in.required(id, "image", "id"), name, publicUrl);
  }

  /** An empty detail says no more than an absent one. */
  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
