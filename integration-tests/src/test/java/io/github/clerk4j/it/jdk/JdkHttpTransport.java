package io.github.clerk4j.it.jdk;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.FilePart;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A second {@link Transport}, over {@code java.net.http} and Jackson's streaming parser, written
 * only to measure what a transport costs now that clerk4j-core decodes every answer. Not
 * published; it passes TransportContractSuite ({@link JdkHttpTransportContractTest}).
 */
final class JdkHttpTransport implements Transport {

  /** One client for all, as the JDK's pool and selector thread are meant to be shared. */
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade headers on plain http to the emulator
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private static final JsonFactory JSON = new JsonFactory();

  private final String base;
  private final AtomicBoolean closed = new AtomicBoolean();

  JdkHttpTransport(URI frontendApiUrl) {
    String url = frontendApiUrl.toString();
    this.base = url.endsWith("/") ? url : url + "/";
    for (Endpoint e : Endpoint.values()) {
      try {
        route(new FapiRequest(e, "id", "sid", Form.empty(), null, Duration.ofSeconds(1)));
      } catch (IncompatibleClassChangeError newerCore) {
        throw new IllegalStateException("JdkHttpTransport does not know the endpoint " + e + " of this clerk4j-core");
      }
    }
  }

  /** Method and path of the {@link Endpoint} javadoc, {@code {id}} and {@code {sid}} filled in. */
  private record Route(String method, String path) {
    boolean hasBody() {
      return method.equals("POST") || method.equals("PATCH");
    }
  }

  /** Exhaustive over {@link Endpoint}, so a constant added to core fails the build here. */
  private static Route route(FapiRequest r) {
    Route template = switch (r.endpoint()) {
      case GET_ENVIRONMENT -> new Route("GET", "v1/environment");
      case GET_CLIENT -> new Route("GET", "v1/client");
      case DELETE_CLIENT -> new Route("DELETE", "v1/client");
      case CREATE_SIGN_IN -> new Route("POST", "v1/client/sign_ins");
      case GET_SIGN_IN -> new Route("GET", "v1/client/sign_ins/{id}");
      case PREPARE_FIRST_FACTOR -> new Route("POST", "v1/client/sign_ins/{id}/prepare_first_factor");
      case ATTEMPT_FIRST_FACTOR -> new Route("POST", "v1/client/sign_ins/{id}/attempt_first_factor");
      case PREPARE_SECOND_FACTOR -> new Route("POST", "v1/client/sign_ins/{id}/prepare_second_factor");
      case ATTEMPT_SECOND_FACTOR -> new Route("POST", "v1/client/sign_ins/{id}/attempt_second_factor");
      case RESET_PASSWORD -> new Route("POST", "v1/client/sign_ins/{id}/reset_password");
      case CREATE_SIGN_UP -> new Route("POST", "v1/client/sign_ups");
      case GET_SIGN_UP -> new Route("GET", "v1/client/sign_ups/{id}");
      case UPDATE_SIGN_UP -> new Route("PATCH", "v1/client/sign_ups/{id}");
      case PREPARE_SIGN_UP_VERIFICATION -> new Route("POST", "v1/client/sign_ups/{id}/prepare_verification");
      case ATTEMPT_SIGN_UP_VERIFICATION -> new Route("POST", "v1/client/sign_ups/{id}/attempt_verification");
      case TOUCH_SESSION -> new Route("POST", "v1/client/sessions/{sid}/touch");
      case END_SESSION -> new Route("POST", "v1/client/sessions/{sid}/end");
      case CREATE_SESSION_TOKEN ->
          new Route("POST", "v1/client/sessions/{sid}/tokens" + (r.id() == null ? "" : "/{id}"));
      case START_REVERIFICATION -> new Route("POST", "v1/client/sessions/{sid}/verify");
      case PREPARE_REVERIFICATION_FIRST_FACTOR ->
          new Route("POST", "v1/client/sessions/{sid}/verify/prepare_first_factor");
      case ATTEMPT_REVERIFICATION_FIRST_FACTOR ->
          new Route("POST", "v1/client/sessions/{sid}/verify/attempt_first_factor");
      case PREPARE_REVERIFICATION_SECOND_FACTOR ->
          new Route("POST", "v1/client/sessions/{sid}/verify/prepare_second_factor");
      case ATTEMPT_REVERIFICATION_SECOND_FACTOR ->
          new Route("POST", "v1/client/sessions/{sid}/verify/attempt_second_factor");
      case GET_USER -> new Route("GET", "v1/me");
      case CHANGE_PASSWORD -> new Route("POST", "v1/me/change_password");
      case CREATE_PHONE_NUMBER -> new Route("POST", "v1/me/phone_numbers");
      case PREPARE_PHONE_NUMBER_VERIFICATION -> new Route("POST", "v1/me/phone_numbers/{id}/prepare_verification");
      case ATTEMPT_PHONE_NUMBER_VERIFICATION -> new Route("POST", "v1/me/phone_numbers/{id}/attempt_verification");
      case UPDATE_PHONE_NUMBER -> new Route("PATCH", "v1/me/phone_numbers/{id}");
      case DELETE_PHONE_NUMBER -> new Route("DELETE", "v1/me/phone_numbers/{id}");
      case CREATE_TOTP -> new Route("POST", "v1/me/totp");
      case ATTEMPT_TOTP_VERIFICATION -> new Route("POST", "v1/me/totp/attempt_verification");
      case DELETE_TOTP -> new Route("DELETE", "v1/me/totp");
      case CREATE_BACKUP_CODES -> new Route("POST", "v1/me/backup_codes");
      case UPDATE_USER -> new Route("PATCH", "v1/me");
      case UPDATE_USER_METADATA -> new Route("PATCH", "v1/me/metadata");
      case DELETE_USER -> new Route("DELETE", "v1/me");
      case CREATE_EMAIL_ADDRESS -> new Route("POST", "v1/me/email_addresses");
      case PREPARE_EMAIL_ADDRESS_VERIFICATION -> new Route("POST", "v1/me/email_addresses/{id}/prepare_verification");
      case ATTEMPT_EMAIL_ADDRESS_VERIFICATION -> new Route("POST", "v1/me/email_addresses/{id}/attempt_verification");
      case DELETE_EMAIL_ADDRESS -> new Route("DELETE", "v1/me/email_addresses/{id}");
      case SET_PROFILE_IMAGE -> new Route("POST", "v1/me/profile_image");
      case DELETE_PROFILE_IMAGE -> new Route("DELETE", "v1/me/profile_image");
      case GET_ACTIVE_SESSIONS -> new Route("GET", "v1/me/sessions/active");
      case REVOKE_SESSION -> new Route("POST", "v1/me/sessions/{id}/revoke");
    };
    String path = template.path();
    path = path.contains("{id}") ? path.replace("{id}", segment(r.id(), "id", r)) : path;
    path = path.contains("{sid}") ? path.replace("{sid}", segment(r.sessionId(), "sessionId", r)) : path;
    return new Route(template.method(), path);
  }

  @Override
  public FapiResponse execute(FapiRequest r) {
    if (closed.get()) {
      throw new ClerkNetworkException(r.endpoint() + ": this JdkHttpTransport is closed", null, false);
    }
    Route route = route(r);
    StringJoiner query = new StringJoiner("&").add("_is_native=true");
    if (route.path().startsWith("v1/me") && r.sessionId() != null) {
      query.add("_clerk_session_id=" + encode(r.sessionId()));
    }
    String form = encode(r.form().fields());
    if (!route.hasBody() && !form.isEmpty()) {
      query.add(form);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + route.path() + "?" + query))
        .timeout(r.timeout())
        .header("clerk-api-version", "2026-05-12")
        .header("User-Agent", "clerk4j-jdk-test (Java " + System.getProperty("java.version") + ")");
    if (r.clientToken() != null) {
      request.header("Authorization", r.clientToken());
    }
    if (r.file() != null) {
      String boundary = "clerk4j-" + UUID.randomUUID();
      request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .method(route.method(), BodyPublishers.ofByteArray(multipart(boundary, r)));
    } else if (route.hasBody()) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .method(route.method(), BodyPublishers.ofString(form));
    } else {
      request.method(route.method(), BodyPublishers.noBody());
    }
    HttpResponse<byte[]> answer = send(r, request.build());
    byte[] body = answer.body();
    try {
      return FapiResponse.decode(r, answer.statusCode(), name -> answer.headers().firstValue(name).orElse(null),
          body.length == 0 ? null : new JacksonJsonSource(JSON.createParser(body)));
    } catch (IOException e) {
      throw new ClerkNetworkException(r.endpoint() + ": the answer cannot be parsed", e, true);
    }
  }

  /** Sends once; the whole exchange, body included, within the request's timeout. */
  private static HttpResponse<byte[]> send(FapiRequest r, HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> exchange = HTTP.sendAsync(request, BodyHandlers.ofByteArray());
    try {
      return exchange.get(r.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      // Only a failed connect proves that no byte of the request left.
      boolean notSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
      throw new ClerkNetworkException(r.endpoint() + (notSent
          ? ": could not reach the Frontend API; the request was not sent"
          : ": the exchange failed; the server may have processed the request")
          + " (" + cause.getClass().getSimpleName() + ")", cause, !notSent);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new ClerkNetworkException(r.endpoint() + ": no answer within " + r.timeout().toMillis()
          + " ms; the server may have processed the request", e, true);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new ClerkNetworkException(r.endpoint() + ": interrupted while waiting for the answer", e, true);
    }
  }

  /** {@code multipart/form-data} (RFC 7578): a text part per form field, then the file. */
  private static byte[] multipart(String boundary, FapiRequest r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.form().fields().forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + k + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    FilePart file = r.file();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
        + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file.content());
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** {@code application/x-www-form-urlencoded}, in the form's order. */
  private static String encode(Map<String, String> fields) {
    StringJoiner out = new StringJoiner("&");
    fields.forEach((k, v) -> out.add(encode(k) + "=" + encode(v)));
    return out.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One path segment: {@code /}, {@code ?} and {@code #} escaped, a space as {@code %20}. */
  private static String segment(String value, String name, FapiRequest r) {
    if (value == null) {
      throw new IllegalArgumentException(r.endpoint() + " needs FapiRequest." + name);
    }
    return encode(value).replace("+", "%20");
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
