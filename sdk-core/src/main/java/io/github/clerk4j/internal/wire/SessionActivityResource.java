package io.github.clerk4j.internal.wire;

import org.jspecify.annotations.Nullable;

/**
 * A session's latest activity ({@code latest_activity} of an active session): the device and
 * where it was. {@code toString()} leaves out the IP address and the place (personal data).
 */
public record SessionActivityResource(
    @Nullable String id,
    @Nullable String browserName,
    @Nullable String browserVersion,
    @Nullable String deviceType,
    @Nullable String ipAddress,
    @Nullable String city,
    @Nullable String country,
    boolean mobile) {

  @Override
  public String toString() {
    return "SessionActivityResource{id=" + id + ", browser=" + browserName + ' ' + browserVersion
        + ", device=" + deviceType + ", mobile=" + mobile + '}';
  }
}
