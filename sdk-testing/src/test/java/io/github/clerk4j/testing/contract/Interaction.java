package io.github.clerk4j.testing.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One FAPI request and the response it got, as seen on the wire: what {@link OpenApiContract}
 * validates. For the recorded fixtures only the method, path and response are known (their request
 * bodies were not kept), so {@link OpenApiContract#validateResponse} checks those alone.
 *
 * @param method HTTP method as sent (upper case)
 * @param path the request path without query, e.g. {@code /v1/client/sign_ins/sia_1/attempt_first_factor}
 * @param query query parameters, each name with all its values in order
 * @param requestContentType the request's {@code Content-Type}, or null when it has no body
 * @param requestBody the request body as sent (a form-encoded string for FAPI), or null
 * @param status the response's HTTP status
 * @param responseContentType the response's {@code Content-Type}, or null when it has no body
 * @param responseBody the response body as received, or null
 */
public record Interaction(
    String method,
    String path,
    Map<String, List<String>> query,
    String requestContentType,
    String requestBody,
    int status,
    String responseContentType,
    String responseBody) {

  public Interaction {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(path, "path");
    if (path.contains("?")) {
      throw new IllegalArgumentException("path must not carry the query; pass it as query: " + path);
    }
    query = copy(query);
  }

  /** A response to a request of which only the method and path are known. */
  public static Interaction response(String method, String path, int status, String jsonBody) {
    return new Interaction(method, path, Map.of(), null, null, status, "application/json", jsonBody);
  }

  /** {@code "POST /v1/client/sign_ins -> 422"}: how reports name the interaction. */
  public String label() {
    return method + " " + path + " -> " + status;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query != null) {
      query.forEach((k, v) -> out.put(k, List.copyOf(v)));
    }
    return Collections.unmodifiableMap(out);
  }
}
