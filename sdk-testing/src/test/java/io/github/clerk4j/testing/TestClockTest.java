package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestClockTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void atStandsStillUntilMoved() throws InterruptedException {
    TestClock clock = TestClock.at(T0);
    Thread.sleep(5);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

    assertThat(clock.advance(Duration.ofMinutes(11))).isSameAs(clock);
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(660));
    clock.advance(Duration.ofSeconds(-60));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(600));

    Instant later = Instant.parse("2027-06-01T00:00:00Z");
    clock.set(later);
    assertThat(clock.instant()).isEqualTo(later);
  }

  @Test
  void systemFollowsTheSystemClockPlusTheOffset() {
    TestClock clock = TestClock.system();
    Instant before = Instant.now();
    Instant read = clock.instant();
    assertThat(read).isBetween(before, Instant.now());

    clock.advance(Duration.ofDays(1));
    before = Instant.now();
    read = clock.instant();
    assertThat(read).isBetween(before.plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));

    clock.set(T0);
    Instant afterSet = clock.instant();
    assertThat(afterSet).isBetween(T0, T0.plusSeconds(5));
  }

  @Test
  void aViewInAnotherZoneMovesWithTheClock() {
    TestClock clock = TestClock.at(T0);
    ZoneId paris = ZoneId.of("Europe/Paris");
    TestClock inParis = clock.withZone(paris);

    assertThat(inParis.getZone()).isEqualTo(paris);
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    clock.advance(Duration.ofHours(1));
    assertThat(inParis.instant()).isEqualTo(T0.plusSeconds(3600));
    inParis.advance(Duration.ofHours(1));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(7200));
  }

  @Test
  void concurrentAdvancesAreNotLost() throws InterruptedException {
    TestClock clock = TestClock.at(T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4_000; i++) {
      pool.execute(() -> clock.advance(Duration.ofSeconds(1)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(4_000));
  }
}
