package io.github.clerk4j.internal.wire;

import io.github.clerk4j.ClerkError;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A verification ({@code object: verification_*}) of a sign-in step, a sign-up identifier or an
 * identifier of a user.
 *
 * @param nextAction sign-up verifications only: {@code needs_prepare}, {@code needs_attempt} or
 *     {@code ""} when done; null elsewhere
 * @param supportedStrategies sign-up verifications only: the strategies that can verify it
 * @param externalVerificationRedirectUrl OAuth, SAML and enterprise SSO: the provider's page to
 *     open in a browser; null elsewhere
 */
public record VerificationResource(String status, @Nullable String strategy, @Nullable Integer attempts,
    @Nullable Instant expireAt, @Nullable ClerkError error, @Nullable String nextAction,
    List<String> supportedStrategies, @Nullable String externalVerificationRedirectUrl) {

  public VerificationResource {
    supportedStrategies = supportedStrategies == null ? List.of() : List.copyOf(supportedStrategies);
  }

  /** A verification without the sign-up extras and without a provider page. */
  public VerificationResource(String status, @Nullable String strategy, @Nullable Integer attempts,
      @Nullable Instant expireAt, @Nullable ClerkError error) {
    this(status, strategy, attempts, expireAt, error, null, List.of(), null);
  }

  /** A verification without a provider page. */
  public VerificationResource(String status, @Nullable String strategy, @Nullable Integer attempts,
      @Nullable Instant expireAt, @Nullable ClerkError error, @Nullable String nextAction,
      List<String> supportedStrategies) {
    this(status, strategy, attempts, expireAt, error, nextAction, supportedStrategies, null);
  }
}
