package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.clerk4j.testing.contract.ContractReport.Finding;
import io.github.clerk4j.testing.contract.ContractReport.Side;
import io.github.clerk4j.testing.contract.ContractReport.Tolerance;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract harness against real Clerk traffic: every recorded response must pass (so the
 * harness tolerates what Clerk really sends), and responses broken in any other way must fail
 * (so it tolerates nothing else).
 */
class RecordedFixturesContractTest {

  private static final OpenApiContract CONTRACT = OpenApiContract.fapi();

  /**
   * The recorded environment predates the 2026-05-12 file: it was recorded in March 2026 with an
   * older API version, and the file has since made these properties required. (The recorder's
   * anonymiser also renamed {@code api_keys_settings.user_api_keys_enabled} to {@code USER_ID},
   * hence that one's absence.) These, and only these, are expected; a server answering
   * {@code /v1/environment} for version 2026-05-12 must send them.
   */
  private static final Set<String> ENVIRONMENT_MISSING_REQUIRED = Set.of(
      "/api_keys_settings",
      "/auth_config",
      "/display_config",
      "/user_settings",
      "/user_settings/passkey_settings",
      "/user_settings/password_settings",
      "/user_settings/username_settings");

  static Stream<RecordedFixture> clientAndSignInFixtures() {
    return RecordedFixture.all().stream().filter(f -> !f.name().equals("flutter-environment"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientAndSignInFixtures")
  void recordedResponseSatisfiesTheOperationItAnswers(RecordedFixture fixture) {
    CONTRACT.validateResponse(fixture.asInteraction()).assertValid();
  }

  @Test
  void recordedEnvironmentDiffersOnlyByThePropertiesAddedAfterItWasRecorded() {
    ContractReport report = CONTRACT.validateResponse(RecordedFixture.named("flutter-environment").asInteraction());

    assertThat(report.violations())
        .as(report.describe())
        .allSatisfy(v -> assertThat(v.rule()).isEqualTo("schema.required"));
    assertThat(report.violations().stream().map(Finding::pointer).collect(Collectors.toSet()))
        .isEqualTo(ENVIRONMENT_MISSING_REQUIRED);
  }

  @Test
  void everyToleranceIsNeededByRealClerkTraffic() {
    // A tolerance that no recorded response needs would be a hole in the harness with no evidence
    // behind it; the request-side one is covered by requestParameterThatClerksClientsSendIsTolerated.
    Set<Tolerance> used = RecordedFixture.all().stream()
        .map(f -> CONTRACT.validateResponse(f.asInteraction()))
        .flatMap(r -> r.tolerated().stream())
        .map(Finding::tolerance)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Tolerance.class)));

    assertThat(used).containsExactlyInAnyOrder(
        Tolerance.EXTRA_RESPONSE_PROPERTY,
        Tolerance.NULLABLE_REFERENCE,
        Tolerance.PASSWORD_IN_SUPPORTED_IDENTIFIERS);
  }

  @Test
  void statusAsANumberIsAViolation() {
    ObjectNode body = signInBody();
    ((ObjectNode) body.get("response")).put("status", 3);

    assertViolation(body, "schema.type", "/response/status");
  }

  @Test
  void statusOutsideTheEnumIsAViolation() {
    ObjectNode body = signInBody();
    ((ObjectNode) body.get("response")).put("status", "signed_in");

    assertViolation(body, "schema.enum", "/response/status");
  }

  @Test
  void nullWhereTheFileDoesNotAllowItIsAViolation() {
    // Only nullable references may be null; a plain required string may not.
    ObjectNode body = signInBody();
    ((ObjectNode) body.get("response")).putNull("id");

    assertViolation(body, "schema.type", "/response/id");
  }

  @Test
  void missingRequiredFieldIsAViolation() {
    ObjectNode body = signInBody();
    ((ObjectNode) body.get("response")).remove("abandon_at");

    assertViolation(body, "schema.required", "/response");
  }

  @Test
  void unknownSupportedIdentifierIsAViolationThoughPasswordIsTolerated() {
    ObjectNode body = signInBody();
    ((ArrayNode) body.get("response").get("supported_identifiers")).add("telepathy");

    ContractReport report = validateSignInCreate(body);

    assertThat(report.violations()).as(report.describe())
        .singleElement()
        .satisfies(v -> {
          assertThat(v.rule()).isEqualTo("schema.enum");
          assertThat(v.message()).contains("telepathy");
        });
    assertThat(report.tolerated()).extracting(Finding::tolerance)
        .contains(Tolerance.PASSWORD_IN_SUPPORTED_IDENTIFIERS);
  }

  @Test
  void verificationMatchingNoAlternativeIsAViolation() {
    // first_factor_verification is a oneOf of verification kinds; an object none of them
    // describes must fail even though a null there would be tolerated.
    ObjectNode body = signInBody();
    ObjectNode verification = ((ObjectNode) body.get("response")).putObject("first_factor_verification");
    verification.put("object", "verification_otp").put("status", "verified").put("strategy", "email_code")
        .put("attempts", "one");

    ContractReport report = validateSignInCreate(body);

    assertThat(report.violations()).as(report.describe())
        .anySatisfy(v -> {
          assertThat(v.pointer()).isEqualTo("/response/first_factor_verification");
          assertThat(v.rule()).isEqualTo("schema.oneOf");
        });
  }

  @Test
  void statusTheOperationDoesNotDeclareIsAViolation() {
    Interaction teapot = Interaction.response("POST", "/v1/client/sign_ins", 418, signInBody().toString());

    ContractReport report = CONTRACT.validateResponse(teapot);

    assertThat(report.violations()).extracting(Finding::rule).contains("status.unknown");
  }

  @Test
  void unknownPathIsAViolation() {
    Interaction nowhere = Interaction.response("GET", "/v1/client/nowhere", 200, "{}");

    ContractReport report = CONTRACT.validateResponse(nowhere);

    assertThat(report.isValid()).as(report.describe()).isFalse();
  }

  @Test
  void assertValidFailsWithAReadableMessage() {
    ObjectNode body = signInBody();
    ((ObjectNode) body.get("response")).put("status", 3);

    assertThatThrownBy(() -> validateSignInCreate(body).assertValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("POST /v1/client/sign_ins -> 200: 2 contract violation(s)")
        .hasMessageContaining("response [schema.type] at /response/status")
        .hasMessageContaining("integer");
  }

  @Test
  void requestWithAnUndeclaredParameterIsAViolation() {
    // "identifer" is a typo a client could make; the file forbids undeclared form parameters.
    ContractReport report = CONTRACT.validate(signInCreate("identifer=jane%40example.com&password=x"));

    assertThat(report.violations()).as(report.describe())
        .anySatisfy(v -> {
          assertThat(v.side()).isEqualTo(Side.REQUEST);
          assertThat(v.rule()).isEqualTo("schema.additionalProperties");
          assertThat(v.message()).contains("identifer");
        });
  }

  @Test
  void requestParameterThatClerksClientsSendIsTolerated() {
    ContractReport report = CONTRACT.validate(signInCreate("identifier=jane%40example.com&password=x&locale=en-US"));

    assertThat(report.violations()).as(report.describe()).isEmpty();
    assertThat(report.tolerated()).extracting(Finding::tolerance)
        .contains(Tolerance.CLIENT_SENT_REQUEST_PARAMETER);
  }

  @Test
  void requestMissingARequiredParameterIsAViolation() {
    Interaction prepare = new Interaction(
        "POST", "/v1/client/sign_ins/sia_1/prepare_first_factor", Map.of("_is_native", List.of("true")),
        "application/x-www-form-urlencoded", "email_address_id=idn_1",
        200, "application/json", RecordedFixture.named("flutter-sign_in-prepare_first_factor-email_code").bodyJson());

    ContractReport report = CONTRACT.validate(prepare);

    assertThat(report.violations()).as(report.describe())
        .anySatisfy(v -> {
          assertThat(v.side()).isEqualTo(Side.REQUEST);
          assertThat(v.rule()).isEqualTo("schema.required");
          assertThat(v.message()).contains("strategy");
        });
  }

  @Test
  void numericLookingFormValueIsTheStringItIsOnTheWire() {
    Interaction attempt = new Interaction(
        "POST", "/v1/client/sign_ins/sia_1/attempt_second_factor", Map.of("_is_native", List.of("true")),
        "application/x-www-form-urlencoded", "strategy=email_code&code=424242",
        200, "application/json",
        RecordedFixture.named("flutter-sign_in-attempt_second_factor-email_code-complete").bodyJson());

    ContractReport report = CONTRACT.validate(attempt);

    assertThat(report.violations()).as(report.describe()).isEmpty();
  }

  @Test
  void wrongValueForAnEnumeratedFormParameterIsAViolation() {
    Interaction attempt = new Interaction(
        "POST", "/v1/client/sign_ins/sia_1/attempt_second_factor", Map.of("_is_native", List.of("true")),
        "application/x-www-form-urlencoded", "strategy=carrier_pigeon&code=424242",
        200, "application/json",
        RecordedFixture.named("flutter-sign_in-attempt_second_factor-email_code-complete").bodyJson());

    ContractReport report = CONTRACT.validate(attempt);

    assertThat(report.violations()).as(report.describe())
        .anySatisfy(v -> {
          assertThat(v.side()).isEqualTo(Side.REQUEST);
          assertThat(v.message()).contains("carrier_pigeon");
        });
  }

  private static Interaction signInCreate(String form) {
    return new Interaction(
        "POST", "/v1/client/sign_ins", Map.of("_is_native", List.of("true")),
        "application/x-www-form-urlencoded", form,
        200, "application/json", signInBody().toString());
  }

  private static ObjectNode signInBody() {
    JsonNode body = RecordedFixture.named("flutter-sign_in-create-identifier-needs_first_factor").body();
    return (ObjectNode) body.deepCopy();
  }

  private static ContractReport validateSignInCreate(JsonNode body) {
    return CONTRACT.validateResponse(Interaction.response("POST", "/v1/client/sign_ins", 200, body.toString()));
  }

  private static void assertViolation(JsonNode body, String rule, String pointer) {
    ContractReport report = validateSignInCreate(body);
    // Only the broken field is reported (a number for an enum string is both a type and an enum
    // violation, hence "contains").
    assertThat(report.violations()).as(report.describe())
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.pointer()).isEqualTo(pointer))
        .extracting(Finding::rule, Finding::pointer)
        .contains(tuple(rule, pointer));
  }
}
