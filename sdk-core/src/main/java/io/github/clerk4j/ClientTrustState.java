package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/** Whether the device (client) is known to the user trying to sign in (Client Trust). */
public enum ClientTrustState {
  /** No identifier yet. */
  PENDING("pending"),
  /** The client is new to this user: a password sign-in needs a second step. */
  NEW("new"),
  /** The client is known to this user. */
  KNOWN("known"),
  /** A value this version of clerk4j does not know; the owning object keeps the raw string. */
  UNKNOWN(null);

  private final @Nullable String wire;

  ClientTrustState(@Nullable String wire) {
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
  public static ClientTrustState fromWire(@Nullable String wire) {
    return WireEnums.fromWire(ClientTrustState.class, ClientTrustState::wireValue, wire, UNKNOWN);
  }
}
