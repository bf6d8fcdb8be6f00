package io.github.clerk4j;

import java.time.Instant;

/**
 * The state of one verification of a sign-in step, a phone number or an e-mail address.
 *
 * @param rawStatus the status as sent
 * @param rawStrategy the strategy as sent, or {@code null}
 * @param attempts how many attempts were made, or {@code null}
 * @param expireAt when a sent code stops working, or {@code null}
 * @param error an error attached by the server (for example {@code identifier_already_signed_in}),
 *     or {@code null}
 */
public record Verification(
    String rawStatus, String rawStrategy, Integer attempts, Instant expireAt, ClerkError error) {

  /** The status; {@link VerificationStatus#UNKNOWN} for one this version does not name. */
  public VerificationStatus status() {
    return VerificationStatus.fromWire(rawStatus);
  }

  /** The strategy; {@link Strategy#UNKNOWN} for one this version does not name. */
  public Strategy strategy() {
    return Strategy.fromWire(rawStrategy);
  }
}
