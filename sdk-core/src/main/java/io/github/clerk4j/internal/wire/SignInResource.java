package io.github.clerk4j.internal.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in attempt as the Frontend API sends it ({@code object: sign_in_attempt}). Lists are
 * never null (empty when the wire had null); other members may be null.
 */
public record SignInResource(
    String id,
    String status,
    List<String> supportedIdentifiers,
    List<FactorResource> supportedFirstFactors,
    List<FactorResource> supportedSecondFactors,
    @Nullable VerificationResource firstFactorVerification,
    @Nullable VerificationResource secondFactorVerification,
    @Nullable String identifier,
    @Nullable UserDataResource userData,
    @Nullable String createdSessionId,
    @Nullable Instant abandonAt,
    @Nullable String clientTrustState) implements Identified {

  public SignInResource {
    supportedIdentifiers = supportedIdentifiers == null ? List.of() : List.copyOf(supportedIdentifiers);
    supportedFirstFactors = supportedFirstFactors == null ? List.of() : List.copyOf(supportedFirstFactors);
    supportedSecondFactors = supportedSecondFactors == null ? List.of() : List.copyOf(supportedSecondFactors);
  }
}
