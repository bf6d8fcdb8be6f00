package io.github.clerk4j;

import io.github.clerk4j.internal.wire.SessionActivityResource;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where and on what a session was last used ({@code latest_activity}): the browser or app, the
 * device, the IP address and the place the server derived from it. Each detail is empty when the
 * server did not know it. Immutable; {@code toString()} leaves out the IP address and the place,
 * which are personal data.
 */
public final class SessionActivity {

  private final SessionActivityResource resource;

  SessionActivity(SessionActivityResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the activity id, if sent} */
  public Optional<String> id() {
    return Optional.ofNullable(resource.id());
  }

  /** {@return the browser or HTTP client, such as {@code Chrome} or {@code clerk4j}} */
  public Optional<String> browserName() {
    return Optional.ofNullable(resource.browserName());
  }

  /** {@return its version} */
  public Optional<String> browserVersion() {
    return Optional.ofNullable(resource.browserVersion());
  }

  /** {@return the kind of device, such as {@code Macintosh} or {@code iPhone}} */
  public Optional<String> deviceType() {
    return Optional.ofNullable(resource.deviceType());
  }

  /** {@return the IP address the session was last used from} */
  public Optional<String> ipAddress() {
    return Optional.ofNullable(resource.ipAddress());
  }

  /** {@return the city of that address} */
  public Optional<String> city() {
    return Optional.ofNullable(resource.city());
  }

  /** {@return the country of that address} */
  public Optional<String> country() {
    return Optional.ofNullable(resource.country());
  }

  /** {@return whether the device is a phone or tablet} */
  public boolean mobile() {
    return resource.mobile();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SessionActivity a && a.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "SessionActivity{browser=" + browserName().orElse("?") + browserVersion().map(v -> " " + v).orElse("")
        + ", device=" + deviceType().orElse("?") + ", mobile=" + mobile() + '}';
  }
}
