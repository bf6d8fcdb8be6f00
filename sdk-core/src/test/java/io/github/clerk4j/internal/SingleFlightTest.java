package io.github.clerk4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

  final SingleFlight<String, Integer> calls = new SingleFlight<>();
  final AtomicInteger made = new AtomicInteger();

  @Test
  void callsOneAfterTheOtherAllRun() {
    assertThat(calls.run("k", made::incrementAndGet)).isEqualTo(1);
    assertThat(calls.run("k", made::incrementAndGet)).isEqualTo(2);
    assertThat(calls.run("other", made::incrementAndGet)).isEqualTo(3);
  }

  @Test
  void aFailureReachesItsCallerAndTheNextCallRunsAgain() {
    assertThatThrownBy(() -> calls.run("k", () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(calls.run("k", made::incrementAndGet)).isEqualTo(1);
  }

  @Test
  void aCallerArrivingWhileTheCallIsInFlightSharesItsOutcome() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> calls.run("k", () -> {
      started.countDown();
      await(release);
      return made.incrementAndGet();
    }));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> secondResult = new CompletableFuture<>();
    Thread second = new Thread(() -> secondResult.complete(calls.run("k", made::incrementAndGet)));
    second.start();
    // The second caller parks on the first call's future; wait until it does (bounded).
    for (int i = 0; i < 500 && second.getState() != Thread.State.WAITING; i++) {
      Thread.sleep(10);
    }
    assertThat(second.getState()).isEqualTo(Thread.State.WAITING);
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(secondResult.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(made).hasValue(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
