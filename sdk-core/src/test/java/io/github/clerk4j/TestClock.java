package io.github.clerk4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests set or move by hand (code-send windows, token expiry), shared by the tests of
 * every package of this module. Thread-safe: the SDK reads it from its own threads.
 *
 * <p>A twin of sdk-testing's public {@code io.github.clerk4j.testing.TestClock}: sdk-core cannot
 * depend on sdk-testing, which depends on sdk-core.
 */
public final class TestClock extends Clock {

  private volatile Instant now;

  /** Starts at {@link Fixtures#T0}. */
  public TestClock() {
    this(Fixtures.T0);
  }

  public TestClock(Instant start) {
    this.now = start;
  }

  /** Moves to {@code instant}. */
  public void set(Instant instant) {
    now = instant;
  }

  /** Moves forward by {@code d}. */
  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
