package io.github.clerk4j.testing.contract;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a server saw it and what it answered, kept by the test servers
 * ({@link RecordedClerkServer}, {@link RecordingProxy}) for tests to assert on and to check against
 * the contract.
 *
 * @param method the effective method (clerk-js's {@code _method} override applied)
 * @param path the path without query
 * @param query the query parameters
 * @param headers request headers, names in lower case
 * @param body the request body ("" when none)
 * @param status the response status
 * @param responseBody the response body
 * @param issuedToken the response's {@code Authorization} header, or null
 */
record WireExchange(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    String body,
    int status,
    String responseBody,
    String issuedToken) {

  Interaction asInteraction() {
    return new Interaction(method, path, query, headers.get("content-type"), body.isEmpty() ? null : body,
        status, "application/json", responseBody);
  }
}
