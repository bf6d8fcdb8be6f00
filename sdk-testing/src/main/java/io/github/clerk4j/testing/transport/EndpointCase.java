package io.github.clerk4j.testing.transport;

import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FilePart;
import io.github.clerk4j.spi.Form;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One Frontend API call as clerk4j-core hands it to a transport, and what the wire must show for
 * it: the request of {@link Endpoint}'s javadoc, with the form core sends, and a realistic answer.
 *
 * @param body the exact form body ({@code ""} for none); for GET and DELETE the form is the query
 * @param answer a 2xx body of the kind Clerk sends for this call
 * @param piggybacksClient whether {@code answer} carries the client
 * @param file the file of a {@code multipart/form-data} body, or null: then {@code form} goes in
 *     text parts and {@code body} is unused
 */
record EndpointCase(
    Endpoint endpoint,
    @Nullable String id,
    @Nullable String sessionId,
    Form form,
    String method,
    String path,
    String body,
    String answer,
    boolean piggybacksClient,
    @Nullable FilePart file) {

  /** A call without a file. */
  EndpointCase(Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form, String method,
      String path, String body, String answer, boolean piggybacksClient) {
    this(endpoint, id, sessionId, form, method, path, body, answer, piggybacksClient, null);
  }

  /** A PNG's signature and the start of its header chunk, with bytes no text encoding keeps. */
  static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
      (byte) 0xFF, (byte) 0xFE, 0x00, '\r', '\n', '-', '-'};

  static final String SIGN_IN = "/v1/client/sign_ins/SIGN_IN_ID";
  static final String SESSION = "/v1/client/sessions/SESSION_ID";
  static final String SIGN_UP = "/v1/client/sign_ups/SIGN_UP_ID";

  /** Every endpoint at least once (the session token twice: without and with a JWT template). */
  static List<EndpointCase> all() {
    String withClient = Answers.SIGNED_IN_CLIENT;
    return List.of(
        get(Endpoint.GET_ENVIRONMENT, null, null, "/v1/environment", Answers.recorded(Answers.ENVIRONMENT), false),
        get(Endpoint.GET_CLIENT, null, null, "/v1/client",
            Answers.envelope(Answers.SIGNED_IN_CLIENT, null), false),
        new EndpointCase(Endpoint.DELETE_CLIENT, null, null, Form.empty(), "DELETE", "/v1/client", "",
            Answers.envelope(Answers.NEW_CLIENT, null), false),

        post(Endpoint.CREATE_SIGN_IN, null, null, "/v1/client/sign_ins",
            form("identifier", "jane+clerk_test@example.com", "password", "p&ss=wörd %+*~"),
            "identifier=jane%2Bclerk_test%40example.com&password=p%26ss%3Dw%C3%B6rd+%25%2B*%7E",
            Answers.recorded(Answers.CLIENT_TRUST), true),
        new EndpointCase(Endpoint.GET_SIGN_IN, "SIGN_IN_ID", null, form("rotating_token_nonce", "n/1+2 3"),
            "GET", SIGN_IN, "", Answers.recorded(Answers.NEEDS_FIRST_FACTOR), true),
        post(Endpoint.PREPARE_FIRST_FACTOR, "SIGN_IN_ID", null, SIGN_IN + "/prepare_first_factor",
            form("strategy", "email_code", "email_address_id", "IDENTIFIER_ID"),
            "strategy=email_code&email_address_id=IDENTIFIER_ID",
            Answers.recorded(Answers.FIRST_FACTOR_PREPARED), true),
        post(Endpoint.ATTEMPT_FIRST_FACTOR, "SIGN_IN_ID", null, SIGN_IN + "/attempt_first_factor",
            form("strategy", "email_code", "code", "424242"), "strategy=email_code&code=424242",
            Answers.recorded(Answers.FIRST_FACTOR_COMPLETE), true),
        post(Endpoint.PREPARE_SECOND_FACTOR, "SIGN_IN_ID", null, SIGN_IN + "/prepare_second_factor",
            form("strategy", "email_code", "email_address_id", "IDENTIFIER_ID"),
            "strategy=email_code&email_address_id=IDENTIFIER_ID",
            Answers.recorded(Answers.SECOND_FACTOR_PREPARED), true),
        post(Endpoint.ATTEMPT_SECOND_FACTOR, "SIGN_IN_ID", null, SIGN_IN + "/attempt_second_factor",
            form("strategy", "email_code", "code", "424242"), "strategy=email_code&code=424242",
            Answers.recorded(Answers.SECOND_FACTOR_COMPLETE), true),
        post(Endpoint.RESET_PASSWORD, "SIGN_IN_ID", null, SIGN_IN + "/reset_password",
            form("password", "new pässword-1", "sign_out_of_other_sessions", "true"),
            "password=new+p%C3%A4ssword-1&sign_out_of_other_sessions=true",
            Answers.recorded(Answers.PASSWORD_COMPLETE), true),

        post(Endpoint.CREATE_SIGN_UP, null, null, "/v1/client/sign_ups",
            form("strategy", "password", "email_address", "jane+clerk_test@example.com", "password", "p&ss wörd",
                "unsafe_metadata", "{\"plan\":\"pro\"}"),
            "strategy=password&email_address=jane%2Bclerk_test%40example.com&password=p%26ss+w%C3%B6rd"
                + "&unsafe_metadata=%7B%22plan%22%3A%22pro%22%7D",
            Answers.envelope(Answers.SIGN_UP, Answers.NEW_CLIENT), true),
        // The reload after a browser sign-up carries the nonce as query, as the sign-in's does.
        new EndpointCase(Endpoint.GET_SIGN_UP, "SIGN_UP_ID", null, form("rotating_token_nonce", "n/4+5 6"), "GET", SIGN_UP, "",
            Answers.envelope(Answers.SIGN_UP, Answers.NEW_CLIENT), true),
        new EndpointCase(Endpoint.UPDATE_SIGN_UP, "SIGN_UP_ID", null, form("first_name", "Jane", "last_name", ""),
            "PATCH", SIGN_UP, "first_name=Jane&last_name=", Answers.envelope(Answers.SIGN_UP, Answers.NEW_CLIENT),
            true),
        post(Endpoint.PREPARE_SIGN_UP_VERIFICATION, "SIGN_UP_ID", null, SIGN_UP + "/prepare_verification",
            form("strategy", "phone_code", "channel", "sms"), "strategy=phone_code&channel=sms",
            Answers.envelope(Answers.SIGN_UP, Answers.NEW_CLIENT), true),
        post(Endpoint.ATTEMPT_SIGN_UP_VERIFICATION, "SIGN_UP_ID", null, SIGN_UP + "/attempt_verification",
            form("strategy", "email_code", "code", "424242"), "strategy=email_code&code=424242",
            Answers.envelope(Answers.SIGN_UP, Answers.NEW_CLIENT), true),

        post(Endpoint.TOUCH_SESSION, null, "SESSION_ID", SESSION + "/touch",
            form("active_organization_id", "", "intent", "select_session"),
            "active_organization_id=&intent=select_session",
            Answers.envelope(Answers.SESSION, withClient), true),
        post(Endpoint.END_SESSION, null, "SESSION_ID", SESSION + "/end", Form.empty(), "",
            Answers.envelope(Answers.ENDED_SESSION, Answers.NEW_CLIENT), true),
        post(Endpoint.CREATE_SESSION_TOKEN, null, "SESSION_ID", SESSION + "/tokens",
            form("organization_id", "org_1"), "organization_id=org_1", Answers.SESSION_TOKEN, false),
        post(Endpoint.CREATE_SESSION_TOKEN, "supabase", "SESSION_ID", SESSION + "/tokens/supabase",
            Form.empty(), "", Answers.SESSION_TOKEN, false),

        post(Endpoint.START_REVERIFICATION, null, "SESSION_ID", SESSION + "/verify",
            form("level", "first_factor"), "level=first_factor",
            Answers.envelope(Answers.REVERIFICATION_NEEDS_FIRST_FACTOR, withClient), true),
        post(Endpoint.PREPARE_REVERIFICATION_FIRST_FACTOR, null, "SESSION_ID",
            SESSION + "/verify/prepare_first_factor",
            form("strategy", "email_code", "email_address_id", "IDENTIFIER_ID"),
            "strategy=email_code&email_address_id=IDENTIFIER_ID",
            Answers.envelope(Answers.REVERIFICATION_NEEDS_FIRST_FACTOR, withClient), true),
        post(Endpoint.ATTEMPT_REVERIFICATION_FIRST_FACTOR, null, "SESSION_ID",
            SESSION + "/verify/attempt_first_factor",
            form("strategy", "password", "password", "correct horse"), "strategy=password&password=correct+horse",
            Answers.envelope(Answers.REVERIFICATION_COMPLETE, withClient), true),
        post(Endpoint.PREPARE_REVERIFICATION_SECOND_FACTOR, null, "SESSION_ID",
            SESSION + "/verify/prepare_second_factor",
            form("strategy", "phone_code", "phone_number_id", "PHONE_ID"),
            "strategy=phone_code&phone_number_id=PHONE_ID",
            Answers.envelope(Answers.REVERIFICATION_NEEDS_FIRST_FACTOR, withClient), true),
        post(Endpoint.ATTEMPT_REVERIFICATION_SECOND_FACTOR, null, "SESSION_ID",
            SESSION + "/verify/attempt_second_factor",
            form("strategy", "totp", "code", "123456"), "strategy=totp&code=123456",
            Answers.envelope(Answers.REVERIFICATION_COMPLETE, withClient), true),

        get(Endpoint.GET_USER, null, "SESSION_ID", "/v1/me", Answers.envelope(Answers.USER, withClient), true),
        post(Endpoint.CHANGE_PASSWORD, null, "SESSION_ID", "/v1/me/change_password",
            form("current_password", "old one", "new_password", "new&one", "sign_out_of_other_sessions", "false"),
            "current_password=old+one&new_password=new%26one&sign_out_of_other_sessions=false",
            Answers.envelope(Answers.USER, withClient), true),
        post(Endpoint.CREATE_PHONE_NUMBER, null, "SESSION_ID", "/v1/me/phone_numbers",
            form("phone_number", "+15555550100"), "phone_number=%2B15555550100",
            Answers.envelope(Answers.PHONE_NUMBER, withClient), true),
        post(Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION, "PHONE_ID", "SESSION_ID",
            "/v1/me/phone_numbers/PHONE_ID/prepare_verification", form("strategy", "phone_code"),
            "strategy=phone_code", Answers.envelope(Answers.PHONE_NUMBER, withClient), true),
        post(Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION, "PHONE_ID", "SESSION_ID",
            "/v1/me/phone_numbers/PHONE_ID/attempt_verification", form("code", "424242"), "code=424242",
            Answers.envelope(Answers.PHONE_NUMBER, withClient), true),
        new EndpointCase(Endpoint.UPDATE_PHONE_NUMBER, "PHONE_ID", "SESSION_ID",
            form("reserved_for_second_factor", "true"), "PATCH", "/v1/me/phone_numbers/PHONE_ID",
            "reserved_for_second_factor=true", Answers.envelope(Answers.PHONE_NUMBER, withClient), true),
        new EndpointCase(Endpoint.DELETE_PHONE_NUMBER, "PHONE_ID", "SESSION_ID", Form.empty(), "DELETE",
            "/v1/me/phone_numbers/PHONE_ID", "", Answers.envelope(Answers.DELETED_PHONE_NUMBER, withClient), true),
        post(Endpoint.CREATE_TOTP, null, "SESSION_ID", "/v1/me/totp", Form.empty(), "",
            Answers.envelope(Answers.TOTP, withClient), true),
        post(Endpoint.ATTEMPT_TOTP_VERIFICATION, null, "SESSION_ID", "/v1/me/totp/attempt_verification",
            form("code", "123456"), "code=123456", Answers.envelope(Answers.TOTP, withClient), true),
        new EndpointCase(Endpoint.DELETE_TOTP, null, "SESSION_ID", Form.empty(), "DELETE", "/v1/me/totp", "",
            Answers.envelope(Answers.DELETED_TOTP, withClient), true),
        post(Endpoint.CREATE_BACKUP_CODES, null, "SESSION_ID", "/v1/me/backup_codes", Form.empty(), "",
            Answers.envelope(Answers.BACKUP_CODES, withClient), true),

        new EndpointCase(Endpoint.UPDATE_USER, null, "SESSION_ID",
            form("first_name", "Jane Q.", "username", "jane_doe", "primary_email_address_id", "EMAIL_ID_2"), "PATCH",
            "/v1/me", "first_name=Jane+Q.&username=jane_doe&primary_email_address_id=EMAIL_ID_2",
            Answers.envelope(Answers.USER, withClient), true),
        new EndpointCase(Endpoint.UPDATE_USER_METADATA, null, "SESSION_ID",
            form("unsafe_metadata", "{\"theme\":\"dark\"}"), "PATCH", "/v1/me/metadata",
            "unsafe_metadata=%7B%22theme%22%3A%22dark%22%7D", Answers.envelope(Answers.USER, withClient), true),
        new EndpointCase(Endpoint.DELETE_USER, null, "SESSION_ID", Form.empty(), "DELETE", "/v1/me", "",
            Answers.envelope(Answers.DELETED_USER, null), false),
        post(Endpoint.CREATE_EMAIL_ADDRESS, null, "SESSION_ID", "/v1/me/email_addresses",
            form("email_address", "jane.doe+new@example.com"), "email_address=jane.doe%2Bnew%40example.com",
            Answers.envelope(Answers.EMAIL_ADDRESS, withClient), true),
        post(Endpoint.PREPARE_EMAIL_ADDRESS_VERIFICATION, "EMAIL_ID_2", "SESSION_ID",
            "/v1/me/email_addresses/EMAIL_ID_2/prepare_verification", form("strategy", "email_code"),
            "strategy=email_code", Answers.envelope(Answers.EMAIL_ADDRESS, withClient), true),
        post(Endpoint.ATTEMPT_EMAIL_ADDRESS_VERIFICATION, "EMAIL_ID_2", "SESSION_ID",
            "/v1/me/email_addresses/EMAIL_ID_2/attempt_verification", form("code", "424242"), "code=424242",
            Answers.envelope(Answers.EMAIL_ADDRESS, withClient), true),
        new EndpointCase(Endpoint.DELETE_EMAIL_ADDRESS, "EMAIL_ID_2", "SESSION_ID", Form.empty(), "DELETE",
            "/v1/me/email_addresses/EMAIL_ID_2", "", Answers.envelope(Answers.DELETED_EMAIL_ADDRESS, withClient), true),
        new EndpointCase(Endpoint.SET_PROFILE_IMAGE, null, "SESSION_ID", Form.empty(), "POST", "/v1/me/profile_image",
            "", Answers.envelope(Answers.IMAGE, withClient), true,
            new FilePart("file", "jane.png", "image/png", IMAGE)),
        new EndpointCase(Endpoint.DELETE_PROFILE_IMAGE, null, "SESSION_ID", Form.empty(), "DELETE",
            "/v1/me/profile_image", "", Answers.envelope(Answers.DELETED_IMAGE, withClient), true),
        get(Endpoint.GET_ACTIVE_SESSIONS, null, "SESSION_ID", "/v1/me/sessions/active", Answers.ACTIVE_SESSIONS, false),
        post(Endpoint.REVOKE_SESSION, "OTHER_SESSION_ID", "SESSION_ID", "/v1/me/sessions/OTHER_SESSION_ID/revoke",
            Form.empty(), "", Answers.envelope(Answers.REVOKED_SESSION, withClient), true));
  }

  private static EndpointCase get(
      Endpoint e, @Nullable String id, @Nullable String sessionId, String path, String answer,
      boolean piggybacksClient) {
    return new EndpointCase(e, id, sessionId, Form.empty(), "GET", path, "", answer, piggybacksClient);
  }

  private static EndpointCase post(Endpoint e, @Nullable String id, @Nullable String sessionId, String path,
      Form form, String body, String answer, boolean piggybacksClient) {
    return new EndpointCase(e, id, sessionId, form, "POST", path, body, answer, piggybacksClient);
  }

  static Form form(String... keysAndValues) {
    Form f = Form.empty();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      f = f.with(keysAndValues[i], keysAndValues[i + 1]);
    }
    return f;
  }

  /** The request core hands over, with {@code clientToken} (or none). */
  FapiRequest request(@Nullable String clientToken) {
    return fapiRequest(endpoint, id, sessionId, form, file, clientToken, Duration.ofSeconds(10));
  }

  /** A request as core makes one, null where it has no id, session, file or token. */
  static FapiRequest fapiRequest(Endpoint endpoint, @Nullable String id, @Nullable String sessionId, Form form,
      @Nullable FilePart file, @Nullable String clientToken, Duration timeout) {
    return new FapiRequest(endpoint, id, sessionId, form, file, clientToken, timeout);
  }

  /** Whether this call goes under {@code /v1/me}, and so names its session in the query. */
  boolean me() {
    return path.startsWith("/v1/me");
  }

  /** Whether the form goes into the body (POST, PATCH) rather than the query (GET, DELETE). */
  boolean hasBody() {
    return method.equals("POST") || method.equals("PATCH");
  }

  /** The query parameters the request must carry, decoded, and no others. */
  Map<String, String> query() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("_is_native", "true");
    if (me() && sessionId != null) {
      q.put("_clerk_session_id", sessionId);
    }
    if (!hasBody()) {
      q.putAll(form.fields());
    }
    return q;
  }

  @Override
  public String toString() {
    return endpoint + " (" + method + " " + path + ")";
  }
}
