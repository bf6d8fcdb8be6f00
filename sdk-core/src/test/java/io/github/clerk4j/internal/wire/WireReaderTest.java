package io.github.clerk4j.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link WireReader#path()}: the member being skipped is body text, and never shown (Moshi's case,
 * a path that keeps the name until the next one, is AnswerDecodingFuzzTest's kept input).
 */
class WireReaderTest {

  @Test
  void aSkippedMemberIsHiddenUntilTheNextName() throws IOException {
    WireReader in = new WireReader(new TextJsonSource(
        "{\"response\":{\"k2m9q7f3\":{\"a\":1},\"id\":\"sia_1\"}}"));
    in.beginObject();
    assertThat(in.nextName()).isEqualTo("response");
    in.beginObject();
    assertThat(in.nextName()).isEqualTo("k2m9q7f3");
    in.skipValue();
    assertThat(in.path()).startsWith("$.response").doesNotContain("k2m9q7f3");
    assertThat(in.nextName()).isEqualTo("id");
    assertThat(in.path()).isEqualTo("$.response.id");
    assertThat(in.string()).isEqualTo("sia_1");
    in.endObject();
  }

  @Test
  void aSkipThatFailsHalfWayShowsNothingOfTheMember() throws IOException {
    WireReader in = new WireReader(new TextJsonSource("{\"response\":{\"k2m9q7f3\":{\"p4x8n2r6\":"));
    in.beginObject();
    in.nextName();
    in.beginObject();
    in.nextName();
    assertThatThrownBy(in::skipValue).isInstanceOf(EOFException.class);
    assertThat(in.path()).isEqualTo("$.response.?").doesNotContain("k2m9q7f3", "p4x8n2r6");
  }
}
