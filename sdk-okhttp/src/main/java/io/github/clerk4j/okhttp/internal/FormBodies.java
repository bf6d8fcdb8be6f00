package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.spi.Form;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.BiConsumer;
import okhttp3.FormBody;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Retrofit's converter of a {@code @Body Form} into an {@code application/x-www-form-urlencoded}
 * body: each field encoded by OkHttp's {@link FormBody}, in the form's order. The same bytes as
 * {@code @FormUrlEncoded} with {@code @FieldMap}, without the map Retrofit would need for that and
 * walk for every request (about 1 KiB a sign-in, benchmarks/README.md). Classes, not lambdas: a
 * fresh JVM would spin a class for each at its first request.
 */
final class FormBodies extends Converter.Factory implements Converter<Form, RequestBody> {

  static final FormBodies FACTORY = new FormBodies();

  private FormBodies() {}

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    return type == Form.class ? this : null;
  }

  @Override
  public RequestBody convert(Form form) {
    Fields fields = new Fields();
    form.forEach(fields);
    return fields.body.build();
  }

  private static final class Fields implements BiConsumer<String, String> {
    final FormBody.Builder body = new FormBody.Builder();

    @Override
    public void accept(String name, String value) {
      body.add(name, value);
    }
  }
}
