package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.Factor;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.VerificationStatus;
import io.github.clerk4j.spi.ClientResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.EnvironmentResource;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import io.github.clerk4j.spi.PhoneNumberResource;
import io.github.clerk4j.spi.SessionResource;
import io.github.clerk4j.spi.SignInResource;
import java.io.File;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clerk's recorded responses (src/test/resources/recorded, copied from
 * ../shared/fixtures/clerk-recorded) decode into the SPI's resources, and the request each
 * recording names goes out with the recording's method and path.
 */
class RecordedResponsesTest {

  private static final Instant CREATED = Instant.ofEpochMilli(1767211200000L);
  private static final Instant UPDATED = Instant.ofEpochMilli(1767218400000L);
  private static final Instant CODE_EXPIRES = Instant.ofEpochMilli(1767229200000L);
  private static final Instant ABANDON = Instant.ofEpochMilli(1767232800000L);

  /** Recorded path (ids anonymised as in the fixtures) → endpoint. */
  private static final Map<String, Endpoint<?>> ENDPOINT_BY_KEY =
      Map.of(
          "GET /v1/environment", Endpoint.GET_ENVIRONMENT,
          "POST /v1/client", Endpoint.CREATE_CLIENT,
          "POST /v1/client/sign_ins", Endpoint.CREATE_SIGN_IN,
          "POST /v1/client/sign_ins/SIGN_IN_ID/prepare_first_factor", Endpoint.PREPARE_FIRST_FACTOR,
          "POST /v1/client/sign_ins/SIGN_IN_ID/attempt_first_factor", Endpoint.ATTEMPT_FIRST_FACTOR,
          "POST /v1/client/sign_ins/SIGN_IN_ID/prepare_second_factor",
              Endpoint.PREPARE_SECOND_FACTOR,
          "POST /v1/client/sign_ins/SIGN_IN_ID/attempt_second_factor",
              Endpoint.ATTEMPT_SECOND_FACTOR);

  private final WireServer wire = new WireServer();

  @AfterEach
  void close() {
    wire.close();
  }

  static Stream<String> recordings() throws URISyntaxException {
    File dir = new File(RecordedResponsesTest.class.getResource("/recorded").toURI());
    String[] files = dir.list((d, name) -> name.endsWith(".json"));
    assertThat(files).hasSize(9);
    return Arrays.stream(files).sorted();
  }

  /** Every recording: the request its key names, answered with its body, decodes. */
  @ParameterizedTest
  @MethodSource("recordings")
  void everyRecordingReplaysAndDecodes(String file) {
    String[] key = WireServer.recordedKey(file).split(" ", 3);
    String method = key[0];
    String path = key[1];
    Endpoint<?> endpoint = ENDPOINT_BY_KEY.get(method + " " + path);
    assertThat(endpoint).as("endpoint for %s", file).isNotNull();
    Form form = Form.empty();
    if (key.length > 2) {
      for (String param : key[2].split("&")) {
        // the recorder dropped some values (identifier, password); any value will do here
        String[] kv = param.split("=", 2);
        form = form.with(kv[0], kv.length == 2 ? kv[1] : "value-of-" + kv[0]);
      }
    }
    wire.enqueue(200, WireServer.recordedBody(file), "Authorization", "Bearer rotated");

    FapiResponse<?> response =
        wire.execute(endpoint, path.contains("SIGN_IN_ID") ? "SIGN_IN_ID" : null, null, form, null);

    RecordedRequest request = wire.takeRequest();
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getUrl().encodedPath()).isEqualTo(path);
    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.response()).isNotNull();
    assertThat(response.clientToken()).isEqualTo("Bearer rotated");
  }

  @Test
  void clientCreate() {
    ClientResource client = replay("flutter-client-create.json", Endpoint.CREATE_CLIENT).response();

    assertThat(client.id()).isEqualTo("CLIENT_ID");
    assertThat(client.sessions()).isEmpty();
    assertThat(client.signIn()).isNull();
    assertThat(client.lastActiveSessionId()).isNull();
    assertThat(client.cookieExpiresAt()).isNull();
    assertThat(client.createdAt()).isEqualTo(CREATED);
    assertThat(client.updatedAt()).isEqualTo(UPDATED);
  }

  @Test
  void clientCreateHasNoPiggybackedClient() {
    assertThat(replay("flutter-client-create.json", Endpoint.CREATE_CLIENT).client()).isNull();
  }

  @Test
  void createWithIdentifierNeedsFirstFactor() {
    FapiResponse<SignInResource> r =
        replay(
            "flutter-sign_in-create-identifier-needs_first_factor.json", Endpoint.CREATE_SIGN_IN);
    SignInResource signIn = r.response();

    assertThat(signIn.id()).isEqualTo("SIGN_IN_ID");
    assertThat(SignInStatus.fromWire(signIn.status())).isEqualTo(SignInStatus.NEEDS_FIRST_FACTOR);
    assertThat(signIn.identifier()).isEqualTo("jane+clerk_test@example.com");
    assertThat(signIn.supportedIdentifiers())
        .containsExactly("email_address", "passkey", "password", "phone_number", "username");
    assertThat(signIn.supportedFirstFactors())
        .extracting(Factor::strategy)
        .containsExactly(
            Strategy.PASSWORD,
            Strategy.PHONE_CODE,
            Strategy.EMAIL_CODE,
            Strategy.EMAIL_LINK,
            Strategy.RESET_PASSWORD_EMAIL_CODE);
    assertThat(signIn.supportedFirstFactors().get(0))
        .isEqualTo(new Factor("password", null, null, null, null, false));
    assertThat(signIn.supportedFirstFactors().get(1))
        .isEqualTo(new Factor("phone_code", "+15555550100", null, "IDENTIFIER_ID", true, false));
    assertThat(signIn.supportedFirstFactors().get(2))
        .isEqualTo(
            new Factor(
                "email_code", "jane+clerk_test@example.com", "IDENTIFIER_ID", null, true, false));
    assertThat(signIn.supportedSecondFactors()).isEmpty();
    assertThat(signIn.firstFactorVerification()).isNull();
    assertThat(signIn.secondFactorVerification()).isNull();
    assertThat(signIn.userData()).isNull();
    assertThat(signIn.createdSessionId()).isNull();
    assertThat(signIn.abandonAt()).isEqualTo(ABANDON);
    assertThat(r.client().signIn()).isEqualTo(signIn);
    assertThat(r.client().sessions()).isEmpty();
  }

  @Test
  void prepareFirstFactorEmailCode() {
    SignInResource signIn =
        replay(
                "flutter-sign_in-prepare_first_factor-email_code.json",
                Endpoint.PREPARE_FIRST_FACTOR)
            .response();

    assertThat(signIn.status()).isEqualTo("needs_first_factor");
    assertThat(signIn.firstFactorVerification().status()).isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(signIn.firstFactorVerification().strategy()).isEqualTo(Strategy.EMAIL_CODE);
    assertThat(signIn.firstFactorVerification().attempts()).isZero();
    assertThat(signIn.firstFactorVerification().expireAt()).isEqualTo(CODE_EXPIRES);
    assertThat(signIn.firstFactorVerification().error()).isNull();
  }

  @Test
  void attemptFirstFactorPasswordCompletes() {
    FapiResponse<SignInResource> r =
        replay(
            "flutter-sign_in-attempt_first_factor-password-complete.json",
            Endpoint.ATTEMPT_FIRST_FACTOR);

    assertThat(r.response().status()).isEqualTo("complete");
    assertThat(r.response().firstFactorVerification().status())
        .isEqualTo(VerificationStatus.VERIFIED);
    assertThat(r.response().firstFactorVerification().strategy()).isEqualTo(Strategy.PASSWORD);
    assertThat(r.response().firstFactorVerification().expireAt()).isNull();
    assertThat(r.response().createdSessionId()).isEqualTo("SESSION_ID");
    assertSignedInClient(r.client(), 0, -1);
    PhoneNumberResource phone = r.client().sessions().get(0).user().phoneNumbers().get(0);
    assertThat(phone.phoneNumber()).isEqualTo("+15555550105");
    assertThat(phone.reservedForSecondFactor()).isFalse();
    assertThat(phone.verification().status()).isEqualTo(VerificationStatus.VERIFIED);
    assertThat(phone.backupCodes()).isEmpty();
  }

  @Test
  void attemptFirstFactorEmailCodeCompletes() {
    FapiResponse<SignInResource> r =
        replay(
            "flutter-sign_in-attempt_first_factor-email_code-complete.json",
            Endpoint.ATTEMPT_FIRST_FACTOR);

    assertThat(SignInStatus.fromWire(r.response().status())).isEqualTo(SignInStatus.COMPLETE);
    assertThat(r.response().firstFactorVerification().status())
        .isEqualTo(VerificationStatus.VERIFIED);
    assertThat(r.response().firstFactorVerification().attempts()).isEqualTo(1);
    assertThat(r.response().createdSessionId()).isEqualTo("SESSION_ID");
    assertSignedInClient(r.client(), 0, -1);
  }

  @Test
  void createWithPasswordNeedsClientTrust() {
    SignInResource signIn =
        replay("flutter-sign_in-create-password-needs_client_trust.json", Endpoint.CREATE_SIGN_IN)
            .response();

    assertThat(SignInStatus.fromWire(signIn.status())).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    assertThat(signIn.firstFactorVerification().status()).isEqualTo(VerificationStatus.VERIFIED);
    assertThat(signIn.firstFactorVerification().strategy()).isEqualTo(Strategy.PASSWORD);
    assertThat(signIn.secondFactorVerification()).isNull();
    assertThat(signIn.supportedSecondFactors())
        .containsExactly(
            new Factor(
                "email_code", "jane+clerk_test@example.com", "IDENTIFIER_ID", null, true, false));
    assertThat(signIn.createdSessionId()).isNull();
  }

  @Test
  void prepareSecondFactorEmailCode() {
    FapiResponse<SignInResource> r =
        replay(
            "flutter-sign_in-prepare_second_factor-email_code.json",
            Endpoint.PREPARE_SECOND_FACTOR);

    assertThat(r.response().status()).isEqualTo("needs_client_trust");
    assertThat(r.response().secondFactorVerification().status())
        .isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(r.response().secondFactorVerification().strategy()).isEqualTo(Strategy.EMAIL_CODE);
    assertThat(r.response().secondFactorVerification().attempts()).isZero();
    assertThat(r.response().secondFactorVerification().expireAt()).isEqualTo(CODE_EXPIRES);
    assertThat(r.client().signIn().status()).isEqualTo("needs_client_trust");
  }

  @Test
  void attemptSecondFactorEmailCodeCompletes() {
    FapiResponse<SignInResource> r =
        replay(
            "flutter-sign_in-attempt_second_factor-email_code-complete.json",
            Endpoint.ATTEMPT_SECOND_FACTOR);

    assertThat(SignInStatus.fromWire(r.response().status())).isEqualTo(SignInStatus.COMPLETE);
    assertThat(r.response().secondFactorVerification().status())
        .isEqualTo(VerificationStatus.VERIFIED);
    assertThat(r.response().secondFactorVerification().strategy()).isEqualTo(Strategy.EMAIL_CODE);
    assertThat(r.response().supportedFirstFactors()).isEmpty();
    assertThat(r.response().supportedSecondFactors()).isEmpty();
    assertThat(r.response().createdSessionId()).isEqualTo("SESSION_ID");
    assertSignedInClient(r.client(), 0, 0);
  }

  @Test
  void environment() {
    EnvironmentResource env =
        replay("flutter-environment.json", Endpoint.GET_ENVIRONMENT).response();

    assertThat(env.applicationName()).isEqualTo("APPLICATION_NAME");
    assertThat(env.firstFactors())
        .containsExactlyInAnyOrder("email_code", "email_link", "phone_code", "password", "passkey");
    assertThat(env.secondFactors()).containsExactlyInAnyOrder("phone_code", "totp", "backup_code");
  }

  /**
   * @param minutesSinceFactors the session's {@code factor_verification_age} (-1: no second factor
   *     verified)
   */
  private static void assertSignedInClient(ClientResource client, Integer... minutesSinceFactors) {
    assertThat(client.id()).isEqualTo("CLIENT_ID");
    assertThat(client.signIn()).isNull();
    assertThat(client.lastActiveSessionId()).isEqualTo("SESSION_ID");
    assertThat(client.sessions()).hasSize(1);
    SessionResource session = client.sessions().get(0);
    assertThat(session.id()).isEqualTo("SESSION_ID");
    assertThat(SessionStatus.fromWire(session.status())).isEqualTo(SessionStatus.ACTIVE);
    assertThat(session.expireAt()).isEqualTo(CODE_EXPIRES);
    assertThat(session.abandonAt()).isEqualTo(ABANDON);
    assertThat(session.lastActiveToken()).isEqualTo("e30=.e30=.e30=");
    assertThat(session.tasks()).isEmpty();
    assertThat(session.factorVerificationAge()).containsExactly(minutesSinceFactors);
    assertThat(session.user().id()).isEqualTo("USER_ID");
    assertThat(session.user().firstName()).isEqualTo("Jane");
    assertThat(session.user().lastName()).isEqualTo("Doe");
    assertThat(session.user().primaryEmailAddressId()).isEqualTo("IDENTIFIER_ID");
    assertThat(session.user().passwordEnabled()).isTrue();
    assertThat(session.user().twoFactorEnabled()).isFalse();
    assertThat(session.user().emailAddresses()).hasSize(1);
    assertThat(session.user().emailAddresses().get(0).emailAddress())
        .isEqualTo("jane+clerk_test@example.com");
    assertThat(session.user().emailAddresses().get(0).verification().status())
        .isEqualTo(VerificationStatus.VERIFIED);
    assertThat(session.user().createdAt()).isEqualTo(CREATED);
  }

  private <T> FapiResponse<T> replay(String file, Endpoint<T> endpoint) {
    wire.enqueue(200, WireServer.recordedBody(file));
    return wire.execute(endpoint, "SIGN_IN_ID", null, Form.empty(), "Bearer client-token");
  }
}
