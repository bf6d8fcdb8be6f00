package io.github.clerk4j.testing.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A pass-through HTTP proxy in front of a FAPI server that keeps every exchange, so that a test
 * can check what a client it does not control (clerk-js) sent and what the server answered it.
 * It forwards the method, path, query, body and the headers FAPI reads, and returns the status,
 * body and the headers FAPI sets.
 */
final class RecordingProxy extends ExchangeRecordingServer<RecordingProxy> {

  // Hop-by-hop and computed headers are the HTTP clients' business, not the exchange's.
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "connection", "content-length", "transfer-encoding", "accept-encoding", "expect", "upgrade");
  private static final List<String> RESPONSE_HEADERS =
      List.of("Content-Type", "Authorization", "Retry-After", "Access-Control-Expose-Headers");

  private final String target;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  RecordingProxy(String target) {
    this.target = target;
  }

  @Override
  MockResponse answer(RecordedRequest request) throws InterruptedException {
    HttpUrl url = request.getUrl();
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + url.encodedPath()
            + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery())))
        .timeout(Duration.ofSeconds(10))
        .method(request.getMethod(), body.isEmpty()
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Map<String, String> headers = RecordedClerkServer.headers(request);
    headers.forEach((name, value) -> {
      if (!NOT_FORWARDED.contains(name)) {
        out.header(name, value);
      }
    });
    HttpResponse<String> answer;
    try {
      answer = http.send(out.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new MockResponse.Builder().code(502).body("proxy could not reach " + target + ": " + e).build();
    }
    String method = url.queryParameter("_method") != null ? url.queryParameter("_method") : request.getMethod();
    String token = answer.headers().firstValue("Authorization").orElse(null);
    exchanges.add(new WireExchange(method, url.encodedPath(), RecordedClerkServer.query(url), headers, body,
        answer.statusCode(), answer.body(), token));
    MockResponse.Builder back = new MockResponse.Builder().code(answer.statusCode()).body(answer.body());
    for (String name : RESPONSE_HEADERS) {
      answer.headers().firstValue(name).ifPresent(v -> back.setHeader(name, v));
    }
    return back.build();
  }
}
