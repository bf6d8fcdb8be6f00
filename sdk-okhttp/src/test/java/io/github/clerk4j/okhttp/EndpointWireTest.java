package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Endpoint} on the wire: method, path, query, headers and the exact form body
 * (fapi-wire-spec.md §1–§5), and its answer decodes into the endpoint's response type.
 */
class EndpointWireTest {

  private static final String TOKEN = "Bearer eyJhbGciOi.client-token.sig";

  private static final String SIGN_IN =
      "{\"response\":{\"object\":\"sign_in_attempt\",\"id\":\"sia_1\",\"status\":\"needs_first_factor\"},"
          + "\"client\":{\"object\":\"client\",\"id\":\"client_1\",\"sessions\":[],\"sign_in\":null}}";
  private static final String CLIENT =
      "{\"response\":{\"object\":\"client\",\"id\":\"client_1\",\"sessions\":[]},\"client\":null}";
  private static final String SESSION =
      "{\"response\":{\"object\":\"session\",\"id\":\"sess_1\",\"status\":\"active\"},\"client\":null}";
  private static final String TOKEN_BODY = "{\"object\":\"token\",\"jwt\":\"a.b.c\"}";
  private static final String REVERIFICATION =
      "{\"response\":{\"object\":\"session_reverification\",\"level\":\"second_factor\","
          + "\"status\":\"needs_second_factor\"},\"client\":null}";
  private static final String USER =
      "{\"response\":{\"object\":\"user\",\"id\":\"user_1\"},\"client\":null}";
  private static final String PHONE =
      "{\"response\":{\"object\":\"phone_number\",\"id\":\"idn_1\",\"phone_number\":\"+15555550100\"},"
          + "\"client\":null}";
  private static final String TOTP =
      "{\"response\":{\"object\":\"totp\",\"id\":\"totp_1\",\"secret\":\"JBSWY3DPEHPK3PXP\","
          + "\"uri\":\"otpauth://totp/x\",\"verified\":false},\"client\":null}";
  private static final String BACKUP_CODES =
      "{\"response\":{\"object\":\"backup_code\",\"id\":\"bc_1\",\"codes\":[\"a1\",\"b2\"]},"
          + "\"client\":null}";
  private static final String DELETED =
      "{\"response\":{\"object\":\"phone_number\",\"id\":\"idn_1\",\"deleted\":true},\"client\":null}";
  private static final String ENVIRONMENT =
      "{\"display_config\":{\"application_name\":\"App\"},\"user_settings\":{\"attributes\":{}}}";

  /**
   * One call as core describes it and as the wire must show it.
   *
   * @param body the exact form body ({@code ""} for none)
   */
  record Case(
      Endpoint<?> endpoint,
      String id,
      String sessionId,
      Form form,
      String method,
      String path,
      String body,
      String answer) {

    boolean me() {
      return path.startsWith("/v1/me");
    }

    @Override
    public String toString() {
      return endpoint + " " + method + " " + path;
    }
  }

  private static Form form(String... keysAndValues) {
    Form f = Form.empty();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      f = f.with(keysAndValues[i], keysAndValues[i + 1]);
    }
    return f;
  }

  static List<Case> cases() {
    String si = "/v1/client/sign_ins/sia_1";
    String ss = "/v1/client/sessions/sess_1";
    Form none = Form.empty();
    return List.of(
        new Case(
            Endpoint.GET_ENVIRONMENT, null, null, none, "GET", "/v1/environment", "", ENVIRONMENT),
        new Case(Endpoint.GET_CLIENT, null, null, none, "GET", "/v1/client", "", CLIENT),
        new Case(Endpoint.CREATE_CLIENT, null, null, none, "POST", "/v1/client", "", CLIENT),
        new Case(Endpoint.DELETE_CLIENT, null, null, none, "DELETE", "/v1/client", "", CLIENT),
        new Case(
            Endpoint.CREATE_SIGN_IN,
            null,
            null,
            form("identifier", "jane@example.com", "password", "pw-1", "locale", "en-US"),
            "POST",
            "/v1/client/sign_ins",
            "identifier=jane%40example.com&password=pw-1&locale=en-US",
            SIGN_IN),
        new Case(Endpoint.GET_SIGN_IN, "sia_1", null, none, "GET", si, "", SIGN_IN),
        new Case(
            Endpoint.PREPARE_FIRST_FACTOR,
            "sia_1",
            null,
            form("strategy", "email_code", "email_address_id", "idn_1"),
            "POST",
            si + "/prepare_first_factor",
            "strategy=email_code&email_address_id=idn_1",
            SIGN_IN),
        new Case(
            Endpoint.ATTEMPT_FIRST_FACTOR,
            "sia_1",
            null,
            form("strategy", "email_code", "code", "123456"),
            "POST",
            si + "/attempt_first_factor",
            "strategy=email_code&code=123456",
            SIGN_IN),
        new Case(
            Endpoint.PREPARE_SECOND_FACTOR,
            "sia_1",
            null,
            form("strategy", "phone_code", "phone_number_id", "idn_1"),
            "POST",
            si + "/prepare_second_factor",
            "strategy=phone_code&phone_number_id=idn_1",
            SIGN_IN),
        new Case(
            Endpoint.ATTEMPT_SECOND_FACTOR,
            "sia_1",
            null,
            form("strategy", "totp", "code", "123456"),
            "POST",
            si + "/attempt_second_factor",
            "strategy=totp&code=123456",
            SIGN_IN),
        new Case(
            Endpoint.RESET_PASSWORD,
            "sia_1",
            null,
            form("password", "new-pw", "sign_out_of_other_sessions", "true"),
            "POST",
            si + "/reset_password",
            "password=new-pw&sign_out_of_other_sessions=true",
            SIGN_IN),
        new Case(Endpoint.GET_SESSION, null, "sess_1", none, "GET", ss, "", SESSION),
        new Case(
            Endpoint.TOUCH_SESSION,
            null,
            "sess_1",
            form("active_organization_id", "", "intent", "select_session"),
            "POST",
            ss + "/touch",
            "active_organization_id=&intent=select_session",
            SESSION),
        new Case(Endpoint.END_SESSION, null, "sess_1", none, "POST", ss + "/end", "", SESSION),
        new Case(
            Endpoint.REMOVE_SESSION, null, "sess_1", none, "POST", ss + "/remove", "", SESSION),
        new Case(
            Endpoint.CREATE_SESSION_TOKEN,
            null,
            "sess_1",
            form("organization_id", "org_1"),
            "POST",
            ss + "/tokens",
            "organization_id=org_1",
            TOKEN_BODY),
        new Case(
            Endpoint.CREATE_SESSION_TOKEN,
            "supabase",
            "sess_1",
            none,
            "POST",
            ss + "/tokens/supabase",
            "",
            TOKEN_BODY),
        new Case(
            Endpoint.START_REVERIFICATION,
            null,
            "sess_1",
            form("level", "second_factor"),
            "POST",
            ss + "/verify",
            "level=second_factor",
            REVERIFICATION),
        new Case(
            Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR,
            null,
            "sess_1",
            form("strategy", "email_code", "email_address_id", "idn_1"),
            "POST",
            ss + "/verify/prepare_first_factor",
            "strategy=email_code&email_address_id=idn_1",
            REVERIFICATION),
        new Case(
            Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR,
            null,
            "sess_1",
            form("strategy", "password", "password", "pw-1"),
            "POST",
            ss + "/verify/attempt_first_factor",
            "strategy=password&password=pw-1",
            REVERIFICATION),
        new Case(
            Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR,
            null,
            "sess_1",
            form("strategy", "phone_code", "phone_number_id", "idn_1"),
            "POST",
            ss + "/verify/prepare_second_factor",
            "strategy=phone_code&phone_number_id=idn_1",
            REVERIFICATION),
        new Case(
            Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR,
            null,
            "sess_1",
            form("strategy", "backup_code", "code", "abcd-efgh"),
            "POST",
            ss + "/verify/attempt_second_factor",
            "strategy=backup_code&code=abcd-efgh",
            REVERIFICATION),
        new Case(Endpoint.GET_USER, null, "sess_1", none, "GET", "/v1/me", "", USER),
        new Case(
            Endpoint.CHANGE_PASSWORD,
            null,
            "sess_1",
            form(
                "current_password",
                "old",
                "new_password",
                "new",
                "sign_out_of_other_sessions",
                "false"),
            "POST",
            "/v1/me/change_password",
            "current_password=old&new_password=new&sign_out_of_other_sessions=false",
            USER),
        new Case(
            Endpoint.CREATE_PHONE_NUMBER,
            null,
            "sess_1",
            form("phone_number", "+15555550100", "reserved_for_second_factor", "true"),
            "POST",
            "/v1/me/phone_numbers",
            "phone_number=%2B15555550100&reserved_for_second_factor=true",
            PHONE),
        new Case(
            Endpoint.GET_PHONE_NUMBER,
            "idn_1",
            "sess_1",
            none,
            "GET",
            "/v1/me/phone_numbers/idn_1",
            "",
            PHONE),
        new Case(
            Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION,
            "idn_1",
            "sess_1",
            form("strategy", "phone_code"),
            "POST",
            "/v1/me/phone_numbers/idn_1/prepare_verification",
            "strategy=phone_code",
            PHONE),
        new Case(
            Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION,
            "idn_1",
            "sess_1",
            form("code", "123456"),
            "POST",
            "/v1/me/phone_numbers/idn_1/attempt_verification",
            "code=123456",
            PHONE),
        new Case(
            Endpoint.UPDATE_PHONE_NUMBER,
            "idn_1",
            "sess_1",
            form("reserved_for_second_factor", "true"),
            "PATCH",
            "/v1/me/phone_numbers/idn_1",
            "reserved_for_second_factor=true",
            PHONE),
        new Case(
            Endpoint.DELETE_PHONE_NUMBER,
            "idn_1",
            "sess_1",
            none,
            "DELETE",
            "/v1/me/phone_numbers/idn_1",
            "",
            DELETED),
        new Case(Endpoint.CREATE_TOTP, null, "sess_1", none, "POST", "/v1/me/totp", "", TOTP),
        new Case(
            Endpoint.ATTEMPT_TOTP_VERIFICATION,
            null,
            "sess_1",
            form("code", "123456"),
            "POST",
            "/v1/me/totp/attempt_verification",
            "code=123456",
            TOTP),
        new Case(Endpoint.DELETE_TOTP, null, "sess_1", none, "DELETE", "/v1/me/totp", "", DELETED),
        new Case(
            Endpoint.CREATE_BACKUP_CODES,
            null,
            "sess_1",
            none,
            "POST",
            "/v1/me/backup_codes",
            "",
            BACKUP_CODES));
  }

  private final WireServer wire = new WireServer();

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void theTableCoversEveryEndpoint() {
    Set<Endpoint<?>> covered = cases().stream().map(Case::endpoint).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Endpoint.ALL);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void requestOnTheWire(Case c) {
    wire.enqueue(200, c.answer());

    FapiResponse<?> response = wire.execute(c.endpoint(), c.id(), c.sessionId(), c.form(), TOKEN);

    RecordedRequest r = wire.takeRequest();
    assertThat(r.getMethod()).isEqualTo(c.method());
    assertThat(r.getUrl().encodedPath()).isEqualTo(c.path());
    assertThat(r.getUrl().queryParameter("_is_native")).isEqualTo("true");
    assertThat(r.getUrl().queryParameter("__clerk_api_version")).isNull();
    assertThat(r.getUrl().queryParameterNames())
        .containsExactlyInAnyOrderElementsOf(
            c.me() ? List.of("_is_native", "_clerk_session_id") : List.of("_is_native"));
    if (c.me()) {
      assertThat(r.getUrl().queryParameter("_clerk_session_id")).isEqualTo("sess_1");
    }
    assertThat(r.getHeaders().get("clerk-api-version")).isEqualTo("2026-05-12");
    assertThat(r.getHeaders().values("Authorization")).containsExactly(TOKEN);
    assertThat(r.getHeaders().get("Origin")).isNull();
    assertThat(r.getHeaders().get("User-Agent")).startsWith("clerk4j/");
    assertThat(WireServer.bodyOf(r)).isEqualTo(c.body());
    if (c.method().equals("POST") || c.method().equals("PATCH")) {
      assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    } else {
      assertThat(r.getBodySize()).isZero();
    }

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.response()).isInstanceOf(c.endpoint().responseType());
  }

  @Test
  void noAuthorizationHeaderWithoutAClientToken() {
    wire.enqueue(200, CLIENT);

    wire.execute(Endpoint.CREATE_CLIENT, null, null, Form.empty(), null);

    assertThat(wire.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void formValuesAreEncodedAndKeepTheirOrder() {
    wire.enqueue(200, SIGN_IN);
    Form f =
        form(
            "identifier", "jane+clerk_test@example.com",
            "password", "p&ss=w ö%rd",
            "strategy", "password");

    wire.execute(Endpoint.CREATE_SIGN_IN, null, null, f, TOKEN);

    assertThat(decodeForm(WireServer.bodyOf(wire.takeRequest())))
        .containsExactlyEntriesOf(f.fields());
  }

  @Test
  void formOfAGetBecomesItsQuery() {
    wire.enqueue(200, SIGN_IN);

    wire.execute(Endpoint.GET_SIGN_IN, "sia_1", null, form("rotating_token_nonce", "n-1"), TOKEN);

    RecordedRequest r = wire.takeRequest();
    assertThat(r.getUrl().queryParameter("rotating_token_nonce")).isEqualTo("n-1");
    assertThat(r.getUrl().queryParameter("_is_native")).isEqualTo("true");
  }

  @Test
  void meCallWithoutSessionLeavesTheParameterOut() {
    wire.enqueue(200, USER);

    wire.execute(Endpoint.GET_USER, null, null, Form.empty(), TOKEN);

    assertThat(wire.takeRequest().getUrl().queryParameterNames()).containsExactly("_is_native");
  }

  @Test
  void pathParametersAreEscaped() {
    wire.enqueue(200, SIGN_IN);

    wire.execute(Endpoint.GET_SIGN_IN, "sia_1/../../me", null, Form.empty(), TOKEN);

    assertThat(wire.takeRequest().getUrl().encodedPath())
        .isEqualTo("/v1/client/sign_ins/sia_1%2F..%2F..%2Fme");
  }

  private static Map<String, String> decodeForm(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    Stream.of(body.split("&"))
        .map(p -> p.split("=", 2))
        .forEach(
            kv ->
                fields.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    return fields;
  }
}
