package io.github.clerk4j.internal.wire;

import java.util.List;

/**
 * What clerk4j reads of the instance's settings ({@code GET /v1/environment}).
 *
 * @param applicationName the application's display name
 * @param firstFactors the first-factor strategies the instance enables
 * @param secondFactors the second-factor strategies the instance enables
 */
public record EnvironmentResource(
    String applicationName, List<String> firstFactors, List<String> secondFactors) {

  public EnvironmentResource {
    firstFactors = firstFactors == null ? List.of() : List.copyOf(firstFactors);
    secondFactors = secondFactors == null ? List.of() : List.copyOf(secondFactors);
  }
}
