package io.github.clerk4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.internal.wire.TextJsonSourceAccess;
import io.github.clerk4j.internal.wire.WireReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void scalars() {
    assertThat(JsonText.write(null)).isEqualTo("null");
    assertThat(JsonText.write(true)).isEqualTo("true");
    assertThat(JsonText.write(false)).isEqualTo("false");
    assertThat(JsonText.write(42)).isEqualTo("42");
    assertThat(JsonText.write(-7L)).isEqualTo("-7");
    assertThat(JsonText.write((short) 3)).isEqualTo("3");
    assertThat(JsonText.write(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
    assertThat(JsonText.write(new BigDecimal("12.50"))).isEqualTo("12.50");
    assertThat(JsonText.write(2.0)).isEqualTo("2");
    assertThat(JsonText.write(1.5)).isEqualTo("1.5");
    assertThat(JsonText.write(1.5e-7)).isEqualTo("1.5E-7");
    assertThat(JsonText.write(0.25f)).isEqualTo("0.25");
    assertThat(JsonText.write('x')).isEqualTo("\"x\"");
    assertThat(JsonText.write("plain")).isEqualTo("\"plain\"");
  }

  @Test
  void stringsEscapeWhatJsonRequires() {
    assertThat(JsonText.write("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
    assertThat(JsonText.write("line\nnext\rtab\tbs\bff\f")).isEqualTo("\"line\\nnext\\rtab\\tbs\\bff\\f\"");
    assertThat(JsonText.write("\u0000\u001f")).isEqualTo("\"\\u0000\\u001f\"");
    assertThat(JsonText.write("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
    // Non-ASCII stays as it is (the form body is UTF-8); a surrogate pair is one character.
    assertThat(JsonText.write("Zoë 😀")).isEqualTo("\"Zoë 😀\"");
    // A lone surrogate has no UTF-8 form: escaped.
    assertThat(JsonText.write("x\ud800y")).isEqualTo("\"x\\ud800y\"");
  }

  @Test
  void objectsAndArraysInOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plan", "pro");
    m.put("seats", 3);
    m.put("tags", List.of("a", "b"));
    m.put("nested", Map.of("ok", true));
    m.put("none", null);
    m.put("empty", List.of());
    assertThat(JsonText.write(m))
        .isEqualTo("{\"plan\":\"pro\",\"seats\":3,\"tags\":[\"a\",\"b\"],\"nested\":{\"ok\":true},\"none\":null,\"empty\":[]}");
    assertThat(JsonText.write(Map.of())).isEqualTo("{}");
    assertThat(JsonText.write(Arrays.asList(1, null, "x"))).isEqualTo("[1,null,\"x\"]");
  }

  @Test
  void whatItWritesReadsBackAsTheSameValue() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quote \" and \\", "line\nbreak \u0001 Zoë 😀");
    m.put("n", List.of(1L, 2.5, -3L));
    m.put("deep", Map.of("a", List.of(Map.of("b", false))));
    Object back = new WireReader(new TextJsonSourceAccess().of(JsonText.write(m))).any();
    assertThat(back).isEqualTo(m);
  }

  @Test
  void refusesWhatJsonCannotSay() {
    assertThatThrownBy(() -> JsonText.write(Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.x");
    assertThatThrownBy(() -> JsonText.write(List.of(Float.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$[0]");
    Map<Object, Object> badKey = new HashMap<>();
    badKey.put(1, "one");
    assertThatThrownBy(() -> JsonText.write(badKey))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys must be strings");
    assertThatThrownBy(() -> JsonText.write(Map.of("when", new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object at $.when");
    List<Object> self = new ArrayList<>();
    self.add(self);
    assertThatThrownBy(() -> JsonText.write(self))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    Object deep = "leaf";
    for (int i = 0; i < 70; i++) {
      deep = List.of(deep);
    }
    Object tooDeep = deep;
    assertThatThrownBy(() -> JsonText.write(tooDeep))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deeper than 64");
  }

  @Test
  void theSameValueTwiceIsNoCycle() {
    List<String> shared = List.of("x");
    assertThat(JsonText.write(List.of(shared, shared))).isEqualTo("[[\"x\"],[\"x\"]]");
  }
}
