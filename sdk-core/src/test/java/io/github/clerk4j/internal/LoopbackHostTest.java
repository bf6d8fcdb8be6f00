package io.github.clerk4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FrontendApi#isLoopbackHost}: decided from the text alone, IPv4 literals in ASCII digits. */
class LoopbackHostTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "[::1]",
      "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]"})
  void loopback(String host) {
    assertThat(FrontendApi.isLoopbackHost(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "127.0.0.256", "127.0.0", "127.0.0.1.5", "127..0.1", "127.0.0.0001",
      "128.0.0.1", "127.0.0.x", "127.0.0.\u0661", "127.0.0.-1", "localhost.example.com", "[::2]"})
  void notLoopback(String host) {
    assertThat(FrontendApi.isLoopbackHost(host)).isFalse();
  }
}
