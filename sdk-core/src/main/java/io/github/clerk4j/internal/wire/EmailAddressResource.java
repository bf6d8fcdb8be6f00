package io.github.clerk4j.internal.wire;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail address of a user ({@code object: email_address}). {@code toString()} does not show
 * the address.
 */
public record EmailAddressResource(
    String id, String emailAddress, @Nullable VerificationResource verification) {

  @Override
  public String toString() {
    return "EmailAddressResource{id=" + id + ", verification=" + verification + '}';
  }
}
