package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErrorDecoderTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void retryAfterInSeconds() {
    assertThat(ErrorDecoder.retryAfter("1", NOW)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ErrorDecoder.retryAfter(" 30 ", NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(ErrorDecoder.retryAfter("0", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterAsAnHttpDate() {
    assertThat(ErrorDecoder.retryAfter("Thu, 01 Jan 2026 00:00:05 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(ErrorDecoder.retryAfter("Wed, 31 Dec 2025 23:59:00 GMT", NOW))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void unreadableRetryAfterIsAbsent() {
    assertThat(ErrorDecoder.retryAfter(null, NOW)).isNull();
    assertThat(ErrorDecoder.retryAfter("", NOW)).isNull();
    assertThat(ErrorDecoder.retryAfter("-5", NOW)).isNull();
    assertThat(ErrorDecoder.retryAfter("soon", NOW)).isNull();
  }
}
