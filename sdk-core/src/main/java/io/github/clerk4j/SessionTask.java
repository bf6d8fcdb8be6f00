package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something the user must do before a {@link SessionStatus#PENDING pending} session becomes
 * active. Immutable; made by clerk4j from the server's answer.
 */
public final class SessionTask {

  /** The task keys Clerk documents. */
  public enum Key {
    /** The instance requires MFA and the user has none: set up a second factor. */
    SETUP_MFA("setup-mfa"),
    /** The password is compromised: choose a new one ({@code User.updatePassword}). */
    RESET_PASSWORD("reset-password"),
    /** The instance requires an organization: choose or create one. */
    CHOOSE_ORGANIZATION("choose-organization"),
    /** A task this version of clerk4j does not know; see {@link SessionTask#rawKey()}. */
    UNKNOWN(null);

    private final @Nullable String wire;

    Key(@Nullable String wire) {
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
    public static Key fromWire(@Nullable String wire) {
      return WireEnums.fromWire(Key.class, Key::wireValue, wire, UNKNOWN);
    }
  }

  private final String rawKey;

  SessionTask(String rawKey) {
    this.rawKey = Objects.requireNonNull(rawKey, "rawKey");
  }

  /** {@return the task; {@link Key#UNKNOWN} for one this version does not name} */
  public Key key() {
    return Key.fromWire(rawKey);
  }

  /** {@return the task key as sent} */
  public String rawKey() {
    return rawKey;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SessionTask t && t.rawKey.equals(rawKey);
  }

  @Override
  public int hashCode() {
    return rawKey.hashCode();
  }

  @Override
  public String toString() {
    return "SessionTask{" + rawKey + '}';
  }
}
