package io.github.clerk4j.internal.wire;

/**
 * A session's latest activity ({@code latest_activity} of an active session): the device and
 * where it was. {@code toString()} leaves out the IP address and the place (personal data).
 */
public record SessionActivityResource(
    String id,
    String browserName,
    String browserVersion,
    String deviceType,
    String ipAddress,
    String city,
    String country,
    boolean mobile) {

  @Override
  public String toString() {
    return "SessionActivityResource{id=" + id + ", browser=" + browserName + ' ' + browserVersion
        + ", device=" + deviceType + ", mobile=" + mobile + '}';
  }
}
