package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.T0;

import io.github.clerk4j.internal.wire.ClientResource;
import io.github.clerk4j.internal.wire.EmailAddressResource;
import io.github.clerk4j.internal.wire.FactorResource;
import io.github.clerk4j.internal.wire.PhoneNumberResource;
import io.github.clerk4j.internal.wire.ReverificationResource;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.internal.wire.UserResource;
import io.github.clerk4j.internal.wire.VerificationResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire resources of the signed-in side (user, phone numbers, reverification) for tests. */
final class MeFixtures {

  static final String SESSION = "sess_1";
  static final String EMAIL_ID = "idn_email";

  private MeFixtures() {}

  static UserResource user(boolean twoFactor, boolean totp, boolean backupCodes, PhoneNumberResource... phones) {
    return new UserResource("user_1", "ada", "Ada", "Lovelace", null, false, EMAIL_ID, null,
        List.of(new EmailAddressResource(EMAIL_ID, "ada@example.com",
            new VerificationResource("verified", "email_code", null, null, null))),
        List.of(phones), true, twoFactor, totp, backupCodes, Map.of(), Map.of(), true, T0, T0);
  }

  static UserResource plainUser() {
    return user(false, false, false);
  }

  static PhoneNumberResource phone(String id, String status, boolean reserved, boolean isDefault, String... codes) {
    VerificationResource v = status == null ? null : Fixtures.verification(status, "phone_code");
    return new PhoneNumberResource(id, "+15555550100", reserved, isDefault, v, List.of(codes));
  }

  static SessionResource session(String status, UserResource user, SessionTask... tasks) {
    return new SessionResource(SESSION, status, T0.plusSeconds(86400), null, T0, null, null, Fixtures.keys(tasks), user,
        List.of(0, -1), T0, T0);
  }

  /** A client whose last active session is {@code s}; {@code tick} orders snapshots. */
  static ClientResource client(SessionResource s, int tick) {
    return new ClientResource("client_1", List.of(s), null, null, s.id(), null, T0, T0.plusSeconds(tick));
  }

  static ReverificationResource verification(String level, String status, List<FactorResource> first,
      List<FactorResource> second) {
    return new ReverificationResource(level, status, first, second, null, null, null);
  }

  static ClerkApiException error(int http, String code, String param) {
    return new ClerkApiException(http, List.of(new ClerkError(code, code, code.replace('_', ' '),
        param == null ? Map.of() : Map.of("param_name", param))), "trace_1");
  }

  static ClerkApiException reverificationRequired() {
    return error(403, "session_reverification_required", null);
  }

  /** A Clerk whose client has {@code s} as its active session (one GET_CLIENT from the script). */
  static Clerk signedIn(FakeTransport fake, SessionResource s) {
    Clerk clerk = Fixtures.clerk(fake);
    fake.thenRespond(client(s, 0));
    clerk.loadClient();
    return clerk;
  }

  static Instant at(int tick) {
    return T0.plusSeconds(tick);
  }
}
