package io.github.clerk4j.it.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkListener;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.TokenStore;
import io.github.clerk4j.testing.EmulatorUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions after sign-in: listeners, ending one, and staying signed in across app restarts. */
class SessionLifecycleTest {

  static final String EMAIL = "katherine@example.com";
  static final String PASSWORD = "orbital-Mechanics-1962";

  static EmulatorUser katherine() {
    return EmulatorUser.builder().email(EMAIL).password(PASSWORD).build();
  }

  @Test
  void listenersSeeTheSessionComeAndGo() {
    try (Harness h = new Harness(b -> b.clientTrust(false), katherine())) {
      List<Optional<Session>> seen = new CopyOnWriteArrayList<>();
      ClerkListener.Registration registration = h.clerk.addListener(ClerkListener.onSession(seen::add));
      Session session = h.clerk.signIn().password(EMAIL, PASSWORD).finalize((s, d) -> {});
      assertThat(seen).isNotEmpty();
      assertThat(seen.get(seen.size() - 1)).map(Session::id).contains(session.id());
      h.clerk.signOut();
      assertThat(seen.get(seen.size() - 1)).isEmpty();
      registration.close();
    }
  }

  @Test
  void getTokenIsCachedAndFetchedAgainAfterSetActive() {
    try (Harness h = new Harness(b -> b.clientTrust(false), katherine())) {
      Session session = h.clerk.signIn().password(EMAIL, PASSWORD).finalize((s, d) -> {});
      String first = session.getToken();
      String payload = new String(java.util.Base64.getUrlDecoder().decode(first.split("\\.")[1]),
          java.nio.charset.StandardCharsets.UTF_8);
      assertThat(payload).contains(session.id());
      h.clock.advance(java.time.Duration.ofSeconds(2));
      assertThat(session.getToken()).as("cached").isEqualTo(first);
      Session again = h.clerk.setActive(session);
      assertThat(again.getToken()).as("fresh after setActive").isNotEqualTo(first);
    }
  }

  @Test
  void endingTheSessionSignsOut() {
    try (Harness h = new Harness(b -> b.clientTrust(false), katherine())) {
      Session session = h.clerk.signIn().password(EMAIL, PASSWORD).finalize((s, d) -> {});
      assertThat(session.touch().status()).isEqualTo(SessionStatus.ACTIVE);
      Session ended = session.end();
      assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
      assertThat(h.clerk.session()).isEmpty();
      // the client can sign in again
      assertThat(h.clerk.signIn().password(EMAIL, PASSWORD).status()).isEqualTo(SignInStatus.COMPLETE);
    }
  }

  @Test
  void aFileTokenStoreKeepsTheUserSignedInAcrossRestarts(@TempDir Path dir) {
    Path tokenFile = dir.resolve("clerk-client-token");
    try (Harness h = new Harness(b -> b.clientTrust(false), katherine())) {
      String sessionId;
      try (Clerk first = Clerk.builder().publishableKey(h.emulator.publishableKey())
          .tokenStore(TokenStore.file(tokenFile)).build()) {
        sessionId = first.signIn().password(EMAIL, PASSWORD).finalize((s, d) -> {}).id();
      }
      try (Clerk restarted = Clerk.builder().publishableKey(h.emulator.publishableKey())
          .tokenStore(TokenStore.file(tokenFile)).build()) {
        assertThat(restarted.session()).as("nothing loaded yet").isEmpty();
        restarted.loadClient();
        assertThat(restarted.session()).map(Session::id).contains(sessionId);
        assertThat(restarted.session().orElseThrow().getToken()).isNotBlank();
      }
    }
  }
}
