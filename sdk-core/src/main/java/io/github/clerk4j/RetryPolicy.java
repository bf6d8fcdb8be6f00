package io.github.clerk4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When clerk4j sends a Frontend API call again after a failure. Immutable; build one with {@link
 * #builder()}.
 *
 * <p>The rules are fixed, the numbers configurable:
 *
 * <ul>
 *   <li>a network failure is retried only if the call is idempotent (the GETs) or the request
 *       certainly never left the machine ({@link ClerkNetworkException#requestMayHaveBeenSent()}
 *       is false). A call that may have reached the server and is not idempotent (every {@code
 *       attempt_*}, {@code prepare_*}, reset password, create) is never re-sent: it may have
 *       consumed a one-time code, sent a new one, or counted a password attempt;
 *   <li>HTTP 429 means the server did not process the call: it is retried after {@code
 *       Retry-After} when that is at most {@link #maxRetryAfter()} (2 s by default, so that an
 *       interactive app never freezes for long), else surfaced at once as {@link
 *       ClerkRateLimitException}, whose message names the wait;
 *   <li>HTTP 500, 502, 503 and 504 are retried for idempotent calls only; a 503's {@code
 *       Retry-After} is honoured as a 429's;
 *   <li>anything else (4xx) is an answer, never retried.
 * </ul>
 *
 * Between attempts it waits an exponential backoff with jitter: attempt {@code n} (from 1) waits
 * between half and all of {@code min(maxBackoff, baseBackoff * 2^(n-1))}.
 *
 * <p>All attempts of one call, and the waits between them, end within {@link #totalTimeout()}
 * (30 s by default): each attempt gets what is left as its timeout, and a retry that could not
 * finish in time is not started. The worst case of one call is therefore the total timeout plus
 * the time the transport needs to notice it (milliseconds).
 */
public final class RetryPolicy {

  /** Waits between attempts; tests inject one that does not really sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Blocks for {@code duration}.
     *
     * @param duration how long to wait
     * @throws InterruptedException the thread was interrupted; the call then fails at once
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration totalTimeout;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseBackoff = b.baseBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.totalTimeout = b.totalTimeout;
    this.sleeper = b.sleeper;
    this.jitter = b.jitter;
  }

  /**
   * {@return the default policy: 3 attempts, 250 ms base backoff, 4 s cap, {@code Retry-After}
   * honoured up to 2 s, 30 s for the whole call}
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return the defaults with one attempt: no retries} */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from this policy's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseBackoff = baseBackoff;
    b.maxBackoff = maxBackoff;
    b.maxRetryAfter = maxRetryAfter;
    b.totalTimeout = totalTimeout;
    b.sleeper = sleeper;
    b.jitter = jitter;
    return b;
  }

  /** {@return how many attempts a call makes at most, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the backoff ceiling of the first retry; it doubles for each further one} */
  public Duration baseBackoff() {
    return baseBackoff;
  }

  /** {@return the largest backoff ceiling} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return the longest {@code Retry-After} clerk4j waits out by itself} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * {@return the longest one call may take, all its attempts and the waits between them included}
   */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /** {@return what waits between attempts} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * {@return the backoff before attempt {@code attempt + 1}}
   *
   * @param attempt how many attempts failed so far, from 1
   */
  public Duration backoff(int attempt) {
    long base = Math.max(0, baseBackoff.toMillis());
    long cap = Math.max(0, maxBackoff.toMillis());
    long exp = base << Math.min(Math.max(attempt - 1, 0), 20);
    long ceiling = Math.min(cap, exp < 0 ? cap : exp);
    double r = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis(ceiling / 2 + Math.round(ceiling / 2.0 * r));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseBackoff=" + baseBackoff
        + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter
        + ", totalTimeout=" + totalTimeout + '}';
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(4);
    private Duration maxRetryAfter = Duration.ofSeconds(2);
    private Duration totalTimeout = Duration.ofSeconds(30);
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Sets how many attempts a call makes at most (default 3).
     *
     * @param maxAttempts at least 1; 1 disables retries
     * @return this builder
     * @throws IllegalArgumentException it is less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the backoff ceiling of the first retry (default 250 ms).
     *
     * @param baseBackoff zero or more; it doubles for each further retry
     * @return this builder
     * @throws IllegalArgumentException it is negative
     */
    public Builder baseBackoff(Duration baseBackoff) {
      this.baseBackoff = nonNegative(baseBackoff, "baseBackoff");
      return this;
    }

    /**
     * Sets the largest backoff ceiling (default 4 s).
     *
     * @param maxBackoff zero or more
     * @return this builder
     * @throws IllegalArgumentException it is negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} waited out (default 2 s): a 429 (or a 503 of an
     * idempotent call) whose {@code Retry-After} is longer is surfaced instead; {@link
     * Duration#ZERO} surfaces every one.
     *
     * @param maxRetryAfter zero or more
     * @return this builder
     * @throws IllegalArgumentException it is negative
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Sets the longest one call may take, all its attempts and the waits between them included
     * (default 30 s).
     *
     * @param totalTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException not positive
     */
    public Builder totalTimeout(Duration totalTimeout) {
      Objects.requireNonNull(totalTimeout, "totalTimeout");
      if (totalTimeout.isZero() || totalTimeout.isNegative()) {
        throw new IllegalArgumentException("totalTimeout must be positive");
      }
      this.totalTimeout = totalTimeout;
      return this;
    }

    /**
     * Sets what waits between attempts (default {@link Thread#sleep}); tests pass one that
     * records.
     *
     * @param sleeper the waiting
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the random source of the jitter (default uniform).
     *
     * @param jitter gives values in {@code [0, 1]}; others are clamped to it
     * @return this builder
     */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** {@return the immutable policy} */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
