package io.github.clerk4j.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * What a browser does in a sign-in through an identity provider or by e-mail link, without the
 * browser: plain GETs and form POSTs with no client token, redirects not followed, so that a test
 * sees each hop. Requests to the Frontend API ({@code /v1/...}) are checked against the OpenAPI
 * file (the fake provider's pages are in no operation of it).
 */
final class BrowserAgent {

  /** One answer: status, {@code Location}, body. */
  record Page(int status, String location, String contentType, String body) {
    /** The {@code Location}'s query parameters, decoded. */
    Map<String, String> locationQuery() {
      return query(URI.create(location));
    }
  }

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  private final List<ContractReport> reports = new ArrayList<>();

  Page get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), url, null);
  }

  /** A form POST; {@code form} alternates names and values. */
  Page post(String url, String... form) {
    StringJoiner body = new StringJoiner("&");
    for (int i = 0; i < form.length; i += 2) {
      body.add(URLEncoder.encode(form[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())), url, body.toString());
  }

  /** Follows the {@code Location} of a redirect. */
  Page follow(Page redirect) {
    if (redirect.location() == null) {
      throw new AssertionError("not a redirect: " + redirect.status() + " " + redirect.body());
    }
    return get(redirect.location());
  }

  private Page send(HttpRequest.Builder request, String url, String formBody) {
    HttpResponse<String> r;
    try {
      r = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    URI uri = URI.create(url);
    String contentType = r.headers().firstValue("Content-Type").orElse(null);
    if (uri.getPath().startsWith("/v1/")) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      query(uri).forEach((k, v) -> query.put(k, List.of(v)));
      boolean json = contentType != null && contentType.startsWith("application/json");
      // A redirect's or page's body is for the person reading it, not in the file: only JSON is checked.
      Interaction i = new Interaction(r.request().method(), uri.getPath(), query,
          formBody == null ? null : "application/x-www-form-urlencoded", formBody, r.statusCode(),
          json ? contentType : null, json ? r.body() : null);
      reports.add(OpenApiContract.fapi().validate(i));
    }
    return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), contentType, r.body());
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** Every violation of every checked exchange, or null. */
  String violationSummary() {
    List<String> lines = reports.stream().flatMap(r -> r.violations().stream().map(v -> r.label() + "  " + v))
        .distinct().collect(Collectors.toList());
    return lines.isEmpty() ? null : lines.size() + " contract violation(s):\n  - " + String.join("\n  - ", lines);
  }
}
