package io.github.clerk4j.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.Navigate;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.TokenStore;
import io.github.clerk4j.it.support.Bounded;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.EmulatorUser;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many threads at once against one emulator: complete flows on separate clients, and one shared
 * {@code Clerk} whose client token rotates while other threads use it. The assertions are about
 * outcomes only (no timings); every phase is bounded and fails with a thread dump if it hangs.
 * The figures are printed.
 */
class ConcurrencyTest {

  private static final int THREADS = 64;
  private static final int FLOWS_PER_THREAD = 3;
  private static final String PASSWORD = "many-Hands-2026";
  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final Pattern CLIENT_ID = Pattern.compile("\"client\":\\{\"object\":\"client\",\"id\":\"(\\w+)\"");

  /**
   * 64 threads, each with its own {@code Clerk} per flow, run Clerk's Client Trust guide end to
   * end (password, {@code NEEDS_CLIENT_TRUST}, e-mail code from the outbox, finalize), started
   * together; each ends signed in as its own user.
   */
  @Test
  void sixtyFourThreadsRunClientTrustFlowsSideBySide() throws Exception {
    ClerkEmulator.Builder b = ClerkEmulator.builder().rateLimits(RateLimits.disabled());
    for (int t = 0; t < THREADS; t++) {
      b.user(EmulatorUser.builder().email(email(t)).password(PASSWORD).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ClerkEmulator emulator = b.build().start()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String email = email(t);
        threads.add(pool.submit(() -> {
          start.await();
          List<String> users = new ArrayList<>();
          for (int f = 0; f < FLOWS_PER_THREAD; f++) {
            users.add(clientTrustFlow(emulator, email));
          }
          return users;
        }));
      }
      long begin = System.nanoTime();
      start.countDown();
      List<List<String>> signedInAs = Bounded.call("64 threads of flows", BOUND, () -> {
        List<List<String>> all = new ArrayList<>();
        for (Future<List<String>> f : threads) {
          all.add(f.get());
        }
        return all;
      });
      long millis = (System.nanoTime() - begin) / 1_000_000;

      Set<String> distinctUsers = signedInAs.stream().map(Set::copyOf)
          .peek(perThread -> assertThat(perThread).as("each thread signs in as one user, always").hasSize(1))
          .flatMap(Set::stream).collect(Collectors.toSet());
      assertThat(distinctUsers).as("no two threads ended up as the same user").hasSize(THREADS);
      System.out.printf("%nConcurrency: %d threads x %d Client Trust flows (4 calls each + finalize) in %d ms:"
          + " %d flows completed, %d users%n", THREADS, FLOWS_PER_THREAD, millis,
          signedInAs.stream().mapToInt(List::size).sum(), distinctUsers.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One Client Trust sign-in on a new client; returns the id of the user it signed in. */
  private static String clientTrustFlow(ClerkEmulator emulator, String email) {
    try (Clerk clerk = Clerk.builder().publishableKey(emulator.publishableKey()).build()) {
      SignIn signIn = clerk.signIn().password(email, PASSWORD);
      assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
      signIn = signIn.mfa().sendEmailCode();
      signIn = signIn.mfa().verifyEmailCode(emulator.outbox().latestCodeFor(email));
      assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
      Session session = signIn.finalize(Navigate.none());
      assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
      assertThat(session.getToken()).isNotBlank();
      return session.user().orElseThrow().id();
    }
  }

  /**
   * One shared {@code Clerk}: threads call {@code getToken} (whose cache the emulator's clock,
   * set behind, keeps expiring), {@code loadClient} and {@code touch} on its session while
   * another thread signs further users in on the same client, each sign-in rotating the client
   * token. Through a recording proxy: every request but the first carries a token, the emulator
   * accepts every one of them (never a 401, never a second client), and once all is done the
   * token the SDK stored is the one the emulator issued last.
   */
  @Test
  void aSharedClerkKeepsTheNewestClientTokenWhileItRotates() throws Exception {
    int rotations = 24;
    TestClock clock = TestClock.system().advance(Duration.ofSeconds(-55));
    ClerkEmulator.Builder b = ClerkEmulator.builder().clock(clock).clientTrust(false).rateLimits(RateLimits.disabled());
    for (int i = 0; i <= rotations; i++) {
      b.user(EmulatorUser.builder().email(email(i)).password(PASSWORD).build());
    }
    TokenStore tokens = TokenStore.inMemory();
    ExecutorService pool = Executors.newFixedThreadPool(17);
    try (ClerkEmulator emulator = b.build().start();
        FaultProxy proxy = new FaultProxy(URI.create(emulator.url()).getPort());
        Clerk clerk = Clerk.builder().publishableKey(proxy.publishableKey()).tokenStore(tokens).build()) {
      proxy.record();
      Session session = clerk.signIn().password(email(0), PASSWORD).finalize(Navigate.none());
      AtomicInteger calls = new AtomicInteger();
      Set<String> jwts = ConcurrentHashMap.newKeySet();
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Void>> work = new ArrayList<>();
      work.add(() -> {
        for (int i = 1; i <= rotations; i++) {
          clerk.signIn().password(email(i), PASSWORD);
          calls.incrementAndGet();
        }
        return null;
      });
      for (int t = 0; t < 8; t++) {
        work.add(repeat(40, calls, () -> jwts.add(session.getToken())));
      }
      for (int t = 0; t < 4; t++) {
        work.add(repeat(25, calls, clerk::loadClient));
      }
      for (int t = 0; t < 4; t++) {
        work.add(repeat(25, calls, session::touch));
      }
      List<Future<Void>> running = new ArrayList<>();
      for (Callable<Void> w : work) {
        running.add(pool.submit(() -> {
          start.await();
          return w.call();
        }));
      }
      long begin = System.nanoTime();
      start.countDown();
      Bounded.call("the shared Clerk's threads", BOUND, () -> {
        for (Future<Void> f : running) {
          f.get();
        }
        return null;
      });
      long millis = (System.nanoTime() - begin) / 1_000_000;

      List<FaultProxy.Exchange> exchanges = proxy.exchanges();
      assertThat(exchanges.subList(1, exchanges.size())).as("every request after the first carries the client token")
          .allSatisfy(e -> assertThat(e.requestToken()).isNotBlank());
      assertThat(exchanges).as("the emulator accepted every token the SDK sent")
          .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
      Set<String> clients = new java.util.HashSet<>();
      for (FaultProxy.Exchange e : exchanges) {
        for (Matcher m = CLIENT_ID.matcher(e.answerBody()); m.find(); ) {
          clients.add(m.group(1));
        }
      }
      assertThat(clients).as("one client throughout: no request went out without its token").hasSize(1);
      Set<String> issued = exchanges.stream().map(FaultProxy.Exchange::answerToken).collect(Collectors.toSet());
      String stored = tokens.get().orElseThrow();
      assertThat(stored).as("the stored token is the emulator's newest").isEqualTo(currentToken(emulator, stored));
      System.out.printf("%nConcurrency: one shared Clerk, 17 threads, %d calls (%d requests, %d client tokens"
          + " issued by %d rotations, %d distinct session JWTs) in %d ms; stored token is the newest%n",
          calls.get(), exchanges.size(), issued.size(), rotations, jwts.size(), millis);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Void> repeat(int times, AtomicInteger calls, Runnable call) {
    return () -> {
      for (int i = 0; i < times; i++) {
        call.run();
        calls.incrementAndGet();
      }
      return null;
    };
  }

  /** The client token the emulator hands out now, asked directly (not through the SDK). */
  private static String currentToken(ClerkEmulator emulator, String token) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(emulator.url() + "/v1/client?_is_native=true"))
        .header("Authorization", token).header("clerk-api-version", "2026-05-12").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.headers().firstValue("Authorization").orElseThrow();
  }

  private static String email(int i) {
    return "hand" + i + "@concurrency.example.com";
  }
}
