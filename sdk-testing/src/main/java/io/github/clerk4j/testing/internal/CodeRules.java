package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.OutboxMessage.Channel;
import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.TestMode;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One-time codes: 6 digits (424242 in test mode), into the outbox, with the configured lifetime. */
final class CodeRules {
  private final EmulatorState state;

  CodeRules(EmulatorState state) {
    this.state = state;
  }

  /**
   * Sends a 6-digit code and returns the verification that checks it. Test-mode addresses and
   * numbers get {@link TestMode#CODE}, as on a Clerk development instance.
   */
  Otp sendCode(FactorStrategy strategy, String targetId, String recipient, Purpose purpose) {
    Channel channel = strategy.channel();
    boolean testMode = channel == Channel.EMAIL
        ? TestMode.isTestEmail(recipient) : TestMode.isTestPhone(recipient);
    String code = testMode ? TestMode.CODE : sixDigits(state.random.nextInt(1_000_000));
    long now = state.now();
    state.outbox.add(new OutboxMessage(channel, recipient, code, purpose, Instant.ofEpochMilli(now)));
    return new Otp(strategy, targetId, code, now + state.settings.codeTtl().toMillis());
  }

  private static String sixDigits(int n) {
    String digits = Integer.toString(n);
    return "000000".substring(digits.length()) + digits;
  }

  /** Sends an e-mail or SMS code to one of the user's identifiers, chosen by id. */
  Otp sendCodeTo(UserRecord user, FactorStrategy strategy, @Nullable String identifierId, Purpose purpose) {
    if (strategy.channel() == Channel.EMAIL) {
      EmailRecord email = user.email(identifierId)
          .orElseThrow(() -> ApiException.paramValueInvalid("email_address_id"));
      return sendCode(strategy, email.id, email.address, purpose);
    }
    PhoneRecord phone = user.phone(identifierId)
        .orElseThrow(() -> ApiException.paramValueInvalid("phone_number_id"));
    return sendCode(strategy, phone.id, phone.number, purpose);
  }

  /**
   * Checks a code against the pending verification of this strategy.
   *
   * @throws ApiException 400 {@code verification_missing} when no code of this strategy was sent,
   *     else what {@link Otp#attempt} throws
   */
  void attempt(@Nullable VerificationRecord pending, FactorStrategy strategy, String code, String howToSend) {
    if (!(pending instanceof Otp otp) || otp.strategy() != strategy) {
      throw ApiException.of(400, "verification_missing", "missing", howToSend);
    }
    otp.attempt(code, state.now());
  }
}
