package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.Outbox;
import io.github.clerk4j.testing.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The in-memory outbox. */
final class MemoryOutbox implements Outbox {
  private final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();

  void add(OutboxMessage message) {
    messages.add(message);
  }

  @Override
  public List<OutboxMessage> messages() {
    return List.copyOf(messages);
  }

  @Override
  public List<OutboxMessage> messagesFor(String recipient) {
    String wanted = recipient.toLowerCase(Locale.ROOT);
    List<OutboxMessage> result = new ArrayList<>();
    for (OutboxMessage m : messages) {
      if (m.recipient().toLowerCase(Locale.ROOT).equals(wanted)) {
        result.add(m);
      }
    }
    return result;
  }

  @Override
  public String latestCodeFor(String recipient) {
    List<OutboxMessage> found = messagesFor(recipient);
    if (found.isEmpty()) {
      throw new IllegalStateException("nothing was sent to " + recipient);
    }
    return found.get(found.size() - 1).code();
  }

  @Override
  public void clear() {
    messages.clear();
  }

  Map<String, Object> toJson() {
    List<Object> list = new ArrayList<>();
    for (OutboxMessage m : messages) {
      list.add(Json.obj(
          "channel", m.channel().name().toLowerCase(Locale.ROOT),
          "recipient", m.recipient(),
          "code", m.code(),
          "purpose", m.purpose().name().toLowerCase(Locale.ROOT),
          "sent_at", m.sentAt().toEpochMilli()));
    }
    return Json.obj("messages", list);
  }
}
