package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClerkEmulatorExtensionTest {

  @ExtendWith(ClerkEmulatorExtension.class)
  @Nested
  class WithDefaults {
    ClerkEmulator field;

    @Test
    void injectsTheSameRunningEmulatorIntoFieldsAndParameters(ClerkEmulator parameter) {
      assertThat(parameter).isSameAs(field);
      assertThat(new Fapi(parameter).get("/v1/environment").status()).isEqualTo(200);
    }
  }

  @Nested
  class Configured {
    @RegisterExtension
    final ClerkEmulatorExtension clerk = new ClerkEmulatorExtension(b -> b
        .rateLimits(RateLimits.disabled())
        .user(EmulatorUser.builder().email("ext@example.com").password("ext-password-1").build()));

    @Test
    void seedsTheConfiguredUsers(ClerkEmulator emulator) {
      Fapi fapi = new Fapi(emulator);
      assertThat(fapi.passwordSignIn("ext@example.com", "ext-password-1").status()).isEqualTo(200);
    }
  }
}
