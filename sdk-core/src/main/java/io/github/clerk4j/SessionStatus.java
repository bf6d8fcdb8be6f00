package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/** The state of a session. */
public enum SessionStatus {
  /** Signed in. */
  ACTIVE("active"),
  /** Signed in, but tasks remain (see {@link Session#currentTask()}); treated as signed out until they are done. */
  PENDING("pending"),
  /** Ended by sign-out. */
  ENDED("ended"),
  /** Expired. */
  EXPIRED("expired"),
  /** Removed from the client. */
  REMOVED("removed"),
  /** Replaced by another session. */
  REPLACED("replaced"),
  /** Revoked by the instance. */
  REVOKED("revoked"),
  /** Abandoned after inactivity. */
  ABANDONED("abandoned"),
  /** A value this version of clerk4j does not know; the owning object keeps the raw string. */
  UNKNOWN(null);

  private final @Nullable String wire;

  SessionStatus(@Nullable String wire) {
    this.wire = wire;
  }

  /** {@return the wire value, or {@code null} for {@link #UNKNOWN}} */
  public @Nullable String wireValue() {
    return wire;
  }

  /**
   * {@return the constant whose wire value is {@code wire}; {@link #UNKNOWN} for any other,
   * {@code null} included}
   *
   * @param wire the value as the server sent it, or {@code null}
   */
  public static SessionStatus fromWire(@Nullable String wire) {
    return WireEnums.fromWire(SessionStatus.class, SessionStatus::wireValue, wire, UNKNOWN);
  }
}
