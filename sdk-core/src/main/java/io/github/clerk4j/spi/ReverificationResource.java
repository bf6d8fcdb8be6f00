package io.github.clerk4j.spi;

import io.github.clerk4j.Factor;
import io.github.clerk4j.Verification;
import java.util.List;

/** A step-up verification of a session ({@code object: session_reverification}). */
public record ReverificationResource(
    String level,
    String status,
    List<Factor> supportedFirstFactors,
    List<Factor> supportedSecondFactors,
    Verification firstFactorVerification,
    Verification secondFactorVerification,
    SessionResource session) {

  public ReverificationResource {
    supportedFirstFactors = supportedFirstFactors == null ? List.of() : List.copyOf(supportedFirstFactors);
    supportedSecondFactors =
        supportedSecondFactors == null ? List.of() : List.copyOf(supportedSecondFactors);
  }
}
