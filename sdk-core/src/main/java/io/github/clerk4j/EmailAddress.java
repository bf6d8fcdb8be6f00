package io.github.clerk4j;

import io.github.clerk4j.internal.wire.EmailAddressResource;
import java.util.Objects;

/** One of the user's e-mail addresses. Immutable; made by clerk4j from the server's answer. */
public final class EmailAddress {

  private final EmailAddressResource resource;

  EmailAddress(EmailAddressResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** The identification id ({@code idn_...}). */
  public String id() {
    return resource.id();
  }

  /** The address. */
  public String emailAddress() {
    return resource.emailAddress();
  }

  /** Its verification; {@link VerificationStatus#UNVERIFIED} when none started. */
  public Verification verification() {
    Verification v = Verification.of(resource.verification());
    return v == null ? Verification.NONE : v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmailAddress e && e.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  /** The address is personal data: not shown. */
  @Override
  public String toString() {
    return "EmailAddress{id=" + id() + ", verification=" + verification().rawStatus() + '}';
  }
}
