package io.github.clerk4j.internal.wire;

/** One e-mail address of a user ({@code object: email_address}). */
public record EmailAddressResource(String id, String emailAddress, VerificationResource verification) {}
