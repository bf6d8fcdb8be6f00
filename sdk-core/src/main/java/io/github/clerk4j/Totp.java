package io.github.clerk4j;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authenticator-app (TOTP) enrolment of the signed-in user. The {@link #secret()} and {@link
 * #uri()} exist only in the answer to {@code createTOTP()}: show them once (as a QR code of the
 * URI) and forget them. {@code toString()} shows neither.
 */
public final class Totp {

  private final String id;
  private final String secret;
  private final String uri;
  private final boolean verified;
  private final List<String> backupCodes;
  private final Instant createdAt;
  private final Instant updatedAt;

  /** Builds the value; transports call this when decoding. */
  public Totp(
      String id,
      String secret,
      String uri,
      boolean verified,
      List<String> backupCodes,
      Instant createdAt,
      Instant updatedAt) {
    this.id = id;
    this.secret = secret;
    this.uri = uri;
    this.verified = verified;
    this.backupCodes = backupCodes == null ? List.of() : List.copyOf(backupCodes);
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  public String id() {
    return id;
  }

  /** The base32 shared secret, or {@code null} once the enrolment is verified. */
  public String secret() {
    return secret;
  }

  /** The {@code otpauth://totp/...} URI to show as a QR code, or {@code null}. */
  public String uri() {
    return uri;
  }

  /** Whether a code from the app was verified ({@code verifyTOTP}). */
  public boolean verified() {
    return verified;
  }

  /** Backup codes issued with this enrolment (with the first MFA method only); else empty. */
  public List<String> backupCodes() {
    return backupCodes;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Totp)) {
      return false;
    }
    Totp t = (Totp) o;
    return verified == t.verified
        && Objects.equals(id, t.id)
        && Objects.equals(secret, t.secret)
        && Objects.equals(uri, t.uri)
        && backupCodes.equals(t.backupCodes)
        && Objects.equals(createdAt, t.createdAt)
        && Objects.equals(updatedAt, t.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, verified, createdAt);
  }

  @Override
  public String toString() {
    return "Totp{id=" + id + ", verified=" + verified + ", secret=[redacted], backupCodes="
        + backupCodes.size() + "}";
  }
}
