package io.github.clerk4j.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
 * A bare native FAPI client over {@link HttpClient}, independent of the SDK, that checks every
 * exchange against the OpenAPI contract. It speaks the native protocol as clerk-android and
 * clerk-ios do (wire spec §1.2–1.4): query {@code _is_native=true}, header
 * {@code clerk-api-version: 2026-05-12}, form-encoded bodies, and the client token taken verbatim
 * from each response's {@code Authorization} header and sent back on the next request. Calls to
 * {@code /v1/me} carry {@code _clerk_session_id} once a session is chosen.
 *
 * <p>Each call returns what the server answered, whatever the status; the contract reports pile
 * up so that a test can assert them all at the end and show every violation at once.
 */
final class ContractCheckingClient {

  static final String API_VERSION = "2026-05-12";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A server's answer: status, headers, body (MissingNode when empty), and the contract's verdict. */
  record Answer(int status, HttpHeaders headers, JsonNode body, ContractReport report) {
    /** The resource in a {@code {response, client}} envelope. */
    JsonNode response() {
      return body.path("response");
    }

    /** The piggybacked client. */
    JsonNode client() {
      return body.path("client");
    }

    /** The first error's code, or "" when there is none. */
    String errorCode() {
      return body.path("errors").path(0).path("code").asText("");
    }
  }

  /** How much of an exchange to check against the contract. */
  enum Check {
    /** Request and response: the default. */
    ALL,
    /**
     * Only the response, for requests a test breaks on purpose (a missing parameter) to see the
     * server's error: the request's own violation is the point, not a finding.
     */
    RESPONSE_ONLY,
    /** Nothing, for routes that are in no operation of the file; the caller checks the body. */
    NONE
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();
  private final String baseUrl;
  private final OpenApiContract contract;
  private final List<ContractReport> reports = new ArrayList<>();
  private String clientToken;
  private String sessionId;

  ContractCheckingClient(String baseUrl, OpenApiContract contract) {
    this.baseUrl = baseUrl;
    this.contract = contract;
  }

  /** The session named in {@code _clerk_session_id} on {@code /v1/me} calls. */
  ContractCheckingClient useSession(String sessionId) {
    this.sessionId = sessionId;
    return this;
  }

  String clientToken() {
    return clientToken;
  }

  /** Every report so far, in call order. */
  List<ContractReport> reports() {
    return List.copyOf(reports);
  }

  Answer get(String path) {
    return send("GET", path, Map.of(), null, true);
  }

  /** A form POST; {@code form} alternates names and values. */
  Answer post(String path, String... form) {
    return send("POST", path, Map.of(), form, true);
  }

  Answer patch(String path, String... form) {
    return send("PATCH", path, Map.of(), form, true);
  }

  Answer delete(String path) {
    return send("DELETE", path, Map.of(), null, true);
  }

  /**
   * A POST with a body that is not a form (an image upload), sent as it is; the request is checked
   * with its own content type.
   */
  Answer upload(String path, String contentType, byte[] body) {
    return send("POST", path, contentType, body, Check.ALL);
  }

  /** A form POST that is malformed on purpose: only the response is checked. */
  Answer postMalformed(String path, String... form) {
    return send("POST", path, Map.of(), form, true, Check.RESPONSE_ONLY);
  }

  /**
   * The general call. {@code extraQuery} is added after {@code _is_native}; a null {@code form}
   * sends no body; {@code versionHeader} false leaves out {@code clerk-api-version}.
   */
  Answer send(String method, String path, Map<String, String> extraQuery, String[] form, boolean versionHeader) {
    return send(method, path, extraQuery, form, versionHeader, Check.ALL);
  }

  Answer send(String method, String path, Map<String, String> extraQuery, String[] form, boolean versionHeader,
      Check check) {
    Map<String, List<String>> query = query(path, extraQuery);
    String body = form == null ? null : encode(form);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + encodeQuery(query)))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (versionHeader) {
      request.header("clerk-api-version", API_VERSION);
    }
    if (body != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    return exchange(method, path, query, request, body == null ? null : "application/x-www-form-urlencoded", body,
        check);
  }

  private Answer send(String method, String path, String contentType, byte[] body, Check check) {
    Map<String, List<String>> query = query(path, Map.of());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + encodeQuery(query)))
        .timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .header("clerk-api-version", API_VERSION)
        .header("Content-Type", contentType);
    // ISO-8859-1 keeps every byte as one char: the validator gets the body as sent.
    return exchange(method, path, query, request, contentType, new String(body, StandardCharsets.ISO_8859_1), check);
  }

  private Map<String, List<String>> query(String path, Map<String, String> extraQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("_is_native", List.of("true"));
    if (sessionId != null && path.startsWith("/v1/me")) {
      query.put("_clerk_session_id", List.of(sessionId));
    }
    extraQuery.forEach((k, v) -> query.put(k, List.of(v)));
    return query;
  }

  private Answer exchange(String method, String path, Map<String, List<String>> query, HttpRequest.Builder request,
      String requestContentType, String body, Check check) {
    if (clientToken != null) {
      request.header("Authorization", clientToken);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String authorization = response.headers().firstValue("Authorization").orElse(null);
    if (authorization != null && !authorization.isBlank()) {
      clientToken = authorization;
    }
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    Interaction interaction = new Interaction(method, path, query, requestContentType, body,
        response.statusCode(), contentType, response.body());
    ContractReport report;
    switch (check) {
      case ALL:
        report = contract.validate(interaction);
        break;
      case RESPONSE_ONLY:
        report = contract.validateResponse(interaction);
        break;
      default:
        report = new ContractReport(interaction.label() + " (not checked)", List.of(), List.of());
    }
    JsonNode parsed = parse(response.body());
    if (check != Check.NONE) {
      report = withDifferingCopies(report, parsed);
      reports.add(report);
    }
    return new Answer(response.statusCode(), response.headers(), parsed, report);
  }

  /**
   * The report with a violation for each object of the piggybacked client that has the
   * response's kind and id but not its content. The SDK takes the response for such a copy
   * instead of decoding it again ({@code WireReader.takeCopiesFrom}), because Clerk serializes one state
   * into both parts of an answer (its recorded answers show the copies equal), so the emulator
   * must send them equal too.
   */
  static ContractReport withDifferingCopies(ContractReport report, JsonNode body) {
    JsonNode response = body.path("response");
    JsonNode client = body.path("client");
    if (!response.isObject() || !response.hasNonNull("id") || !client.isObject()) {
      return report;
    }
    List<ContractReport.Finding> differing = new ArrayList<>();
    checkCopy(differing, response, client.path("sign_in"), "/client/sign_in");
    checkCopy(differing, response, client.path("sign_up"), "/client/sign_up");
    for (int i = 0; i < client.path("sessions").size(); i++) {
      JsonNode session = client.path("sessions").path(i);
      checkCopy(differing, response, session, "/client/sessions/" + i);
      checkCopy(differing, response, session.path("user"), "/client/sessions/" + i + "/user");
    }
    if (differing.isEmpty()) {
      return report;
    }
    List<ContractReport.Finding> violations = new ArrayList<>(report.violations());
    violations.addAll(differing);
    return new ContractReport(report.label(), violations, report.tolerated());
  }

  private static void checkCopy(List<ContractReport.Finding> out, JsonNode response, JsonNode copy, String pointer) {
    if (copy.isObject() && copy.path("object").equals(response.path("object"))
        && copy.path("id").equals(response.path("id")) && !copy.equals(response)) {
      out.add(new ContractReport.Finding(ContractReport.Side.RESPONSE, "piggyback.copy", pointer,
          "the piggybacked client's copy of the response differs from the response", null));
    }
  }

  /**
   * One message listing every violation of every call so far, each distinct (call, rule, place)
   * once, or null when there is none.
   */
  String violationSummary() {
    List<String> lines = reports.stream()
        .flatMap(r -> r.violations().stream().map(v -> r.label() + "  " + v))
        .distinct()
        .collect(Collectors.toList());
    if (lines.isEmpty()) {
      return null;
    }
    return lines.size() + " contract violation(s) in " + reports.size() + " exchanges:\n  - "
        + String.join("\n  - ", lines);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static String encode(String[] form) {
    if (form.length % 2 != 0) {
      throw new IllegalArgumentException("form must alternate names and values");
    }
    StringJoiner out = new StringJoiner("&");
    for (int i = 0; i < form.length; i += 2) {
      out.add(URLEncoder.encode(form[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static String encodeQuery(Map<String, List<String>> query) {
    StringJoiner out = new StringJoiner("&");
    query.forEach((k, vs) -> vs.forEach(v -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return out.toString();
  }
}
