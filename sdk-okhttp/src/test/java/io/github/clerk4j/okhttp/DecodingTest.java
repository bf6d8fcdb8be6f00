package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Totp;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.spi.ClientResource;
import io.github.clerk4j.spi.DeletedObject;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.PhoneNumberResource;
import io.github.clerk4j.spi.ReverificationResource;
import io.github.clerk4j.spi.SessionResource;
import io.github.clerk4j.spi.SignInResource;
import java.time.Instant;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How answers decode beyond the recorded ones: tolerance, nulls, empty bodies, tokens. */
class DecodingTest {

  private final WireServer wire = new WireServer();

  @AfterEach
  void close() {
    wire.close();
  }

  private <T> FapiResponse<T> answer(Endpoint<T> endpoint, String body, String... headers) {
    wire.enqueue(200, body, headers);
    return wire.execute(endpoint, "sia_1", "sess_1", Form.empty(), "Bearer old");
  }

  @Test
  void unknownFieldsAreIgnored() {
    SignInResource signIn =
        answer(
                Endpoint.GET_SIGN_IN,
                "{\"response\":{\"object\":\"sign_in_attempt\",\"id\":\"sia_1\","
                    + "\"status\":\"needs_first_factor\",\"brand_new_field\":{\"deep\":[1,2,{}]},"
                    + "\"protect_check\":{\"status\":\"pending\"},\"locale\":\"en\","
                    + "\"supported_first_factors\":[{\"strategy\":\"password\",\"new\":true}]},"
                    + "\"client\":null,\"extra\":42}")
            .response();

    assertThat(signIn.id()).isEqualTo("sia_1");
    assertThat(signIn.supportedFirstFactors()).hasSize(1);
  }

  @Test
  void unknownStatusesAreKeptRaw() {
    SignInResource signIn =
        answer(
                Endpoint.GET_SIGN_IN,
                "{\"response\":{\"id\":\"sia_1\",\"status\":\"needs_quantum_check\","
                    + "\"client_trust_state\":\"suspicious\",\"first_factor_verification\":"
                    + "{\"status\":\"paused\",\"strategy\":\"carrier_pigeon\"}},\"client\":null}")
            .response();

    assertThat(signIn.status()).isEqualTo("needs_quantum_check");
    assertThat(SignInStatus.fromWire(signIn.status())).isEqualTo(SignInStatus.UNKNOWN);
    assertThat(signIn.clientTrustState()).isEqualTo("suspicious");
    assertThat(signIn.firstFactorVerification().rawStatus()).isEqualTo("paused");
    assertThat(signIn.firstFactorVerification().status()).isEqualTo(VerificationStatus.UNKNOWN);
    assertThat(signIn.firstFactorVerification().rawStrategy()).isEqualTo("carrier_pigeon");
  }

  @Test
  void explicitNullsAndAbsentMembersAreTheSame() {
    String explicit =
        "{\"response\":{\"id\":\"sia_1\",\"status\":null,\"supported_identifiers\":null,"
            + "\"supported_first_factors\":null,\"supported_second_factors\":[null],"
            + "\"first_factor_verification\":null,\"user_data\":null,\"abandon_at\":null},"
            + "\"client\":null}";
    String absent = "{\"response\":{\"id\":\"sia_1\"}}";

    assertThat(answer(Endpoint.GET_SIGN_IN, explicit).response())
        .isEqualTo(answer(Endpoint.GET_SIGN_IN, absent).response());
  }

  @Test
  void nullResponseOfAnUnknownClient() {
    FapiResponse<ClientResource> r =
        answer(Endpoint.GET_CLIENT, "{\"response\":null,\"client\":null}");

    assertThat(r.response()).isNull();
    assertThat(r.client()).isNull();
  }

  @Test
  void noContentHasNoResponse() {
    wire.enqueue(new MockResponse(204, Headers.of("Authorization", "Bearer new"), ""));

    FapiResponse<SessionResource> r =
        wire.execute(Endpoint.TOUCH_SESSION, null, "sess_1", Form.empty(), "Bearer old");

    assertThat(r.httpStatus()).isEqualTo(204);
    assertThat(r.response()).isNull();
    assertThat(r.client()).isNull();
    assertThat(r.clientToken()).isEqualTo("Bearer new");
  }

  @Test
  void emptyOkBodyHasNoResponse() {
    FapiResponse<SessionResource> r = answer(Endpoint.TOUCH_SESSION, "");

    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.response()).isNull();
  }

  @Test
  void rotatedClientTokenIsSurfacedVerbatim() {
    FapiResponse<ClientResource> r =
        answer(
            Endpoint.GET_CLIENT,
            "{\"response\":null,\"client\":null}",
            "Authorization",
            "Bearer eyJ.rotated.token");

    assertThat(r.clientToken()).isEqualTo("Bearer eyJ.rotated.token");
  }

  @Test
  void clearedClientTokenIsSurfacedAsSent() {
    FapiResponse<ClientResource> r =
        answer(
            Endpoint.DELETE_CLIENT,
            "{\"response\":null,\"client\":null}",
            "Authorization",
            "Bearer");

    assertThat(r.clientToken()).isEqualTo("Bearer");
  }

  @Test
  void noAuthorizationHeaderMeansNoToken() {
    assertThat(answer(Endpoint.GET_CLIENT, "{\"response\":null}").clientToken()).isNull();
  }

  @Test
  void pendingSessionWithTasks() {
    SessionResource session =
        answer(
                Endpoint.TOUCH_SESSION,
                "{\"response\":{\"object\":\"session\",\"id\":\"sess_1\",\"status\":\"pending\","
                    + "\"tasks\":[{\"key\":\"setup-mfa\"},{\"key\":\"future-task\"}],"
                    + "\"last_active_token\":null,\"expire_at\":1767229200000},\"client\":null}")
            .response();

    assertThat(SessionStatus.fromWire(session.status())).isEqualTo(SessionStatus.PENDING);
    assertThat(session.tasks())
        .extracting(SessionTask::key)
        .containsExactly(SessionTask.Key.SETUP_MFA, SessionTask.Key.UNKNOWN);
    assertThat(session.tasks().get(1).rawKey()).isEqualTo("future-task");
    assertThat(session.lastActiveToken()).isNull();
    assertThat(session.expireAt()).isEqualTo(Instant.ofEpochMilli(1767229200000L));
  }

  @Test
  void verificationErrorKeepsItsMeta() {
    SignInResource signIn =
        answer(
                Endpoint.CREATE_SIGN_IN,
                "{\"response\":{\"id\":\"sia_1\",\"status\":\"needs_first_factor\","
                    + "\"first_factor_verification\":{\"status\":\"failed\",\"strategy\":\"oauth_google\","
                    + "\"error\":{\"code\":\"identifier_already_signed_in\",\"message\":\"m\","
                    + "\"long_message\":\"l\",\"meta\":{\"session_id\":\"sess_9\"}}}}}")
            .response();

    assertThat(signIn.firstFactorVerification().status()).isEqualTo(VerificationStatus.FAILED);
    assertThat(signIn.firstFactorVerification().error().code())
        .isEqualTo("identifier_already_signed_in");
    assertThat(signIn.firstFactorVerification().error().meta())
        .containsEntry("session_id", "sess_9");
  }

  @Test
  void sessionTokenIsUnwrapped() {
    assertThat(
            answer(Endpoint.CREATE_SESSION_TOKEN, "{\"object\":\"token\",\"jwt\":\"h.p.s\"}")
                .response())
        .isEqualTo("h.p.s");
  }

  @Test
  void totpWithSecretAndBackupCodes() {
    Totp totp =
        answer(
                Endpoint.CREATE_TOTP,
                "{\"response\":{\"object\":\"totp\",\"id\":\"totp_1\",\"secret\":\"JBSWY3DPEHPK3PXP\","
                    + "\"uri\":\"otpauth://totp/App:jane?secret=JBSWY3DPEHPK3PXP\",\"verified\":false,"
                    + "\"backup_codes\":[\"c1\",\"c2\"],\"created_at\":1767211200000,"
                    + "\"updated_at\":1767211200000},\"client\":null}")
            .response();

    assertThat(totp.id()).isEqualTo("totp_1");
    assertThat(totp.secret()).isEqualTo("JBSWY3DPEHPK3PXP");
    assertThat(totp.uri()).startsWith("otpauth://totp/");
    assertThat(totp.verified()).isFalse();
    assertThat(totp.backupCodes()).containsExactly("c1", "c2");
    assertThat(totp.createdAt()).isEqualTo(Instant.ofEpochMilli(1767211200000L));
  }

  @Test
  void backupCodes() {
    BackupCodes codes =
        answer(
                Endpoint.CREATE_BACKUP_CODES,
                "{\"response\":{\"object\":\"backup_code\",\"id\":\"bc_1\",\"codes\":[\"a\",\"b\",\"c\"],"
                    + "\"created_at\":1767211200000},\"client\":null}")
            .response();

    assertThat(codes.codes()).containsExactly("a", "b", "c");
  }

  @Test
  void phoneNumberReservedForMfaWithBackupCodes() {
    PhoneNumberResource phone =
        answer(
                Endpoint.UPDATE_PHONE_NUMBER,
                "{\"response\":{\"object\":\"phone_number\",\"id\":\"idn_1\","
                    + "\"phone_number\":\"+15555550100\",\"reserved_for_second_factor\":true,"
                    + "\"default_second_factor\":true,\"verification\":{\"status\":\"verified\","
                    + "\"strategy\":\"phone_code\",\"attempts\":1,\"expire_at\":1767229200000},"
                    + "\"backup_codes\":[\"x1\"]},\"client\":null}")
            .response();

    assertThat(phone.reservedForSecondFactor()).isTrue();
    assertThat(phone.defaultSecondFactor()).isTrue();
    assertThat(phone.verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    assertThat(phone.backupCodes()).containsExactly("x1");
  }

  @Test
  void deletedObject() {
    assertThat(
            answer(
                    Endpoint.DELETE_TOTP,
                    "{\"response\":{\"object\":\"totp\",\"id\":\"totp_1\",\"deleted\":true},\"client\":null}")
                .response())
        .isEqualTo(new DeletedObject("totp", "totp_1", true));
  }

  @Test
  void reverification() {
    ReverificationResource r =
        answer(
                Endpoint.START_REVERIFICATION,
                "{\"response\":{\"object\":\"session_reverification\",\"level\":\"second_factor\","
                    + "\"status\":\"needs_second_factor\",\"supported_first_factors\":[],"
                    + "\"supported_second_factors\":[{\"strategy\":\"totp\"},{\"strategy\":"
                    + "\"phone_code\",\"safe_identifier\":\"+1******0100\",\"phone_number_id\":"
                    + "\"idn_1\",\"default\":true}],\"first_factor_verification\":null,"
                    + "\"second_factor_verification\":null,\"session\":{\"id\":\"sess_1\","
                    + "\"status\":\"active\"}},\"client\":null}")
            .response();

    assertThat(r.status()).isEqualTo("needs_second_factor");
    assertThat(r.supportedSecondFactors()).hasSize(2);
    assertThat(r.supportedSecondFactors().get(1).isDefault()).isTrue();
    assertThat(r.supportedSecondFactors().get(1).safeIdentifier()).isEqualTo("+1******0100");
    assertThat(r.session().id()).isEqualTo("sess_1");
  }

  @Test
  void timestampsInOtherUnambiguousFormsAreAccepted() {
    SignInResource signIn =
        answer(
                Endpoint.GET_SIGN_IN,
                "{\"response\":{\"id\":\"sia_1\",\"abandon_at\":\"1767232800000\","
                    + "\"first_factor_verification\":{\"status\":\"unverified\","
                    + "\"expire_at\":\"2026-01-01T01:00:00Z\"}}}")
            .response();

    assertThat(signIn.abandonAt()).isEqualTo(Instant.ofEpochMilli(1767232800000L));
    assertThat(signIn.firstFactorVerification().expireAt())
        .isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
  }
}
