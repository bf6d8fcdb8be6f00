package io.github.clerk4j.testing.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** {@link RecordedAnswers}: a recording's body, or a value in it, as the recording has it. */
class RecordedAnswersTest {

  static final String COMPLETE = "flutter-sign_in-attempt_second_factor-email_code-complete";

  @Test
  void theBodyIsTheAnswerWithItsPiggybackedClient() throws IOException {
    Map<String, Object> body = cast( JsonReader.of(new Buffer().writeUtf8(RecordedAnswers.body(COMPLETE))).readJsonValue());

    assertThat(body).containsOnlyKeys("response", "client");
    assertThat(cast(body.get("response")).get("status")).isEqualTo("complete");
  }

  @Test
  void aPathDescendsIntoMembersAndArrayElements() throws IOException {
    String session = RecordedAnswers.body(COMPLETE, "client", "sessions", 0);
    Map<String, Object> value = cast( JsonReader.of(new Buffer().writeUtf8(session)).readJsonValue());

    assertThat(value.get("object")).isEqualTo("session");
    assertThat(value.get("status")).isEqualTo("active");
  }

  @Test
  void numbersStayAsRecorded() {
    assertThat(RecordedAnswers.body(COMPLETE, "client", "sessions", 0, "expire_at")).matches("\\d{13}");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object json) {
    return (Map<String, Object>) json;
  }

  @Test
  void anUnknownRecordingOrMemberIsRefusedByName() {
    assertThatThrownBy(() -> RecordedAnswers.body("no-such-recording"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-recording");
    assertThatThrownBy(() -> RecordedAnswers.body(COMPLETE, "no_such_member"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no_such_member");
  }
}
