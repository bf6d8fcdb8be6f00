package io.github.clerk4j.it.faults;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;

/**
 * What the fault proxy does to one call, and what the SDK must make of it. Faults that answer in
 * the emulator's place never let the request reach it; the others forward it, so the emulator has
 * acted on the call, and then break or change the answer.
 */
enum Fault {
  /** The connection is reset before the request is read. */
  RESET_BEFORE("reset-before", false),
  /** The request reaches the emulator; the connection is reset instead of answering. */
  RESET_AFTER("reset-after", true),
  /** The request reaches the emulator; the answer is held back past the SDK's deadline. */
  STALL("stall", true),
  HTTP_500("500", false),
  /** A gateway's HTML page. */
  HTTP_502("502", false),
  HTTP_503("503", false),
  HTTP_503_RETRY_AFTER("503+RA1s", false),
  RATE_LIMITED_1S("429+RA1s", false),
  RATE_LIMITED_1H("429+RA1h", false),
  /** The emulator's answer with its first name separator missing. */
  INVALID_JSON("bad-json", true),
  /** The first half of the emulator's answer, as a complete HTTP message. */
  TRUNCATED("truncated", true),
  /** A 200 with a captive portal's HTML page in place of the emulator's answer. */
  HTML_PAGE("html-200", true),
  /** A 200 with the emulator's headers and no body. */
  EMPTY_200("empty-200", true),
  /** The emulator's answer with an unknown member added to every object. */
  UNKNOWN_FIELDS("new-fields", true),
  /** The emulator's answer with every {@code status} replaced by {@link #NEW_STATUS}. */
  UNKNOWN_STATUSES("new-status", true);

  /** The status value of {@link #UNKNOWN_STATUSES}, which no version of clerk4j knows. */
  static final String NEW_STATUS = "status_from_the_future";

  final String label;
  final boolean reachesEmulator;

  Fault(String label, boolean reachesEmulator) {
    this.label = label;
    this.reachesEmulator = reachesEmulator;
  }

  /** Whether the SDK must succeed (keeping what it does not know) rather than throw. */
  boolean expectsSuccess() {
    return this == UNKNOWN_FIELDS || this == UNKNOWN_STATUSES;
  }

  /** The HTTP status the SDK must report in its {@code ClerkApiException}, or 0 for none. */
  int refusalStatus() {
    return switch (this) {
      case HTTP_500 -> 500;
      case HTTP_502 -> 502;
      case HTTP_503, HTTP_503_RETRY_AFTER -> 503;
      case RATE_LIMITED_1S, RATE_LIMITED_1H -> 429;
      default -> 0;
    };
  }

  /** The answer the proxy gives in the emulator's place, for the faults that forward nothing. */
  HttpMessage ownAnswer() {
    return switch (this) {
      case HTTP_500 -> HttpMessage.response(500, "Internal Server Error", "application/json",
          clerkError("internal_clerk_error", "Oops, an unexpected error occurred"));
      case HTTP_502 -> HttpMessage.response(502, "Bad Gateway", "text/html",
          "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
              + "</center><hr><center>nginx</center></body></html>\r\n");
      case HTTP_503 -> HttpMessage.response(503, "Service Unavailable", "text/plain", "Service Unavailable");
      case HTTP_503_RETRY_AFTER -> HttpMessage.response(503, "Service Unavailable", "text/plain",
          "Service Unavailable").withHeader("Retry-After", "1");
      case RATE_LIMITED_1S -> rateLimited("1");
      case RATE_LIMITED_1H -> rateLimited("3600");
      default -> throw new IllegalStateException(this + " forwards the request");
    };
  }

  /** The emulator's answer as this fault delivers it, for the faults that forward. */
  HttpMessage alter(HttpMessage answer) {
    byte[] body = answer.body();
    return switch (this) {
      case INVALID_JSON -> answer.withBody(withoutFirstColon(body));
      case TRUNCATED -> answer.withBody(Arrays.copyOf(body, body.length / 2));
      case HTML_PAGE -> HttpMessage.response(200, "OK", "text/html; charset=utf-8",
          "<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body>"
              + "<form action=\"/portal\"><button>Accept and connect</button></form></body></html>");
      case EMPTY_200 -> answer.withStatus(200, "OK").withBody(new byte[0]);
      case UNKNOWN_FIELDS, UNKNOWN_STATUSES -> answer.withBody(rewrite(body, this == UNKNOWN_FIELDS));
      default -> throw new IllegalStateException(this + " does not alter answers");
    };
  }

  private static HttpMessage rateLimited(String seconds) {
    return HttpMessage.response(429, "Too Many Requests", "application/json",
        clerkError("too_many_requests", "Too many requests")).withHeader("Retry-After", seconds);
  }

  private static String clerkError(String code, String message) {
    return "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"long_message\":\""
        + message + ".\",\"meta\":{}}],\"clerk_trace_id\":\"fault-proxy\"}";
  }

  private static byte[] withoutFirstColon(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int colon = text.indexOf("\":");
    return (colon < 0 ? "{" + text : text.substring(0, colon + 1) + " " + text.substring(colon + 2))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Copies the JSON token by token: with {@code addFields}, every object gains members this SDK
   * has never heard of (a scalar, an object and an array); otherwise every {@code status} string
   * becomes {@link #NEW_STATUS}.
   */
  private static byte[] rewrite(byte[] body, boolean addFields) {
    try {
      JsonReader in = JsonReader.of(new Buffer().write(body));
      Buffer out = new Buffer();
      try (JsonWriter w = JsonWriter.of(out)) {
        w.setSerializeNulls(true);
        copy(in, w, addFields, false);
      }
      return out.readByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the emulator's answer is not JSON", e);
    }
  }

  private static void copy(JsonReader in, JsonWriter w, boolean addFields, boolean isStatus) throws IOException {
    switch (in.peek()) {
      case BEGIN_OBJECT -> {
        in.beginObject();
        w.beginObject();
        if (addFields) {
          w.name("field_from_the_future").value("x");
          w.name("object_from_the_future").beginObject().name("nested").beginArray().value(1).nullValue()
              .endArray().endObject();
          w.name("list_from_the_future").beginArray().beginObject().name("id").value("new_1").endObject()
              .endArray();
        }
        while (in.hasNext()) {
          String name = in.nextName();
          w.name(name);
          copy(in, w, addFields, !addFields && name.equals("status"));
        }
        in.endObject();
        w.endObject();
      }
      case BEGIN_ARRAY -> {
        in.beginArray();
        w.beginArray();
        while (in.hasNext()) {
          copy(in, w, addFields, false);
        }
        in.endArray();
        w.endArray();
      }
      case STRING -> {
        String s = in.nextString();
        w.value(isStatus ? NEW_STATUS : s);
      }
      case NUMBER -> w.value(new BigDecimal(in.nextString()));
      case BOOLEAN -> w.value(in.nextBoolean());
      case NULL -> {
        in.nextNull();
        w.nullValue();
      }
      default -> throw new IOException("unexpected " + in.peek() + " at " + in.getPath());
    }
  }
}
