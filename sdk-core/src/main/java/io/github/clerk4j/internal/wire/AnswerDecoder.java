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

  /**
   * How an endpoint's 2xx body is built: the resource, whether it comes in Clerk's {@code
   * {"response": ..., "client": ...}} envelope, its name for messages, and whether it may be null.
   * An enum and switches rather than a table of method references: each reference is a class
   * that a fresh JVM spins the first time, 26 of them before the first answer of a sign-in.
   */
  private enum Body {
    ENVIRONMENT(false, "environment", false),
    CLIENT(true, "client", true),
    SIGN_IN(true, "sign-in", false),
    SIGN_UP(true, "sign-up", false),
    /** A touch may skip the session for intents that do not piggyback; core falls back to its own. */
    TOUCHED_SESSION(true, "session", true),
    SESSION(true, "session", false),
    SESSION_TOKEN(false, "session token", false),
    REVERIFICATION(true, "session verification", false),
    USER(true, "user", false),
    PHONE_NUMBER(true, "phone number", false),
    EMAIL_ADDRESS(true, "e-mail address", false),
    TOTP(true, "TOTP enrolment", false),
    BACKUP_CODES(true, "backup codes", false),
    IMAGE(true, "image", false),
    DELETED_OBJECT(true, "deleted object", false),
    /** A bare array, as Clerk answers it (no envelope, no piggybacked client). */
    ACTIVE_SESSIONS(false, "list of active sessions", false);

    final boolean wrapped;
    final String what;
    final boolean mayBeNull;

    Body(boolean wrapped, String what, boolean mayBeNull) {
      this.wrapped = wrapped;
      this.what = what;
      this.mayBeNull = mayBeNull;
    }

    @Nullable Object read(WireReader in) throws IOException {
      return switch (this) {
        case ENVIRONMENT -> EnvironmentDecoder.environment(in);
        case CLIENT -> WireDecoders.client(in);
        case SIGN_IN -> WireDecoders.signIn(in);
        case SIGN_UP -> WireDecoders.signUp(in);
        case TOUCHED_SESSION, SESSION -> WireDecoders.session(in);
        case SESSION_TOKEN -> WireDecoders.token(in, true);
        case REVERIFICATION -> WireDecoders.reverification(in);
        case USER -> WireDecoders.user(in);
        case PHONE_NUMBER -> WireDecoders.phoneNumber(in);
        case EMAIL_ADDRESS -> WireDecoders.emailAddress(in);
        case TOTP -> WireDecoders.totp(in);
        case BACKUP_CODES -> WireDecoders.backupCodes(in);
        case IMAGE -> AccountDecoders.image(in);
        case DELETED_OBJECT -> WireDecoders.deletedObject(in);
        case ACTIVE_SESSIONS -> in.list(AccountDecoders::activeSession);
      };
    }
  }

  /** The body of each endpoint; javac checks that every endpoint has one. */
  private static Body body(Endpoint endpoint) {
    return switch (endpoint) {
      case GET_ENVIRONMENT -> Body.ENVIRONMENT;
      case GET_CLIENT, DELETE_CLIENT -> Body.CLIENT;
      case CREATE_SIGN_IN, GET_SIGN_IN, PREPARE_FIRST_FACTOR, ATTEMPT_FIRST_FACTOR, PREPARE_SECOND_FACTOR,
          ATTEMPT_SECOND_FACTOR, RESET_PASSWORD -> Body.SIGN_IN;
      case CREATE_SIGN_UP, GET_SIGN_UP, UPDATE_SIGN_UP, PREPARE_SIGN_UP_VERIFICATION,
          ATTEMPT_SIGN_UP_VERIFICATION -> Body.SIGN_UP;
      case TOUCH_SESSION -> Body.TOUCHED_SESSION;
      case END_SESSION, REVOKE_SESSION -> Body.SESSION;
      case CREATE_SESSION_TOKEN -> Body.SESSION_TOKEN;
      case START_REVERIFICATION, PREPARE_REVERIFICATION_FIRST_FACTOR, ATTEMPT_REVERIFICATION_FIRST_FACTOR,
          PREPARE_REVERIFICATION_SECOND_FACTOR, ATTEMPT_REVERIFICATION_SECOND_FACTOR -> Body.REVERIFICATION;
      case GET_USER, CHANGE_PASSWORD, UPDATE_USER, UPDATE_USER_METADATA -> Body.USER;
      case CREATE_PHONE_NUMBER, PREPARE_PHONE_NUMBER_VERIFICATION, ATTEMPT_PHONE_NUMBER_VERIFICATION,
          UPDATE_PHONE_NUMBER -> Body.PHONE_NUMBER;
      case CREATE_EMAIL_ADDRESS, PREPARE_EMAIL_ADDRESS_VERIFICATION,
          ATTEMPT_EMAIL_ADDRESS_VERIFICATION -> Body.EMAIL_ADDRESS;
      case CREATE_TOTP, ATTEMPT_TOTP_VERIFICATION -> Body.TOTP;
      case CREATE_BACKUP_CODES -> Body.BACKUP_CODES;
      case SET_PROFILE_IMAGE -> Body.IMAGE;
      case DELETE_PHONE_NUMBER, DELETE_TOTP, DELETE_USER, DELETE_EMAIL_ADDRESS, DELETE_PROFILE_IMAGE ->
          Body.DELETED_OBJECT;
      case GET_ACTIVE_SESSIONS -> Body.ACTIVE_SESSIONS;
    };
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
    Body spec = body(endpoint);
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
          switch (in.nextName(MemberNames.ENVELOPE)) {
            case "response" -> response = spec.read(in);
            case "client" -> {
              in.takeCopiesFrom(response);
              client = WireDecoders.client(in);
            }
            default -> in.skipValue();
          }
        }
        in.endObject();
      } else {
        response = spec.read(in);
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
