package io.github.clerk4j.testing.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One parsed HTTP request, independent of the HTTP server library.
 *
 * @param method the verb, after the {@code _method} override clerk-js uses
 * @param path the path without query
 * @param query query parameters (first value of each)
 * @param queryValues every value of each query parameter, in order (the Backend API's list filters)
 * @param headers header lookup, case-insensitive
 * @param form the form body
 * @param clientIp the address rate limits are keyed on
 * @param pathParams values captured by the route pattern
 * @param rawBody the body as sent when it is not a form (an image upload), else null
 */
record Request(String method, String path, Map<String, String> query, Map<String, List<String>> queryValues,
    java.util.function.Function<String, @Nullable String> headers, FormBody form, String clientIp,
    List<String> pathParams, byte @Nullable [] rawBody) {

  Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** Every value of a query parameter ({@code a=1&a=2}), or none. */
  List<String> queryParams(String name) {
    return queryValues.getOrDefault(name, List.of());
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.apply(name));
  }

  String pathParam(int index) {
    return pathParams.get(index);
  }

  Request withForm(FormBody newForm) {
    return new Request(method, path, query, queryValues, headers, newForm, clientIp, pathParams, rawBody);
  }

  /** The request with a body that is not a form, for the routes that take one. */
  Request withRawBody(byte[] body) {
    return new Request(method, path, query, queryValues, headers, form, clientIp, pathParams, body);
  }

  Request withPathParams(List<String> params) {
    return new Request(method, path, query, queryValues, headers, form, clientIp, params, rawBody);
  }
}
