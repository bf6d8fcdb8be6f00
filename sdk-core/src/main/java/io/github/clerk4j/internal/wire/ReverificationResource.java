package io.github.clerk4j.internal.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A step-up verification of a session ({@code object: session_reverification}). */
public record ReverificationResource(
    @Nullable String level,
    String status,
    List<FactorResource> supportedFirstFactors,
    List<FactorResource> supportedSecondFactors,
    @Nullable VerificationResource firstFactorVerification,
    @Nullable VerificationResource secondFactorVerification,
    @Nullable SessionResource session) {

  public ReverificationResource {
    supportedFirstFactors = supportedFirstFactors == null ? List.of() : List.copyOf(supportedFirstFactors);
    supportedSecondFactors = supportedSecondFactors == null ? List.of() : List.copyOf(supportedSecondFactors);
  }
}
