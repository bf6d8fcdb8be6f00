package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Many clients at once, and no Nagle delay on loopback. */
class ConcurrencyAndLatencyTest {

  @Test
  void manyClientsCompleteClientTrustFlowsAtOnce() throws Exception {
    int users = 16;
    ClerkEmulator.Builder builder = ClerkEmulator.builder().rateLimits(RateLimits.disabled());
    for (int i = 0; i < users; i++) {
      builder.user(EmulatorUser.builder().email("user" + i + "@example.com").password("password-" + i).build());
    }
    try (ClerkEmulator emulator = builder.build().start()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      Set<String> sessions = ConcurrentHashMap.newKeySet();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          Fapi fapi = new Fapi(emulator);
          sessions.add(fapi.signIn(emulator, "user" + n + "@example.com", "password-" + n));
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(sessions).hasSize(users);
    }
  }

  @Test
  void loopbackRequestsDoNotWaitForDelayedAcks() throws Exception {
    try (ClerkEmulator emulator = ClerkEmulator.builder().rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email("fast@example.com").build()).build().start()) {
      OkHttpClient http = new OkHttpClient();
      Request post = new Request.Builder().url(emulator.url() + "/v1/client/sign_ins?_is_native=true")
          .post(new FormBody.Builder().add("identifier", "fast@example.com").build()).build();
      for (int i = 0; i < 5; i++) { // warm up the connection and the JIT
        try (Response r = http.newCall(post).execute()) {
          assertThat(r.code()).isEqualTo(200);
        }
      }
      int n = 40;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        try (Response r = http.newCall(post).execute()) {
          assertThat(r.code()).isEqualTo(200);
        }
      }
      long perRequestMillis = (System.nanoTime() - start) / n / 1_000_000;
      // With Nagle's algorithm on, each request takes about 44 ms; without, a few milliseconds.
      assertThat(perRequestMillis).isLessThan(30);
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
