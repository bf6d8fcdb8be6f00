package io.github.clerk4j.testing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A form-encoded request body as the server reads it (FAPI is a form API). Accessors throw {@link ApiException}s that
 * name the parameter, so bad input always ends in a 422 and never in a 500.
 */
final class FormBody {
  /** Clerk's parameter names: snake_case, with {@code []} or {@code [key]} for arrays and maps. */
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+(\\[[A-Za-z0-9_.\\-]*])*");

  private final Map<String, List<String>> values;

  private FormBody(Map<String, List<String>> values) {
    this.values = values;
  }

  static FormBody empty() {
    return new FormBody(Map.of());
  }

  /**
   * Parses {@code a=1&b=2}; arrays are repeated keys, as clerk-js and the native SDKs send them.
   *
   * @throws ApiException 400 {@code malformed_request_parameters} for a parameter without a name or
   *     with a name no Clerk parameter has (JSON sent as a form, {@code =&=&=}); 422 {@code
   *     form_param_format_invalid} naming the parameter whose value is not percent-encoded
   */
  static FormBody parse(String body) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return new FormBody(values);
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawKey = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      String key;
      try {
        key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiException.malformedForm("a parameter name is not percent-encoded.");
      }
      if (!PARAM_NAME.matcher(key).matches()) {
        throw ApiException.malformedForm(key.isEmpty() ? "a parameter has no name."
            : "no form parameter is called like that (is the body JSON? send a form).");
      }
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(decode(rawValue, key));
    }
    return new FormBody(values);
  }

  private static String decode(String raw, String param) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.paramFormatInvalid(param);
    }
  }

  /** The value, or empty when absent. An empty value ({@code k=}) is returned as "". */
  Optional<String> optional(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** A present, non-blank value; otherwise 422 {@code form_param_missing}. */
  String required(String name) {
    String value = optional(name).orElse("");
    if (value.isBlank()) {
      throw ApiException.paramMissing(name);
    }
    return value;
  }

  /** The value when present and not empty. */
  Optional<String> nonEmpty(String name) {
    return optional(name).filter(v -> !v.isEmpty());
  }

  /** A boolean; absent or empty gives {@code defaultValue}; anything but true/false/1/0 is a 422. */
  boolean bool(String name, boolean defaultValue) {
    return switch (optional(name).orElse("")) {
      case "" -> defaultValue;
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw ApiException.paramFormatInvalid(name);
    };
  }

  /** A boolean given explicitly, or empty when absent. */
  Optional<Boolean> optionalBool(String name) {
    return optional(name).filter(v -> !v.isEmpty()).map(v -> bool(name, false));
  }

  /** A value that must be one of {@code allowed}; otherwise 422 {@code form_param_format_invalid}. */
  String oneOf(String name, List<String> allowed) {
    String value = required(name);
    if (!allowed.contains(value)) {
      throw ApiException.paramFormatInvalid(name);
    }
    return value;
  }

  /** The required {@code strategy}; one not in {@code allowed} is 422 {@code form_param_format_invalid}. */
  FactorStrategy strategy(Set<FactorStrategy> allowed) {
    return strategy(required("strategy"), allowed);
  }

  static FactorStrategy strategy(String value, Set<FactorStrategy> allowed) {
    return WireValue.parse(FactorStrategy.class, value).filter(allowed::contains)
        .orElseThrow(() -> ApiException.paramFormatInvalid("strategy"));
  }
}
