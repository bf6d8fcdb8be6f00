package io.github.clerk4j;

import io.github.clerk4j.internal.wire.ClientResource;
import io.github.clerk4j.internal.wire.FactorResource;
import io.github.clerk4j.internal.wire.SessionResource;
import io.github.clerk4j.internal.wire.SignInResource;
import io.github.clerk4j.internal.wire.SignUpResource;
import io.github.clerk4j.internal.wire.UserDataResource;
import io.github.clerk4j.internal.wire.VerificationResource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Builders of wire resources and a Clerk wired to a {@link FakeTransport}, for tests. */
final class Fixtures {

  static final String URL = "https://example-13.clerk.accounts.dev";
  static final Instant T0 = Instant.parse("2026-05-12T10:00:00Z");

  private Fixtures() {}

  /** A recorder of retry waits: no real sleeping in tests. */
  static final class Sleeps implements RetryPolicy.Sleeper {
    final List<java.time.Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(java.time.Duration d) {
      waits.add(d);
    }
  }

  static Clerk clerk(FakeTransport fake) {
    return builder(fake, new Sleeps()).build();
  }

  static Clerk.Builder builder(FakeTransport fake, Sleeps sleeps) {
    return Clerk.builder()
        .frontendApiUrl(URL)
        .transport(url -> fake)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeps).jitter(() -> 0.5).build())
        .clock(Clock.fixed(T0, ZoneOffset.UTC));
  }

  static FactorResource emailFactor(String strategy, String email, String id) {
    return new FactorResource(strategy, email, id, null, true, false);
  }

  static FactorResource phoneFactor(String strategy, String masked, String id, boolean isDefault) {
    return new FactorResource(strategy, masked, null, id, true, isDefault);
  }

  static FactorResource bare(String strategy) {
    return new FactorResource(strategy, null, null, null, null, false);
  }

  static VerificationResource verification(String status, String strategy) {
    return new VerificationResource(status, strategy, 0, T0.plusSeconds(600), null);
  }

  /** An OAuth or SSO verification: unverified with the provider's page, or as after the callback. */
  static VerificationResource external(String status, String strategy, String url, ClerkError error) {
    return new VerificationResource(status, strategy, null, T0.plusSeconds(600), error, null, List.of(), url);
  }

  /** The wire keys of tasks. */
  static List<String> keys(SessionTask... tasks) {
    return Arrays.stream(tasks).map(SessionTask::rawKey).toList();
  }

  /** A mutable builder of {@link SignInResource}. */
  static final class SignInBuilder {
    String id;
    String status;
    String identifier;
    List<FactorResource> first = new ArrayList<>();
    List<FactorResource> second = new ArrayList<>();
    VerificationResource firstVerification;
    VerificationResource secondVerification;
    String createdSessionId;
    String clientTrustState;

    SignInBuilder identifier(String v) {
      identifier = v;
      return this;
    }

    SignInBuilder first(FactorResource... f) {
      first = List.of(f);
      return this;
    }

    SignInBuilder second(FactorResource... f) {
      second = List.of(f);
      return this;
    }

    SignInBuilder firstVerification(String status, String strategy) {
      firstVerification = verification(status, strategy);
      return this;
    }

    SignInBuilder firstVerification(VerificationResource v) {
      firstVerification = v;
      return this;
    }

    SignInBuilder secondVerification(String status, String strategy) {
      secondVerification = verification(status, strategy);
      return this;
    }

    SignInBuilder createdSessionId(String v) {
      createdSessionId = v;
      return this;
    }

    SignInBuilder clientTrustState(String v) {
      clientTrustState = v;
      return this;
    }

    SignInResource build() {
      return new SignInResource(id, status, List.of("email_address"), first, second,
          firstVerification, secondVerification, identifier,
          new UserDataResource("Ada", "Lovelace", null, false), createdSessionId, T0.plusSeconds(86400),
          clientTrustState);
    }
  }

  static SignInBuilder signIn(String id, String status) {
    SignInBuilder b = new SignInBuilder();
    b.id = id;
    b.status = status;
    return b;
  }

  /** A mutable builder of {@link SignUpResource}. */
  static final class SignUpBuilder {
    String id;
    String status;
    List<String> required = List.of("email_address", "password");
    List<String> missing = List.of();
    List<String> unverified = List.of();
    VerificationResource email;
    VerificationResource phone;
    VerificationResource external;
    String emailAddress;
    String phoneNumber;
    String createdSessionId;
    String createdUserId;

    SignUpBuilder emailAddress(String v) {
      emailAddress = v;
      return this;
    }

    SignUpBuilder phoneNumber(String v) {
      phoneNumber = v;
      return this;
    }

    SignUpBuilder missing(String... fields) {
      missing = List.of(fields);
      return this;
    }

    SignUpBuilder unverified(String... fields) {
      unverified = List.of(fields);
      return this;
    }

    SignUpBuilder emailVerification(String status, String nextAction) {
      email = new VerificationResource(status, "email_code", 0, T0.plusSeconds(600), null, nextAction,
          List.of("email_code"));
      return this;
    }

    SignUpBuilder phoneVerification(String status, String nextAction) {
      phone = new VerificationResource(status, "phone_code", 0, T0.plusSeconds(600), null, nextAction,
          List.of("phone_code"));
      return this;
    }

    SignUpBuilder external(String status, String errorCode) {
      external = new VerificationResource(status, "oauth_google", null, T0.plusSeconds(600),
          errorCode == null ? null : new ClerkError(errorCode, "exists", "exists", null));
      return this;
    }

    SignUpBuilder external(VerificationResource v) {
      external = v;
      return this;
    }

    SignUpBuilder created(String sessionId, String userId) {
      createdSessionId = sessionId;
      createdUserId = userId;
      return this;
    }

    SignUpResource build() {
      return new SignUpResource(id, status, required, List.of("username"), missing, unverified, email, phone,
          external, emailAddress, phoneNumber, null, null, null, true, Map.of(), createdSessionId,
          createdUserId, T0.plusSeconds(86400), null);
    }
  }

  static SignUpBuilder signUp(String id, String status) {
    SignUpBuilder b = new SignUpBuilder();
    b.id = id;
    b.status = status;
    return b;
  }

  static SessionResource session(String id, String status, SessionTask... tasks) {
    return new SessionResource(id, status, T0.plusSeconds(86400 * 7), null, T0, null, null,
        keys(tasks), null, List.of(), T0, T0);
  }

  static ClientResource client(String id, Instant updatedAt, SignInResource signIn,
      String lastActive, SessionResource... sessions) {
    return new ClientResource(id, List.of(sessions), signIn, null, lastActive, null, T0, updatedAt);
  }

  static ClientResource clientWithSignUp(String id, Instant updatedAt, SignUpResource signUp,
      String lastActive, SessionResource... sessions) {
    return new ClientResource(id, List.of(sessions), null, signUp, lastActive, null, T0, updatedAt);
  }

  /** An unsigned JWT with these claims (core never verifies signatures). */
  static String jwt(String sub, long iat, long exp) {
    String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String payload = b64("{\"sub\":\"" + sub + "\",\"iat\":" + iat + ",\"exp\":" + exp + "}");
    return header + "." + payload + ".c2lnbmF0dXJl";
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
