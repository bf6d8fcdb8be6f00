package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.OutboxMessage.Channel;
import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.internal.Model.ClientRecord;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.SignInAttempt;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * E-mail links (wire spec §16.1, §16.2): a sign-in's first factor, or its Client Trust step,
 * sends a link ({@code GET /v1/verify?token=...}) to the outbox; opening it, in any browser,
 * verifies the step of the sign-in that sent it, which the client then sees by polling. A link
 * works once, until it expires ({@link Settings#codeTtl()}), and only while it is the sign-in's
 * latest. The instance setting "require the same device and browser" is not emulated: a link is
 * accepted from any browser. Caller holds the state lock.
 */
final class EmailLinkRules {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final EmulatorState state;
  private final SignInSteps signIns;
  private final Map<String, EmailLink> byToken = new HashMap<>();

  EmailLinkRules(EmulatorState state, SignInSteps signIns) {
    this.state = state;
    this.signIns = signIns;
  }

  /** A sent link, as the sign-in shows it ({@code verification_email_link}) and as its opening finds it. */
  static final class EmailLink implements VerificationRecord {
    final ClientRecord client;
    final SignInAttempt signIn;
    final boolean secondFactor;
    final @Nullable String redirectUrl;
    final long expireAt;
    VerificationState status = VerificationState.UNVERIFIED;
    @Nullable String verifiedAtClient;

    EmailLink(ClientRecord client, SignInAttempt signIn, boolean secondFactor, @Nullable String redirectUrl,
        long expireAt) {
      this.client = client;
      this.signIn = signIn;
      this.secondFactor = secondFactor;
      this.redirectUrl = redirectUrl;
      this.expireAt = expireAt;
    }

    @Override
    public FactorStrategy strategy() {
      return FactorStrategy.EMAIL_LINK;
    }

    @Override
    public VerificationState status() {
      return status;
    }

    @Override
    public Map<String, Object> json() {
      Map<String, Object> json = Json.obj("object", "verification_email_link", "status", status,
          "strategy", FactorStrategy.EMAIL_LINK, "attempts", null, "expire_at", expireAt);
      if (verifiedAtClient != null) {
        json.put("verified_at_client", verifiedAtClient);
      }
      return json;
    }
  }

  /**
   * Sends a link to the user's e-mail address with this id, for the sign-in's first factor or its
   * second step; the browser that opens it is sent to {@code redirectUrl} (may be null).
   *
   * @throws ApiException 422 {@code form_param_value_invalid} for an id that is not the user's (or
   *     none)
   */
  EmailLink send(ClientRecord client, SignInAttempt signIn, @Nullable String emailAddressId,
      @Nullable String redirectUrl, boolean secondFactor) {
    UserRecord user = signIn.identifiedUser();
    EmailRecord email = user.email(emailAddressId)
        .orElseThrow(() -> ApiException.paramValueInvalid("email_address_id"));
    long now = state.now();
    byToken.values().removeIf(l -> now >= l.expireAt + state.settings.codeTtl().toMillis());
    EmailLink link = new EmailLink(client, signIn, secondFactor, redirectUrl, now + state.settings.codeTtl().toMillis());
    String token = state.randomString(ALPHABET, 48);
    byToken.put(token, link);
    state.outbox.add(new OutboxMessage(Channel.EMAIL, email.address, null,
        secondFactor ? Purpose.SECOND_FACTOR : Purpose.SIGN_IN, Instant.ofEpochMilli(now),
        state.issuer + "/v1/verify?token=" + token));
    return link;
  }

  /**
   * What opening a link did.
   *
   * @param status {@code verified}, {@code expired} or {@code failed}, as {@code __clerk_status} says it
   * @param error the refusal, for a browser without a redirect URL to go to; null when verified
   */
  record Opened(String status, @Nullable String redirectUrl, @Nullable String createdSessionId,
      @Nullable ApiException error) {}

  /**
   * {@code GET /v1/verify?token=...}: verifies the link's step, then MFA or a session.
   *
   * @throws ApiException 400 {@code verification_link_token_invalid} for a token that was never sent
   */
  Opened open(@Nullable String token) {
    EmailLink link = token == null ? null : byToken.get(token);
    if (link == null) {
      throw ApiException.of(400, "verification_link_token_invalid", "invalid link token",
          "Verification link token is invalid");
    }
    SignInAttempt signIn = link.signIn;
    VerificationRecord current = link.secondFactor ? signIn.secondFactor : signIn.firstFactor;
    boolean atStep = link.secondFactor ? signIn.status.secondStep() : signIn.status == AttemptStatus.NEEDS_FIRST_FACTOR;
    if (current != link || link.status != VerificationState.UNVERIFIED || !atStep) {
      // A newer link replaced it, or it was used already: Clerk's "stale" link.
      return new Opened("failed", link.redirectUrl, null, ApiException.of(400, "verification_link_token_stale",
          "stale link token", "Verification link token is no longer valid. Please request a new one."));
    }
    if (state.now() >= link.expireAt) {
      link.status = VerificationState.EXPIRED;
      return new Opened("expired", link.redirectUrl, null, ApiException.of(400, "verification_link_token_expired",
          "expired link token", "Verification link token has expired"));
    }
    link.status = VerificationState.VERIFIED;
    link.verifiedAtClient = link.client.id;
    link.client.updatedAt = state.now();
    if (link.secondFactor) {
      signIns.complete(link.client, signIn, true);
    } else {
      signIns.afterFirstFactor(link.client, signIn);
    }
    return new Opened("verified", link.redirectUrl, signIn.createdSessionId, null);
  }
}
