package io.github.clerk4j.testing.transport;

/**
 * Clerk's recorded Frontend API answers, as this module ships them (the resources under {@code
 * io/github/clerk4j/testing/transport/recorded/}, whose {@code SOURCE.md} says where each was
 * recorded): for tests and benchmarks that serve a client real answers without a Clerk instance.
 *
 * <pre>{@code
 * String body = RecordedAnswers.body("flutter-sign_in-create-password-needs_client_trust");
 * String firstSession = RecordedAnswers.body("flutter-sign_in-attempt_second_factor-email_code-complete",
 *     "client", "sessions", 0);
 * }</pre>
 */
public final class RecordedAnswers {

  private RecordedAnswers() {}

  /**
   * {@return the raw JSON text of a recorded answer's body, or of a value in it}: raw, so that
   * every number and string is as Clerk sent it (the recordings are stored indented; the
   * whitespace between tokens is the file's, not Clerk's)
   *
   * @param recording the recording's name, without {@code .json}
   * @param path object members (strings) and array elements (integers) to descend into
   * @throws IllegalStateException if there is no such recording, or no such member in it
   * @throws java.io.UncheckedIOException if the recording cannot be read
   */
  public static String body(String recording, Object... path) {
    return Answers.recorded(recording, path);
  }
}
