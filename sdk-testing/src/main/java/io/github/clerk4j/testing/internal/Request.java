package io.github.clerk4j.testing.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed HTTP request, independent of the HTTP server library.
 *
 * @param method the verb, after the {@code _method} override clerk-js uses
 * @param path the path without query
 * @param query query parameters (first value of each)
 * @param headers header lookup, case-insensitive
 * @param form the form body
 * @param clientIp the address rate limits are keyed on
 * @param pathParams values captured by the route pattern
 * @param rawBody the body as sent when it is not a form (an image upload), else null
 */
record Request(String method, String path, Map<String, String> query,
    java.util.function.Function<String, String> headers, FormBody form, String clientIp,
    List<String> pathParams, byte[] rawBody) {

  Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.apply(name));
  }

  String pathParam(int index) {
    return pathParams.get(index);
  }

  Request withForm(FormBody newForm) {
    return new Request(method, path, query, headers, newForm, clientIp, pathParams, rawBody);
  }

  /** The request with a body that is not a form, for the routes that take one. */
  Request withRawBody(byte[] body) {
    return new Request(method, path, query, headers, form, clientIp, pathParams, body);
  }

  Request withPathParams(List<String> params) {
    return new Request(method, path, query, headers, form, clientIp, params, rawBody);
  }
}
