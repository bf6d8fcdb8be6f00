package io.github.clerk4j.testing.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the emulator's JSON parsing where it takes JSON from outside: the users file ({@code
 * --users}, {@code ClerkEmulator.Builder.usersFromJson}), read by {@link UserSeeds} over {@link
 * Json}. Whatever the file holds, the answer is users or an {@link IllegalArgumentException} that
 * names the problem; anything else fails.
 */
class UserSeedsFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] input) {
    try {
      UserSeeds.parse(new String(input, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new AssertionError("a refused users file must say why", refused);
      }
    }
  }
}
