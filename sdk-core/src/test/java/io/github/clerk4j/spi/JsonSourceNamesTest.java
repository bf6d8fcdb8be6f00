package io.github.clerk4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.spi.JsonSource.Names;
import org.junit.jupiter.api.Test;

class JsonSourceNamesTest {

  @Test
  void keepsTheNamesInTheirOrderUnmodifiable() {
    Names names = Names.of("status", "id");
    assertThat(names.list()).containsExactly("status", "id");
    assertThatThrownBy(() -> names.list().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(names).hasToString("Names[status, id]");
  }

  /** What a parser keeps its matchers by: one slot per set, however many there are. */
  @Test
  void everySetHasItsOwnIndex() {
    Names a = Names.of("id");
    Names b = Names.of("id");
    assertThat(a.index()).isNotNegative().isNotEqualTo(b.index());
  }

  @Test
  void refusesANameGivenTwiceOrNull() {
    assertThatThrownBy(() -> Names.of("id", "status", "id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> Names.of("id", null)).isInstanceOf(NullPointerException.class);
  }

  /** A parser that does not match names reads them as nextName() does. */
  @Test
  void aParserWithoutMatchingReadsANameAsNextNameDoes() throws Exception {
    JsonSource source = new JsonSource() {
      @Override public Token peek() { return Token.NAME; }
      @Override public void beginArray() {}
      @Override public void endArray() {}
      @Override public void beginObject() {}
      @Override public void endObject() {}
      @Override public boolean hasNext() { return true; }
      @Override public String nextName() { return "not_listed"; }
      @Override public String nextString() { return ""; }
      @Override public boolean nextBoolean() { return false; }
      @Override public long nextLong() { return 0; }
      @Override public double nextDouble() { return 0; }
      @Override public void nextNull() {}
      @Override public void skipValue() {}
      @Override public String path() { return "$"; }
    };
    assertThat(source.nextName(Names.of("id"))).isEqualTo("not_listed");
  }
}
