package io.github.clerk4j;

import io.github.clerk4j.internal.wire.TotpResource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An authenticator-app (TOTP) enrolment of the signed-in user. The {@link #secret()} and {@link
 * #uri()} exist only in the answer to {@code createTOTP()}: show them once (as a QR code of the
 * URI) and forget them. {@code toString()} shows neither. Immutable; made by clerk4j from the
 * server's answer.
 */
public final class Totp {

  private final TotpResource resource;

  Totp(TotpResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the enrolment's id} */
  public String id() {
    return resource.id();
  }

  /** {@return the base32 shared secret, or {@code null} once the enrolment is verified} */
  public @Nullable String secret() {
    return resource.secret();
  }

  /** {@return the {@code otpauth://totp/...} URI to show as a QR code, or {@code null}} */
  public @Nullable String uri() {
    return resource.uri();
  }

  /** {@return whether a code from the app was verified ({@code verifyTOTP})} */
  public boolean verified() {
    return resource.verified();
  }

  /**
   * {@return backup codes issued with this enrolment (with the first MFA method only); else empty}
   */
  public List<String> backupCodes() {
    return resource.backupCodes();
  }

  /** {@return when the enrolment was created, or {@code null}} */
  public @Nullable Instant createdAt() {
    return resource.createdAt();
  }

  /** {@return when the enrolment last changed, or {@code null}} */
  public @Nullable Instant updatedAt() {
    return resource.updatedAt();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Totp t && t.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resource.id(), resource.verified());
  }

  @Override
  public String toString() {
    return "Totp{id=" + id() + ", verified=" + verified() + ", secret=[redacted], backupCodes="
        + backupCodes().size() + "}";
  }
}
