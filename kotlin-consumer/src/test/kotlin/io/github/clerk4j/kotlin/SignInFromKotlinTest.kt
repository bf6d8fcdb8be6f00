package io.github.clerk4j.kotlin

import io.github.clerk4j.Clerk
import io.github.clerk4j.ClerkApiException
import io.github.clerk4j.SignInStatus
import io.github.clerk4j.testing.ClerkEmulator
import io.github.clerk4j.testing.EmulatorUser
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** clerk4j as a Kotlin app uses it: `use` for the closeables, nullness as JSpecify declares it, no `!!`. */
class SignInFromKotlinTest {
  private val email = "ada@example.com"
  private val password = "a long and uncommon passphrase 7"

  @Test
  fun signsInWithClientTrust() {
    ClerkEmulator.builder().user(EmulatorUser.builder().email(email).password(password).build())
        .build().start().use { emulator ->
      Clerk.builder().publishableKey(emulator.publishableKey()).build().use { clerk ->
        var signIn = clerk.signIn().password(email, password)
        if (signIn.status() == SignInStatus.NEEDS_CLIENT_TRUST) {
          signIn = signIn.mfa().sendEmailCode()
          val wrong = runCatching { signIn.mfa().verifyEmailCode("000000") }.exceptionOrNull()
          assertTrue((wrong as ClerkApiException).isCodeIncorrect)
          signIn = signIn.mfa().verifyEmailCode(emulator.outbox().latestCodeFor(email))
        }
        assertEquals(SignInStatus.COMPLETE, signIn.status())
        // JSpecify makes id() a String? here (a sign-in never sent has none): with -Werror the
        // elvis would not compile on a String, nor would a missing check on a String?
        val signInId: String = signIn.id() ?: error("a sign-in that was sent has an id")
        assertTrue(signInId.startsWith("sia_"))
        val session = signIn.finalize { _, decorateUrl -> println(decorateUrl.apply("/home")) }
        val token: String = session.getToken()
        val primaryEmail: String? = session.user().flatMap { it.primaryEmailAddress() }
            .map { it.emailAddress() }.orElse(null)
        assertEquals(email, primaryEmail)
        assertTrue(token.isNotEmpty())
      }
    }
  }
}
