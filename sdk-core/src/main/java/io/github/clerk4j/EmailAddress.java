package io.github.clerk4j;

/**
 * One of the user's e-mail addresses.
 *
 * @param id the identification id ({@code idn_...})
 * @param emailAddress the address
 * @param verification its verification, or {@code null}
 */
public record EmailAddress(String id, String emailAddress, Verification verification) {}
