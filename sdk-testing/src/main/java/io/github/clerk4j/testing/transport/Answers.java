package io.github.clerk4j.testing.transport;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * The answer bodies the suite serves: Clerk's recorded responses (see {@code recorded/SOURCE.md}
 * next to this class), byte for byte, and resources cut out of them; where nothing was recorded,
 * bodies written after Clerk's OpenAPI file with the recordings' ids and values.
 */
final class Answers {

  static final String CLIENT_TRUST = "flutter-sign_in-create-password-needs_client_trust";
  static final String NEEDS_FIRST_FACTOR = "flutter-sign_in-create-identifier-needs_first_factor";
  static final String FIRST_FACTOR_PREPARED = "flutter-sign_in-prepare_first_factor-email_code";
  static final String FIRST_FACTOR_COMPLETE = "flutter-sign_in-attempt_first_factor-email_code-complete";
  static final String PASSWORD_COMPLETE = "flutter-sign_in-attempt_first_factor-password-complete";
  static final String SECOND_FACTOR_PREPARED = "flutter-sign_in-prepare_second_factor-email_code";
  static final String SECOND_FACTOR_COMPLETE = "flutter-sign_in-attempt_second_factor-email_code-complete";
  static final String ENVIRONMENT = "flutter-environment";
  static final String CLIENT_CREATED = "flutter-client-create";

  /** The client of a completed sign-in: one active session with its user. */
  static final String SIGNED_IN_CLIENT = recorded(SECOND_FACTOR_COMPLETE, "client");
  static final String SESSION = recorded(SECOND_FACTOR_COMPLETE, "client", "sessions", 0);
  static final String USER = recorded(SECOND_FACTOR_COMPLETE, "client", "sessions", 0, "user");
  /** A client without sessions or sign-in. */
  static final String NEW_CLIENT = recorded(CLIENT_CREATED, "response");

  static final String ENDED_SESSION = """
      {"object":"session","id":"SESSION_ID","status":"ended","expire_at":1767229200000,\
      "abandon_at":1767232800000,"last_active_at":1767214800000,"last_active_organization_id":null,\
      "actor":null,"user":null,"public_user_data":{"first_name":"Jane","last_name":"Doe",\
      "identifier":"jane+clerk_test@example.com"},"factor_verification_age":[0,-1],"tasks":null,\
      "created_at":1767211200000,"updated_at":1767218400000,"last_active_token":null}""";

  static final String SESSION_TOKEN = """
      {"object":"token","jwt":"eyJhbGciOiJSUzI1NiIsImtpZCI6Imluc18xIiwidHlwIjoiSldUIn0.\
      eyJzaWQiOiJTRVNTSU9OX0lEIiwic3ViIjoiVVNFUl9JRCJ9.c2lnbmF0dXJlLW9mLXRoZS1zdWl0ZQ"}""";

  static final String REVERIFICATION_NEEDS_FIRST_FACTOR = """
      {"object":"session_reverification","status":"needs_first_factor","level":"first_factor",\
      "supported_first_factors":[{"strategy":"password"},{"strategy":"email_code",\
      "safe_identifier":"jane+clerk_test@example.com","email_address_id":"IDENTIFIER_ID",\
      "primary":true}],"supported_second_factors":null,"first_factor_verification":null,\
      "second_factor_verification":null,"session":""" + SESSION + "}";

  static final String REVERIFICATION_COMPLETE = """
      {"object":"session_reverification","status":"complete","level":"first_factor",\
      "supported_first_factors":null,"supported_second_factors":null,\
      "first_factor_verification":{"object":"verification_password","status":"verified",\
      "strategy":"password","attempts":1,"expire_at":null},"second_factor_verification":null,\
      "session":""" + SESSION + "}";

  static final String PHONE_NUMBER = """
      {"object":"phone_number","id":"PHONE_ID","phone_number":"+15555550100","reserved":false,\
      "reserved_for_second_factor":false,"default_second_factor":false,"verification":\
      {"object":"verification_otp","status":"unverified","strategy":"phone_code","attempts":0,\
      "expire_at":1767229200000},"linked_to":[],"backup_codes":null,"created_at":1767211200000,\
      "updated_at":1767211200000}""";

  static final String TOTP = """
      {"object":"totp","id":"TOTP_ID","secret":"JBSWY3DPEHPK3PXP","uri":"otpauth://totp/\
      APPLICATION_NAME:jane%2Bclerk_test%40example.com?issuer=APPLICATION_NAME&\
      secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30","verified":false,\
      "backup_codes":null,"created_at":1767211200000,"updated_at":1767211200000}""";

  static final String BACKUP_CODES = """
      {"object":"backup_code","id":"BACKUP_CODE_ID","codes":["k2m9q7f3","p4x8n2r6","t7w3c5v9",\
      "b6h2j8d4","m3q9z5k7","r8f4s2g6","w5n7p3x9","c2v6b8h4","j9d3t7m5","q4k8r2w6"],\
      "created_at":1767211200000,"updated_at":1767211200000}""";

  /** A sign-up with its e-mail code sent, in the shape addendum §12.2 records from Clerk. */
  static final String SIGN_UP = """
      {"object":"sign_up_attempt","id":"SIGN_UP_ID","status":"missing_requirements",      "required_fields":["email_address","password"],"optional_fields":["first_name"],      "missing_fields":[],"unverified_fields":["email_address"],"verifications":{"email_address":      {"object":"verification_otp","status":"unverified","strategy":"email_code","attempts":0,      "expire_at":1767229200000,"next_action":"needs_attempt","supported_strategies":["email_code"]},      "phone_number":null,"web3_wallet":null,"external_account":null},"username":null,      "email_address":"jane+clerk_test@example.com","phone_number":null,"web3_wallet":null,      "password_enabled":true,"first_name":null,"last_name":null,"unsafe_metadata":{},      "public_metadata":{},"custom_action":false,"external_id":null,"created_session_id":null,      "created_user_id":null,"abandon_at":1767297600000,"legal_accepted_at":null}""";

  static final String DELETED_PHONE_NUMBER = """
      {"object":"phone_number","id":"PHONE_ID","deleted":true}""";

  static final String DELETED_TOTP = """
      {"object":"totp","id":"TOTP_ID","deleted":true}""";

  static final String DELETED_USER = """
      {"object":"user","id":"USER_ID","deleted":true}""";

  static final String EMAIL_ADDRESS = """
      {"object":"email_address","id":"EMAIL_ID_2","email_address":"jane.doe+new@example.com",\
      "reserved":false,"verification":{"object":"verification_otp","status":"unverified",\
      "strategy":"email_code","attempts":0,"expire_at":1767229200000},"linked_to":[],\
      "matches_sso_connection":false,"created_at":1767211200000,"updated_at":1767211200000}""";

  static final String DELETED_EMAIL_ADDRESS = """
      {"object":"email_address","id":"EMAIL_ID_2","deleted":true}""";

  static final String IMAGE = """
      {"object":"image","id":"IMAGE_ID","name":"jane.png","public_url":"https://img.clerk.com/IMAGE_ID"}""";

  static final String DELETED_IMAGE = """
      {"object":"image","id":"IMAGE_ID","deleted":true}""";

  /** {@code Client.ActiveSessions}: a bare array, no envelope. */
  static final String ACTIVE_SESSIONS = """
      [{"object":"session","id":"SESSION_ID","status":"active","expire_at":1767229200000,\
      "abandon_at":1767232800000,"last_active_at":1767214800000,"last_active_token":null,\
      "actor":null,"tasks":null,"latest_activity":{"object":"session_activity",\
      "id":"SESSION_ACTIVITY_ID","is_mobile":false,"device_type":"Macintosh","browser_name":"Chrome",\
      "browser_version":"124.0.0.0","ip_address":"203.0.113.7","city":"Lisbon","country":"PT"}}]""";

  static final String REVOKED_SESSION = """
      {"object":"session","id":"OTHER_SESSION_ID","status":"revoked","expire_at":1767229200000,\
      "abandon_at":1767232800000,"last_active_at":1767214800000,"last_active_organization_id":null,\
      "actor":null,"user":null,"public_user_data":{"first_name":"Jane","last_name":"Doe",\
      "identifier":"jane+clerk_test@example.com"},"factor_verification_age":[0,-1],"tasks":null,\
      "created_at":1767211200000,"updated_at":1767218400000,"last_active_token":null}""";

  private Answers() {}

  /** The {@code {response, client}} envelope of FAPI's answers. */
  static String envelope(String response, @Nullable String client) {
    return "{\"response\":" + response + ",\"client\":" + (client == null ? "null" : client) + "}";
  }

  /**
   * The raw JSON text of a recorded response's body, or of a value in it: {@code path} names
   * object members (strings) and array elements (integers). Raw, so that every number and string
   * goes out exactly as Clerk sent it.
   */
  static String recorded(String name, Object... path) {
    String resource = "recorded/" + name + ".json";
    try (InputStream in = Answers.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the suite's resource " + resource + " is missing");
      }
      JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(in)));
      descend(reader, "body");
      for (Object step : path) {
        descend(reader, step);
      }
      try (okio.BufferedSource value = reader.nextSource()) {
        return value.readUtf8();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the suite's resource " + resource, e);
    }
  }

  private static void descend(JsonReader reader, Object step) throws IOException {
    if (step instanceof Integer index) {
      reader.beginArray();
      for (int i = 0; i < index; i++) {
        reader.skipValue();
      }
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals(step)) {
        return;
      }
      reader.skipValue();
    }
    throw new IllegalStateException("no member " + step + " at " + reader.getPath());
  }

  /** {@code json} cut off right after the first {@code marker}. */
  static String cutAfter(String json, String marker) {
    int at = json.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("no " + marker + " in the answer");
    }
    return json.substring(0, at + marker.length());
  }
}
