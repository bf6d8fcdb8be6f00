package io.github.clerk4j.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, to expire codes, age verifications or wait out limits without
 * waiting. Give the same clock to the emulator ({@link ClerkEmulator.Builder#clock(Clock)}) and,
 * where it takes one, to the code under test:
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-01-01T10:00:00Z"));
 * ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).build().start();
 * // ... send a code ...
 * clock.advance(Duration.ofMinutes(11)); // the code has expired
 * }</pre>
 *
 * <p>{@link #at(Instant)} stands still until moved; {@link #system()} follows the system clock
 * plus an offset, for a running program (a demo, a manual test) that still needs to jump ahead.
 * Thread-safe: the emulator reads it from its own threads while the test moves it. Its zone is
 * UTC; {@link #withZone(ZoneId)} gives a view in another zone that moves with this clock.
 */
public final class TestClock extends Clock {

  /** The time source and how far this clock is from it; shared by the views of other zones. */
  private static final class State {
    final Clock source;
    final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    State(Clock source) {
      this.source = source;
    }
  }

  private final State state;
  private final ZoneId zone;

  private TestClock(State state, ZoneId zone) {
    this.state = state;
    this.zone = zone;
  }

  /**
   * {@return a clock that reads {@code start} until {@link #advance advanced} or {@link #set set}}
   *
   * @param start the instant it reads
   */
  public static TestClock at(Instant start) {
    return new TestClock(new State(Clock.fixed(start, ZoneOffset.UTC)), ZoneOffset.UTC);
  }

  /**
   * {@return a clock that follows the system clock, plus whatever it has been advanced by (at
   * first 0)}
   */
  public static TestClock system() {
    return new TestClock(new State(Clock.systemUTC()), ZoneOffset.UTC);
  }

  /**
   * Moves this clock by {@code duration} (backwards if negative), for every thread at once.
   *
   * @param duration how far to move it
   * @return this clock
   */
  public TestClock advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    state.offset.accumulateAndGet(duration, Duration::plus);
    return this;
  }

  /**
   * Moves this clock to {@code instant}. A {@link #system()} clock goes on ticking from there.
   *
   * @param instant the instant it reads from now on
   * @return this clock
   */
  public TestClock set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    state.offset.set(Duration.between(state.source.instant(), instant));
    return this;
  }

  @Override
  public Instant instant() {
    return state.source.instant().plus(state.offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in {@code zone}: it reads the same instant and moves with this clock. */
  @Override
  public TestClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new TestClock(state, zone);
  }

  @Override
  public String toString() {
    return "TestClock[" + instant() + ", " + zone + "]";
  }
}
