package io.github.clerk4j.testing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer, independent of the HTTP server library.
 *
 * @param status HTTP status
 * @param body the JSON body (maps, lists, scalars), written with explicit nulls
 * @param headers extra headers
 */
record Response(int status, Object body, Map<String, String> headers) {

  static Response json(Object body) {
    return new Response(200, body, new LinkedHashMap<>());
  }

  Response withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Response(status, body, copy);
  }
}
