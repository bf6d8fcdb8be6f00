package io.github.clerk4j.internal.wire;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkError;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.JsonSource;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one place where an HTTP answer of the Frontend API becomes a resource or a refusal
 * ({@link io.github.clerk4j.spi.FapiResponse#decode}): the body shape of every endpoint, what a
 * status means, and from which answers a client token may be taken.
 */
public final class AnswerDecoder {

  /** What an answer decoded to: a resource, or a refusal. */
  public record Answer(@Nullable Object response, @Nullable ClientResource client,
      @Nullable String clientToken, @Nullable ClerkApiException error) {}

  /** How an endpoint's 2xx body is built. */
  private record Body(WireReader.Item<?> resource, boolean wrapped, String what, boolean mayBeNull) {}

  private static final Map<Endpoint, Body> BODIES = new EnumMap<>(Endpoint.class);

  static {
    body(Endpoint.GET_ENVIRONMENT, unwrapped(EnvironmentDecoder::environment, "environment"));
    body(Endpoint.GET_CLIENT, new Body(WireDecoders::client, true, "client", true));
    body(Endpoint.DELETE_CLIENT, new Body(WireDecoders::client, true, "client", true));
    for (Endpoint e : List.of(Endpoint.CREATE_SIGN_IN, Endpoint.GET_SIGN_IN, Endpoint.PREPARE_FIRST_FACTOR,
        Endpoint.ATTEMPT_FIRST_FACTOR, Endpoint.PREPARE_SECOND_FACTOR, Endpoint.ATTEMPT_SECOND_FACTOR,
        Endpoint.RESET_PASSWORD)) {
      body(e, wrapped(WireDecoders::signIn, "sign-in"));
    }
    for (Endpoint e : List.of(Endpoint.CREATE_SIGN_UP, Endpoint.GET_SIGN_UP, Endpoint.UPDATE_SIGN_UP,
        Endpoint.PREPARE_SIGN_UP_VERIFICATION, Endpoint.ATTEMPT_SIGN_UP_VERIFICATION)) {
      body(e, wrapped(WireDecoders::signUp, "sign-up"));
    }
    // A touch may skip the session for intents that do not piggyback; core falls back to its own.
    body(Endpoint.TOUCH_SESSION, new Body(WireDecoders::session, true, "session", true));
    body(Endpoint.END_SESSION, wrapped(WireDecoders::session, "session"));
    body(Endpoint.CREATE_SESSION_TOKEN, unwrapped(in -> WireDecoders.token(in, true), "session token"));
    for (Endpoint e : List.of(Endpoint.START_REVERIFICATION, Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR,
        Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR, Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR,
        Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR)) {
      body(e, wrapped(WireDecoders::reverification, "session verification"));
    }
    body(Endpoint.GET_USER, wrapped(WireDecoders::user, "user"));
    body(Endpoint.CHANGE_PASSWORD, wrapped(WireDecoders::user, "user"));
    for (Endpoint e : List.of(Endpoint.CREATE_PHONE_NUMBER, Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION,
        Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION, Endpoint.UPDATE_PHONE_NUMBER)) {
      body(e, wrapped(WireDecoders::phoneNumber, "phone number"));
    }
    body(Endpoint.DELETE_PHONE_NUMBER, wrapped(WireDecoders::deletedObject, "deleted object"));
    body(Endpoint.CREATE_TOTP, wrapped(WireDecoders::totp, "TOTP enrolment"));
    body(Endpoint.ATTEMPT_TOTP_VERIFICATION, wrapped(WireDecoders::totp, "TOTP enrolment"));
    body(Endpoint.DELETE_TOTP, wrapped(WireDecoders::deletedObject, "deleted object"));
    body(Endpoint.CREATE_BACKUP_CODES, wrapped(WireDecoders::backupCodes, "backup codes"));
    body(Endpoint.UPDATE_USER, wrapped(WireDecoders::user, "user"));
    body(Endpoint.UPDATE_USER_METADATA, wrapped(WireDecoders::user, "user"));
    body(Endpoint.DELETE_USER, wrapped(WireDecoders::deletedObject, "deleted object"));
    for (Endpoint e : List.of(Endpoint.CREATE_EMAIL_ADDRESS, Endpoint.PREPARE_EMAIL_ADDRESS_VERIFICATION,
        Endpoint.ATTEMPT_EMAIL_ADDRESS_VERIFICATION)) {
      body(e, wrapped(WireDecoders::emailAddress, "e-mail address"));
    }
    body(Endpoint.DELETE_EMAIL_ADDRESS, wrapped(WireDecoders::deletedObject, "deleted object"));
    body(Endpoint.SET_PROFILE_IMAGE, wrapped(AccountDecoders::image, "image"));
    body(Endpoint.DELETE_PROFILE_IMAGE, wrapped(WireDecoders::deletedObject, "deleted object"));
    // A bare array, as Clerk answers it (no envelope, no piggybacked client).
    body(Endpoint.GET_ACTIVE_SESSIONS,
        unwrapped(in -> in.list(AccountDecoders::activeSession), "list of active sessions"));
    body(Endpoint.REVOKE_SESSION, wrapped(WireDecoders::session, "session"));
    for (Endpoint e : Endpoint.values()) {
      if (!BODIES.containsKey(e)) {
        throw new IllegalStateException("no answer decoder for " + e);
      }
    }
  }

  private AnswerDecoder() {}

  private static void body(Endpoint e, Body b) {
    BODIES.put(e, b);
  }

  private static Body wrapped(WireReader.Item<?> resource, String what) {
    return new Body(resource, true, what, false);
  }

  private static Body unwrapped(WireReader.Item<?> resource, String what) {
    return new Body(resource, false, what, false);
  }

  /** See {@link io.github.clerk4j.spi.FapiResponse#decode}. */
  public static Answer decode(
      Endpoint endpoint, int status, Function<String, @Nullable String> headers, @Nullable JsonSource body) {
    if (status >= 200 && status <= 299) {
      return success(endpoint, status, headers.apply("Authorization"), body);
    }
    WireDecoders.ErrorEnvelope envelope = status >= 400 ? envelope(body) : null;
    List<ClerkError> errors = envelope == null
        ? List.of(new ClerkError("http_" + status, "HTTP " + status,
            "The Frontend API answered HTTP " + status + " without a Clerk error body.", Map.of()))
        : envelope.errors();
    String traceId = envelope == null ? null : envelope.traceId();
    ClerkApiException error = ClerkApiException.of(
        status, errors, traceId, retryAfter(headers.apply("Retry-After"), Instant.now()));
    // Only Clerk's own error envelope comes from FAPI for sure: a proxy's page or a redirect
    // may carry an Authorization header that is no client token of ours.
    String token = envelope != null ? headers.apply("Authorization") : null;
    return new Answer(null, null, token, error);
  }

  /** Clerk's error envelope with at least one error, or null for any other body. */
  private static WireDecoders.@Nullable ErrorEnvelope envelope(@Nullable JsonSource body) {
    if (body == null) {
      return null;
    }
    try {
      WireReader in = new WireReader(body);
      if (in.peek() != JsonSource.Token.BEGIN_OBJECT) {
        return null;
      }
      WireDecoders.ErrorEnvelope e = WireDecoders.errorEnvelope(in);
      return e.errors().isEmpty() ? null : e;
    } catch (IOException | RuntimeException notAnEnvelope) {
      // An HTML page, a cut-off body or a broken connection: the status still says what happened.
      return null;
    }
  }

  private static Answer success(
      Endpoint endpoint, int status, @Nullable String token, @Nullable JsonSource source) {
    Body spec = Objects.requireNonNull(BODIES.get(endpoint), "the class initializer checks every endpoint");
    if (source == null) {
      throw badBody(endpoint, "the Frontend API answered HTTP " + status + " with an empty body", null, token);
    }
    WireReader in = new WireReader(source);
    try {
      Object response = null;
      ClientResource client = null;
      if (spec.wrapped) {
        in.beginObject();
        while (in.hasNext()) {
          switch (in.nextName()) {
            case "response" -> response = spec.resource.read(in);
            case "client" -> client = WireDecoders.client(in);
            default -> in.skipValue();
          }
        }
        in.endObject();
      } else {
        response = spec.resource.read(in);
      }
      if (in.peek() != JsonSource.Token.END_DOCUMENT) {
        throw new WireFormatException("more than one JSON value");
      }
      if (response == null && !spec.mayBeNull) {
        throw new WireFormatException("the answer has no " + spec.what);
      }
      return new Answer(response, client, token, null);
    } catch (EOFException e) {
      throw badBody(endpoint, "the Frontend API's answer (HTTP " + status + ") is cut off at " + in.path(), e,
          token);
    } catch (WireFormatException e) {
      throw badBody(endpoint, "the Frontend API answered HTTP " + status + ", but not with "
          + article(spec.what) + ": " + e.getMessage(), e, token);
    } catch (JsonSource.SyntaxException e) {
      // The transport's own words are not repeated: the path of this reader is the safe one.
      throw badBody(endpoint, "the Frontend API answered HTTP " + status + ", but not with "
          + article(spec.what) + ": not the expected JSON at " + in.path(), e, token);
    } catch (IOException e) {
      throw new UnusableAnswerException(endpoint + ": the connection failed while reading the answer ("
          + e.getClass().getSimpleName() + "); the server may have processed the request", e, token);
    } catch (RuntimeException e) {
      // A parser adapter that reports a type mismatch unchecked (as Moshi's JsonDataException).
      throw badBody(endpoint, "the Frontend API answered HTTP " + status + ", but not with "
          + article(spec.what) + " (" + e.getClass().getSimpleName() + ")", e, token);
    }
  }

  private static String article(String what) {
    return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
  }

  private static UnusableAnswerException badBody(
      Endpoint endpoint, String what, @Nullable Throwable cause, @Nullable String token) {
    // The server had the request: a code may have been used up, so this is never retried blindly.
    return new UnusableAnswerException(endpoint + ": " + what
        + "; nothing of it was used (reload to see the server's state)", cause, token);
  }

  /**
   * {@code Retry-After} as delay-seconds (what FAPI sends) or as an HTTP date (RFC 9110 allows
   * both); {@code null} when absent or unreadable. A date in the past means now.
   */
  static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
