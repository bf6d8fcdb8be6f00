package io.github.clerk4j.it.wire;

import static io.github.clerk4j.it.wire.Fapi.EMAIL;
import static io.github.clerk4j.it.wire.Fapi.SIGN_IN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.SignIn;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clerk's error envelope (wire spec §1.6) through the SDK: the field at fault, the trace id, no
 * retry of an answer, and no secret in the message.
 */
class ErrorEnvelopeWireTest {

  private static final String PASSWORD = "Wr0ng-but-secret-pw";
  private static final String CODE = "918273";

  private final MockFapi fapi = new MockFapi();

  @AfterEach
  void close() {
    fapi.close();
  }

  @Test
  void wrongPasswordIsAFieldErrorOnPassword() {
    fapi.answer(422, Fapi.errors("form_password_incorrect", "password", "trace_pw_1"));

    ClerkApiException e = refused(() -> fapi.clerk.signIn().password(EMAIL, PASSWORD), "password", "trace_pw_1");

    assertThat(e.isPasswordIncorrect()).isTrue();
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);
  }

  @Test
  void unknownIdentifierIsAFieldErrorOnIdentifier() {
    fapi.answer(422, Fapi.errors("form_identifier_not_found", "identifier", "trace_id_1"));

    ClerkApiException e = refused(() -> fapi.clerk.signIn().password(EMAIL, PASSWORD), "identifier", "trace_id_1");

    assertThat(e.isIdentifierNotFound()).isTrue();
    fapi.expect("POST", "/v1/client/sign_ins").form("identifier", EMAIL, "password", PASSWORD);
  }

  @Test
  void wrongCodeIsAFieldErrorOnCodeAndTheSignInStaysUsable() {
    fapi.ok(Fapi.signIn("needs_second_factor", "supported_second_factors", Fapi.mfaFactors()), null);
    SignIn signIn = fapi.clerk.signIn().password(EMAIL, PASSWORD);
    fapi.expect("POST", "/v1/client/sign_ins");

    fapi.answer(422, Fapi.errors("form_code_incorrect", "code", "trace_code_1"));
    ClerkApiException e = refused(() -> signIn.mfa().verifyTOTP(CODE), "code", "trace_code_1");

    assertThat(e.isCodeIncorrect()).isTrue();
    fapi.expect("POST", "/v1/client/sign_ins/" + SIGN_IN_ID + "/attempt_second_factor")
        .form("strategy", "totp", "code", CODE);

    fapi.ok(Fapi.signIn("complete", "created_session_id", Fapi.SESSION_ID), null);
    assertThat(signIn.mfa().verifyTOTP("123456").createdSessionId()).contains(Fapi.SESSION_ID);
    fapi.expect("POST", "/v1/client/sign_ins/" + SIGN_IN_ID + "/attempt_second_factor")
        .form("strategy", "totp", "code", "123456");
  }

  /** The call fails once, with the error on {@code field}, the trace id, and no secret in the text. */
  private ClerkApiException refused(ThrowingCallable call, String field, String traceId) {
    ClerkApiException e = catchThrowableOfType(ClerkApiException.class, call);
    assertThat(e).as("ClerkApiException").isNotNull();
    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.fieldErrors()).containsOnlyKeys(field);
    assertThat(e.fieldErrors().get(field).paramName()).isEqualTo(field);
    assertThat(e.traceId()).isEqualTo(traceId);
    assertThat(e.getMessage()).contains(traceId).doesNotContain(PASSWORD).doesNotContain(CODE);
    assertThat(e.toString()).doesNotContain(PASSWORD).doesNotContain(CODE);
    assertThat(fapi.sleeps).as("an answer is never retried").isEmpty();
    return e;
  }
}
