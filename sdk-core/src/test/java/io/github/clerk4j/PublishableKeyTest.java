package io.github.clerk4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishableKeyTest {

  private static String key(String env, String decoded, boolean padded) {
    Base64.Encoder enc = padded ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();
    return "pk_" + env + "_" + enc.encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
  }

  private static java.net.URI urlOf(String key) {
    try (Clerk clerk = Clerk.builder().publishableKey(key).transport(url -> new FakeTransport()).build()) {
      return clerk.frontendApiUrl();
    }
  }

  @Test
  void decodesATestKeyWithoutPadding() {
    // "example-13.clerk.accounts.dev$" is 30 bytes: its base64 needs padding that Clerk strips.
    String k = key("test", "example-13.clerk.accounts.dev$", false);
    assertThat(k).doesNotEndWith("=");
    assertThat(urlOf(k)).hasToString("https://example-13.clerk.accounts.dev");
  }

  @Test
  void decodesALiveKeyWithPadding() {
    String k = key("live", "clerk.example.io$", true);
    assertThat(k).endsWith("=");
    assertThat(urlOf(k)).hasToString("https://clerk.example.io");
  }

  @Test
  void loopbackHostsUseHttpAndOthersHttps() {
    assertThat(urlOf(key("test", "127.0.0.1:8787$", false))).hasToString("http://127.0.0.1:8787");
    assertThat(urlOf(key("test", "localhost:9000$", false))).hasToString("http://localhost:9000");
    assertThat(urlOf(key("test", "[::1]:9000$", false))).hasToString("http://[::1]:9000");
    // 127.example.com is not loopback, however it starts
    assertThat(urlOf(key("test", "127.example.com$", false))).hasToString("https://127.example.com");
  }

  @Test
  void badPrefixIsRefusedWithoutEchoingTheKey() {
    String body = Base64.getEncoder().encodeToString("clerk.example.com$".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Clerk.builder().publishableKey("pk_prod_" + body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pk_test_")
        .hasMessageNotContaining(body);
    assertThatThrownBy(() -> Clerk.builder().publishableKey("sk_test_" + body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret key")
        .hasMessageNotContaining(body);
  }

  @Test
  void badBase64IsRefused() {
    assertThatThrownBy(() -> Clerk.builder().publishableKey("pk_test_***not-base64***"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64")
        .hasMessageNotContaining("not-base64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"clerk.example.com", "clerk.example.com$$", "clerk$example.com$"})
  void missingOrExtraDollarIsRefused(String decoded) {
    assertThatThrownBy(() -> Clerk.builder().publishableKey(key("test", decoded, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$");
  }

  @Test
  void emptyHostIsRefused() {
    assertThatThrownBy(() -> Clerk.builder().publishableKey(key("test", "$", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty host");
  }

  @Test
  void hostWithoutDotThatIsNotLoopbackIsRefused() {
    assertThatThrownBy(() -> Clerk.builder().publishableKey(key("test", "intranet$", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void emptyKeyIsRefused() {
    assertThatThrownBy(() -> Clerk.builder().publishableKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Clerk.builder().publishableKey("pk_test_"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explicitUrlsNeedHttpsExceptOnLoopback() {
    assertThat(Clerk.builder().frontendApiUrl("http://127.0.0.1:4000/").transport(u -> new FakeTransport())
        .build().frontendApiUrl()).hasToString("http://127.0.0.1:4000");
    assertThatThrownBy(() -> Clerk.builder().frontendApiUrl("http://clerk.example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> Clerk.builder().frontendApiUrl("https://clerk.example.com/v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
    assertThat(Clerk.builder().frontendApiUrl("https://clerk.example.com").transport(u -> new FakeTransport())
        .build().frontendApiUrl()).hasToString("https://clerk.example.com");
  }

  @Test
  void buildWithoutUrlOrTransportExplainsWhatIsMissing() {
    assertThatThrownBy(() -> Clerk.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("publishableKey");
    // sdk-core alone has no transport on its test classpath
    assertThatThrownBy(() -> Clerk.builder().frontendApiUrl("https://clerk.example.com").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clerk4j-okhttp");
  }
}
