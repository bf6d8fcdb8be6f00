package io.github.clerk4j;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: the instance rate-limited this client or IP, and did not process the request. {@link
 * #retryAfter()} says how long to wait, when the server said; the message names the wait ("try
 * again in 10 s").
 */
public class ClerkRateLimitException extends ClerkApiException {

  private static final long serialVersionUID = 1L;

  public ClerkRateLimitException(
      List<ClerkError> errors, @Nullable String traceId, @Nullable Duration retryAfter, @Nullable String hint) {
    super(429, errors, traceId, retryAfter, hint);
  }

  @Override
  public ClerkRateLimitException withHint(String hint) {
    ClerkRateLimitException copy =
        new ClerkRateLimitException(errors(), traceId(), retryAfter().orElse(null), hint);
    copy.setStackTrace(getStackTrace());
    return copy;
  }
}
