package io.github.clerk4j.testing.internal;

/** A session's stored status; {@link #PENDING} is only ever sent, derived from open tasks. */
enum SessionState implements WireValue {
  ACTIVE,
  /** Active with open tasks: derived when written, never stored. */
  PENDING,
  ENDED,
  REMOVED,
  REVOKED,
  /** Past {@code expire_at} (the configured session lifetime). */
  EXPIRED;
}
