package io.github.clerk4j.testing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: the configured one plus how far {@code POST /__emulator/clock} moved it.
 * Only forward, so that nothing already stamped (codes, TOTP steps, rate-limit windows) ends up
 * in the future. Thread-safe.
 */
final class AdjustableClock extends Clock {
  private final Clock base;
  /** Shared with the views of other zones, so that they move together. */
  private final AtomicReference<Duration> offset;

  AdjustableClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /**
   * Moves the clock forward.
   *
   * @throws IllegalArgumentException if {@code by} is negative
   */
  void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the emulator's clock only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
  }

  /** How far the clock was moved since the emulator started. */
  Duration offset() {
    // never null: it starts at ZERO and only ever has a duration added
    return Objects.requireNonNull(offset.get(), "offset");
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset());
  }

  @Override
  public long millis() {
    return base.millis() + offset().toMillis();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new AdjustableClock(base.withZone(zone), offset);
  }
}
