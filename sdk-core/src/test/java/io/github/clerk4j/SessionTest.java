package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.client;
import static io.github.clerk4j.Fixtures.jwt;
import static io.github.clerk4j.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTest {

  final FakeTransport fake = new FakeTransport();
  final TestClock clock = new TestClock();
  final Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).clock(clock).build();

  @AfterEach
  void close() {
    clerk.close();
  }

  private Session signedIn() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1", session("sess_1", "active")));
    return clerk.loadClient().session("sess_1").orElseThrow();
  }

  private static long epoch(Instant i) {
    return i.getEpochSecond();
  }

  @Test
  void getTokenIsCachedUntilTenSecondsBeforeExpiry() {
    Session s = signedIn();
    String first = jwt("user_1", epoch(Fixtures.T0), epoch(Fixtures.T0) + 60);
    String second = jwt("user_1", epoch(Fixtures.T0) + 51, epoch(Fixtures.T0) + 111);
    fake.thenRespond(first).thenRespond(second);
    assertThat(s.getToken()).isEqualTo(first);
    clock.set(Fixtures.T0.plusSeconds(49));
    assertThat(s.getToken()).isEqualTo(first);
    clock.set(Fixtures.T0.plusSeconds(50));
    assertThat(s.getToken()).isEqualTo(second);
    assertThat(fake.endpoints()).containsExactly(Endpoint.GET_CLIENT, Endpoint.CREATE_SESSION_TOKEN,
        Endpoint.CREATE_SESSION_TOKEN);
    assertThat(fake.request(1).sessionId()).isEqualTo("sess_1");
    assertThat(fake.request(1).id()).isNull();
  }

  @Test
  void concurrentCallersShareOneRequest() throws Exception {
    Session s = signedIn();
    String token = jwt("user_1", epoch(Fixtures.T0), epoch(Fixtures.T0) + 60);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    fake.otherwise(r -> {
      calls.incrementAndGet();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return FapiResponse.of(200, token, null, null);
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(s::getToken));
      }
      Thread.sleep(100); // let them pile up behind the first request
      release.countDown();
      for (Future<String> f : results) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(token);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailedFetchReachesEveryWaiterAndIsNotCached() {
    Session s = signedIn();
    fake.thenThrow(new ClerkApiException(401, List.of(new ClerkError("signed_out", "x", "y", null)), null));
    assertThatThrownBy(s::getToken).isInstanceOf(ClerkApiException.class);
    String token = jwt("user_1", epoch(Fixtures.T0), epoch(Fixtures.T0) + 60);
    fake.thenRespond(token);
    assertThat(s.getToken()).isEqualTo(token);
  }

  @Test
  void setActiveTouchesAndTheNextTokenIsFresh() {
    Session s = signedIn();
    String before = jwt("user_1", epoch(Fixtures.T0), epoch(Fixtures.T0) + 60);
    String after = jwt("user_1", epoch(Fixtures.T0) + 1, epoch(Fixtures.T0) + 61);
    fake.thenRespond(before).thenRespond(session("sess_1", "active")).thenRespond(after);
    assertThat(s.getToken()).isEqualTo(before);
    Session active = clerk.setActive(s);
    assertThat(fake.form(2)).containsExactly(entry("active_organization_id", ""), entry("intent", "select_session"));
    assertThat(active.getToken()).isEqualTo(after);
  }

  @Test
  void setActiveBySessionIdFetchesTheClientWhenNeededAndNavigates() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, null, session("sess_9", "pending",
            new SessionTask("setup-mfa"))))
        .thenRespond(session("sess_9", "pending", new SessionTask("setup-mfa")));
    List<String> navigated = new ArrayList<>();
    Session active = clerk.setActive("sess_9", (session, decorateUrl) ->
        navigated.add(session.id() + " " + session.currentTask().map(SessionTask::rawKey).orElse("") + " "
            + decorateUrl.apply("/dashboard")));
    assertThat(fake.endpoints()).containsExactly(Endpoint.GET_CLIENT, Endpoint.TOUCH_SESSION);
    assertThat(fake.request(1).sessionId()).isEqualTo("sess_9");
    assertThat(navigated).containsExactly("sess_9 setup-mfa /dashboard");
    assertThat(active.status()).isEqualTo(SessionStatus.PENDING);
    assertThat(clerk.session()).map(Session::id).contains("sess_9");
  }

  @Test
  void setActiveWithAnUnknownSessionIdSaysWhatToPass() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, null));
    assertThatThrownBy(() -> clerk.setActive("sess_missing", Navigate.none()))
        .isExactlyInstanceOf(ClerkException.class)
        .hasMessageContaining("sess_missing")
        .hasMessageContaining("createdSessionId");
  }

  @Test
  void setActiveWithoutAPiggybackedClientUpdatesTheSnapshotInOneChange() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, null,
        session("sess_1", "active"), session("sess_2", "active")));
    Client c = clerk.loadClient();
    assertThat(clerk.session()).isEmpty();
    List<Client> changes = new ArrayList<>();
    List<Optional<Session>> sessions = new ArrayList<>();
    clerk.addListener(ClerkListener.onClient(changes::add));
    clerk.addListener(ClerkListener.onSession(sessions::add));
    fake.thenRespond(session("sess_2", "active"));
    clerk.setActive(c.session("sess_2").orElseThrow());
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).lastActiveSessionId()).contains("sess_2");
    assertThat(sessions).hasSize(1);
    assertThat(sessions.get(0)).map(Session::id).contains("sess_2");
  }

  @Test
  void touchSendsFocus() {
    Session s = signedIn();
    fake.thenRespond(session("sess_1", "active"));
    assertThat(s.touch().id()).isEqualTo("sess_1");
    assertThat(fake.form(1)).containsExactly(entry("active_organization_id", ""), entry("intent", "focus"));
  }

  @Test
  void endUpdatesTheSessionAndClearsEverythingIfTheCallFails() {
    TokenStore store = TokenStore.inMemory();
    store.set("Bearer client-token-xyz");
    FakeTransport f = new FakeTransport();
    try (Clerk c = Fixtures.builder(f, new Fixtures.Sleeps()).tokenStore(store).build()) {
      f.thenRespond(client("client_1", Fixtures.T0, null, "sess_1", session("sess_1", "active"),
              session("sess_2", "active")))
          .thenRespond(session("sess_2", "ended"))
          .thenThrow(new ClerkNetworkException("timeout", new IOException(), true));
      Client cl = c.loadClient();
      Session ended = cl.session("sess_2").orElseThrow().end();
      assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
      assertThat(c.client().session("sess_2")).map(Session::status).contains(SessionStatus.ENDED);
      assertThat(store.get()).isPresent();
      assertThatThrownBy(() -> cl.session("sess_1").orElseThrow().end()).isInstanceOf(ClerkNetworkException.class);
      assertThat(store.get()).isEmpty();
      assertThat(c.session()).isEmpty();
    }
  }

  @Test
  void sessionIsTheLastActiveWhileActiveOrPending() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1", session("sess_1", "pending",
            new SessionTask("choose-organization"))))
        .thenRespond(client("client_1", Fixtures.T0.plusSeconds(1), null, "sess_1", session("sess_1", "ended")));
    assertThat(clerk.loadClient().sessions()).hasSize(1);
    assertThat(clerk.session()).map(Session::currentTask).get()
        .isEqualTo(Optional.of(new SessionTask("choose-organization")));
    clerk.loadClient();
    assertThat(clerk.session()).isEmpty();
  }

  @Test
  void unknownSessionStatusAndTaskAreKeptRaw() {
    fake.thenRespond(client("client_1", Fixtures.T0, null, "sess_1",
        session("sess_1", "hibernating", new SessionTask("plant-a-tree"))));
    Session s = clerk.loadClient().session("sess_1").orElseThrow();
    assertThat(s.status()).isEqualTo(SessionStatus.UNKNOWN);
    assertThat(s.rawStatus()).isEqualTo("hibernating");
    assertThat(s.currentTask()).map(SessionTask::key).contains(SessionTask.Key.UNKNOWN);
    assertThat(s.currentTask()).map(SessionTask::rawKey).contains("plant-a-tree");
  }

  @Test
  void anOlderClientSnapshotIsIgnored() {
    fake.thenRespond(client("client_1", Fixtures.T0.plusSeconds(10), null, "sess_1", session("sess_1", "active")))
        .thenRespond(client("client_1", Fixtures.T0, null, null));
    clerk.loadClient();
    clerk.loadClient();
    assertThat(clerk.client().lastActiveSessionId()).contains("sess_1");
  }

  @Test
  void listenersHearClientAndSessionChangesUntilClosed() {
    List<Client> clients = new ArrayList<>();
    List<Optional<Session>> sessions = new ArrayList<>();
    ClerkListener.Registration r1 = clerk.addListener(ClerkListener.onClient(clients::add));
    clerk.addListener(ClerkListener.onSession(sessions::add));
    clerk.addListener(new ClerkListener() {
      @Override
      public void onClientChanged(Client client) {
        throw new IllegalStateException("a broken listener does not break the SDK");
      }
    });
    fake.thenRespond(client("client_1", Fixtures.T0, null, null))
        .thenRespond(client("client_1", Fixtures.T0.plusSeconds(1), null, "sess_1", session("sess_1", "active")))
        .thenRespond(client("client_1", Fixtures.T0.plusSeconds(2), null, "sess_1", session("sess_1", "active")));
    clerk.loadClient();
    clerk.loadClient();
    clerk.loadClient();
    assertThat(clients).hasSize(3);
    assertThat(sessions).hasSize(1);
    assertThat(sessions.get(0)).map(Session::id).contains("sess_1");
    r1.close();
    r1.close();
    fake.thenRespond(client("client_1", Fixtures.T0.plusSeconds(3), null, null));
    clerk.loadClient();
    assertThat(clients).hasSize(3);
    assertThat(sessions).hasSize(2);
    assertThat(sessions.get(1)).isEmpty();
  }

  @Test
  void closeClosesTheTransportAndRefusesCalls() {
    clerk.close();
    assertThat(fake.closed).isTrue();
    assertThatThrownBy(clerk::loadClient).isExactlyInstanceOf(ClerkException.class).hasMessageContaining("closed");
  }

  @Test
  void tokensExpiringWithoutExpClaimAreNotCached() {
    Session s = signedIn();
    fake.thenRespond("opaque-1").thenRespond("opaque-2");
    assertThat(s.getToken()).isEqualTo("opaque-1");
    assertThat(s.getToken()).isEqualTo("opaque-2");
  }
}
