package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.Outbox;
import io.github.clerk4j.testing.OutboxMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory outbox. Messages are also indexed by recipient, so that reading the latest code
 * costs the same after a million sign-ins as after one (a scan of every message, each recipient
 * lower-cased, grew with every flow of a long run). Synchronized: the emulator writes under its
 * lock while tests read from their own threads.
 */
final class MemoryOutbox implements Outbox {
  private final List<OutboxMessage> messages = new ArrayList<>();
  private final Map<String, List<OutboxMessage>> byRecipient = new HashMap<>();

  synchronized void add(OutboxMessage message) {
    messages.add(message);
    byRecipient.computeIfAbsent(key(message.recipient()), k -> new ArrayList<>()).add(message);
  }

  @Override
  public synchronized List<OutboxMessage> messages() {
    return List.copyOf(messages);
  }

  @Override
  public synchronized List<OutboxMessage> messagesFor(String recipient) {
    return List.copyOf(byRecipient.getOrDefault(key(recipient), List.of()));
  }

  @Override
  public synchronized String latestCodeFor(String recipient) {
    List<OutboxMessage> found = byRecipient.getOrDefault(key(recipient), List.of());
    // The latest with a code: an e-mail link sent after it has none.
    for (int i = found.size() - 1; i >= 0; i--) {
      String code = found.get(i).code();
      if (code != null) {
        return code;
      }
    }
    throw new IllegalStateException(found.isEmpty() ? "nothing was sent to " + recipient
        : "no code was sent to " + recipient + ", only e-mail links: use latestLinkFor");
  }

  @Override
  public synchronized String latestLinkFor(String recipient) {
    List<OutboxMessage> found = byRecipient.getOrDefault(key(recipient), List.of());
    for (int i = found.size() - 1; i >= 0; i--) {
      String link = found.get(i).link();
      if (link != null) {
        return link;
      }
    }
    throw new IllegalStateException("no e-mail link was sent to " + recipient);
  }

  @Override
  public synchronized void clear() {
    messages.clear();
    byRecipient.clear();
  }

  /** E-mail addresses compare without case; phone numbers are E.164 already. */
  private static String key(String recipient) {
    return recipient.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code {"messages": [...]}}, oldest first: every message, or those to {@code recipient} (null
   * for all), the newest {@code limit} of them (0 for all).
   */
  Map<String, Object> toJson(@Nullable String recipient, int limit) {
    List<OutboxMessage> chosen;
    synchronized (this) {
      List<OutboxMessage> all = recipient == null ? messages : byRecipient.getOrDefault(key(recipient), List.of());
      // Only the newest are copied, so that reading the latest code stays cheap as the outbox grows.
      chosen = List.copyOf(limit > 0 && all.size() > limit ? all.subList(all.size() - limit, all.size()) : all);
    }
    List<Object> list = new ArrayList<>();
    for (OutboxMessage m : chosen) {
      list.add(Json.obj(
          "channel", m.channel().name().toLowerCase(Locale.ROOT),
          "recipient", m.recipient(),
          "code", m.code(),
          "link", m.link(),
          "purpose", m.purpose().name().toLowerCase(Locale.ROOT),
          "sent_at", m.sentAt().toEpochMilli()));
    }
    return Json.obj("messages", list);
  }
}
