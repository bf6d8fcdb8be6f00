package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The emulator's JSON writer writes what Moshi writes, byte for byte, and reads back the same. */
class JsonTest {

  @Test
  void writesWhatMoshiWrites() throws IOException {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("plain", "sess_2abcXYZ");
    value.put("escapes", "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 nul \u0000 ls \u2028 ps \u2029");
    value.put("unicode", "Zoë 名前 😀 <script>&amp;=");
    value.put("null", null);
    value.put("true", true);
    value.put("long", 1_893_456_000_000L);
    value.put("int", -42);
    value.put("double", 1.5);
    value.put("whole double", 2.0);
    value.put("list", List.of(1L, "two", List.of(), Map.of()));
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    value.put("list with null", withNull);
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      new Moshi.Builder().build().adapter(Object.class).toJson(writer, value);
    }
    assertThat(Json.write(value)).isEqualTo(buffer.readUtf8());
    assertThat(Json.read(Json.write(value))).isEqualTo(Json.read(Json.write(value)));
  }

  @Test
  void writesWireValuesAndSuppliersAndRefusesTheRest() {
    Supplier<String> later = () -> "signed";
    assertThat(Json.write(Json.obj("status", AttemptStatus.NEEDS_CLIENT_TRUST, "key", TaskKey.RESET_PASSWORD,
        "jwt", later))).isEqualTo("{\"status\":\"needs_client_trust\",\"key\":\"reset-password\",\"jwt\":\"signed\"}");
    assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
