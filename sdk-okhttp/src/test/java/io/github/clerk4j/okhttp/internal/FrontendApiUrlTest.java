package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontendApiUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"localhost", "LocalHost", "::1", "127.0.0.1", "127.255.255.254", "127.0.0.01"})
  void loopback(String host) {
    assertThat(FrontendApiUrl.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0",
        "127.0.0.256",
        "127.0.0.1.nip.io",
        "128.0.0.1",
        "0.0.0.0",
        "::",
        "::2",
        "localhost.",
        "my-localhost",
        "127.a.0.1",
        "127..0.1"
      })
  void notLoopback(String host) {
    assertThat(FrontendApiUrl.isLoopback(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://x.clerk.accounts.dev", "https://x.clerk.accounts.dev/"})
  void baseUrlEndsWithASlash(String url) {
    assertThat(FrontendApiUrl.toBaseUrl(URI.create(url)).toString())
        .isEqualTo("https://x.clerk.accounts.dev/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/__clerk", "https://example.com/__clerk/"})
  void aPathBecomesAPrefix(String url) {
    assertThat(FrontendApiUrl.toBaseUrl(URI.create(url)).toString())
        .isEqualTo("https://example.com/__clerk/");
  }
}
