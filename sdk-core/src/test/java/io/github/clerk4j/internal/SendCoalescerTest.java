package io.github.clerk4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.TestClock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SendCoalescerTest {

  final TestClock clock = new TestClock();
  final SendCoalescer<String, Integer> sends = new SendCoalescer<>(clock, Duration.ofSeconds(30));
  final AtomicInteger sent = new AtomicInteger();

  @Test
  void identicalSendsInsideTheWindowShareTheFirst() {
    assertThat(sends.send("k", false, sent::incrementAndGet)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(29));
    assertThat(sends.send("k", false, sent::incrementAndGet)).isEqualTo(1);
    assertThat(sends.send("other", false, sent::incrementAndGet)).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(sends.send("k", false, sent::incrementAndGet)).isEqualTo(3);
  }

  @Test
  void aForcedSendAlwaysGoesOutAndIsSharedAfterwards() {
    sends.send("k", false, sent::incrementAndGet);
    assertThat(sends.send("k", true, sent::incrementAndGet)).isEqualTo(2);
    assertThat(sends.send("k", false, sent::incrementAndGet)).isEqualTo(2);
  }

  @Test
  void failuresAreNotSharedAndInvalidateForgets() {
    assertThatThrownBy(() -> sends.send("k", false, () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(sends.send("k", false, sent::incrementAndGet)).isEqualTo(1);
    sends.invalidate(k -> k.equals("k"));
    assertThat(sends.send("k", false, sent::incrementAndGet)).isEqualTo(2);
  }

  @Test
  void concurrentIdenticalSendsMakeOneRequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<Integer> first = pool.submit(() -> sends.send("k", false, () -> {
        started.countDown();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        return sent.incrementAndGet();
      }));
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      Future<Integer> second = pool.submit(() -> sends.send("k", false, sent::incrementAndGet));
      Thread.sleep(50); // the second send finds the first in flight and waits for it
      assertThat(second.isDone()).isFalse();
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(sent).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
