package io.github.clerk4j.testing;

import java.util.List;

/**
 * Every e-mail and SMS the emulator "sent", oldest first. Also served as JSON at
 * {@code GET /__emulator/outbox}. Thread-safe.
 */
public interface Outbox {

  /** {@return all messages, oldest first} */
  List<OutboxMessage> messages();

  /**
   * {@return the messages to one recipient, oldest first}
   *
   * @param recipient an e-mail address (compared without case) or an E.164 phone number
   */
  List<OutboxMessage> messagesFor(String recipient);

  /**
   * {@return the code of the latest message to a recipient that carries one (e-mail links carry
   * none)}
   *
   * @param recipient an e-mail address (compared without case) or an E.164 phone number
   * @throws IllegalStateException if no code was sent to that recipient
   */
  String latestCodeFor(String recipient);

  /**
   * The link of the latest e-mail link sent to a recipient ({@code email_link}): opening it, in a
   * browser or with any HTTP client, verifies the sign-in that sent it.
   *
   * @param recipient an e-mail address, compared without case
   * @return the link, an absolute URL
   * @throws IllegalStateException if no link was sent to that recipient
   */
  String latestLinkFor(String recipient);

  /** Forgets all messages. */
  void clear();
}
