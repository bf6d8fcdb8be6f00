package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.spi.JsonSource;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Names read the same whether the JVM has decoded few answers (read as strings) or many (matched
 * against {@link JsonSource#knownNames()}): enough answers here to pass the switch.
 */
class MoshiJsonSourceTest {

  private static final String BODY = "{\"id\": \"sia_1\", \"not_a_clerk_member\": 1, \"status\": \"complete\"}";

  @Test
  void knownAndUnknownNamesReadTheSameBeforeAndAfterTheSourceMatchesKnownNames() throws Exception {
    for (int answer = 0; answer < 100; answer++) {
      assertThat(names(BODY)).as("answer %d", answer).containsExactly("id", "not_a_clerk_member", "status");
    }
  }

  @Test
  void aNameWhereAValueBelongsIsASyntaxErrorAfterManyAnswers() throws Exception {
    for (int answer = 0; answer < 100; answer++) {
      JsonSource source = new MoshiJsonSource(new Buffer().writeUtf8("{\"id\": \"sia_1\"}"));
      source.beginObject();
      source.nextName();
      assertThatThrownBy(source::nextName).as("answer %d", answer).isInstanceOf(JsonSource.SyntaxException.class);
    }
  }

  private static List<String> names(String body) throws Exception {
    JsonSource source = new MoshiJsonSource(new Buffer().writeUtf8(body));
    List<String> names = new ArrayList<>();
    source.beginObject();
    while (source.hasNext()) {
      names.add(source.nextName());
      source.skipValue();
    }
    source.endObject();
    return names;
  }
}
