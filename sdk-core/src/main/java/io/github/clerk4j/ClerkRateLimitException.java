package io.github.clerk4j;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** HTTP 429: the instance rate-limited this client or IP. The request was not processed. */
public class ClerkRateLimitException extends ClerkApiException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ClerkRateLimitException(
      List<ClerkError> errors, String traceId, Duration retryAfter, String hint) {
    super(429, errors, traceId, hint);
    this.retryAfter = retryAfter;
  }

  /** How long to wait before trying again ({@code Retry-After}), when the server said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public ClerkRateLimitException withHint(String hint) {
    return keepClientToken(new ClerkRateLimitException(errors(), traceId(), retryAfter, hint));
  }

  @Override
  public ClerkRateLimitException withClientToken(String clientToken) {
    return (ClerkRateLimitException) super.withClientToken(clientToken);
  }
}
