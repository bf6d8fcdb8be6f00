package io.github.clerk4j.internal.wire;

import java.util.List;

/** A step-up verification of a session ({@code object: session_reverification}). */
public record ReverificationResource(
    String level,
    String status,
    List<FactorResource> supportedFirstFactors,
    List<FactorResource> supportedSecondFactors,
    VerificationResource firstFactorVerification,
    VerificationResource secondFactorVerification,
    SessionResource session) {

  public ReverificationResource {
    supportedFirstFactors = supportedFirstFactors == null ? List.of() : List.copyOf(supportedFirstFactors);
    supportedSecondFactors = supportedSecondFactors == null ? List.of() : List.copyOf(supportedSecondFactors);
  }
}
