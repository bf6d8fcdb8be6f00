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

  /** A body written as it is, not as JSON: the identity provider's pages, a redirect's note. */
  record Raw(String contentType, String text) {}

  /** An HTML page ({@code text/html}), as a browser is answered. */
  static Response html(int status, String page) {
    return new Response(status, new Raw("text/html; charset=utf-8", page), new LinkedHashMap<>())
        .withHeader("Cache-Control", "no-store")
        .withHeader("Referrer-Policy", "no-referrer");
  }

  /** {@code 303 See Other} to {@code location}: the browser follows it with a GET. */
  static Response seeOther(String location) {
    return new Response(303, new Raw("text/plain; charset=utf-8", "See " + location + "\n"), new LinkedHashMap<>())
        .withHeader("Location", location)
        .withHeader("Cache-Control", "no-store")
        .withHeader("Referrer-Policy", "no-referrer");
  }

  Response withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Response(status, body, copy);
  }
}
