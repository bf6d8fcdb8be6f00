package io.github.clerk4j;

import io.github.clerk4j.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/** Where a sign-up stands: what it still needs, or that it is done. */
public enum SignUpStatus {
  /**
   * Fields are missing ({@link SignUp#missingFields()}: add them with {@code update(...)}) or not
   * verified yet ({@link SignUp#unverifiedFields()}: {@code verifications().sendEmailCode()} and
   * the like). Also the status of an empty, local sign-up.
   */
  MISSING_REQUIREMENTS("missing_requirements"),
  /** Done: the user exists and {@link SignUp#createdSessionId()} names the new session. */
  COMPLETE("complete"),
  /** The attempt expired unfinished ({@link SignUp#abandonAt()}); start over. */
  ABANDONED("abandoned"),
  /** A status this version of clerk4j does not know; see {@link SignUp#rawStatus()}. */
  UNKNOWN(null);

  private final @Nullable String wire;

  SignUpStatus(@Nullable String wire) {
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
  public static SignUpStatus fromWire(@Nullable String wire) {
    return WireEnums.fromWire(SignUpStatus.class, SignUpStatus::wireValue, wire, UNKNOWN);
  }
}
