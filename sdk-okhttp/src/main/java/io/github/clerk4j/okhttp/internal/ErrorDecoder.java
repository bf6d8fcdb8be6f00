package io.github.clerk4j.okhttp.internal;

import com.squareup.moshi.JsonAdapter;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkError;
import io.github.clerk4j.okhttp.internal.dto.ErrorDto;
import io.github.clerk4j.okhttp.internal.dto.ErrorEnvelopeDto;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/**
 * A non-2xx answer → {@link ClerkApiException} (fapi-wire-spec.md §1.6, §1.7). A body that is not a
 * Clerk error envelope (a proxy's HTML page, an empty 502) still becomes a {@code
 * ClerkApiException}, with one synthetic error {@code http_<status>}, so callers can branch on the
 * status in one place.
 */
public final class ErrorDecoder {

  private static final JsonAdapter<ErrorEnvelopeDto> ENVELOPE =
      WireJson.MOSHI.adapter(ErrorEnvelopeDto.class);

  private ErrorDecoder() {}

  /**
   * @param status the HTTP status (not 2xx)
   * @param body the body, or {@code null}/empty
   * @param headers the response headers ({@code Retry-After}, and {@code Authorization}, which
   *     the exception carries as its {@link ClerkApiException#clientToken()})
   * @param now the current time, for a {@code Retry-After} given as an HTTP date
   */
  public static ClerkApiException decode(int status, String body, Headers headers, Instant now) {
    ErrorEnvelopeDto envelope = parse(body);
    List<ClerkError> errors = new ArrayList<>();
    if (envelope != null && envelope.errors() != null) {
      for (ErrorDto e : envelope.errors()) {
        if (e != null) {
          errors.add(WireMapper.error(e));
        }
      }
    }
    if (errors.isEmpty()) {
      errors.add(
          new ClerkError(
              "http_" + status,
              "HTTP " + status,
              "The Frontend API answered HTTP " + status + " without a Clerk error body.",
              Map.of()));
    }
    String traceId = envelope == null ? null : envelope.clerkTraceId();
    ClerkApiException e =
        ClerkApiException.of(status, errors, traceId, retryAfter(headers.get("Retry-After"), now));
    // FAPI may issue or rotate the client token on an error answer too; core applies it.
    String clientToken = headers.get("Authorization");
    return clientToken == null ? e : e.withClientToken(clientToken);
  }

  private static ErrorEnvelopeDto parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return ENVELOPE.fromJson(body);
    } catch (IOException | RuntimeException notAnEnvelope) {
      // Moshi throws JsonEncodingException (an IOException) for non-JSON and JsonDataException
      // (a RuntimeException) for JSON of another shape; both mean "no envelope".
      return null;
    }
  }

  /**
   * {@code Retry-After} as delay-seconds (what FAPI sends) or as an HTTP date (RFC 9110 allows
   * both); {@code null} when absent or unreadable. A date in the past means "now" (zero).
   */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
