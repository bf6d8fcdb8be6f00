package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/**
 * The part of {@code GET /v1/environment} clerk4j reads (the body is not wrapped).
 *
 * @param displayConfig {@code display_config}
 * @param userSettings {@code user_settings}
 */
public record EnvironmentDto(
    @Json(name = "display_config") DisplayConfig displayConfig,
    @Json(name = "user_settings") UserSettings userSettings) {

  /** {@code display_config}. */
  public record DisplayConfig(@Json(name = "application_name") String applicationName) {}

  /**
   * {@code user_settings}: the instance's attributes ({@code email_address}, {@code password},
   * ...).
   */
  public record UserSettings(Map<String, Attribute> attributes) {}

  /** One attribute of {@code user_settings.attributes}. */
  public record Attribute(
      Boolean enabled,
      @Json(name = "used_for_first_factor") Boolean usedForFirstFactor,
      @Json(name = "first_factors") List<String> firstFactors,
      @Json(name = "used_for_second_factor") Boolean usedForSecondFactor,
      @Json(name = "second_factors") List<String> secondFactors) {}
}
