package io.github.clerk4j.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Method + path-template routing; {@code {name}} in a template matches one path segment. */
final class Router {
  /** Handles one routed request. */
  interface Handler {
    Response handle(Exchange exchange);
  }

  private record Route(String method, Pattern pattern, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String template, Handler handler) {
    String regex = template.replaceAll("\\{[a-z_]+}", "([^/]+)");
    routes.add(new Route(method, Pattern.compile(regex), handler));
  }

  /**
   * Finds the handler: an unknown path is 404 {@code resource_not_found}, a known one asked with
   * another method 405 with {@code Allow}. A trailing slash is ignored, as Clerk's router does
   * (chi's {@code StripSlashes}): clerk-js creates phone numbers, e-mail addresses, Web3 wallets
   * and backup codes at {@code /v1/me/phone_numbers/} and the like.
   */
  Response route(Exchange exchange) {
    Request request = exchange.request;
    String path = withoutTrailingSlash(request.path());
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Matcher m = route.pattern.matcher(path);
      if (m.matches() && !route.method.equals(request.method())) {
        allowed.add(route.method);
      } else if (m.matches()) {
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          params.add(m.group(i));
        }
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
