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

  /**
   * An HTTP 429.
   *
   * @param errors the errors of the answer, in order
   * @param traceId the answer's {@code clerk_trace_id}, or {@code null}
   * @param retryAfter the answer's {@code Retry-After}, or {@code null} when it had none
   * @param hint what the caller should do next, appended to the message; {@code null} for the
   *     default ("try again in 10 s")
   */
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
