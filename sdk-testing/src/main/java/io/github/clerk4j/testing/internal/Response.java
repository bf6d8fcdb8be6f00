package io.github.clerk4j.testing.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer, independent of the HTTP server library.
 *
 * @param status HTTP status
 * @param body the JSON body (maps, lists, scalars), written with explicit nulls; or a {@link
 *     RawBody}, written as it is (the web UI's pages and assets)
 * @param headers extra headers
 */
record Response(int status, Object body, Map<String, String> headers) {

  /** A body that is not JSON, with its media type. */
  record RawBody(String contentType, byte[] bytes) {}

  static Response json(Object body) {
    return new Response(200, body, new LinkedHashMap<>());
  }

  /** An HTML page (UTF-8). */
  static Response html(int status, String html) {
    return raw(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  static Response raw(int status, String contentType, byte[] bytes) {
    return new Response(status, new RawBody(contentType, bytes), new LinkedHashMap<>());
  }

  /** 303 See Other: after a form was handled, the browser loads {@code location} with a GET. */
  static Response redirect(String location) {
    return raw(303, "text/plain; charset=utf-8", new byte[0]).withHeader("Location", location);
  }

  Response withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Response(status, body, copy);
  }
}
