package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.testing.OutboxMessage;
import io.github.clerk4j.testing.OutboxMessage.Channel;
import io.github.clerk4j.testing.OutboxMessage.Purpose;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The latest code and the latest link of a recipient, when codes and e-mail links are mixed. */
class MemoryOutboxTest {
  private static final Instant SENT = Instant.parse("2026-05-12T10:00:00Z");
  private static final String LINK = "http://127.0.0.1:8787/v1/verify?token=t0k3n";

  private final MemoryOutbox outbox = new MemoryOutbox();

  @Test
  void anEmailLinkSentAfterACodeDoesNotHideTheCode() {
    outbox.add(new OutboxMessage(Channel.EMAIL, "ada@example.com", "123456", Purpose.SIGN_IN, SENT));
    outbox.add(new OutboxMessage(Channel.EMAIL, "Ada@Example.com", null, Purpose.SIGN_IN, SENT.plusSeconds(1), LINK));

    assertThat(outbox.latestCodeFor("ada@example.com")).isEqualTo("123456");
    assertThat(outbox.latestLinkFor("ADA@example.com")).isEqualTo(LINK);
  }

  @Test
  void aRecipientWithLinksOnlyHasNoCode() {
    outbox.add(new OutboxMessage(Channel.EMAIL, "ada@example.com", null, Purpose.SIGN_IN, SENT, LINK));

    assertThatThrownBy(() -> outbox.latestCodeFor("ada@example.com"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no code was sent to ada@example.com, only e-mail links: use latestLinkFor");
    assertThatThrownBy(() -> outbox.latestCodeFor("bob@example.com"))
        .isInstanceOf(IllegalStateException.class).hasMessage("nothing was sent to bob@example.com");
    assertThatThrownBy(() -> outbox.latestLinkFor("bob@example.com"))
        .isInstanceOf(IllegalStateException.class).hasMessage("no e-mail link was sent to bob@example.com");
  }
}
