package io.github.clerk4j.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Method + path-template routing; {@code {name}} in a template matches one path segment. Templates
 * are compared segment by segment (every request is routed, and a regular expression per route
 * was a visible share of a profile).
 */
final class Router {
  /** Handles one routed request. */
  interface Handler {
    Response handle(Exchange exchange);
  }

  /** A template's segments; null where a {@code {name}} parameter stands. */
  private record Route(String method, String[] segments, Handler handler) {
    /** The parameters if {@code path} fits, else null. */
    @Nullable List<String> match(String[] path) {
      if (path.length != segments.length) {
        return null;
      }
      List<String> params = new ArrayList<>(2);
      for (int i = 0; i < path.length; i++) {
        if (segments[i] == null) {
          if (path[i].isEmpty()) {
            return null;
          }
          params.add(path[i]);
        } else if (!segments[i].equals(path[i])) {
          return null;
        }
      }
      return params;
    }
  }

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String template, Handler handler) {
    String[] segments = template.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].matches("\\{[a-z_]+}")) {
        segments[i] = null;
      }
    }
    routes.add(new Route(method, segments, handler));
  }

  /**
   * Finds the handler: an unknown path is 404 {@code resource_not_found}, a known one asked with
   * another method 405 with {@code Allow}. A trailing slash is ignored, as Clerk's router does
   * (chi's {@code StripSlashes}): clerk-js creates phone numbers, e-mail addresses, Web3 wallets
   * and backup codes at {@code /v1/me/phone_numbers/} and the like.
   */
  Response route(Exchange exchange) {
    Request request = exchange.request;
    String[] path = withoutTrailingSlash(request.path()).split("/", -1);
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      List<String> params = route.match(path);
      if (params != null && !route.method.equals(request.method())) {
        allowed.add(route.method);
      } else if (params != null) {
        exchange.request = request.withPathParams(params);
        return route.handler.handle(exchange);
      }
    }
    if (!allowed.isEmpty()) {
      throw ApiException.methodNotAllowed(request.method(), request.path(), String.join(", ", allowed));
    }
    throw ApiException.notFound("The requested resource (" + request.method() + " " + request.path() + ")");
  }

  /** The path as routes match it: without one trailing slash, as Clerk's router strips it. */
  static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
