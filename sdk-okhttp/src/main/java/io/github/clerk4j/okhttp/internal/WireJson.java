package io.github.clerk4j.okhttp.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The JSON setup of the transport: one {@link Moshi} (immutable, shared by every transport) that
 * reads epoch-millisecond timestamps as {@link Instant}, and the Retrofit converters built on it.
 * Moshi's record adapter skips unknown fields, which the Frontend API sends although its OpenAPI
 * file says it does not (fapi-wire-spec.md §1.5).
 */
public final class WireJson {

  /** The shared Moshi instance. */
  public static final Moshi MOSHI =
      new Moshi.Builder().add(Instant.class, new EpochMillisAdapter().nullSafe()).build();

  private WireJson() {}

  /**
   * Retrofit's converters: an empty body (a 204, or a 200 without content) decodes to {@code null};
   * everything else goes to Moshi.
   */
  public static Converter.Factory[] converterFactories() {
    return new Converter.Factory[] {new EmptyBodyAsNull(), MoshiConverterFactory.create(MOSHI)};
  }

  /**
   * {@code 1767211200000} ↔ {@link Instant}. Also accepts the number as a string, and an ISO-8601
   * string, because a timestamp in an unexpected but unambiguous form is no reason to fail a
   * sign-in.
   */
  static final class EpochMillisAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NUMBER) {
        return Instant.ofEpochMilli(reader.nextLong());
      }
      String text = reader.nextString();
      try {
        return Instant.ofEpochMilli(Long.parseLong(text));
      } catch (NumberFormatException notANumber) {
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException e) {
          throw new JsonDataException("Expected a timestamp at path " + reader.getPath());
        }
      }
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
      writer.value(value.toEpochMilli());
    }
  }

  /**
   * Moshi fails on an empty body ("End of input"); for FAPI an empty 2xx body means "no resource",
   * like a 204 (which Retrofit already maps to {@code null}).
   */
  private static final class EmptyBodyAsNull extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      Converter<ResponseBody, Object> next =
          retrofit.nextResponseBodyConverter(this, type, annotations);
      return body -> {
        if (body.source().exhausted()) {
          body.close();
          return null;
        }
        return next.convert(body);
      };
    }
  }
}
