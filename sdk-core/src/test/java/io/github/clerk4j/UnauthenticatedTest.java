package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.client;
import static io.github.clerk4j.Fixtures.jwt;
import static io.github.clerk4j.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.internal.TokenKeeper;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 401 other than {@code requires_captcha} means the server no longer accepts the client (wire
 * spec §1.7; clerk-js resets on the same condition): the token and the local state go, listeners
 * hear that the session is gone, and the caller gets the error with a "sign in again" hint.
 */
class UnauthenticatedTest {

  static final String TOKEN = "Bearer " + jwt("client_1", 1000, 99_999);

  final FakeTransport fake = new FakeTransport();
  final TokenStore store = TokenStore.inMemory();
  final Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
  final List<Optional<Session>> sessions = new ArrayList<>();

  @AfterEach
  void close() {
    clerk.close();
  }

  private static ClerkApiException unauthorized(String code) {
    return new ClerkApiException(401, List.of(new ClerkError(code, "m", "Long " + code + ".", Map.of())), "t");
  }

  /** A client with an active session and its token, and a listener of session changes. */
  private Session signedIn() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1", session("sess_1", "active")), null, TOKEN);
    clerk.loadClient();
    clerk.addListener(ClerkListener.onSession(sessions::add));
    return clerk.session().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"authentication_invalid", "signed_out", "deprovisioned"})
  void aRefusedClientIsForgottenAndTheErrorSaysSignInAgain(String code) {
    signedIn();
    fake.thenThrow(unauthorized(code)).thenRespond(Fixtures.client("client_2", Fixtures.T0, null, null));

    ClerkApiException e = catchThrowableOfType(ClerkApiException.class, clerk::loadClient);

    assertThat(e.isUnauthenticated()).isTrue();
    assertThat(e.hasCode(code)).isTrue();
    assertThat(e.getMessage()).contains("sign in again");
    assertThat(store.get()).isEmpty();
    assertThat(clerk.session()).isEmpty();
    assertThat(clerk.client().id()).isEmpty();
    assertThat(sessions).containsExactly(Optional.empty());
    clerk.loadClient();
    assertThat(fake.request(1).clientToken()).isEqualTo(TOKEN);
    assertThat(fake.request(2).clientToken()).as("the refused token is not sent again").isNull();
  }

  /** An invalid client token is the client's end, whichever call met it. */
  @Test
  void aSessionCallRefusingTheClientTokenForgetsTheClient() {
    Session session = signedIn();
    fake.thenThrow(unauthorized("authentication_invalid"));

    catchThrowableOfType(ClerkApiException.class, session::getToken);

    assertThat(store.get()).isEmpty();
    assertThat(clerk.session()).isEmpty();
    assertThat(sessions).containsExactly(Optional.empty());
  }

  /**
   * A session ended elsewhere (revoked on another device) answers its own calls with {@code
   * signed_out}: that session leaves the local snapshot, so the app sees it signed out without
   * another request, but the client's token and its other sessions stay.
   */
  @Test
  void aSignedOutSessionLeavesTheSnapshotButTheClientStays() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1",
        session("sess_1", "active"), session("sess_2", "active")), null, TOKEN);
    clerk.loadClient();
    clerk.addListener(ClerkListener.onSession(sessions::add));
    Session session = clerk.session().orElseThrow();
    fake.thenThrow(unauthorized("signed_out"));

    ClerkApiException e = catchThrowableOfType(ClerkApiException.class, session::getToken);

    assertThat(e.isUnauthenticated()).isTrue();
    assertThat(store.get()).contains(TOKEN);
    assertThat(clerk.client().id()).contains("client_1");
    assertThat(clerk.client().sessions()).extracting(Session::id).containsExactly("sess_2");
    assertThat(clerk.session()).as("the revoked session was the active one").isEmpty();
    assertThat(sessions).containsExactly(Optional.empty());
  }

  /** A signed-out session that is not the active one leaves the active session alone. */
  @Test
  void aSignedOutOtherSessionKeepsTheActiveOne() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1",
        session("sess_1", "active"), session("sess_2", "active")), null, TOKEN);
    clerk.loadClient();
    clerk.addListener(ClerkListener.onSession(sessions::add));
    Session other = clerk.client().session("sess_2").orElseThrow();
    fake.thenThrow(unauthorized("signed_out"));

    catchThrowableOfType(ClerkApiException.class, other::getToken);

    assertThat(clerk.session()).map(Session::id).contains("sess_1");
    assertThat(clerk.client().sessions()).extracting(Session::id).containsExactly("sess_1");
    assertThat(sessions).as("the active session did not change").isEmpty();
  }

  @Test
  void aCaptchaChallengeIsNotASignOut() {
    signedIn();
    fake.thenThrow(unauthorized("requires_captcha"));

    ClerkApiException e = catchThrowableOfType(ClerkApiException.class,
        () -> clerk.signIn().create(SignInCreateParams.identifier("ada@example.com")));

    assertThat(e.isUnauthenticated()).isFalse();
    assertThat(e.getMessage()).doesNotContain("sign in again");
    assertThat(store.get()).contains(TOKEN);
    assertThat(clerk.session()).isPresent();
    assertThat(sessions).isEmpty();
  }

  /** A fresh token on the 401 itself is the server's new start: kept, while the old state goes. */
  @Test
  void aTokenCarriedByTheUnauthorizedAnswerIsKept() {
    signedIn();
    String fresh = "Bearer " + jwt("client_2", 2000, 99_999);
    fake.thenRefuse(unauthorized("authentication_invalid"), fresh)
        .thenRespond(Fixtures.client("client_2", Fixtures.T0, null, null));

    ClerkApiException e = catchThrowableOfType(ClerkApiException.class, clerk::loadClient);
    clerk.loadClient();

    assertThat(e.getMessage()).doesNotContain(fresh);
    assertThat(clerk.session()).isEmpty();
    assertThat(store.get()).contains(fresh);
    assertThat(fake.request(2).clientToken()).isEqualTo(fresh);
  }

  @Test
  void signOutAnsweredWith401StillEndsSignedOut() {
    signedIn();
    fake.thenThrow(unauthorized("signed_out"));

    ClerkApiException e = catchThrowableOfType(ClerkApiException.class, clerk::signOut);

    assertThat(e.isUnauthenticated()).isTrue();
    assertThat(store.get()).isEmpty();
    assertThat(clerk.session()).isEmpty();
    assertThat(sessions).containsExactly(Optional.empty());
    assertThat(fake.endpoints()).containsExactly(Endpoint.GET_CLIENT, Endpoint.DELETE_CLIENT);
  }

  /**
   * A 401 to a request sent with a token that has been replaced since (a newer response rotated
   * it, or the app signed out and in again) concerns a token already gone: the current one stays.
   */
  @Test
  void aLate401ForAReplacedTokenClearsNothing() {
    TokenStore tokens = TokenStore.inMemory();
    TokenKeeper keeper = new TokenKeeper(tokens);
    String first = "Bearer " + jwt("client_1", 1000, 99_999);
    String second = "Bearer " + jwt("client_1", 2000, 99_999);
    keeper.onResponse(keeper.ticket(), null, first);
    long sentWithFirst = keeper.ticket();
    keeper.onResponse(keeper.ticket(), null, second);

    assertThat(keeper.onUnauthenticated(sentWithFirst, first, null)).isFalse();
    assertThat(tokens.get()).contains(second);

    long sentWithSecond = keeper.ticket();
    assertThat(keeper.onUnauthenticated(sentWithSecond, second, null)).isTrue();
    assertThat(tokens.get()).isEmpty();
    assertThat(keeper.onUnauthenticated(sentWithSecond, second, null))
        .as("a second 401 of a request sent before the clear").isFalse();
  }

  /**
   * A request in flight while another one's 401 forgot the client answers late with that client:
   * it must not bring the forgotten session back.
   */
  @Test
  void aLateAnswerFromBeforeTheResetDoesNotRestoreTheClient() {
    signedIn();
    fake.then(r -> {
      // the other request runs and fails while this one is still on the wire
      catchThrowableOfType(ClerkApiException.class, clerk::loadClient);
      return FapiResponse.of(200,
          client("client_1", Fixtures.T0.plusSeconds(1), null, "sess_1", session("sess_1", "active")),
          client("client_1", Fixtures.T0.plusSeconds(1), null, "sess_1", session("sess_1", "active")), TOKEN);
    }).thenThrow(unauthorized("authentication_invalid"));

    clerk.loadClient();

    assertThat(clerk.session()).isEmpty();
    assertThat(store.get()).isEmpty();
    assertThat(sessions).containsExactly(Optional.empty());
  }

  @Test
  void withoutATokenA401StillResetsTheLocalState() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1", session("sess_1", "active")));
    clerk.loadClient();
    clerk.addListener(ClerkListener.onSession(sessions::add));
    fake.thenThrow(unauthorized("signed_out"));

    catchThrowableOfType(ClerkApiException.class, clerk::loadClient);

    assertThat(clerk.session()).isEmpty();
    assertThat(sessions).containsExactly(Optional.empty());
  }
}
