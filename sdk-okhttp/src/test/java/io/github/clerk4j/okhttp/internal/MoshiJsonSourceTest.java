package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.spi.JsonSource;
import io.github.clerk4j.spi.JsonSource.Names;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Names and string values read the same whether the JVM has decoded few answers (read as strings)
 * or many (names read with a {@link Names} set matched against it and, read with {@link
 * JsonSource#nextKnownString()}, values against {@link JsonSource#knownStrings()}): enough answers
 * here to pass the switch.
 */
class MoshiJsonSourceTest {

  /** A listed name, one no set lists, one another set lists, one spelt with an escape, a near miss. */
  private static final String BODY = "{\"id\": \"sia_1\", \"not_a_clerk_member\": 1, \"status\": \"complete\", "
      + "\"user\": null, \"st\\u0061tus\": 2, \"statu\": 3}";
  private static final Names SIGN_IN = Names.of("id", "status");
  private static final Names SESSION = Names.of("id", "user");

  @Test
  void listedAndUnlistedNamesReadTheSameBeforeAndAfterTheSourceMatchesNames() throws Exception {
    for (int answer = 0; answer < 100; answer++) {
      for (Names set : new Names[] {SIGN_IN, SESSION, null}) {
        assertThat(names(BODY, set)).as("answer %d, set %s", answer, set)
            .containsExactly("id", "not_a_clerk_member", "status", "user", "status", "statu");
      }
    }
  }

  /** What matching is for: a listed name comes without a string of its own, from its own set. */
  @Test
  void aListedNameIsTheSetsInstanceAfterManyAnswers() throws Exception {
    String listed = SESSION.list().get(1);
    for (int answer = 0; answer < 100; answer++) {
      names(BODY, SESSION);
    }
    assertThat(names(BODY, SESSION).get(3)).isSameAs(listed);
  }

  /** Known, unknown, escaped (a known value spelt with an escape), a number, a near miss. */
  private static final String VALUES =
      "[\"complete\", \"sia_1\", \"compl\\u0065te\", 12, \"completed\", \"email_code\", \"\"]";

  @Test
  void knownAndUnknownValuesReadTheSameBeforeAndAfterTheSourceMatchesKnownStrings() throws Exception {
    for (int answer = 0; answer < 100; answer++) {
      for (boolean known : new boolean[] {true, false}) {
        assertThat(values(VALUES, known)).as("answer %d, known %s", answer, known)
            .containsExactly("complete", "sia_1", "complete", "12", "completed", "email_code", "");
      }
    }
  }

  /** What matching is for: a listed value read as known comes without a string of its own. */
  @Test
  void aKnownValueIsTheListedInstanceAfterManyAnswers() throws Exception {
    String listed = JsonSource.knownStrings().get(JsonSource.knownStrings().indexOf("complete"));
    for (int answer = 0; answer < 100; answer++) {
      values(VALUES, true);
    }
    assertThat(values(VALUES, true).get(0)).isSameAs(listed);
  }

  private static List<String> values(String array, boolean known) throws Exception {
    JsonSource source = new MoshiJsonSource(new Buffer().writeUtf8(array));
    List<String> values = new ArrayList<>();
    source.beginArray();
    while (source.hasNext()) {
      values.add(known ? source.nextKnownString() : source.nextString());
    }
    source.endArray();
    return values;
  }

  @Test
  void aStringWhereAnObjectBelongsIsStillASyntaxErrorAfterManyAnswers() throws Exception {
    for (int answer = 0; answer < 100; answer++) {
      JsonSource source = new MoshiJsonSource(new Buffer().writeUtf8("{\"status\": \"complete\"}"));
      assertThatThrownBy(source::nextString).as("answer %d", answer).isInstanceOf(JsonSource.SyntaxException.class);
      assertThatThrownBy(source::nextKnownString).as("answer %d", answer)
          .isInstanceOf(JsonSource.SyntaxException.class);
    }
  }

  @Test
  void aNameWhereAValueBelongsIsASyntaxErrorAfterManyAnswers() throws Exception {
    for (int answer = 0; answer < 100; answer++) {
      JsonSource source = new MoshiJsonSource(new Buffer().writeUtf8("{\"id\": \"sia_1\"}"));
      source.beginObject();
      source.nextName(SIGN_IN);
      assertThatThrownBy(() -> source.nextName(SIGN_IN)).as("answer %d", answer)
          .isInstanceOf(JsonSource.SyntaxException.class);
      assertThatThrownBy(source::nextName).as("answer %d", answer).isInstanceOf(JsonSource.SyntaxException.class);
    }
  }

  /** The body's names, read with {@code set}, or without one if it is null. */
  private static List<String> names(String body, Names set) throws Exception {
    JsonSource source = new MoshiJsonSource(new Buffer().writeUtf8(body));
    List<String> names = new ArrayList<>();
    source.beginObject();
    while (source.hasNext()) {
      names.add(set == null ? source.nextName() : source.nextName(set));
      source.skipValue();
    }
    source.endObject();
    return names;
  }
}
