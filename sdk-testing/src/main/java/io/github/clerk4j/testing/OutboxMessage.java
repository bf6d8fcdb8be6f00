package io.github.clerk4j.testing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One e-mail or SMS the emulator "sent". {@link #toString()} leaves the code and the link out, so
 * that a logged message never leaks them.
 *
 * @param channel e-mail or SMS
 * @param recipient the e-mail address or E.164 phone number
 * @param code the verification code it carried, or null for an e-mail link
 * @param purpose why it was sent
 * @param sentAt when, by the emulator's clock
 * @param link the e-mail link it carried ({@code email_link}), or null; a message has a code or a link
 */
public record OutboxMessage(Channel channel, String recipient, @Nullable String code, Purpose purpose,
    Instant sentAt, @Nullable String link) {

  /**
   * A message with a code.
   *
   * @param channel e-mail or SMS
   * @param recipient the e-mail address or E.164 phone number
   * @param code the verification code it carried
   * @param purpose why it was sent
   * @param sentAt when, by the emulator's clock
   */
  public OutboxMessage(Channel channel, String recipient, String code, Purpose purpose, Instant sentAt) {
    this(channel, recipient, code, purpose, sentAt, null);
  }

  /** How a message was delivered. */
  public enum Channel {
    /** An e-mail. */
    EMAIL,
    /** A text message. */
    SMS
  }

  /** Why a code was sent. */
  public enum Purpose {
    /** First factor of a sign-in by code ({@code email_code}, {@code phone_code}). */
    SIGN_IN,
    /** Second factor or client trust of a sign-in. */
    SECOND_FACTOR,
    /** Password reset ({@code reset_password_email_code}, {@code reset_password_phone_code}). */
    RESET_PASSWORD,
    /** Verification of a sign-up's e-mail address or phone number. */
    SIGN_UP,
    /** Verification of a phone number the user added. */
    VERIFY_PHONE,
    /** Verification of an e-mail address the user added. */
    VERIFY_EMAIL,
    /** Step-up verification of a session. */
    REVERIFICATION
  }

  @Override
  public String toString() {
    return "OutboxMessage[channel=" + channel + ", recipient=" + recipient
        + (link == null ? ", code=<redacted>" : ", link=<redacted>")
        + ", purpose=" + purpose + ", sentAt=" + sentAt + "]";
  }
}
