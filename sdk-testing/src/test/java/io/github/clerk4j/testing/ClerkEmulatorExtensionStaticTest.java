package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static field is injected before {@code @BeforeAll} methods run, so they can seed data. */
class ClerkEmulatorExtensionStaticTest {
  @RegisterExtension
  static final ClerkEmulatorExtension CLERK = new ClerkEmulatorExtension();
  static ClerkEmulator emulator;
  static String userId;

  @BeforeAll
  static void seed() {
    userId = emulator.addUser(EmulatorUser.builder().username("late-user").password("late-password-1").build());
  }

  @Test
  void emulatorWasInjectedAndSeededBeforeAll(ClerkEmulator parameter) {
    assertThat(parameter).isSameAs(emulator);
    assertThat(userId).startsWith("user_");
    Fapi.Answer answer = new Fapi(emulator).post("/v1/client/sign_ins", "identifier", "late-user");
    assertThat(answer.response().get("status")).isEqualTo("needs_first_factor");
  }
}
