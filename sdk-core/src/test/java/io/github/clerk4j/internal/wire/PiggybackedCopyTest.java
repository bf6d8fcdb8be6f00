package io.github.clerk4j.internal.wire;

import static io.github.clerk4j.internal.wire.AnswerDecoderTest.decode;
import static io.github.clerk4j.internal.wire.AnswerDecoderTest.recordedBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resource an answer responds with comes again in its piggybacked client; the decoder takes
 * the response for the copy instead of decoding it twice ({@link WireReader#takeCopiesFrom}). The
 * client state must be what decoding the copy would give.
 */
class PiggybackedCopyTest {

  /** The answer's client decoded on its own, without the response to take copies from. */
  static ClientResource clientAlone(String body) throws IOException {
    WireReader in = new WireReader(new TextJsonSource(body));
    ClientResource client = null;
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName().equals("client")) {
        client = WireDecoders.client(in);
      } else {
        in.skipValue();
      }
    }
    return client;
  }

  @ParameterizedTest
  @MethodSource("io.github.clerk4j.internal.wire.AnswerDecoderTest#recordedAnswers")
  void everyRecordedAnswerGivesTheClientThatDecodingItAloneGives(String file, Endpoint endpoint)
      throws IOException {
    String body = recordedBody(file);
    assertThat(decode(endpoint, 200, Map.of(), body).client()).isEqualTo(clientAlone(body));
  }

  @Test
  void theRecordedSignInInProgressIsTheClientsSignInItself() throws IOException {
    FapiResponse r = decode(Endpoint.PREPARE_SECOND_FACTOR, 200, Map.of(),
        recordedBody("flutter-sign_in-prepare_second_factor-email_code.json"));
    ClientResource client = (ClientResource) r.client();
    assertThat(client.signIn()).isSameAs(r.response());
    // the members after the skipped copy are still read
    assertThat(client.createdAt()).isNotNull();
    assertThat(client.updatedAt()).isNotNull();
  }

  @Test
  void aSignInWithAnotherIdIsDecodedOnItsOwn() {
    FapiResponse r = decode(Endpoint.GET_SIGN_IN, 200, Map.of(), """
        {"response": {"object": "sign_in_attempt", "id": "sia_old", "status": "needs_first_factor"},
         "client": {"object": "client", "id": "client_1", "sessions": [],
           "sign_in": {"object": "sign_in_attempt", "id": "sia_new", "status": "needs_identifier"}}}""");
    SignInResource current = ((ClientResource) r.client()).signIn();
    assertThat(current).isNotSameAs(r.response());
    assertThat(current.id()).isEqualTo("sia_new");
    assertThat(current.status()).isEqualTo("needs_identifier");
  }

  @Test
  void aTouchedSessionIsTakenAmongTheClientsSessionsAndTheOthersDecoded() {
    FapiResponse r = decode(Endpoint.TOUCH_SESSION, 200, Map.of(), """
        {"response": {"object": "session", "id": "sess_2", "status": "active", "last_active_at": 1767225600000},
         "client": {"object": "client", "id": "client_1",
           "sessions": [
             {"object": "session", "id": "sess_1", "status": "active", "tasks": [{"key": "choose-organization"}]},
             {"object": "session", "id": "sess_2", "status": "active", "user": {"object": "user", "id": "user_1",
               "email_addresses": [{"id": "idn_1", "email_address": "a@example.com", "verification": null}]},
              "future": [1, {"a": [true, null, "x"]}], "last_active_at": 1767225600000}],
           "sign_in": null, "last_active_session_id": "sess_2"}}""");
    ClientResource client = (ClientResource) r.client();
    assertThat(client.sessions()).hasSize(2);
    assertThat(client.sessions().get(1)).isSameAs(r.response());
    assertThat(client.sessions().get(0).id()).isEqualTo("sess_1");
    assertThat(client.sessions().get(0).taskKeys()).containsExactly("choose-organization");
    assertThat(client.lastActiveSessionId()).isEqualTo("sess_2");
  }

  @Test
  void theUserOfAMeAnswerIsTakenInEachSessionOfThatUser() {
    FapiResponse r = decode(Endpoint.GET_USER, 200, Map.of(), """
        {"response": {"object": "user", "id": "user_1", "first_name": "Jane"},
         "client": {"object": "client", "id": "client_1", "sessions": [
           {"object": "session", "id": "sess_1", "status": "active",
            "user": {"object": "user", "id": "user_1", "first_name": "Jane"}},
           {"object": "session", "id": "sess_2", "status": "active",
            "user": {"object": "user", "id": "user_2", "first_name": "John"}}]}}""");
    ClientResource client = (ClientResource) r.client();
    assertThat(client.sessions().get(0).user()).isSameAs(r.response());
    assertThat(client.sessions().get(1).user().firstName()).isEqualTo("John");
  }

  @Test
  void aClientBeforeItsResponseIsDecodedInFull() {
    FapiResponse r = decode(Endpoint.GET_SIGN_IN, 200, Map.of(), """
        {"client": {"object": "client", "id": "client_1", "sessions": [],
           "sign_in": {"object": "sign_in_attempt", "id": "sia_1", "status": "needs_first_factor"}},
         "response": {"object": "sign_in_attempt", "id": "sia_1", "status": "needs_first_factor"}}""");
    SignInResource current = ((ClientResource) r.client()).signIn();
    assertThat(current).isNotSameAs(r.response()).isEqualTo(r.response());
  }

  @Test
  void aCopyIsStillReadToItsEndSoACutOffOneIsABrokenAnswer() {
    assertThatThrownBy(() -> decode(Endpoint.CREATE_SIGN_IN, 200, Map.of(), """
        {"response": {"object": "sign_in_attempt", "id": "sia_1", "status": "needs_first_factor"},
         "client": {"object": "client", "id": "client_1", "sign_in": {"object": "sign_in_attempt",
           "id": "sia_1", "status": "needs_fi"""))
        .isInstanceOf(ClerkNetworkException.class)
        .hasMessageContaining("cut off");
  }
}
